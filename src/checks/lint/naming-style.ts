export type NamingStyle = 'camelCase' | 'PascalCase' | 'snake_case' | 'kebab-case';

/** Lower-case words of an identifier in any style: 'getUsersByStatus', 'get_users', 'HTTPServer' → ['get', 'users', ...]. */
export function splitWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word.toLowerCase());
}

function styleOfToken(token: string): NamingStyle | undefined {
  const core = token.replace(/^[-_]+|[-_]+$/g, '');
  const hasDash = core.includes('-');
  const hasUnderscore = core.includes('_');
  if (hasDash && hasUnderscore) return undefined;
  if (hasDash) return 'kebab-case';
  if (hasUnderscore) return 'snake_case';
  if (!/[a-z][A-Z]/.test(core)) return undefined; // one word ('users', 'v1', 'ID') fits every style
  return /^[A-Z]/.test(core) ? 'PascalCase' : 'camelCase';
}

/**
 * The naming style of a path segment or parameter name, or undefined when it is a single word or mixes
 * styles within itself. Template parts (`{id}`), brackets (`created[gte]`) and dots (`openapi.json`) are ignored.
 */
export function namingStyle(name: string): NamingStyle | undefined {
  const tokens = name
    .replace(/\{[^}]*\}/g, ' ')
    .replace(/\[[^\]]*\]/g, ' ')
    .split(/[^A-Za-z0-9_-]+/)
    .filter(Boolean);
  const styles = new Set(tokens.map(styleOfToken).filter((s): s is NamingStyle => s !== undefined));
  return styles.size === 1 ? [...styles][0] : undefined;
}

export interface StyleCensus<T> {
  /** The style most items use. */
  readonly majority: NamingStyle;
  /** Items per style, most used first. */
  readonly byStyle: readonly (readonly [NamingStyle, readonly T[]])[];
  /** Items that use a style other than the majority. */
  readonly minority: readonly { readonly item: T; readonly style: NamingStyle }[];
}

/** Count which styles a set of items use; undefined when they use at most one style (consistent). */
export function styleCensus<T>(items: readonly T[], stylesOf: (item: T) => readonly NamingStyle[]): StyleCensus<T> | undefined {
  const byStyle = new Map<NamingStyle, T[]>();
  for (const item of items) for (const style of new Set(stylesOf(item))) byStyle.set(style, [...(byStyle.get(style) ?? []), item]);
  if (byStyle.size < 2) return undefined;
  const ranked = [...byStyle.entries()].sort((a, b) => b[1].length - a[1].length);
  const majority = ranked[0]![0];
  const minority = items.flatMap((item) => {
    const other = stylesOf(item).find((s) => s !== majority);
    return other ? [{ item, style: other }] : [];
  });
  return { majority, byStyle: ranked, minority };
}
