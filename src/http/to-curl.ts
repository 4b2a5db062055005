/** Anything with a method, a URL, headers and a body: an HttpRequest or a RecordedRequest. */
export interface CurlableRequest {
  readonly method: string;
  readonly url: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string | Uint8Array;
}

// Binary bodies up to this size are inlined through printf; larger ones would swamp a report.
const maxInlineBinaryBytes = 64 * 1024;
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** POSIX single-quoting: inside '...' every byte is literal except ' itself, written as '\''. */
export function singleQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** Quotes only when the value holds anything but plain word characters. */
export function shellQuote(value: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(value) ? value : singleQuote(value);
}

function isText(body: Uint8Array): boolean {
  try {
    return !strictUtf8.decode(body).includes('\0');
  } catch {
    return false;
  }
}

/** printf %b operand: printable ASCII stays, anything else (and the backslash) becomes \0ooo. */
function toPrintfOctal(body: Uint8Array): string {
  let out = '';
  for (const byte of body) {
    out += byte >= 0x20 && byte < 0x7f && byte !== 0x5c ? String.fromCharCode(byte) : `\\0${byte.toString(8).padStart(3, '0')}`;
  }
  return out;
}

/**
 * A copy-pasteable curl line that repeats a request byte for byte (POSIX shell quoting).
 * Binary bodies are piped in through `printf '%b'`; very large ones are left out with a comment.
 *
 * @example toCurl({ method: 'POST', url: 'http://127.0.0.1:3000/pets', headers: { 'content-type': 'application/json' }, body: '{"name":"Rex"}' })
 * // curl -sS -X POST 'http://127.0.0.1:3000/pets' -H 'content-type: application/json' --data-binary '{"name":"Rex"}'
 */
export function toCurl(request: CurlableRequest): string {
  const method = request.method.toUpperCase();
  const args = ['curl', '-sS'];
  // `-X HEAD` makes curl wait for a body that never comes; --head is the HEAD request.
  args.push(...(method === 'HEAD' ? ['--head'] : ['-X', shellQuote(method)]));
  // Without --globoff curl treats [] and {} in the URL as ranges to expand.
  if (/[[\]{}]/.test(request.url)) args.push('-g');
  args.push(singleQuote(request.url));
  const headers = request.headers ?? {};
  for (const [name, value] of Object.entries(headers)) {
    // 'name:' would make curl drop the header; 'name;' is curl's syntax for an empty value.
    args.push('-H', singleQuote(value === '' ? `${name};` : `${name}: ${value}`));
  }
  const { body } = request;
  if (body === undefined) return args.join(' ');
  // With a body and no content-type, curl would add application/x-www-form-urlencoded on its own.
  if (!Object.keys(headers).some((name) => name.toLowerCase() === 'content-type')) args.push('-H', singleQuote('content-type:'));
  const text = typeof body === 'string' ? body : isText(body) ? Buffer.from(body).toString('utf8') : undefined;
  if (text !== undefined && !text.includes('\0')) {
    // --data-binary '@x' would read a file named x; --data-raw sends a leading @ as is.
    return [...args, text.startsWith('@') ? '--data-raw' : '--data-binary', singleQuote(text)].join(' ');
  }
  const binary = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  if (binary.length > maxInlineBinaryBytes) {
    return `${[...args, '--data-binary', '@body.bin'].join(' ')}  # binary body (${binary.length} bytes) not shown`;
  }
  return `printf '%b' ${singleQuote(toPrintfOctal(binary))} | ${[...args, '--data-binary', '@-'].join(' ')}`;
}
