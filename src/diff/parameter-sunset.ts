import type { Parameter } from '../spec/model.js';
import { extensionsOfRaw, removalVerdict, sunsetOf, type RemovalVerdict } from './sunset.js';
import type { DiffContext } from './types.js';

/** How removing an OLD parameter stands against the deprecation policy (sunset from its `x-*` keys or description). */
export function parameterRemoval(ctx: DiffContext, parameter: Parameter): RemovalVerdict {
  const raw = ctx.rawAt('old', parameter.pointer).value;
  return removalVerdict(parameter.deprecated, sunsetOf({ extensions: extensionsOfRaw(raw), description: parameter.description }), ctx.now);
}

export function describeParameter(parameter: Parameter): string {
  return `${parameter.in} parameter '${parameter.name}'`;
}
