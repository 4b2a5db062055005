import { describe, expect, it } from 'vitest';
import { FaultlineError } from '../core/errors.js';
import { parseConfig } from './load-config.js';

function errorOf(text: string): FaultlineError {
  try {
    parseConfig(text, '/work/faultline.yaml');
  } catch (error) {
    if (error instanceof FaultlineError) return error;
    throw error;
  }
  throw new Error('expected a FaultlineError');
}

const valid = `spec: ./openapi.yaml
target: http://127.0.0.1:3000
credentials:
  - name: admin
    headers: { Authorization: "Bearer abc" }
    scopes: [admin, read, write]
  - name: reader
    headers: { Authorization: "Bearer def" }
    scopes: [read]
dependencies:
  - name: inventory
    listen: 127.0.0.1:7101
    upstream: http://127.0.0.1:7100
budget: { requests: 3000, time: 180s, timeout: 5s }
`;

describe('parseConfig', () => {
  it('reads the documented config, durations in ms and the spec beside the config file', () => {
    const { config, specSource } = parseConfig(valid, '/work/faultline.yaml');
    expect(config.credentials.map((c) => c.name)).toEqual(['admin', 'reader']);
    expect(config.dependencies[0]).toEqual({ name: 'inventory', listen: '127.0.0.1:7101', upstream: 'http://127.0.0.1:7100' });
    expect(config.budget).toEqual({ requests: 3000, time: 180_000, timeout: 5_000 });
    expect(specSource).toBe('/work/openapi.yaml');
  });

  it('fills in a default budget', () => {
    expect(parseConfig('target: http://127.0.0.1:1\n', 'f.yaml').config.budget).toEqual({ requests: 3000, time: 180_000, timeout: 5_000 });
  });

  it('names the field and line of a wrong type', () => {
    const error = errorOf(valid.replace('scopes: [read]', 'scopes: read'));
    expect(error.code).toBe('E_CONFIG_INVALID');
    expect(error.location).toMatchObject({ file: '/work/faultline.yaml', field: 'credentials[1].scopes', line: 9 });
  });

  it('names an unknown key', () => {
    const error = errorOf(`${valid}budgett: {}\n`);
    expect(error.message).toBe("unknown key 'budgett' (did you mean 'budget'?)");
    expect(error.location).toMatchObject({ field: 'budgett', line: 15 });
  });

  it('rejects a malformed duration and a bad listen address', () => {
    expect(errorOf(valid.replace('time: 180s', 'time: forever')).location).toMatchObject({ field: 'budget.time' });
    expect(errorOf(valid.replace('listen: 127.0.0.1:7101', 'listen: 7101')).location).toMatchObject({ field: 'dependencies[0].listen', line: 12 });
  });

  it('gives the line of invalid YAML', () => {
    const error = errorOf('target: [unclosed\n');
    expect(error.code).toBe('E_CONFIG_INVALID');
    expect(error.location?.line).toBeGreaterThan(0);
  });
});

describe('environment interpolation', () => {
  const withEnv = (text: string, env: Record<string, string>) => parseConfig(text, '/work/faultline.yaml', env);

  it('replaces ${VAR} and ${VAR:-default} in any string', () => {
    const { config } = withEnv('target: ${TARGET:-http://127.0.0.1:3000}\ncredentials:\n  - name: admin\n    headers: { Authorization: "Bearer ${ADMIN_TOKEN}" }\n', { ADMIN_TOKEN: 'abc' });
    expect(config.target).toBe('http://127.0.0.1:3000');
    expect(config.credentials[0]?.headers['Authorization']).toBe('Bearer abc');
  });

  it('names an undefined variable and where it is used', () => {
    try {
      withEnv('target: http://127.0.0.1:1\ncredentials:\n  - name: admin\n    headers: { Authorization: "Bearer ${ADMIN_TOKEN}" }\n', {});
      expect.unreachable();
    } catch (error) {
      expect((error as FaultlineError).message).toMatch(/environment variable ADMIN_TOKEN is not set/);
      expect((error as FaultlineError).location).toMatchObject({ field: 'credentials[0].headers.Authorization', line: 4 });
    }
  });

  it('rejects a malformed ${', () => {
    expect(() => withEnv('target: "http://${HOST"\n', { HOST: 'x' })).toThrow(/malformed/);
  });

  it('keeps $${ as a literal ${', () => {
    expect(withEnv('credentials:\n  - name: a\n    headers: { X: "$${NOT_A_VAR}" }\n', {}).config.credentials[0]?.headers['X']).toBe('${NOT_A_VAR}');
  });

  it('suggests the key meant by an unknown one', () => {
    expect(errorOf('target: http://127.0.0.1:1\nbudget: { request: 10 }\n').message).toBe("unknown key 'request' (did you mean 'requests'?)");
    expect(errorOf('credentails: []\n').message).toBe("unknown key 'credentails' (did you mean 'credentials'?)");
  });
});
