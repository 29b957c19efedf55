import { readFileSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** The raw bytes of a seeds folder, read at the edge; nothing decoded or interpreted yet. */
export interface RawCorpus {
  /** The folder as the user named it, for messages. */
  dir: string;
  /** False when the folder does not exist or is not a folder. */
  exists: boolean;
  /** Every regular file directly in the folder, sorted by name (code-unit order, locale-independent). */
  files: { name: string; bytes: Uint8Array }[];
  /**
   * Entries that could not be read, with the system's reason; `name` null means the folder itself.
   * Ingest decides which of them matter (a broken `.txt` does, an unrelated file does not).
   */
  unreadable?: { name: string | null; reason: string }[];
}

/** Code-unit order: the same on every machine, unlike `localeCompare`. */
const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const reasonOf = (e: unknown): string => {
  const err = e as NodeJS.ErrnoException;
  return err.code ?? err.message;
};

/**
 * Read every regular file directly in the seeds folder (no recursion; symbolic links to files count,
 * because users link documents in). The only file-system code of the ingest stage.
 */
export async function readCorpus(absDir: string, displayDir: string): Promise<RawCorpus> {
  const isDir = await stat(absDir).then((s) => s.isDirectory(), () => false);
  if (!isDir) return { dir: displayDir, exists: false, files: [] };

  const unreadable: { name: string | null; reason: string }[] = [];
  let entries;
  try {
    entries = await readdir(absDir, { withFileTypes: true });
  } catch (e) {
    return { dir: displayDir, exists: true, files: [], unreadable: [{ name: null, reason: reasonOf(e) }] };
  }

  const names: string[] = [];
  for (const entry of entries) {
    if (entry.isFile()) names.push(entry.name);
    else if (entry.isSymbolicLink()) {
      try {
        if ((await stat(join(absDir, entry.name))).isFile()) names.push(entry.name);
      } catch (e) {
        unreadable.push({ name: entry.name, reason: `broken link (${reasonOf(e)})` });
      }
    }
  }
  names.sort(byCodeUnits);

  const files: { name: string; bytes: Uint8Array }[] = [];
  for (const name of names) {
    try {
      // Read synchronously: thousands of small files, and each asynchronous read costs a trip through the thread pool.
      const buf = readFileSync(join(absDir, name));
      files.push({ name, bytes: new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength) });
    } catch (e) {
      unreadable.push({ name, reason: reasonOf(e) });
    }
  }
  unreadable.sort((a, b) => byCodeUnits(a.name ?? '', b.name ?? ''));
  return unreadable.length > 0 ? { dir: displayDir, exists: true, files, unreadable } : { dir: displayDir, exists: true, files };
}
