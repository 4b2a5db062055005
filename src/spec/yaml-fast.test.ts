import fc from 'fast-check';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseDocument, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseYamlFast } from './yaml-fast.js';

/** What the `yaml` package makes of the text, or 'error' when it refuses it. */
function reference(text: string): unknown {
  const doc = parseDocument(text, { uniqueKeys: false, merge: true });
  if (doc.errors.length > 0) return 'error';
  return doc.toJS({ maxAliasCount: 1000 });
}

// Each snippet is read by the fast reader (it must not fall back) and must equal what `yaml` reads.
const accepted: Record<string, string> = {
  'nested maps': 'a:\n  b:\n    c: 1\n  d: two\ne: 3\n',
  'deeper first indentation': 'a:\n    b: 1\nc:\n  d: 2\n',
  'sequence at the key indentation': 'a:\n- x\n- y\nb: 1\n',
  'sequence of maps': 'items:\n  - name: a\n    in: query\n  - name: b\n    in: path\n',
  'nested sequences': 'a:\n  - - x\n    - y\n  - - z\n',
  'empty entries': 'a:\n-\n- b\n-\nc:\nd: ~\n',
  'dash alone then a map': 'a:\n  -\n    b: 1\n    c: 2\n',
  'core schema scalars': 'a: [~, null, Null, NULL, true, True, TRUE, false, 0o17, 0x1F, 1e3, .5, +.5, -.inf, .NaN, 1_000, 2023-09-11, yes, no, 0123, +5, -0, 1.50, 3.]\nb: \n',
  'keys that are not strings': '200: ok\n1.0: one\ntrue: t\nnull: n\n~: tilde\n0x10: hex\n',
  'quoted keys': `"a b": 1\n'c''d': 2\n"e:f": 3\n'x' : 4\n`,
  'duplicate keys': 'a: 1\nb: 2\na: 3\n',
  'comments everywhere': '# head\na: 1 # one\n# between\nb:   # empty\n  c: x#y # tail\n\n# end\n',
  'document start marker': '---\na: 1\n',
  'only comments': '# nothing here\n\n',
  'urls and colons': 'url: http://example.test:8080/a?b=c#frag\ntime: 12:30\nratio: a:b\n',
  'plain multi-line': 'd: first line\n  second line\n\n  after a blank\n\n\n  after two\ne: 1\n',
  'plain multi-line in a sequence': '- one\n  two\n- three\n',
  'single-quoted': "a: 'it''s'\nb: 'line one\n  line two\n\n  para'\nc: ''\n",
  'double-quoted escapes': 'a: "tab\\tnl\\nq\\"bs\\\\x\\x41u\\u00e9U\\U0001F600 sl\\/"\nb: "0\\0e\\eN\\N_\\_"\n',
  'double-quoted multi-line': 'a: "one  \n  two\n\n  three\\\n    four\\ \n  five"\n',
  'literal block': 'a: |\n  line 1\n    indented\n\n  line 3\nb: 1\n',
  'literal strip and keep': 'a: |-\n  x\n\n\nb: |+\n  y\n\n\nc: 1\n',
  'folded block': 'a: >\n  one\n  two\n\n  three\n    more indented\n  four\n\n\n  five\nb: 1\n',
  'folded strip with leading blank lines': 'a: >-\n\n  text\n  more\nb: 2\n',
  'block scalar with comment header': 'a: > # note\n  x\n',
  'empty block scalar': 'a: |\nb: 1\n',
  'block scalar at the end without a line break': 'a: |\n  x',
  'block scalar with a markdown heading': 'a: |\n  # Title\n  text\n',
  'block scalar in a sequence': '- |\n  a\n  b\n- >-\n  c\n  d\n',
  'flow collections': 'a: []\nb: {}\nc: [x, "y", \'z\', 1, true]\nd: {k: v, n: [1, 2], "q": {}}\ne: {"a":1}\n',
  'multi-line flow': 'a: [\n  x, # first\n  y,\n]\nb: {\n  k: v\n}\n',
  'flow with urls': 'a: [http://x.test/a, b]\n',
  'CRLF line endings': 'a: 1\r\nb:\r\n  - x\r\n  - |\r\n    y\r\n',
  'indented root': '  a: 1\n  b: 2\n',
  'top-level sequence': '- a\n- b: 1\n',
  'top-level scalar': 'hello\n',
  'value with spaces': 'a:    spaced out   \n',
  'description with hash inside': "a: C# and F#\nb: 'x # y'\n",
};

// Either falls back to `yaml` or, when the fast reader does accept it, agrees with `yaml`.
const handedOver: Record<string, string> = {
  anchors: 'a: &x 1\nb: *x\n',
  tags: 'a: !!str 1\n',
  'merge keys': 'base: &b {x: 1}\nc:\n  <<: *b\n',
  'complex keys': '? a\n: b\n',
  directives: '%YAML 1.2\n---\na: 1\n',
  'two documents': 'a: 1\n---\nb: 2\n',
  'document end marker': 'a: 1\n...\n',
  'tab indentation': 'a:\n\tb: 1\n',
  'proto key': '__proto__: 1\n',
  'explicit indentation indicator': 'a: |2\n   x\n',
};

// Invalid YAML: the fast reader must hand it to `yaml`, which reports the error.
const invalid: Record<string, string> = {
  'nested compact mapping': 'a: b: c\n',
  'bad indentation': 'a:\n  b: 1\n c: 2\n',
  'unclosed quote': 'a: "open\n',
  'unclosed flow': 'a: [x, y\n',
  'sequence then key at one level': 'a:\n  - x\n  b: 1\n',
  'value on the key line and below': 'a: x\n  b: y\n',
  'text after a quoted scalar': "a: 'x' y\n",
  'text after a flow collection': 'a: [x] y\n',
  'dash after a key': 'a: - x\n',
};

describe('parseYamlFast', () => {
  it.each(Object.entries(accepted))('reads %s like the yaml package', (_name, text) => {
    const fast = parseYamlFast(text);
    expect(fast).toBeDefined();
    expect(fast?.value).toEqual(reference(text));
  });

  it.each(Object.entries(handedOver))('hands %s over or agrees with the yaml package', (_name, text) => {
    const fast = parseYamlFast(text);
    if (fast !== undefined) expect(fast.value).toEqual(reference(text));
  });

  it.each(Object.entries(invalid))('hands invalid YAML (%s) over to the yaml package', (_name, text) => {
    expect(reference(text)).toBe('error');
    expect(parseYamlFast(text)).toBeUndefined();
  });

  it('records the line of every key and item when asked', () => {
    const fast = parseYamlFast('# c\na:\n  b: 1\n  list:\n    - x\n    - {y: 2,\n       z: 3}\n', { recordLines: true })!;
    const doc = fast.value as { a: { list: [string, object] } };
    expect(fast.lines?.root).toBe(2);
    expect(fast.lines?.byContainer.get(doc)).toEqual({ a: 2 });
    expect({ ...fast.lines?.byContainer.get(doc.a) }).toEqual({ b: 3, list: 4 });
    expect({ ...fast.lines?.byContainer.get(doc.a.list) }).toEqual({ 0: 5, 1: 6 });
    expect({ ...fast.lines?.byContainer.get(doc.a.list[1]) }).toEqual({ y: 6, z: 7 });
  });

  it('refuses nesting deeper than maxDepth, naming the line, instead of handing it to the slow parser', () => {
    const deep = Array.from({ length: 120 }, (_, i) => `${' '.repeat(i)}k:`).join('\n') + ' 1\n';
    expect(parseYamlFast(deep, { maxDepth: 200 })).toBeDefined();
    expect(() => parseYamlFast(deep, { maxDepth: 100 })).toThrow(expect.objectContaining({ name: 'YamlTooDeepError', line: 101, message: 'nested more than 100 levels deep' }));
    expect(() => parseYamlFast(`a:\n  b: ${'['.repeat(5000)}`, { maxDepth: 100 })).toThrow(expect.objectContaining({ line: 2 }));
  });
});

describe('parseYamlFast on YAML the yaml package writes', () => {
  // Strings full of YAML's special characters, in every style `yaml` can write them in.
  const tricky = fc.constantFrom(' ', '  ', '\n', '\n\n', '#', ' #', ': ', ':', "'", '"', '\\', '\t', '- ', '?', '[', ']', '{', '}', ',', '&', '*', '!', '|', '>', '%', '@', '`', 'é', '😀', 'a', 'null', 'true', '1', '0x1', '.5', '~', '\u2028', '\u0085');
  const text = fc.oneof(fc.string(), fc.array(tricky, { maxLength: 12 }).map((parts) => parts.join('')), fc.lorem({ maxCount: 30 }));
  const key = fc.oneof(fc.string({ maxLength: 8 }), fc.array(tricky, { maxLength: 4 }).map((parts) => parts.join('')), fc.constantFrom('200', 'default', '$ref'));
  const leaf = fc.oneof(text, fc.integer(), fc.double({ noNaN: true }), fc.boolean(), fc.constant(null));
  const { tree } = fc.letrec((tie) => ({
    tree: fc.oneof({ depthSize: 'small' }, leaf, tie('list'), tie('map')),
    list: fc.array(tie('tree'), { maxLength: 4 }),
    map: fc.dictionary(key, tie('tree'), { maxKeys: 5 }),
  }));
  const style = fc.record({
    indent: fc.integer({ min: 1, max: 4 }),
    lineWidth: fc.constantFrom(0, 20, 80),
    minContentWidth: fc.constantFrom(0, 10),
    defaultStringType: fc.constantFrom('PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE', 'BLOCK_FOLDED', 'BLOCK_LITERAL'),
    defaultKeyType: fc.constantFrom(null, 'PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE'),
    collectionStyle: fc.constantFrom('any', 'block', 'flow'),
    indentSeq: fc.boolean(),
    flowCollectionPadding: fc.boolean(),
    blockQuote: fc.constantFrom<boolean | 'folded' | 'literal'>(true, false, 'folded', 'literal'),
    doubleQuotedAsJSON: fc.boolean(),
  } as const);

  it('reads what it accepts exactly as the yaml package does', () => {
    let acceptedCount = 0;
    fc.assert(
      fc.property(fc.dictionary(key, tree, { minKeys: 1, maxKeys: 6 }), style, (value, options) => {
        const yamlText = stringify(value, { ...options, aliasDuplicateObjects: false });
        const fast = parseYamlFast(yamlText);
        if (fast === undefined) return;
        acceptedCount++;
        expect(fast.value).toEqual(reference(yamlText));
      }),
      { numRuns: 300, seed: 20261125 },
    );
    // The reader must actually be exercised, not hand everything over.
    expect(acceptedCount).toBeGreaterThan(200);
  });
});

describe('parseYamlFast on real descriptions', () => {
  const fixtures = fileURLToPath(new URL('../../test/fixtures/specs/', import.meta.url));
  const files = [
    ...readdirSync(fixtures).filter((f) => f.endsWith('.yaml')).map((f) => `${fixtures}${f}`),
    ...readdirSync(`${fixtures}real`).filter((f) => f.endsWith('.yaml')).map((f) => `${fixtures}real/${f}`),
    ...readdirSync(`${fixtures}multi`).map((f) => `${fixtures}multi/${f}`),
  ];
  const stripe = fileURLToPath(new URL('../../../shared/specs/stripe/spec3-2023-09-11.yaml', import.meta.url));
  if (existsSync(stripe)) files.push(stripe);

  it.each(files)('reads %s exactly like the yaml package', (file) => {
    const text = readFileSync(file, 'utf8');
    const fast = parseYamlFast(text);
    expect(fast).toBeDefined();
    expect(fast?.value).toEqual(reference(text));
  });
});
