import { describe, expect, it } from 'vitest';
import { parseConfig } from './load-config.js';

const config = (load: string) => parseConfig(`target: http://127.0.0.1:3000\nload:\n${load}`, 'faultline.yaml');

describe('load section of faultline.yaml', () => {
  it('reads scenarios with executors, stages, request templates and thresholds', () => {
    const { config: parsed } = config([
      '  thresholds: ["errors<1%"]',
      '  scenarios:',
      '    browse:',
      '      executor: ramping-arrival-rate',
      '      stages: [{ duration: 10s, target: 100 }, { duration: 5s, target: 0 }]',
      '      requests:',
      '        - { operation: GET /products, weight: 3 }',
      '        - { method: POST, path: /orders, body: { sku: A-1 }, credential: admin }',
    ].join('\n'));
    const scenario = parsed.load!.scenarios['browse']!;
    expect(scenario.stages).toEqual([{ duration: 10_000, target: 100 }, { duration: 5000, target: 0 }]);
    expect(scenario.requests![0]).toMatchObject({ operation: 'GET /products', weight: 3, headers: {} });
    expect(parsed.load!.thresholds).toEqual(['errors<1%']);
  });

  it('points at the line of a scenario that lacks what its executor needs', () => {
    expect(() => config(['  scenarios:', '    steady:', '      executor: constant-arrival-rate', '      duration: 10s'].join('\n'))).toThrow(
      expect.objectContaining({ code: 'E_CONFIG_INVALID', message: 'constant-arrival-rate needs `rate`', location: expect.objectContaining({ field: 'load.scenarios.steady.rate' }) }),
    );
  });

  it('refuses unknown keys and a rate of zero', () => {
    expect(() => config(['  scenarios:', '    s:', '      rate: 10/s', '      duraton: 5s'].join('\n'))).toThrow(/unknown key 'duraton'/);
    expect(() => config(['  scenarios:', '    s:', '      rate: 0'].join('\n'))).toThrow(/the rate must be above zero/);
  });
});
