import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
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

// How many versions of the pipeline a cache keeps entries for: the current one and those used most recently before
// it (a branch switched back to, a change undone).
const KEPT_VERSIONS = 3;
const VERSION_FOLDER = /^v-[0-9a-f]{16}$/;
// The layout before entries were kept by version: fan-out folders right under the cache folder.
const UNVERSIONED_FOLDER = /^[0-9a-f]{2}$/;
// Rewritten by every build that uses a version's entries: its time orders the versions by last use.
const USED_MARK = 'used';

/**
 * The folder of one pipeline version's entries in a cache, ready for a build: marked as used now, while the entries
 * of all but the versions used most recently are removed. The version is part of every key, so no entry of another
 * version can ever be read again, and without this a cache would grow by a whole corpus's entries with each change
 * to the code. A build running beside this one on another version uses its own folder; at worst it finds its
 * entries gone and makes them again.
 */
export function versionFolder(cacheDir: string, version: string): string {
  const name = `v-${version.slice(0, 16)}`;
  const folder = join(cacheDir, name);
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, USED_MARK), `${version}\n`);
  const lastUse = (f: string): number => {
    try {
      return statSync(join(cacheDir, f, USED_MARK)).mtimeMs;
    } catch {
      return 0;
    }
  };
  // Only folders this cache made are removed, whatever else someone keeps in the folder given as the cache: a
  // version's folder has its mark, an unversioned fan-out folder holds nothing but entries.
  const present = readdirSync(cacheDir);
  const others = present.filter((f) => f !== name && VERSION_FOLDER.test(f) && lastUse(f) > 0);
  const stale = others
    .map((f) => ({ f, used: lastUse(f) }))
    .sort((a, b) => b.used - a.used || (a.f < b.f ? -1 : 1))
    .slice(KEPT_VERSIONS - 1)
    .map((v) => v.f);
  const unversioned = present.filter((f) => UNVERSIONED_FOLDER.test(f) && onlyEntries(join(cacheDir, f)));
  for (const f of [...stale, ...unversioned]) rmSync(join(cacheDir, f), { recursive: true, force: true });
  return folder;
}

/** True for a folder that holds only cache entries (and entries being written). */
function onlyEntries(folder: string): boolean {
  try {
    return readdirSync(folder, { withFileTypes: true }).every((e) => e.isFile() && (e.name.endsWith('.entry') || e.name.endsWith('.tmp')));
  } catch {
    return false;
  }
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
