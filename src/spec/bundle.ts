import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FaultlineError } from '../core/errors.js';
import type { LineLocator } from './parse-text.js';
import { parseSpecText } from './parse-text.js';
import { isUrl, readSource, resolveRelative } from './read-source.js';
import { collectRefs, externalMountKey, getByPointer, mountPointer, type RefSite } from './refs.js';
import { decodeFragment } from './values.js';

export interface MountedFile {
  readonly source: string;
  readonly locateLines: LineLocator;
}

export interface BundleResult {
  /** Mount name → the file mounted there, for locating lines. */
  readonly mounts: Map<string, MountedFile>;
  /** External references whose file could not be read; left in place. Pointers are in root coordinates. */
  readonly missing: { readonly site: RefSite; readonly file: string; readonly reason: string }[];
  /** Pointer (root coordinates) of each rewritten `$ref` holder → the reference as its author wrote it. */
  readonly originalRefs: Map<string, string>;
}

export interface BundleOptions {
  readonly allowRemoteRefs: boolean;
  readonly maxBytes: number;
  readonly rootSource: string;
  readonly rootBase: string;
  readonly rootLocateLines: LineLocator;
}

/**
 * Make every `$ref` local: each referenced file is mounted whole under `/x-faultline-external/<name>`
 * of the root document and the references are rewritten to point there. The model then needs only a
 * local resolver, and cycles across files behave like cycles inside one file. A reference back to the
 * root file becomes a plain local one, so the root is never mounted a second time.
 */
export async function bundleExternalRefs(root: Record<string, unknown>, rootSites: RefSite[], options: BundleOptions): Promise<BundleResult> {
  const mounts = new Map<string, MountedFile>();
  const mountByFile = new Map<string, string>();
  const missing: BundleResult['missing'] = [];
  const originalRefs = new Map<string, string>();
  const container: Record<string, unknown> = {};
  let totalBytes = 0;

  const queue: { document: unknown; sites: RefSite[]; base: string; source: string; mountName: string | null; locateLines: LineLocator }[] = [
    { document: root, sites: rootSites, base: options.rootBase, source: options.rootSource, mountName: null, locateLines: options.rootLocateLines },
  ];
  while (queue.length > 0) {
    const current = queue.shift()!;
    const inRoot = (pointer: string) => (current.mountName !== null ? mountPointer(current.mountName, pointer) : pointer);
    for (const site of current.sites) {
      const holder = getByPointer(current.document, site.pointer) as Record<string, unknown> | undefined;
      if (!holder || typeof holder !== 'object') continue;
      const hashIndex = site.ref.indexOf('#');
      const filePart = hashIndex === -1 ? site.ref : site.ref.slice(0, hashIndex);
      const fragment = hashIndex === -1 ? '' : site.ref.slice(hashIndex + 1);
      if (filePart === '') {
        // A local reference inside a mounted file is local to that file.
        if (current.mountName !== null) {
          holder['$ref'] = '#' + mountPointer(current.mountName, fragment);
          originalRefs.set(inRoot(site.pointer), site.ref);
        }
        continue;
      }
      const target = refTarget(current.base, filePart);
      if (isUrl(target) && !options.allowRemoteRefs) {
        const line = current.locateLines(new Set([`${site.pointer}/$ref`])).get(`${site.pointer}/$ref`);
        throw new FaultlineError('E_REF_REMOTE', `remote $ref '${site.ref}' not followed (pass --allow-remote-refs to allow it)`, {
          location: { file: current.source, field: `${site.pointer}/$ref`, ...(line !== undefined ? { line } : {}) },
        });
      }
      originalRefs.set(inRoot(site.pointer), site.ref);
      if (target === options.rootBase) {
        holder['$ref'] = '#' + fragment;
        continue;
      }
      let mountName = mountByFile.get(target);
      if (mountName === undefined) {
        try {
          const text = await readSource(target, options.maxBytes - totalBytes);
          totalBytes += Buffer.byteLength(text.text);
          const parsed = parseSpecText(text.text, target);
          mountName = `${mountByFile.size + 1}-${basename(filePart).replace(/[^\w.-]/g, '_')}`;
          mountByFile.set(target, mountName);
          mounts.set(mountName, { source: target, locateLines: parsed.locateLines });
          container[mountName] = parsed.document;
          queue.push({ document: parsed.document, sites: collectRefs(parsed.document), base: text.base, source: target, mountName, locateLines: parsed.locateLines });
        } catch (error) {
          if (error instanceof FaultlineError && (error.code === 'E_SPEC_NOT_FOUND' || error.code === 'E_SPEC_READ')) {
            missing.push({ site: { ref: site.ref, pointer: inRoot(site.pointer) }, file: target, reason: `${error.message}: ${target}` });
            continue;
          }
          throw error;
        }
      }
      holder['$ref'] = '#' + mountPointer(mountName, fragment);
    }
  }
  if (mounts.size > 0) root[externalMountKey] = container;
  return { mounts, missing, originalRefs };
}

/** Absolute path or URL of a reference's file part; `file:` URLs and %-escapes are read as paths. */
function refTarget(base: string, filePart: string): string {
  if (/^file:/i.test(filePart)) return fileURLToPath(filePart);
  return resolveRelative(base, isUrl(filePart) || isUrl(base) ? filePart : decodeFragment(filePart));
}

export function hasExternalRefs(sites: readonly RefSite[]): boolean {
  return sites.some((site) => !site.ref.startsWith('#'));
}

export { externalMountKey };
