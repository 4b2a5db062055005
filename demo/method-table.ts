/**
 * Remembers which methods each route pattern serves, so that a known path asked with another method
 * answers 405 with `Allow` (RFC 9110 §15.5.6) instead of 404.
 */
export class MethodTable {
  private readonly routes: { readonly pattern: RegExp; readonly methods: Set<string> }[] = [];

  add(url: string, methods: string | readonly string[]): void {
    if (url.includes('*')) return;
    const source = url
      .split('/')
      .map((segment) => (segment.startsWith(':') ? '[^/]+' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
      .join('/');
    const pattern = new RegExp(`^${source}$`);
    let entry = this.routes.find((r) => r.pattern.source === pattern.source);
    if (entry === undefined) {
      entry = { pattern, methods: new Set() };
      this.routes.push(entry);
    }
    for (const method of typeof methods === 'string' ? [methods] : methods) entry.methods.add(method.toUpperCase());
  }

  /** Methods served at this concrete path, sorted; empty when no route matches it. */
  allowed(path: string): string[] {
    const methods = new Set<string>();
    for (const route of this.routes) if (route.pattern.test(path)) for (const m of route.methods) methods.add(m);
    return [...methods].sort();
  }
}
