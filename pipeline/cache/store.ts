import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { threadId } from 'node:worker_threads';
import type { BuildOptions } from '../context.ts';
import type { SourceDoc } from '../document.ts';
import { sha256 } from '../ids.ts';
import type { DocumentOutcome } from '../stages.ts';

/** The cache folder when none is given: inside the working directory, gitignored. */
export const DEFAULT_CACHE_DIR = '.cache/kravkart';

// Bump when the entry layout or the outcome's shape changes, so old entries are never read as new ones.
const FORMAT = 'kravkart-cache/1';

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
  return sha256(JSON.stringify([FORMAT, version, doc.file, doc.sha256, doc.meta, options.strict, options.sourceDateEpoch]));
}

/** Where an entry lives: two levels of fan-out keep folders small at tens of thousands of documents. */
export const entryPath = (dir: string, key: string): string => join(dir, key.slice(0, 2), `${key}.json`);

/**
 * One entry's bytes: a header line naming the format, key and sha256 of the body, then the outcome as JSON.
 * The hash lets a reader reject a truncated or altered entry instead of trusting it.
 */
export function encodeEntry(key: string, body: string): string {
  return `${JSON.stringify({ format: FORMAT, key, sha256: sha256(body) })}\n${body}`;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The outcome in an entry's text, or null when the entry is not exactly what `key` and `file` expect. */
export function decodeEntry(text: string, key: string, file: string): DocumentOutcome | null {
  const nl = text.indexOf('\n');
  if (nl < 0) return null;
  try {
    const header: unknown = JSON.parse(text.slice(0, nl));
    const body = text.slice(nl + 1);
    if (!isObject(header) || header['format'] !== FORMAT || header['key'] !== key || header['sha256'] !== sha256(body)) return null;
    const outcome: unknown = JSON.parse(body);
    return isOutcome(outcome, file) ? outcome : null;
  } catch {
    return null;
  }
}

/** The shape check of a decoded outcome: enough that a wrong entry can never be mistaken for a right one. */
function isOutcome(v: unknown, file: string): v is DocumentOutcome {
  if (!isObject(v) || v['file'] !== file || !Array.isArray(v['messages']) || !isObject(v['stats'])) return false;
  const rows = v['rows'];
  if (!isObject(rows) || rows['file'] !== file || !isObject(rows['document'])) return false;
  return ['mentions', 'demands', 'dates', 'actors', 'uses', 'messages'].every((k) => Array.isArray(rows[k]));
}

let written = 0;

/** Write an entry atomically (temporary file, then rename), so a reader never sees half an entry. Best effort. */
export function writeEntry(dir: string, key: string, body: string): boolean {
  const path = entryPath(dir, key);
  const tmp = `${path}.${process.pid}-${threadId}-${written++}.tmp`;
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(tmp, encodeEntry(key, body));
    renameSync(tmp, path);
    return true;
  } catch {
    rmSync(tmp, { force: true });
    return false;
  }
}

/** Read an entry: the outcome on a hit, `missing` when there is none, `corrupt` when it failed its checks. */
export function readEntry(dir: string, key: string, file: string): DocumentOutcome | 'missing' | 'corrupt' {
  let text: string;
  try {
    text = readFileSync(entryPath(dir, key), 'utf8');
  } catch {
    return 'missing';
  }
  return decodeEntry(text, key, file) ?? 'corrupt';
}
