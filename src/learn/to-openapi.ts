import { Redactor, type Secret } from '../core/redact.js';
import type { SchemeDefinition } from './credentials.js';
import { exampleFrom, scalarExample } from './examples.js';
import type { LearntTraffic, PathGroup } from './learner.js';
import type { OperationRecord } from './operation.js';
import { openApiPath, parameterNames } from './path-template.js';
import { toSchema, typedScalar, type SchemaNotes } from './shape.js';

/** What the terminal summary says. */
export interface LearnSummary {
  readonly operations: number;
  readonly samples: number;
  readonly skipped: Readonly<Record<string, number>>;
  readonly securitySchemes: readonly string[];
  /** Where the description is a guess, one sentence each. */
  readonly uncertain: readonly string[];
}

export interface LearntDescription {
  readonly document: Record<string, unknown>;
  readonly summary: LearnSummary;
}

const methodOrder = ['GET', 'PUT', 'POST', 'DELETE', 'OPTIONS', 'HEAD', 'PATCH', 'TRACE'];

function pascal(text: string): string {
  return text
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('');
}

/** 'set-cookie' → 'Set-Cookie', as descriptions usually write header names. */
function headerCase(name: string): string {
  return name.replace(/(^|-)([a-z])/g, (_, dash: string, c: string) => `${dash}${c.toUpperCase()}`);
}

function operationIdOf(method: string, segments: PathGroup['segments'], names: readonly string[]): string {
  let next = 0;
  const parts = segments.map((segment) => (segment === null ? `By${pascal(names[next++] ?? 'id')}` : pascal(segment)));
  return `${method.toLowerCase()}${parts.join('') || 'Root'}`;
}

function statusClasses(record: OperationRecord): string {
  return [...record.responses.entries()]
    .sort(([a], [b]) => a - b)
    .map(([status, response]) => `${status} ×${response.count}`)
    .join(', ');
}

/** Security requirements from the credentials each sample carried; {} when anonymous requests succeeded too. */
function securityOf(record: OperationRecord): Record<string, string[]>[] | undefined {
  const requirements: Record<string, string[]>[] = [];
  for (const [key] of [...record.security.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    if (key !== '') requirements.push(Object.fromEntries(key.split(' ').map((scheme) => [scheme, []])));
  }
  if (requirements.length === 0) return undefined;
  if ((record.security.get('')?.successes ?? 0) > 0) requirements.push({});
  return requirements;
}

function content(shapes: OperationRecord['requestShapes'], examples: OperationRecord['requestExamples'], redactor: Redactor, notes: SchemaNotes, where: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [mediaType, shape] of shapes) {
    const example = examples.has(mediaType) ? exampleFrom(examples.get(mediaType)!, mediaType, redactor) : undefined;
    out[mediaType] = { schema: toSchema(shape, '', notes, where), ...(example !== undefined ? { example } : {}) };
  }
  return out;
}

function operationObject(method: string, path: string, group: PathGroup, names: readonly string[], record: OperationRecord, redactor: Redactor, notes: SchemaNotes): Record<string, unknown> {
  const key = `${method} ${path}`;
  const parameters: Record<string, unknown>[] = [];
  let next = 0;
  group.segments.forEach((segment, position) => {
    if (segment !== null) return;
    const name = names[next++]!;
    const shape = record.pathValues.get(position);
    const raw = record.pathExamples.get(position);
    parameters.push({
      name,
      in: 'path',
      required: true,
      schema: shape ? toSchema(shape, name) : { type: 'string' },
      ...(raw !== undefined ? { example: typedScalar(scalarExample(name, raw, redactor)) } : {}),
    });
  });
  for (const [name, shape] of [...record.query.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    const raw = record.queryExamples.get(name);
    parameters.push({
      name,
      in: 'query',
      required: shape.count >= record.samples,
      schema: toSchema(shape, name, notes, `${key} query '${name}'`),
      ...(raw !== undefined ? { example: typedScalar(scalarExample(name, raw, redactor)) } : {}),
    });
  }
  const responses: Record<string, unknown> = {};
  for (const [status, response] of [...record.responses.entries()].sort(([a], [b]) => a - b)) {
    const body = content(response.shapes, response.examples, redactor, notes, `${key} ${status}`);
    const headers = Object.fromEntries(
      [...response.headers.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([name, n]) => [headerCase(name), { ...(n >= response.count ? { required: true } : {}), schema: { type: 'string' } }]),
    );
    responses[String(status)] = {
      description: `Seen ${response.count} time${response.count === 1 ? '' : 's'}.`,
      ...(Object.keys(headers).length > 0 ? { headers } : {}),
      ...(Object.keys(body).length > 0 ? { content: body } : {}),
    };
  }
  const security = securityOf(record);
  return {
    operationId: operationIdOf(method, group.segments, names),
    description: `Learnt from ${record.samples} sample${record.samples === 1 ? '' : 's'} (${statusClasses(record)}).`,
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(record.requestShapes.size > 0
      ? { requestBody: { required: record.requestBodies >= record.samples, content: content(record.requestShapes, record.requestExamples, redactor, notes, `${key} request`) } }
      : {}),
    responses,
    ...(security ? { security } : {}),
    'x-faultline-samples': record.samples,
  };
}

/**
 * The OpenAPI 3.1 description of what was learnt: one operation per method and path template, with
 * `x-faultline-samples` on each, security schemes named after where the credential travels, and examples
 * redacted of credentials (the secrets seen in this traffic too) and personal data.
 */
export function toOpenApi(learnt: LearntTraffic, options: { title?: string; isListingValues?: boolean } = {}): LearntDescription {
  const secrets: Secret[] = [...learnt.secrets].map((value) => ({ value, label: 'credential', envVar: 'FAULTLINE_CREDENTIAL' }));
  const redactor = new Redactor(secrets.sort((a, b) => b.value.length - a.value.length));
  const notes: SchemaNotes = { uncertain: [], ...(options.isListingValues ? { isListingValues: true } : {}) };
  const paths: Record<string, Record<string, unknown>> = {};
  const operationIds = new Set<string>();
  let operations = 0;
  let seenOnce = 0;
  const groups = learnt.groups
    .map((group) => {
      const names = parameterNames(group.segments, group.fields);
      return { group, names, path: openApiPath(group.segments, names) };
    })
    .sort((a, b) => a.path.localeCompare(b.path));
  for (const { group, names, path } of groups) {
    const item: Record<string, unknown> = {};
    const methods = [...group.operations.keys()].sort((a, b) => methodOrder.indexOf(a) - methodOrder.indexOf(b) || a.localeCompare(b));
    for (const method of methods) {
      const record = group.operations.get(method)!;
      const operation = operationObject(method, path, group, names, record, redactor, notes);
      let id = operation['operationId'] as string;
      for (let n = 2; operationIds.has(id); n++) id = `${operation['operationId'] as string}${n}`;
      operationIds.add(id);
      item[method.toLowerCase()] = { ...operation, operationId: id };
      operations += 1;
      if (record.samples === 1) seenOnce += 1;
    }
    for (const [position, field] of group.fields) notes.uncertain.push(`${path}: segment ${position + 1} templated because its words were '${field}' values in responses`);
    paths[path] = item;
  }
  const uncertain = [...learnt.notes, ...notes.uncertain];
  if (seenOnce > 0) uncertain.unshift(`${seenOnce} operation${seenOnce === 1 ? ' was' : 's were'} seen once: every parameter and field ${seenOnce === 1 ? 'it' : 'they'} had is marked required`);
  const tooLarge = learnt.skipped.get('too-large') ?? 0;
  if (tooLarge > 0) uncertain.push(`${tooLarge} HAR entr${tooLarge === 1 ? 'y was' : 'ies were'} larger than 64 MB and left out`);
  const origins = [...learnt.origins.entries()].sort(([, a], [, b]) => b - a).slice(0, 5);
  const schemes = Object.fromEntries([...learnt.schemes.entries()].sort(([a], [b]) => a.localeCompare(b))) as Record<string, SchemeDefinition>;
  const document: Record<string, unknown> = {
    openapi: '3.1.0',
    info: {
      title: options.title ?? 'API learnt from traffic',
      version: '0.0.0',
      description: `Learnt by faultline learn from ${learnt.samples} request${learnt.samples === 1 ? '' : 's'}: review it before publishing.`,
    },
    ...(origins.length > 0 ? { servers: origins.map(([url]) => ({ url })) } : {}),
    paths,
    ...(Object.keys(schemes).length > 0 ? { components: { securitySchemes: schemes } } : {}),
  };
  return {
    document,
    summary: { operations, samples: learnt.samples, skipped: Object.fromEntries(learnt.skipped), securitySchemes: Object.keys(schemes), uncertain },
  };
}
