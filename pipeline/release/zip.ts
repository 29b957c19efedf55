import JSZip from 'jszip';
import { byCodeUnits } from '../assemble/sort.ts';
import type { FileMap } from './snapshot.ts';

/**
 * One zip of a set of files under a top folder, byte-identical for the same files and date: entries sorted
 * by path, every entry dated `date` (the commit's, never the clock) with mode 0644, no folder entries.
 */
export async function zipFiles(files: FileMap, folder: string, date: Date): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const [path, bytes] of [...files].sort(([a], [b]) => byCodeUnits(a, b))) {
    zip.file(`${folder}/${path}`, bytes, { binary: true, date, createFolders: false, unixPermissions: 0o644 });
  }
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 9 }, platform: 'UNIX' });
}
