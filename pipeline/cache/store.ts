import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { threadId } from 'node:worker_threads';
import type { BuildOptions } from '../context.ts';
import type { SourceDoc } from '../document.ts';
import { sha256 } from '../ids.ts';
import type { DocumentResult } from '../parallel/result.ts';
import { ENTRY_FORMAT, decodeEntry } from './entry.ts';

export { decodeEntry, encodeEntry } from './entry.ts';

/** The cache folder when none is given: inside the working directory, gitignored. */
export const DEFAULT_CACHE_DIR = '.cache/kravkart';

/** How a build used the cache. */
export interface CacheStats {
  hits: number;
  misses: number;
  /** Entries that existed but failed their checks; they were recomputed and overwritten. */
  corrupt: number;
}

/**
 * The cache key of one document: its file name (IDs hash it), the sha256 of its bytes, its curated sidecar
 * metadata as parsed, the build options and the pipeline's version. Equal keys mean equal outcomes.
 */
export function cacheKey(doc: SourceDoc, options: BuildOptions, version: string): string {
  return sha256(JSON.stringify([ENTRY_FORMAT, version, doc.file, doc.sha256, doc.meta, options.strict, options.sourceDateEpoch]));
}

/** Where an entry lives: two levels of fan-out keep folders small at tens of thousands of documents. */
export const entryPath = (dir: string, key: string): string => join(dir, key.slice(0, 2), `${key}.entry`);

let written = 0;

/** Write an entry atomically (temporary file, then rename), so a reader never sees half an entry. Best effort. */
export function writeEntry(dir: string, key: string, entry: Uint8Array): boolean {
  const path = entryPath(dir, key);
  const tmp = `${path}.${process.pid}-${threadId}-${written++}.tmp`;
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(tmp, entry);
    renameSync(tmp, path);
    return true;
  } catch {
    rmSync(tmp, { force: true });
    return false;
  }
}

/** Read an entry: the outcome on a hit, `missing` when there is none, `corrupt` when it failed its checks. */
export function readEntry(dir: string, key: string, file: string): DocumentResult | 'missing' | 'corrupt' {
  let bytes: Buffer;
  try {
    bytes = readFileSync(entryPath(dir, key));
  } catch {
    return 'missing';
  }
  return decodeEntry(bytes, key, file) ?? 'corrupt';
}
