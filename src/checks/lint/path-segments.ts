import type { PathItem } from '../../spec/model.js';

/** The non-empty segments of a path template: '/users/{id}/posts' → ['users', '{id}', 'posts']. */
export function pathSegments(path: string): string[] {
  return path.split('/').filter(Boolean);
}

export function isTemplateSegment(segment: string): boolean {
  return segment.includes('{');
}

/** Segments with no template expression in them. */
export function staticSegments(path: string): string[] {
  return pathSegments(path).filter((segment) => !isTemplateSegment(segment));
}

/** Names inside `{...}` in a path template, in order. */
export function templateNames(path: string): string[] {
  return [...path.matchAll(/\{([^}]*)\}/g)].map((match) => match[1] ?? '');
}

/** The path with every template expression reduced to `{}`, so '/users/{id}' and '/users/{name}' compare equal. */
export function templateShape(path: string): string {
  return path.replace(/\{[^}]*\}/g, '{}');
}

/**
 * Findings about a path (not a method) name the operation when the path has only one, and none otherwise,
 * so that one problem in the URL is reported once rather than once per method.
 */
export function pathOperationKey(item: PathItem): string | null {
  return item.operations.length === 1 ? item.operations[0]!.key : null;
}
