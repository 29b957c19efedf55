import { mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { threadId } from 'node:worker_threads';

/**
 * The pipeline's own cache of what it makes from its source (thread bundles, the parsed lexicon): inside the
 * project's node_modules, like other tools' caches, so it goes with the install and never into the repository.
 */
export const LOCAL_CACHE = join(fileURLToPath(new URL('../../', import.meta.url)), 'node_modules', '.cache', 'kravkart');

// Files made from earlier versions of the source are removed once this old: whatever started from one is long done.
const STALE_MS = 60 * 60 * 1000;
let written = 0;

/**
 * Write a file of the local cache atomically (aside, then renamed), so a build running beside this one never reads
 * half of it; then remove the files of earlier versions beside it, named with the same `prefix`. False when the
 * cache cannot be written (a read-only install): the caller goes on without it.
 */
export function writeLocal(file: string, bytes: Uint8Array | string, prefix: string): boolean {
  const aside = `${file}.${process.pid}-${threadId}-${written++}.tmp`;
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(aside, bytes);
    renameSync(aside, file);
  } catch {
    rmSync(aside, { force: true });
    return false;
  }
  const now = Date.now();
  for (const name of readdirSync(dirname(file))) {
    const path = join(dirname(file), name);
    if (path === file || !name.startsWith(prefix) || name.endsWith('.tmp')) continue;
    try {
      if (now - statSync(path).mtimeMs > STALE_MS) rmSync(path, { force: true });
    } catch {
      // Removed by another build meanwhile.
    }
  }
  return true;
}
