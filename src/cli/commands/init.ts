import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { Command } from 'commander';
import { FaultlineError } from '../../core/errors.js';
import { envVarFor } from '../../core/redact.js';
import type { SecurityScheme, SpecModel } from '../../spec/model.js';
import { loadSpec } from '../../spec/load.js';

export function initCommand(): Command {
  return new Command('init')
    .description('write a starter faultline.yaml from a spec (never overwrites)')
    .option('--spec <spec>', 'the OpenAPI description to start from')
    .option('--target <url>', 'base URL of the running API (default: the spec\'s first server)')
    .option('-o, --output <file>', 'where to write', 'faultline.yaml')
    .action(async (options: { spec?: string; target?: string; output: string }) => {
      const output = resolve(options.output);
      if (existsSync(output)) {
        throw new FaultlineError('E_USAGE', 'already exists; faultline init never overwrites (remove it or pass --output)', { location: { file: options.output } });
      }
      const spec = options.spec ? await loadSpec(options.spec) : undefined;
      const target = options.target ?? spec?.servers.find((s) => /^https?:\/\//.test(s.url))?.url ?? 'http://127.0.0.1:3000';
      const specPath = options.spec ? (/^https?:/.test(options.spec) ? options.spec : relative(resolve(output, '..'), resolve(options.spec)) || options.spec) : './openapi.yaml';
      await writeFile(output, starterConfig(specPath, target, spec), { flag: 'wx' });
      process.stderr.write(`faultline: wrote ${options.output}; set the variables it names, then run: faultline audit\n`);
    });
}

/** One credential per security scheme and distinct scope set the spec uses, with ${...} placeholders. */
export function starterConfig(specPath: string, target: string, spec: SpecModel | undefined): string {
  const lines = [
    '# faultline.yaml: see docs/config.md. Strings may use ${VAR} and ${VAR:-default}.',
    `spec: ${specPath}`,
    `target: \${FAULTLINE_TARGET:-${target}}`,
    '',
    '# Roles the audit may act as; scopes are matched against the spec\'s security requirements.',
  ];
  const credentials = spec ? credentialsFor(spec) : [];
  if (credentials.length === 0) {
    lines.push('credentials: []');
  } else {
    lines.push('credentials:');
    for (const credential of credentials) {
      lines.push(`  - name: ${credential.name}`, `    headers: { ${credential.header}: "${credential.value}" }`, `    scopes: [${credential.scopes.join(', ')}]`);
    }
  }
  lines.push(
    '',
    '# Dependencies the API calls, reached through faultline\'s fault-injecting proxy:',
    '# dependencies:',
    '#   - name: inventory',
    '#     listen: 127.0.0.1:7101',
    '#     upstream: http://127.0.0.1:7100',
    '',
    'budget: { requests: 3000, time: 180s, timeout: 5s }',
    '',
  );
  return lines.join('\n');
}

interface StarterCredential {
  readonly name: string;
  readonly header: string;
  readonly value: string;
  readonly scopes: readonly string[];
}

function credentialsFor(spec: SpecModel): StarterCredential[] {
  const schemes = new Map(spec.securitySchemes.map((s) => [s.name, s]));
  const seen = new Set<string>();
  const out: StarterCredential[] = [];
  for (const operation of spec.operations) {
    for (const alternative of operation.security) {
      for (const requirement of alternative.schemes) {
        const scheme = schemes.get(requirement.name);
        if (!scheme) continue;
        const scopes = [...requirement.scopes].sort();
        const key = `${scheme.name}:${scopes.join(' ')}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const name = `${scheme.name}${scopes.length ? `-${scopes.join('-')}` : ''}`.replace(/[^\w-]+/g, '-').toLowerCase();
        out.push({ name, ...headerFor(scheme, name), scopes });
      }
    }
  }
  return out;
}

function headerFor(scheme: SecurityScheme, role: string): { header: string; value: string } {
  const variable = envVarFor(role, 'TOKEN');
  if (scheme.type === 'apiKey' && scheme.in === 'header' && scheme.paramName) return { header: scheme.paramName, value: `\${${variable}}` };
  if (scheme.type === 'apiKey' && scheme.in === 'cookie' && scheme.paramName) return { header: 'Cookie', value: `${scheme.paramName}=\${${variable}}` };
  if (scheme.type === 'http' && scheme.scheme === 'basic') return { header: 'Authorization', value: `Basic \${${variable}}` };
  return { header: 'Authorization', value: `Bearer \${${variable}}` };
}
