import { describe, expect, it } from 'vitest';
import type { SecurityScheme } from '../../../spec/model.js';
import { specFromObject } from '../../../spec/load.js';
import { placeOfScheme, withCredentialAt } from './credential-place.js';

function scheme(fields: Partial<SecurityScheme>): SecurityScheme {
  return { name: 's', type: 'apiKey', flows: {}, pointer: '/components/securitySchemes/s', ...fields };
}

describe('placeOfScheme', () => {
  it('reads bearer, OAuth 2 and OpenID Connect tokens from Authorization with the prefix the roles use', () => {
    expect(placeOfScheme(scheme({ type: 'http', scheme: 'bearer' }), [])).toEqual({ in: 'header', name: 'Authorization', prefix: 'Bearer ' });
    const roles = [{ name: 'r', scopes: [], headers: { authorization: 'JWT eyJ.eyJ.x' } }];
    expect(placeOfScheme(scheme({ type: 'oauth2' }), roles)).toEqual({ in: 'header', name: 'Authorization', prefix: 'JWT ' });
    expect(placeOfScheme(scheme({ type: 'http', scheme: 'basic' }), [])).toBeNull();
  });

  it('takes an API key header prefix from the roles, then from an example in the description, else none', () => {
    const key = scheme({ in: 'header', paramName: 'Authorization', description: 'Pass it as:\n\n    Token xxxxxx.yyyyyyy.zzzzzz\n' });
    expect(placeOfScheme(key, [{ name: 'r', scopes: [], headers: { Authorization: 'Bearer abc' } }])!.prefix).toBe('Bearer ');
    expect(placeOfScheme(key, [])!.prefix).toBe('Token ');
    expect(placeOfScheme(scheme({ in: 'header', paramName: 'Authorization', description: 'A valid JWT token must be sent.' }), [])!.prefix).toBe('');
    expect(placeOfScheme(scheme({ in: 'cookie', paramName: 'jwt' }), [])).toEqual({ in: 'cookie', name: 'jwt', prefix: '' });
    expect(placeOfScheme(scheme({ in: 'query', paramName: 'token' }), [])).toBeNull();
  });
});

describe('withCredentialAt', () => {
  const spec = specFromObject({ openapi: '3.0.3', info: { title: 't', version: '1' }, paths: {}, components: { securitySchemes: { s: { type: 'apiKey', in: 'cookie', name: 'sid' } } } }, 't.json');

  it('replaces every credential with the one value, keeping other cookies and headers', () => {
    const request = { method: 'GET', path: '/x', headers: { Authorization: 'Bearer old', Cookie: 'sid=old; theme=dark', Accept: 'application/json' } };
    expect(withCredentialAt(spec, request, { in: 'cookie', name: 'jwt', prefix: '' }, 'new').headers).toEqual({ Accept: 'application/json', Cookie: 'theme=dark; jwt=new' });
    expect(withCredentialAt(spec, request, { in: 'header', name: 'X-Token', prefix: 'Token ' }, 'new').headers).toEqual({ Accept: 'application/json', Cookie: 'theme=dark', 'X-Token': 'Token new' });
  });
});
