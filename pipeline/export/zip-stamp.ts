import JSZip from 'jszip';

/**
 * Re-pack a zip archive (an .xlsx) with every entry dated `stamp`, in the original entry order and with the
 * same compression: the writer stamps each entry with the clock, which would make every build differ.
 */
export async function restampZip(archive: Uint8Array, stamp: Date): Promise<Uint8Array> {
  const source = await JSZip.loadAsync(archive);
  const out = new JSZip();
  // Folder entries are left out: an .xlsx needs none, and the reader makes them up with the clock's date.
  const names: string[] = [];
  source.forEach((name, entry) => {
    if (!entry.dir) names.push(name);
  });
  for (const name of names) {
    const entry = source.file(name);
    if (entry !== null) out.file(name, await entry.async('uint8array'), { date: stamp, createFolders: false });
  }
  return out.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 }, platform: 'DOS' });
}
