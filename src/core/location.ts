/** Where something sits in a spec file: the file, its 1-based line, and the RFC 6901 JSON pointer. */
export interface SourceLocation {
  readonly file: string;
  readonly pointer: string;
  readonly line?: number;
  readonly column?: number;
}

/** Encode path segments as an RFC 6901 JSON pointer ('~' → '~0', '/' → '~1'). */
export function toPointer(segments: readonly (string | number)[]): string {
  if (segments.length === 0) return '';
  return '/' + segments.map((s) => String(s).replace(/~/g, '~0').replace(/\//g, '~1')).join('/');
}

export function fromPointer(pointer: string): string[] {
  if (pointer === '' || pointer === '#') return [];
  const body = pointer.startsWith('#') ? pointer.slice(1) : pointer;
  return body
    .split('/')
    .slice(1)
    .map((s) => decodeURIComponent(s).replace(/~1/g, '/').replace(/~0/g, '~'));
}

export function formatLocation(location: SourceLocation): string {
  const line = location.line !== undefined ? `:${location.line}` : '';
  return `${location.file}${line}${location.pointer ? ` ${location.pointer}` : ''}`;
}
