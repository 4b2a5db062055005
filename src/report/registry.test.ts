import { describe, expect, it } from 'vitest';
import { isFaultlineError } from '../core/errors.js';
import { reportFormats } from './define.js';
import { allReporters, getReporter } from './registry.js';

describe('reporter registry', () => {
  it('has exactly one reporter for each format', () => {
    expect(allReporters.map((r) => r.format).sort()).toEqual([...reportFormats].sort());
  });

  it('writes each file format to its documented file name, and terminal to stdout only', () => {
    expect(Object.fromEntries(allReporters.map((r) => [r.format, r.fileName]))).toEqual({
      terminal: null,
      json: 'report.json',
      html: 'report.html',
      junit: 'junit.xml',
      sarif: 'report.sarif',
      csv: 'permissions.csv',
    });
  });

  it('rejects an unknown format with E_USAGE', () => {
    try {
      getReporter('pdf');
      expect.unreachable('getReporter should throw');
    } catch (error) {
      expect(isFaultlineError(error) && error.code).toBe('E_USAGE');
      expect((error as Error).message).toContain('terminal, json, html, junit, sarif, csv');
    }
  });
});
