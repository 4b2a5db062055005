// Rule families for the side-by-side lint bench: which faultline check and which peer rule look at the same
// kind of problem, and how findings of two tools are matched within a family.
//
// Peer rules get their family from docs/lint-parity.md: a rule takes the family of the first faultline check
// its row names, so the parity table stays the one mapping to edit. Rules that row says are "not covered"
// fall back to `uncoveredFamily`, and anything else a peer emits (parser errors, rules outside the table)
// to `extraFamily`, or to "unmapped", which the bench prints so a gap cannot hide.
import { readFileSync } from 'node:fs';

/** Every faultline lint check, by family. registry.test keeps the set of checks honest; this bench fails loudly on a check missing here. */
const checkFamilies = {
  descriptions: [
    'operation-description', 'operation-summary-missing', 'parameter-description', 'response-description-empty',
    'info-description', 'tag-description-missing',
  ],
  'info and licence': ['info-contact', 'info-license-missing', 'api-version-missing'],
  examples: ['example-schema-mismatch', 'example-value-and-external', 'response-example-missing'],
  security: [
    'operation-security-missing', 'security-scheme-undefined', 'security-scope-undefined', 'security-scheme-insecure',
    'api-key-in-query', 'basic-auth-over-http', 'oauth-implicit-flow', 'oauth-password-flow', 'oauth-flow-url-invalid',
    'sensitive-query-parameter', 'credentials-in-path', 'markdown-unsafe',
  ],
  'schema structure': [
    'unresolved-ref', 'ref-siblings', 'schema-type-missing', 'schema-type-mismatch', 'schema-keyword-invalid',
    'schema-keyword-unsupported', 'enum-type-mismatch', 'enum-duplicate-value', 'required-property-undefined',
    'array-items-missing', 'nullable-without-type', 'discriminator-property-invalid', 'component-name-invalid',
    'request-body-schema-missing',
  ],
  servers: ['servers-missing', 'server-url-invalid', 'server-example-host', 'server-trailing-slash', 'server-plain-http', 'server-public-address'],
  operationIds: ['operation-id-missing', 'operation-id-duplicate', 'operation-id-url-unsafe'],
  tags: ['tag-undeclared', 'tag-duplicate', 'operation-tags-missing'],
  responses: ['success-response-missing', 'error-responses-missing', 'auth-errors-undocumented', 'response-schema-missing'],
  'paths and parameters': [
    'path-parameter-undeclared', 'path-template-ambiguous', 'path-template-empty', 'path-query-string',
    'path-trailing-slash-duplicate', 'parameter-duplicate', 'link-target-missing',
  ],
  'unused components': ['unused-component'],
  'OWASP limits': [
    'request-string-unbounded', 'request-array-unbounded', 'request-integer-unbounded', 'integer-format-missing',
    'request-additional-properties', 'rate-limit-undocumented', 'retry-after-undocumented', 'numeric-id-in-path',
  ],
  lifecycle: ['deprecated-without-sunset', 'deprecated-without-replacement', 'deprecated-parameter-without-notice'],
  'design and operations': [
    'verb-in-path', 'query-parameter-sprawl', 'path-nesting-depth', 'path-casing-inconsistent',
    'parameter-casing-inconsistent', 'problem-details-missing', 'error-schema-inconsistent', 'request-body-on-get',
    'health-operation-missing', 'request-id-undocumented',
  ],
};

/** Families in the order the tables list them. */
export const familyOrder = [...Object.keys(checkFamilies), 'unmapped'];

const familyOfCheck = new Map(Object.entries(checkFamilies).flatMap(([family, checks]) => checks.map((c) => [`lint.${c}`, family])));

/** Rules the parity table marks "not covered": the family they would belong to. */
const uncoveredFamily = {
  'oas2-operation-formData-consume-check': 'schema structure',
  'openapi-tags-alphabetical': 'tags',
  'operation-singular-tag': 'tags',
  'oas3-callbacks-in-callbacks': 'paths and parameters',
  'oas3_1-servers-in-webhook': 'servers',
  'oas3_1-callbacks-in-webhook': 'paths and parameters',
  'oas3_2-no-deprecated-xml-attribute': 'schema structure',
  'no-illogical-composition-keywords': 'schema structure',
};

/** What peers report outside their rulesets' rules: parse and resolver errors. */
const extraFamily = {
  parser: 'schema structure',
  'invalid-ref': 'schema structure',
  'no-unresolved-refs': 'schema structure',
};

/** Peer rule id -> { family, checks: the faultline checks its row names }, read from the three tables of docs/lint-parity.md. */
export function loadPeerFamilies(parityFile) {
  const text = readFileSync(parityFile, 'utf8');
  const families = new Map();
  for (const line of text.split('\n')) {
    const row = /^\| `([^`]+)`(?: \([^)]*\))? \| ([^|]*) \|/.exec(line);
    if (!row) continue;
    const [, rule, covered] = row;
    const checks = covered.match(/lint\.[a-z0-9-]+/g) ?? [];
    const family = checks.length > 0 ? familyOfCheck.get(checks[0]) : uncoveredFamily[rule];
    // A rule named by two sections (Spectral and Redocly both have `info-license`) maps the same way in both.
    if (family && !families.has(rule)) families.set(rule, { family, checks });
  }
  return families;
}

export function familyOf(tool, rule, peerFamilies) {
  if (tool === 'faultline') return familyOfCheck.get(rule) ?? 'unmapped';
  return peerFamilies.get(rule)?.family ?? extraFamily[rule] ?? uncoveredFamily[rule] ?? 'unmapped';
}

/** The faultline checks docs/lint-parity.md names for a peer rule (none for faultline's own findings). */
export function mappedChecks(tool, rule, peerFamilies) {
  return tool === 'faultline' ? [] : (peerFamilies.get(rule)?.checks ?? []);
}

export function unmappedChecks(checkIds) {
  return checkIds.filter((id) => !familyOfCheck.has(id));
}

const methods = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace', 'query']);
const componentRoots = new Set(['definitions', 'parameters', 'responses', 'securityDefinitions']);

/**
 * The place a finding is about, at the grain two tools can agree on: an operation ("GET /pets"), a path item
 * ("path /pets"), a component ("components/schemas/Pet"), or a top-level entry ("servers/0", "info").
 * Pointers below that grain differ between tools for the same problem (Redocly points at `…/get/summary`,
 * faultline at `…/get`), so they are compared only within the anchor.
 */
export function anchorOf(segments) {
  if (segments.length === 0) return '(document)';
  const [root, a, b] = segments;
  if ((root === 'paths' || root === 'webhooks') && a !== undefined) {
    const path = root === 'webhooks' ? `webhook ${a}` : a;
    return b !== undefined && methods.has(b) ? `${b.toUpperCase()} ${path}` : `path ${path}`;
  }
  if (root === 'components' && a !== undefined && b !== undefined) return `components/${a}/${b}`;
  if (componentRoots.has(root) && a !== undefined) return `${root}/${a}`;
  if ((root === 'servers' || root === 'tags' || root === 'security') && a !== undefined) return `${root}/${a}`;
  return root;
}

/** A JSON pointer ("/paths/~1pets/get", "#/paths/…") as its unescaped segments. */
export function pointerSegments(pointer) {
  const body = String(pointer ?? '').replace(/^#/, '');
  if (body === '' || body === '/') return [];
  return body.slice(1).split('/').map((s) => unescapeSegment(pointer.startsWith('#') ? uriDecode(s) : s));
}

const unescapeSegment = (s) => s.replace(/~1/g, '/').replace(/~0/g, '~');

/** A pointer in a URI fragment (Redocly's `#/paths/…`) may percent-encode braces and the like. */
function uriDecode(s) {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/**
 * Which components each operation reaches through `$ref`s, followed transitively (path-level parameters
 * included), and the reverse. Tools disagree on where a problem in a shared component is: one reports the
 * component (`components/examples/x`), another the operation that uses it. With this map the two still meet.
 */
export function referenceMap(document) {
  const refsOf = new Map();
  const directRefs = (node, out) => {
    if (Array.isArray(node)) for (const item of node) directRefs(item, out);
    else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if (key === '$ref' && typeof value === 'string' && value.startsWith('#/')) out.add(anchorOf(pointerSegments(value)));
        else directRefs(value, out);
      }
    }
    return out;
  };
  const componentNode = (anchor) => {
    const segments = anchor.split('/');
    let node = document;
    for (const s of segments) node = node?.[s];
    return node;
  };
  const reach = new Map();
  const reachedBy = new Map();
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    if (!item || typeof item !== 'object') continue;
    const shared = directRefs(item.parameters ?? [], new Set());
    for (const [method, operation] of Object.entries(item)) {
      if (!methods.has(method)) continue;
      const op = `${method.toUpperCase()} ${path}`;
      const seen = new Set();
      const stack = [...directRefs(operation, new Set(shared))];
      // Bounded: each component is visited at most once per operation.
      while (stack.length > 0) {
        const next = stack.pop();
        if (seen.has(next)) continue;
        seen.add(next);
        if (!refsOf.has(next)) refsOf.set(next, [...directRefs(componentNode(next), new Set())]);
        stack.push(...refsOf.get(next));
      }
      reach.set(op, seen);
      for (const component of seen) {
        if (!reachedBy.has(component)) reachedBy.set(component, new Set());
        reachedBy.get(component).add(op);
      }
    }
  }
  return { reach, reachedBy };
}

/**
 * Overlap of two tools' findings in one family, counted in anchors (distinct places), not in findings: a
 * place one tool reports three times and the other once is one place found by both. With a reference map,
 * `mineMatchedViaRefs`/`theirsMatchedViaRefs` also count a place as shared when the other tool reports a
 * component that place reaches, or an operation that reaches it.
 */
export function overlap(mine, theirs, refs = null) {
  const a = new Set(mine.map((f) => f.anchor));
  const b = new Set(theirs.map((f) => f.anchor));
  let both = 0;
  for (const anchor of a) if (b.has(anchor)) both++;
  // The stricter match: the same anchor and pointers on one line of descent (one equal to or inside the other).
  // The strictest: the same anchor, and the peer's rule is one the parity table maps to faultline's check.
  const sameRulePlaces = new Set();
  const theirsAt = new Map();
  for (const g of theirs) {
    if (!theirsAt.has(g.anchor)) theirsAt.set(g.anchor, []);
    theirsAt.get(g.anchor).push(g);
  }
  let samePointer = 0;
  for (const f of mine) {
    const there = theirsAt.get(f.anchor) ?? [];
    if (there.some((g) => nested(f.segments, g.segments))) samePointer++;
    if (there.some((g) => g.checks.includes(f.rule))) sameRulePlaces.add(f.anchor);
  }
  const result = { mine: a.size, theirs: b.size, both, mineOnly: a.size - both, theirsOnly: b.size - both, bothSameRule: sameRulePlaces.size, samePointerFindings: samePointer };
  if (refs) {
    const linked = (place, other) => other.has(place) || [...(refs.reach.get(place) ?? []), ...(refs.reachedBy.get(place) ?? [])].some((p) => other.has(p));
    result.mineMatchedViaRefs = [...a].filter((p) => linked(p, b)).length;
    result.theirsMatchedViaRefs = [...b].filter((p) => linked(p, a)).length;
  }
  return result;
}

function nested(x, y) {
  const n = Math.min(x.length, y.length);
  for (let i = 0; i < n; i++) if (x[i] !== y[i]) return false;
  return true;
}
