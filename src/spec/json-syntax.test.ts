import { describe, expect, it } from 'vitest';
import { findExcessiveNesting, findJsonSyntaxError, lineAtOffset } from './json-syntax.js';

describe('findJsonSyntaxError', () => {
  it('answers -1 for every valid JSON text JSON.parse accepts', () => {
    for (const valid of ['{}', '[]', ' {"a": [1, -2.5e+3, true, false, null, "x\\n\\u00e9\\"", {}]} ', '"s"', '0', '[[[]]]']) {
      expect(JSON.parse(valid)).toBeDefined();
      expect(findJsonSyntaxError(valid)).toBe(-1);
    }
  });

  it('points at the first offending character', () => {
    expect(findJsonSyntaxError('{"a": tru}')).toBe(6);
    expect(findJsonSyntaxError('{"a": 1,}')).toBe(8);
    expect(findJsonSyntaxError("{'a': 1}")).toBe(1);
    expect(findJsonSyntaxError('{"a" 1}')).toBe(5);
    expect(findJsonSyntaxError('[1, 2] x')).toBe(7);
    expect(findJsonSyntaxError('[1 2]')).toBe(3);
    expect(findJsonSyntaxError('{"a": "b\\x"}')).toBe(8);
    expect(findJsonSyntaxError('{"a": [1}')).toBe(8);
  });

  it('answers the end of the text for input that stops early', () => {
    expect(findJsonSyntaxError('{"a": [1, 2')).toBe(11);
    expect(findJsonSyntaxError('["unterminated')).toBe(14);
  });

  it('does not overflow the stack on deep nesting', () => {
    expect(findJsonSyntaxError('['.repeat(200_000) + ']'.repeat(200_000))).toBe(-1);
  });
});

describe('findExcessiveNesting', () => {
  it('answers the offset of the bracket that goes one level too deep', () => {
    expect(findExcessiveNesting('[[[]]]', 3)).toBe(-1);
    expect(findExcessiveNesting('[[[[]]]]', 3)).toBe(3);
    expect(findExcessiveNesting('{"a": {"b": [1]}}', 2)).toBe(12);
  });

  it('ignores brackets inside strings, also after escaped quotes', () => {
    expect(findExcessiveNesting('{"a": "[[[[[[", "b\\"[[[[": "\\\\"}', 1)).toBe(-1);
  });
});

describe('lineAtOffset', () => {
  it('counts lines from 1', () => {
    expect(lineAtOffset('a\nb\nc', 0)).toBe(1);
    expect(lineAtOffset('a\nb\nc', 2)).toBe(2);
    expect(lineAtOffset('a\nb\nc', 4)).toBe(3);
    expect(lineAtOffset('a\nb\nc', 99)).toBe(3);
  });
});
