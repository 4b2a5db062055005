import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from './support/run-cli.js';

// The package as a user gets it: `npm pack` in a copy of the project (so the prepack/prepare build runs
// for real without emptying the dist/ that other test files run from), then `npm ci --offline` of the
// tarball into an empty folder, with the project's lockfile pinning the runtime dependencies (they are
// in the npm cache once `npm ci` has run for the project, as on any CI runner). No dev dependency is
// installed there, so anything the CLI needs at run time and only has from devDependencies fails here.
const run = promisify(execFile);
const pkg = JSON.parse(await readFile(join(repoRoot, 'package.json'), 'utf8')) as PackageJson;
const tarballName = `${pkg.name}-${pkg.version}.tgz`;

interface PackageJson {
  name: string;
  version: string;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  bin: Record<string, string>;
  engines: Record<string, string>;
}

interface LockEntry {
  readonly dev?: boolean;
  readonly link?: boolean;
  readonly extraneous?: boolean;
}

/** True when `index` sits inside a string literal on its line (code shown in explain's examples). */
function isInsideString(text: string, index: number): boolean {
  const before = text.slice(text.lastIndexOf('\n', index) + 1, index).replace(/\\./g, '');
  return ['"', "'", '`'].some((quote) => before.split(quote).length % 2 === 0);
}

let work: string;
let project: string;
let installed: string;
let packedFiles: string[];

/** npm's own lifecycle variables from an outer `npm test` must not leak into the npm runs below. */
function cleanEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  for (const key of Object.keys(env)) if (key.startsWith('npm_package_') || key.startsWith('npm_lifecycle_') || key === 'INIT_CWD') delete env[key];
  return env;
}

async function sh(command: string, args: readonly string[], cwd: string, timeoutMs = 240_000): Promise<{ stdout: string; stderr: string }> {
  return run(command, args, { cwd, env: cleanEnv(), timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 });
}

/** A lockfile for a project whose one dependency is the tarball: the project's own non-dev entries. */
async function lockForTarball(): Promise<object> {
  const lock = JSON.parse(await readFile(join(repoRoot, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockEntry> };
  const packages: Record<string, unknown> = {
    '': { name: 'faultline-install-test', dependencies: { [pkg.name]: `file:${tarballName}` } },
    [`node_modules/${pkg.name}`]: { version: pkg.version, resolved: `file:${tarballName}`, license: 'MIT', dependencies: pkg.dependencies, bin: pkg.bin, engines: pkg.engines },
  };
  for (const [path, entry] of Object.entries(lock.packages)) {
    if (path === '' || entry.dev || entry.link || entry.extraneous) continue;
    packages[path] = entry;
  }
  return { name: 'faultline-install-test', lockfileVersion: 3, requires: true, packages };
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'faultline-package-'));
  project = join(work, 'project');
  installed = join(work, 'installed');
  const skipped = new Set(['node_modules', 'dist', '.git', 'bench', 'test']);
  await mkdir(project);
  for (const entry of await readdir(repoRoot)) {
    if (skipped.has(entry) || entry.startsWith('faultline-report')) continue;
    await cp(join(repoRoot, entry), join(project, entry), { recursive: true });
  }
  await symlink(join(repoRoot, 'node_modules'), join(project, 'node_modules'), 'dir');
  const packed = await sh('npm', ['pack', '--json', '--pack-destination', work], project);
  packedFiles = (JSON.parse(packed.stdout) as [{ files: { path: string }[] }])[0].files.map((f) => f.path);

  await mkdir(installed);
  await cp(join(work, tarballName), join(installed, tarballName));
  await writeFile(join(installed, 'package.json'), JSON.stringify({ name: 'faultline-install-test', private: true, dependencies: { [pkg.name]: `file:${tarballName}` } }, null, 2));
  await writeFile(join(installed, 'package-lock.json'), JSON.stringify(await lockForTarball(), null, 2));
  // --ignore-scripts: offline, better-sqlite3's install script can only compile from source, which needs
  // the running Node's headers (there for the system Node, a download for the Node 24 run). Nothing the
  // demo, lint or any --help loads is native; serve's SQLite is tested from the project's own install.
  await sh('npm', ['ci', '--offline', '--ignore-scripts', '--no-audit', '--no-fund'], installed);
}, 420_000);

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

const npx = (args: readonly string[], timeoutMs?: number) => sh('npx', ['--no-install', 'faultline', ...args], installed, timeoutMs);

describe('the npm package', () => {
  it('carries the built CLI, the demo spec, schemas and dashboard, and no sources, tests or source maps', () => {
    expect(packedFiles).toContain('bin/faultline');
    expect(packedFiles).toContain('dist/src/cli/main.js');
    expect(packedFiles).toContain('dist/demo/shop.js');
    expect(packedFiles).toContain('demo/openapi.yaml');
    expect(packedFiles).toContain('schema/report.schema.json');
    expect(packedFiles).toContain('web/index.html');
    expect(packedFiles).toContain('docs/checks/index.md');
    expect(packedFiles).toEqual(expect.arrayContaining(['action.yml', 'ci/gitlab/faultline.gitlab-ci.yml']));
    expect(packedFiles.filter((f) => /\.test\.|test-helper|test-receivers|\.map$/.test(f) || (f.endsWith('.ts') && !f.endsWith('.d.ts')))).toEqual([]);
  });

  it('imports at run time only runtime dependencies and Node built-ins', async () => {
    const scripts = packedFiles.filter((f) => f.endsWith('.js'));
    const imported = new Set<string>();
    for (const file of scripts) {
      const text = await readFile(join(installed, 'node_modules', pkg.name, file), 'utf8');
      for (const match of text.matchAll(/^\s*(?:import|export)\b[^'"`]*?from\s+['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/gm)) {
        const specifier = match[1] ?? match[2]!;
        if (specifier.startsWith('.') || specifier.startsWith('node:') || isInsideString(text, match.index)) continue;
        imported.add(specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!);
      }
    }
    expect([...imported].filter((name) => !(name in pkg.dependencies))).toEqual([]);
  });

  it('installs without any dev dependency', async () => {
    const top = await readdir(join(installed, 'node_modules'));
    expect(top.filter((name) => name in pkg.devDependencies)).toEqual([]);
    expect(top).toContain('better-sqlite3');
  });

  it('answers --version and version --json', async () => {
    expect((await npx(['--version'])).stdout.trim()).toBe(pkg.version);
    const facts = JSON.parse((await npx(['version', '--json'])).stdout) as Record<string, string>;
    expect(facts).toMatchObject({ name: 'faultline', version: pkg.version, node: process.versions.node, platform: process.platform });
  });

  it('loads every sub-command', async () => {
    const help = (await npx(['--help'])).stdout;
    const names = [...help.matchAll(/^ {2}([a-z]+)\b/gm)].map((m) => m[1]!).filter((name) => name !== 'help');
    expect(names).toEqual(expect.arrayContaining(['lint', 'audit', 'demo', 'checks', 'diff', 'init', 'load', 'worker', 'proxy', 'serve', 'version']));
    for (const name of names) expect((await npx([name, '--help'])).stdout).toContain(`Usage: faultline ${name}`);
  });

  it('lints the bundled demo spec', async () => {
    const { stdout } = await npx(['lint', join('node_modules', pkg.name, 'demo', 'openapi.yaml'), '--format', 'json', '--fail-on', 'none']);
    const report = JSON.parse(stdout) as { findings: unknown[] };
    expect(report.findings.length).toBeGreaterThan(0);
  });

  it('runs the demo: starts the shop, audits it and writes the reports', async () => {
    const { stdout } = await npx(['demo', '--out', 'report', '--format', 'json'], 300_000);
    const report = JSON.parse(stdout) as { findings: { check: string }[] };
    expect(report.findings.map((f) => f.check)).toContain('permissions.object-level-access');
    expect((await readdir(join(installed, 'report'))).sort()).toEqual(['junit.xml', 'permissions.csv', 'report.html', 'report.json', 'report.sarif']);
  }, 300_000);
});
