import { FaultlineError } from '../core/errors.js';
import type { SourceLocation } from '../core/location.js';
import { bundleExternalRefs, externalMountKey, hasExternalRefs, type MountedFile } from './bundle.js';
import type { SpecFormat, SpecModel } from './model.js';
import { normaliseSwagger2 } from './normalise-2.js';
import { normaliseOpenApi3, type NormalisedParts } from './normalise-3.js';
import { parseSpecText, type LineLocator } from './parse-text.js';
import { defaultMaxSpecBytes, readSource } from './read-source.js';
import { collectRefs, createResolver, getByRef, unresolvedRef, type RefSite } from './refs.js';
import { asArray, asRecord, asString, type Json } from './values.js';

export interface LoadSpecOptions {
  /** Follow `$ref`s to http(s) URLs. Off by default: a spec must not make faultline fetch arbitrary hosts. */
  readonly allowRemoteRefs?: boolean;
  /** Refuse spec files (all referenced files together) above this size. */
  readonly maxBytes?: number;
}

/**
 * Load an OpenAPI 3.0/3.1 or Swagger 2.0 description from a file path or URL (JSON or YAML),
 * resolve its references and normalise it.
 *
 * @example
 * const spec = await loadSpec('openapi.yaml');
 * for (const op of spec.operations) console.log(op.key);
 */
export async function loadSpec(source: string, options: LoadSpecOptions = {}): Promise<SpecModel> {
  const maxBytes = options.maxBytes ?? defaultMaxSpecBytes;
  const text = await readSource(source, maxBytes);
  const parsed = parseSpecText(text.text, source);
  const document = checkRoot(parsed.document, source, parsed.locateLines);
  const sites = collectRefs(document);
  let refs: RefContext = { mounts: new Map(), missing: [], originalRefs: new Map() };
  if (hasExternalRefs(sites)) {
    refs = await bundleExternalRefs(document, sites, {
      allowRemoteRefs: options.allowRemoteRefs ?? false,
      maxBytes: maxBytes - Buffer.byteLength(text.text),
      rootSource: source,
      rootBase: text.base,
      rootLocateLines: parsed.locateLines,
    });
  }
  const allSites = refs.mounts.size > 0 || refs.originalRefs.size > 0 ? collectRefs(document) : sites;
  return buildModel(document, source, allSites, parsed.locateLines, refs);
}

/** What bundling learnt about external references (all empty for a single-file spec). */
interface RefContext {
  readonly mounts: Map<string, MountedFile>;
  readonly missing: readonly { readonly site: RefSite; readonly reason: string }[];
  readonly originalRefs: Map<string, string>;
}

const noRefContext = (): RefContext => ({ mounts: new Map(), missing: [], originalRefs: new Map() });

/** Build a model from an already parsed document (local `$ref`s only). Used by tests and by `diff` on git blobs. */
export function specFromObject(document: unknown, source = 'inline.json'): SpecModel {
  // Printed and read back so that lines exist, and so that the model never shares objects with the caller.
  let text: string;
  try {
    text = JSON.stringify(document, null, 2) ?? '';
  } catch (error) {
    throw new FaultlineError('E_SPEC_INVALID', `not an OpenAPI description: the object cannot be written as JSON (${(error as Error).message.split('\n')[0]})`, { location: { file: source }, cause: error });
  }
  const parsed = parseSpecText(text, source);
  const root = checkRoot(parsed.document, source, parsed.locateLines);
  return buildModel(root, source, collectRefs(root), parsed.locateLines, noRefContext());
}

/** Parse text (JSON or YAML) and build a model; local `$ref`s only. */
export function specFromText(text: string, source = 'inline.yaml'): SpecModel {
  const parsed = parseSpecText(text, source);
  const root = checkRoot(parsed.document, source, parsed.locateLines);
  return buildModel(root, source, collectRefs(root), parsed.locateLines, noRefContext());
}

function checkRoot(document: unknown, source: string, locateLines: LineLocator): Json {
  const root = asRecord(document);
  if (!root) throw new FaultlineError('E_SPEC_INVALID', 'not an OpenAPI description: the document is not an object', { location: { file: source, line: 1 } });
  const fieldError = (field: string, message: string) =>
    new FaultlineError('E_SPEC_INVALID', message, { location: { file: source, field, ...lineOf(locateLines, field) } });
  const openapi = versionText(root['openapi']);
  const swagger = versionText(root['swagger']);
  if (openapi === undefined && swagger === undefined) {
    throw new FaultlineError('E_SPEC_INVALID', "not an OpenAPI description: no 'openapi' (3.x) or 'swagger' (2.0) field at the top", { location: { file: source, line: 1 } });
  }
  // 3.2 only adds to 3.1, so the 3.1 reader serves it; anything else would be guessed at.
  if (openapi !== undefined && !/^3\.[012](\.\d+)?(-[\w.]+)?$/.test(openapi)) {
    throw fieldError('/openapi', `unsupported OpenAPI version ${JSON.stringify(root['openapi'])} (faultline reads 3.0, 3.1, 3.2 and Swagger 2.0)`);
  }
  if (openapi === undefined && swagger !== '2.0') throw fieldError('/swagger', `unsupported Swagger version ${JSON.stringify(root['swagger'])} (expected "2.0")`);
  if (root['paths'] !== undefined && !asRecord(root['paths'])) throw fieldError('/paths', "'paths' must be an object of path templates");
  if (root['info'] !== undefined && !asRecord(root['info'])) throw fieldError('/info', "'info' must be an object");
  return root;
}

// An unquoted `swagger: 2.0` or `openapi: 3.1` in YAML is a number; read it as the author meant it.
function versionText(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number') return Number.isInteger(value) ? `${value}.0` : String(value);
  return value === undefined ? undefined : JSON.stringify(value);
}

function lineOf(locateLines: LineLocator, pointer: string): { line?: number } {
  const line = locateLines(new Set([pointer])).get(pointer);
  return line !== undefined ? { line } : {};
}

// A dangling `$ref` inside a schema or an example spoils one schema; elsewhere (a parameter, a response,
// a path item) faultline cannot know the operation's shape, so loading stops.
const schemaContexts = new Set(['schema', 'schemas', 'definitions', 'properties', 'items', 'allOf', 'anyOf', 'oneOf', 'not', 'additionalProperties', 'patternProperties', 'examples', 'example', 'prefixItems', '$defs']);

function isInsideSchema(pointer: string): boolean {
  return pointer.split('/').some((segment) => schemaContexts.has(segment));
}

function buildModel(document: Json, source: string, sites: RefSite[], locateLines: LineLocator, refs: RefContext): SpecModel {
  const { mounts, originalRefs } = refs;
  const resolve = createResolver(document);
  const unresolved: { site: RefSite; reason?: string }[] = refs.missing.map(({ site, reason }) => ({ site, reason }));
  const refTargets = new Set<string>();
  for (const site of sites) {
    if (!site.ref.startsWith('#')) continue;
    refTargets.add(site.ref);
    if (getByRef(document, site.ref) === undefined) unresolved.push({ site: { ref: originalRefs.get(site.pointer) ?? site.ref, pointer: site.pointer } });
  }
  for (const { site, reason } of unresolved) {
    if (isInsideSchema(site.pointer)) continue;
    const field = `${site.pointer}/$ref`;
    const where = locateAll([field], source, locateLines, mounts).get(field);
    throw unresolvedRef(site.ref, { file: where?.file ?? source, field: where?.pointer ?? field, ...(where?.line !== undefined ? { line: where.line } : {}) }, reason);
  }
  const unresolvedRefs = unresolved.map(({ site }) => site);

  const openapi = versionText(document['openapi']);
  const format: SpecFormat = openapi === undefined ? 'swagger-2.0' : openapi.startsWith('3.0') ? 'openapi-3.0' : 'openapi-3.1';
  const parts: NormalisedParts = format === 'swagger-2.0' ? normaliseSwagger2(document, resolve, source) : normaliseOpenApi3(document, resolve);
  const info = asRecord(document['info']) ?? {};
  const title = asString(info['title']);
  const version = asString(info['version']);
  const description = asString(info['description']);
  const termsOfService = asString(info['termsOfService']);
  const contact = asRecord(info['contact']);
  const license = asRecord(info['license']);

  return {
    source,
    format,
    specVersion: openapi ?? versionText(document['swagger']) ?? '2.0',
    info: {
      ...(title !== undefined ? { title } : {}),
      ...(version !== undefined ? { version } : {}),
      ...(description !== undefined ? { description } : {}),
      ...(termsOfService !== undefined ? { termsOfService } : {}),
      ...(contact ? { contact } : {}),
      ...(license ? { license } : {}),
    },
    ...parts,
    tags: asArray(document['tags']).flatMap((t) => {
      const tag = asRecord(t);
      const name = asString(tag?.['name']);
      const tagDescription = asString(tag?.['description']);
      return name !== undefined ? [{ name, ...(tagDescription !== undefined ? { description: tagDescription } : {}) }] : [];
    }),
    refTargets,
    unresolvedRefs,
    document,
    resolve,
    locate: (pointers) => locateAll(pointers, source, locateLines, mounts),
  };
}

function locateAll(pointers: readonly string[], source: string, locateLines: LineLocator, mounts: Map<string, MountedFile>): Map<string, SourceLocation> {
  const result = new Map<string, SourceLocation>();
  const rootWanted = new Set<string>();
  const perMount = new Map<string, Map<string, string>>();
  const mountPrefix = `/${externalMountKey}/`;
  for (const pointer of pointers) {
    if (pointer.startsWith(mountPrefix)) {
      const rest = pointer.slice(mountPrefix.length);
      const slash = rest.indexOf('/');
      const name = slash === -1 ? rest : rest.slice(0, slash);
      const inner = slash === -1 ? '' : rest.slice(slash);
      if (!perMount.has(name)) perMount.set(name, new Map());
      perMount.get(name)!.set(pointer, inner);
    } else {
      rootWanted.add(pointer);
    }
  }
  const rootLines = locateLines(withAncestors(rootWanted));
  for (const pointer of rootWanted) {
    const line = nearestLine(pointer, rootLines);
    result.set(pointer, { file: source, pointer, ...(line !== undefined ? { line } : {}) });
  }
  for (const [name, wanted] of perMount) {
    const mount = mounts.get(name);
    if (!mount) continue;
    const lines = mount.locateLines(withAncestors(new Set(wanted.values())));
    for (const [pointer, inner] of wanted) {
      const line = nearestLine(inner, lines);
      result.set(pointer, { file: mount.source, pointer: inner, ...(line !== undefined ? { line } : {}) });
    }
  }
  return result;
}

// A pointer to something that is not written (a missing `description`) is reported at its parent's line.
function withAncestors(pointers: Set<string>): Set<string> {
  const all = new Set<string>();
  for (const pointer of pointers) {
    let current = pointer;
    for (;;) {
      all.add(current);
      if (current === '') break;
      current = current.slice(0, current.lastIndexOf('/'));
    }
  }
  return all;
}

function nearestLine(pointer: string, lines: Map<string, number>): number | undefined {
  let current = pointer;
  for (;;) {
    const line = lines.get(current);
    if (line !== undefined) return line;
    if (current === '') return undefined;
    current = current.slice(0, current.lastIndexOf('/'));
  }
}
