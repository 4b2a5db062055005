import { describe, expect, it } from 'vitest';
import { templatePicker } from './picker.js';

const template = (name: string, weight: number) => ({ name, method: 'GET', path: '/', headers: {}, weight });

describe('templatePicker', () => {
  it('sends each template in proportion to its weight, in every share of the iterations', () => {
    const pick = templatePicker([template('a', 3), template('b', 1)]);
    for (const [index, count] of [[0, 1], [0, 2], [1, 2], [3, 4]] as const) {
      const counts = [0, 0];
      for (let i = index; i < 40_000; i += count) counts[pick(i)]!++;
      const total = counts[0]! + counts[1]!;
      expect(counts[0]! / total).toBeGreaterThan(0.72);
      expect(counts[0]! / total).toBeLessThan(0.78);
    }
  });

  it('always picks the only template', () => {
    expect(templatePicker([template('a', 1)])(12345)).toBe(0);
  });
});
