import { apiKeyQuery, credentialsOf, sessionCookiesSet, type SchemeDefinition } from './credentials.js';
import { bodyValue, emptyOperation, mergeOperation, recordBody, recordPath, recordQuery, recordResponseHeaders, responseIn, type OperationRecord } from './operation.js';
import { splitPath, templateKey, templateOf, type TemplateSegments } from './path-template.js';
import type { TrafficSample } from './types.js';

/** Samples that share a path template, by method. */
export interface PathGroup {
  segments: (string | null)[];
  /** For a position templated because its values were body values: the field they came from. */
  readonly fields: Map<number, string>;
  readonly operations: Map<string, OperationRecord>;
}

/** Everything `toOpenApi` needs, and what the summary reports. */
export interface LearntTraffic {
  readonly groups: readonly PathGroup[];
  readonly schemes: ReadonlyMap<string, SchemeDefinition>;
  /** Credential values seen, for redacting examples. Never written anywhere. */
  readonly secrets: ReadonlySet<string>;
  readonly origins: ReadonlyMap<string, number>;
  readonly samples: number;
  readonly skipped: ReadonlyMap<string, number>;
  readonly notes: readonly string[];
}

// Field names whose values name a thing: such a value met again as a path segment is that thing's id.
const identifyingField = /^(id|slug|username|login|handle|sku|code|key|uid|uuid|ref|number)$|Id$|_id$/;
const maxKnownValues = 100_000;
const maxSecrets = 1_000;
const maxGroups = 5_000;
/** Distinct words at one place (all else equal) that make it a parameter even when none looks like an id. */
export const manyValues = 10;

// Browser HARs carry the page's assets too; they are not the API.
const assetPath = /\.(js|mjs|css|map|png|jpe?g|gif|svg|ico|webp|avif|woff2?|ttf|eot|html?)$/i;
// HTML stays: an API's own pages (documentation, redirects' targets) are part of what it answers.
const assetType = /^(image|font|audio|video)\/|^text\/css$|javascript/;

/**
 * Learns an API from samples, one at a time in bounded memory: samples are folded into per-operation
 * shapes as they come. Paths are templated where a segment looks like an id; at the end (and whenever
 * the number of distinct paths grows past 5,000) words that turn out to be ids are templated too:
 * values that the API's bodies gave as an identifying field, or ten or more distinct words in one place.
 */
export class Learner {
  private readonly groups = new Map<string, PathGroup>();
  /** Templates made by collapsing: later samples that fit one join it. */
  private readonly collapsed: PathGroup[] = [];
  private readonly knownValues = new Map<string, string>();
  private readonly sessionCookies = new Set<string>();
  private readonly schemes = new Map<string, SchemeDefinition>();
  private readonly secrets = new Set<string>();
  private readonly origins = new Map<string, number>();
  private readonly skipped = new Map<string, number>();
  private readonly notes: string[] = [];
  private samples = 0;

  skip(reason: string): void {
    this.skipped.set(reason, (this.skipped.get(reason) ?? 0) + 1);
  }

  add(sample: TrafficSample): void {
    if (assetPath.test(sample.url.pathname) || assetType.test(sample.responseBody?.mediaType ?? '')) return this.skip('asset');
    if (sample.method === 'OPTIONS' && sample.requestHeaders.some(([name]) => name === 'access-control-request-method')) return this.skip('preflight');
    this.samples += 1;
    this.origins.set(sample.url.origin, (this.origins.get(sample.url.origin) ?? 0) + 1);
    for (const name of sessionCookiesSet(sample)) this.sessionCookies.add(name);
    const raw = splitPath(sample.url.pathname);
    const group = this.groupFor(raw);
    let record = group.operations.get(sample.method);
    if (!record) group.operations.set(sample.method, (record = emptyOperation()));
    record.samples += 1;
    group.segments.forEach((segment, position) => {
      if (segment === null) recordPath(record, position, raw[position] ?? '');
    });
    recordQuery(record, sample.url.searchParams, (name) => apiKeyQuery.test(name));
    if (sample.requestBody && sample.requestBody.text !== '') {
      record.requestBodies += 1;
      recordBody(record.requestShapes, record.requestExamples, sample.requestBody, bodyValue(sample.requestBody));
    }
    const response = responseIn(record, sample.status);
    response.count += 1;
    recordResponseHeaders(response, sample.responseHeaders);
    if (sample.responseBody && sample.responseBody.text !== '') {
      const value = bodyValue(sample.responseBody);
      recordBody(response.shapes, response.examples, sample.responseBody, value);
      if (sample.status < 300) this.learnValues(value, '', 0, { nodes: 0 });
    }
    const credentials = credentialsOf(sample, this.sessionCookies);
    for (const use of credentials) {
      this.schemes.set(use.scheme, use.definition);
      if (this.secrets.size < maxSecrets) this.secrets.add(use.secret);
    }
    const key = [...new Set(credentials.map((use) => use.scheme))].sort().join(' ');
    const seen = record.security.get(key) ?? { count: 0, successes: 0 };
    seen.count += 1;
    if (sample.status < 400) seen.successes += 1;
    record.security.set(key, seen);
  }

  finish(): LearntTraffic {
    this.collapse();
    return {
      groups: [...this.groups.values()],
      schemes: this.schemes,
      secrets: this.secrets,
      origins: this.origins,
      samples: this.samples,
      skipped: this.skipped,
      notes: this.notes,
    };
  }

  private groupFor(raw: readonly string[]): PathGroup {
    const segments = templateOf(raw);
    const fitting = this.collapsed.find((group) => fits(group.segments, segments));
    if (fitting) return fitting;
    const key = templateKey(segments);
    let group = this.groups.get(key);
    if (!group) {
      if (this.groups.size >= maxGroups) this.collapse();
      const refit = this.collapsed.find((candidate) => fits(candidate.segments, segments));
      if (refit) return refit;
      this.groups.set(key, (group = { segments, fields: new Map(), operations: new Map() }));
    }
    return group;
  }

  /** Walk a response body for identifying values (bounded: depth 8, 2,000 nodes). */
  private learnValues(value: unknown, field: string, depth: number, budget: { nodes: number }): void {
    if (depth > 8 || budget.nodes++ > 2000) return;
    if (typeof value === 'string' || typeof value === 'number') {
      if (field && identifyingField.test(field) && this.knownValues.size < maxKnownValues) {
        const text = String(value);
        if (!this.knownValues.has(text)) this.knownValues.set(text, field);
      }
      return;
    }
    if (Array.isArray(value)) for (const item of value.slice(0, 50)) this.learnValues(item, field, depth + 1, budget);
    else if (value !== null && typeof value === 'object') for (const [key, child] of Object.entries(value)) this.learnValues(child, key, depth + 1, budget);
  }

  /** Template the places whose words are ids after all, and merge the groups that then coincide. */
  private collapse(): void {
    const groups = [...this.groups.values()];
    const positions = new Map<PathGroup, Map<number, string | undefined>>();
    const mark = (group: PathGroup, position: number, field: string | undefined) => {
      let marked = positions.get(group);
      if (!marked) positions.set(group, (marked = new Map()));
      marked.set(position, field);
    };
    // A word the API gave as an identifying value, after a literal collection name.
    for (const group of groups) {
      group.segments.forEach((segment, position) => {
        if (segment === null || position === 0 || typeof group.segments[position - 1] !== 'string') return;
        const field = this.knownValues.get(segment);
        if (field) mark(group, position, field);
      });
    }
    // Many distinct words in one place, everything else equal.
    const siblings = new Map<string, PathGroup[]>();
    for (const group of groups) {
      group.segments.forEach((segment, position) => {
        if (segment === null || position === 0) return;
        const context = `${position}|${templateKey(group.segments.map((s, i) => (i === position ? '*' : s)))}`;
        const list = siblings.get(context) ?? [];
        list.push(group);
        siblings.set(context, list);
      });
    }
    for (const [context, list] of siblings) {
      if (list.length < manyValues) continue;
      const position = Number(context.split('|')[0]);
      for (const group of list) mark(group, position, positions.get(group)?.get(position));
    }
    if (positions.size === 0) return;
    for (const [group, marked] of positions) {
      const key = templateKey(group.segments);
      const segments = group.segments.map((segment, position) => (marked.has(position) ? null : segment));
      for (const [position, field] of marked) {
        for (const record of group.operations.values()) recordPath(record, position, group.segments[position] as string);
        if (field) group.fields.set(position, field);
      }
      this.groups.delete(key);
      const newKey = templateKey(segments);
      const existing = this.groups.get(newKey);
      if (!existing) {
        group.segments = segments;
        this.groups.set(newKey, group);
        this.collapsed.push(group);
        continue;
      }
      if (!this.collapsed.includes(existing)) this.collapsed.push(existing);
      for (const [position, field] of group.fields) if (!existing.fields.has(position)) existing.fields.set(position, field);
      for (const [method, record] of group.operations) {
        const target = existing.operations.get(method);
        if (target) mergeOperation(target, record);
        else existing.operations.set(method, record);
      }
    }
  }
}

/** A sample's segments fit a template when every literal of the template is the same word there. */
function fits(template: TemplateSegments, segments: TemplateSegments): boolean {
  if (template.length !== segments.length) return false;
  for (let i = 0; i < template.length; i++) if (template[i] !== null && template[i] !== segments[i]) return false;
  return true;
}
