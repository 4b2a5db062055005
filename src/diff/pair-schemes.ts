import type { SecurityScheme } from '../spec/model.js';
import type { DiffContext } from './types.js';

/** Security schemes of OLD and NEW with the same name. */
export function pairSchemes(ctx: DiffContext): { readonly old: SecurityScheme; readonly new: SecurityScheme }[] {
  const byName = new Map(ctx.newSpec.securitySchemes.map((s) => [s.name, s]));
  return ctx.oldSpec.securitySchemes.flatMap((old) => {
    const found = byName.get(old.name);
    return found ? [{ old, new: found }] : [];
  });
}
