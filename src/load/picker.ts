import type { RequestTemplate } from './types.js';

/**
 * Which template iteration `i` sends: a weighted choice driven by a hash of `i`, so any split of the
 * iterations among threads and workers sends each template in proportion to its weight.
 */
export function templatePicker(templates: readonly RequestTemplate[]): (iteration: number) => number {
  if (templates.length <= 1) return () => 0;
  const total = templates.reduce((sum, template) => sum + template.weight, 0);
  const cumulative: number[] = [];
  let running = 0;
  for (const template of templates) {
    running += template.weight / total;
    cumulative.push(running);
  }
  return (iteration) => {
    const unit = hash32(iteration) / 4294967296;
    for (let k = 0; k < cumulative.length; k++) if (unit < cumulative[k]!) return k;
    return cumulative.length - 1;
  };
}

// A 32-bit integer mix (lowbias32): consecutive iterations land far apart.
function hash32(value: number): number {
  let x = (value ^ (value / 4294967296)) >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d) >>> 0;
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b) >>> 0;
  x ^= x >>> 16;
  return x >>> 0;
}
