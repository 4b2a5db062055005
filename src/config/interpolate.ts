import { FaultlineError } from '../core/errors.js';

export interface InterpolationProblem {
  readonly path: (string | number)[];
  readonly message: string;
}

const reference = /\$\{([^}]*)\}/g;

/**
 * Replace `${VAR}` and `${VAR:-default}` in every string of a parsed config, from `env`. `$${` escapes
 * a literal `${`. Problems are returned with the path of the string they were found in, so the caller
 * can name the config field and line.
 */
export function interpolateEnv(value: unknown, env: Readonly<Record<string, string | undefined>>, path: (string | number)[] = []): { value: unknown; problems: InterpolationProblem[] } {
  const problems: InterpolationProblem[] = [];
  const walk = (node: unknown, at: (string | number)[]): unknown => {
    if (typeof node === 'string') return substitute(node, env, at, problems);
    if (Array.isArray(node)) return node.map((item, i) => walk(item, [...at, i]));
    if (node !== null && typeof node === 'object') {
      return Object.fromEntries(Object.entries(node as Record<string, unknown>).map(([key, child]) => [key, walk(child, [...at, key])]));
    }
    return node;
  };
  return { value: walk(value, path), problems };
}

function substitute(text: string, env: Readonly<Record<string, string | undefined>>, path: (string | number)[], problems: InterpolationProblem[]): string {
  if (!text.includes('${')) return text;
  const escaped = text.split('$${');
  const out = escaped.map((part) => {
    const open = part.indexOf('${');
    if (open !== -1 && part.indexOf('}', open) === -1) {
      problems.push({ path, message: `malformed '\${' without a closing '}' in '${part.slice(open, open + 30)}'` });
      return part;
    }
    return part.replace(reference, (_, body: string) => {
      const separator = body.indexOf(':-');
      const name = separator === -1 ? body : body.slice(0, separator);
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
        problems.push({ path, message: `'\${${body}}' is not a valid variable name` });
        return '';
      }
      const found = env[name];
      if (found !== undefined && found !== '') return found;
      if (separator !== -1) return body.slice(separator + 2);
      problems.push({ path, message: `environment variable ${name} is not set (use \${${name}:-default} for a default)` });
      return '';
    });
  });
  return out.join('${');
}

export function interpolationError(problem: InterpolationProblem, file: string, field: string, line: number | undefined): FaultlineError {
  return new FaultlineError('E_CONFIG_INVALID', problem.message, { location: { file, field, ...(line !== undefined ? { line } : {}) } });
}
