import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { byCodeUnits } from '../assemble/sort.ts';
import type { FileMap } from './snapshot.ts';

/** Every file under a folder (recursively), by `/`-separated relative path in code-unit order; empty when the folder is. */
export async function readFolder(dir: string): Promise<Map<string, Uint8Array>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const paths = entries.filter((e) => e.isFile()).map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'));
  const files = new Map<string, Uint8Array>();
  for (const p of paths.sort(byCodeUnits)) files.set(p, new Uint8Array(await readFile(join(dir, p))));
  return files;
}

/** Write files into a folder, creating subfolders. */
export async function writeFolder(dir: string, files: FileMap): Promise<void> {
  for (const [p, bytes] of files) {
    await mkdir(dirname(join(dir, p)), { recursive: true });
    await writeFile(join(dir, p), bytes);
  }
}
