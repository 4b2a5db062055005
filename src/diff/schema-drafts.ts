import type { Direction, SchemaChange, SchemaChangeKind } from './schema-diff.js';
import type { DiffContext, DiffDraft, LocatedSchemaChange, SchemaArea } from './types.js';

/** Which schema changes a check is about. */
export interface SchemaChangeFilter {
  readonly direction: Direction;
  readonly kinds: readonly SchemaChangeKind[];
  /** Only these areas (default: every area of the direction). */
  readonly areas?: readonly SchemaArea[];
  /** Only these constraint keywords. */
  readonly keywords?: readonly string[];
  /** Anything else the change must satisfy. */
  readonly where?: (change: SchemaChange, located: LocatedSchemaChange) => boolean;
}

/** A value as a detail shows it: JSON, cut to a readable length. */
export function show(value: unknown): string {
  const text = value === undefined ? '(none)' : JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

// A schema's own value is named by its place ("query parameter 'limit'", "request body (application/json)").
function isNamedByPlace(located: LocatedSchemaChange): boolean {
  return located.change.path === '';
}

/** "property `owner.login`", or the place itself for the whole value ("query parameter 'limit'"). */
export function subject(located: LocatedSchemaChange): string {
  return isNamedByPlace(located) ? located.where : `property \`${located.change.path}\``;
}

/**
 * The drafts of one schema check: every matching change under every paired operation, each told as
 * "<where>: <what>" (for the whole value, "<what>" alone: its subject names the place). The change's kind, keyword and values make it one finding across operations that
 * share the schema.
 */
export function* schemaDrafts(ctx: DiffContext, filter: SchemaChangeFilter, describe: (located: LocatedSchemaChange) => string): Iterable<DiffDraft> {
  for (const located of ctx.schemaChanges()) {
    const { change } = located;
    if (located.direction !== filter.direction || !filter.kinds.includes(change.kind)) continue;
    if (filter.areas && !filter.areas.includes(located.area)) continue;
    if (filter.keywords && (change.keyword === undefined || !filter.keywords.includes(change.keyword))) continue;
    if (filter.where && !filter.where(change, located)) continue;
    yield {
      operation: located.operation,
      detail: isNamedByPlace(located) ? describe(located) : `${located.where}: ${describe(located)}`,
      change: JSON.stringify([change.kind, change.keyword ?? null, change.old ?? null, change.new ?? null]),
      ...(change.oldPointer !== undefined ? { oldPointer: change.oldPointer } : {}),
      ...(change.newPointer !== undefined ? { newPointer: change.newPointer } : {}),
      ...(change.anchor !== undefined ? { anchor: change.anchor } : {}),
    };
  }
}
