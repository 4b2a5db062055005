import { describe, expect, it } from 'vitest';
import * as faultline from './index.js';

describe('public library API', () => {
  it('exports the entry points library users and other projects rely on, and nothing by default', () => {
    for (const name of ['loadSpec', 'runAudit', 'runLint', 'finalReport', 'renderReport', 'writeReports', 'defineCheck', 'createHttpClient', 'startProxy', 'createProxyControlClient']) {
      expect(typeof (faultline as Record<string, unknown>)[name], name).toBe('function');
    }
    expect(Object.keys(faultline)).not.toContain('default');
  });
});
