import { describe, expect, it } from 'vitest';
import { locateJsonPointers } from './locate-json.js';

const text = [
  '{',
  '  "openapi": "3.0.0",',
  '  "paths": {',
  '    "/a/{id}": {',
  '      "get": {',
  '        "tags": ["x", "y",',
  '          "z"],',
  '        "parameters": [',
  '          { "name": "id", "in": "path" },',
  '          {',
  '            "name": "q\\"uoted",',
  '            "in": "query"',
  '          }',
  '        ],',
  '        "x-~tilde": true,',
  '        "responses": { "200": { "description": "ok" } }',
  '      }',
  '    }',
  '  },',
  '  "empty": {}, "list": [], "n": -1.5e3, "nothing": null',
  '}',
].join('\n');

describe('locateJsonPointers', () => {
  it('answers the 1-based line of keys, array items and escaped segments', () => {
    const wanted = [
      '',
      '/openapi',
      '/paths/~1a~1{id}',
      '/paths/~1a~1{id}/get/tags/1',
      '/paths/~1a~1{id}/get/tags/2',
      '/paths/~1a~1{id}/get/parameters/0/in',
      '/paths/~1a~1{id}/get/parameters/1',
      '/paths/~1a~1{id}/get/parameters/1/name',
      '/paths/~1a~1{id}/get/x-~0tilde',
      '/paths/~1a~1{id}/get/responses/200/description',
      '/empty',
      '/list',
      '/nothing',
    ];
    const found = locateJsonPointers(text, new Set(wanted));
    expect(wanted.map((p) => found.get(p))).toEqual([1, 2, 4, 6, 7, 9, 10, 11, 15, 16, 20, 20, 20]);
  });

  it('leaves out pointers that are not in the text', () => {
    const found = locateJsonPointers(text, new Set(['/paths/~1b', '/paths/~1a~1{id}/get/parameters/5', '/openapi/deeper']));
    expect(found.size).toBe(0);
  });

  it('finds a key whose name holds escapes', () => {
    const found = locateJsonPointers(text, new Set(['/paths/~1a~1{id}/get/parameters/1/name']));
    expect(found.get('/paths/~1a~1{id}/get/parameters/1/name')).toBe(11);
    const escapedKey = '{\n"a\\u0062": {\n"c": 1}}';
    expect(locateJsonPointers(escapedKey, new Set(['/ab/c'])).get('/ab/c')).toBe(3);
  });

  it('ends a string at a quote after an even run of backslashes, not after an odd one', () => {
    // "a\\" ends after two backslashes; "b\"c" goes on past its escaped quote.
    const slashes = String.raw`{"v": "a\\", "w": "b\"c",` + '\n' + String.raw`"k\\": {"x": 1},` + '\n' + '"y": 2}';
    const found = locateJsonPointers(slashes, new Set(['/w', '/k\\/x', '/y']));
    expect(found.get('/w')).toBe(1);
    expect(found.get('/k\\/x')).toBe(2);
    expect(found.get('/y')).toBe(3);
  });

  it('does not confuse keys of different objects that share a name', () => {
    const twins = '{\n"a": {"x": 1},\n"b": {\n"x": 2\n}\n}';
    expect(locateJsonPointers(twins, new Set(['/b/x'])).get('/b/x')).toBe(4);
  });
});
