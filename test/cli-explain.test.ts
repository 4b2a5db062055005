import { describe, expect, it } from 'vitest';
import { errorLines, runCli } from './support/run-cli.js';

describe('faultline explain', () => {
  it('explains a check: what, why, fix with stack examples, reproduce, references, silence', async () => {
    const result = await runCli(['explain', 'permissions.object-level-access']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^# permissions\.object-level-access\n/);
    for (const part of ['## Why it matters', 'Express:', 'Spring Boot:', '## How to reproduce', 'API1:2023', 'CWE-639', 'x-faultline-ignore: [permissions.object-level-access]']) {
      expect(result.stdout).toContain(part);
    }
  });

  it('explains a cause by listing its checks', async () => {
    const result = await runCli(['explain', 'dependency-failures']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('`dependency.hang`');
  });

  it('answers an unknown id with the closest one and exit 2', async () => {
    const result = await runCli(['explain', 'auth.jwt-alg-nne']);
    expect(result.code).toBe(2);
    expect(errorLines(result.stderr)).toEqual([expect.stringContaining("unknown check or cause 'auth.jwt-alg-nne' (did you mean 'auth.jwt-alg-none'?)")]);
    expect(result.stdout).toBe('');
  });
});
