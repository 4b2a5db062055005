import type { Server } from '../../spec/model.js';
import { defineCheck } from '../define.js';
import { allServers, expandServerUrl } from './server-address.js';

/** Why no client can use the URL (variables already substituted), or undefined when it is usable. */
function syntaxProblem(url: string): string | undefined {
  if (url === '') return 'is empty';
  if (/[{}]/.test(url)) return 'keeps a template expression that cannot be substituted';
  // 'localhost:8080/v1' parses as scheme 'localhost', but it is a host and port written without a scheme.
  const scheme = /^([a-z][a-z0-9+.-]*):(?!\d+(\/|$))/i.exec(url)?.[1]?.toLowerCase();
  if (scheme !== undefined) {
    if (!['http', 'https', 'ws', 'wss'].includes(scheme)) return `has scheme '${scheme}:', not http(s)`;
    return URL.canParse(url) && new URL(url).hostname ? undefined : 'is not a valid absolute URL';
  }
  // 'api.example.com/v1' is a path relative to wherever the spec was downloaded from, not a host.
  if (!/^[/.]/.test(url) && /[.:]/.test(url.split('/')[0] ?? '')) return 'looks like a host name without a scheme (clients treat it as a relative path)';
  return URL.canParse(url, 'https://spec.invalid/') ? undefined : 'is not a valid relative URL';
}

function variableProblems(server: Server): string[] {
  const problems: string[] = [];
  for (const [, name = ''] of server.url.matchAll(/\{([^}]*)\}/g)) if (!(name in server.variables)) problems.push(`uses {${name}} but defines no such variable`);
  for (const [name, variable] of Object.entries(server.variables)) {
    if (variable.default === undefined) problems.push(`variable '${name}' has no default`);
    else if (variable.enum && !variable.enum.includes(variable.default)) problems.push(`default '${variable.default}' of variable '${name}' is not in its enum`);
  }
  return problems;
}

export const serverUrlInvalid = defineCheck({
  id: 'lint.server-url-invalid',
  cause: 'bad-urls',
  kind: 'lint',
  severity: 'medium',
  summary: 'Server URL is not a valid URL',
  explanation:
    'Generated clients, documentation consoles and test tools build every request URL from the server URL. When it has no scheme, stray whitespace, or a variable without a default, requests go to the wrong host, to a path relative to wherever the spec was downloaded from, or fail before they are sent.',
  remedy: 'Write absolute `https://host/base` URLs (or a relative path starting with `/`), give every server variable a `default` that is in its `enum`, and define every `{variable}` the URL uses.',
  *run({ spec }) {
    for (const server of allServers(spec)) {
      const broken = syntaxProblem(expandServerUrl(server).trim());
      const problems = [...(/\s/.test(server.url) ? ['contains whitespace'] : []), ...variableProblems(server)];
      // A variable without a default already explains why the expanded URL keeps its braces.
      if (broken && !(problems.length > 0 && /[{}]/.test(expandServerUrl(server)))) problems.push(broken);
      if (problems.length === 0) continue;
      yield {
        operation: null,
        pointer: server.pointer,
        detail: `Server URL '${server.url}' ${problems.join('; ')}.`,
        ...(broken ? { severity: 'high' as const } : {}),
      };
    }
  },
});
