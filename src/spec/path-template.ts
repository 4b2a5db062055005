/**
 * The path parameter values a concrete path carries, read by an operation's path template
 * ('/posts/{slug}/comments/{id}' with '/api/posts/hello/comments/3' → { slug: 'hello', id: '3' }).
 * The template is matched at the end of the path, so a base path in the target URL does not matter.
 * Null when the path does not fit the template.
 */
export function pathValues(template: string, pathname: string): Record<string, string> | null {
  const names: string[] = [];
  const pattern = template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{([^}]+)\}/g, (_, name: string) => {
    names.push(name);
    return '([^/]+)';
  });
  const match = new RegExp(`${pattern}$`).exec(pathname);
  if (!match) return null;
  const out: Record<string, string> = {};
  names.forEach((name, i) => {
    try {
      out[name] = decodeURIComponent(match[i + 1]!);
    } catch {
      out[name] = match[i + 1]!;
    }
  });
  return out;
}

/** '/users/{userId}/orders/{orderId}' with 'orderId' → '/users/{userId}/orders': where the items of a parameter live. */
export function collectionOf(path: string, name: string): string {
  const index = path.indexOf(`{${name}}`);
  return index <= 0 ? path : path.slice(0, index).replace(/\/$/, '');
}
