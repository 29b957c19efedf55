import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { generateDocument, type GeneratorKit } from './generate.ts';

/** Size of a written corpus. */
export interface CorpusStats {
  documents: number;
  /** Bytes of every document and sidecar. */
  bytes: number;
}

/**
 * Write the synthetic corpus of `count` documents made from `seed` into `dir` (replaced), each document with its
 * sidecar when it has one. Document i is the same in every corpus of the same seed, whatever its size.
 */
export async function writeCorpus(dir: string, seed: number, count: number, kit: GeneratorKit): Promise<CorpusStats> {
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const doc = generateDocument(seed, i, kit);
    const text = Buffer.from(doc.text, 'utf8');
    await writeFile(join(dir, doc.name), text);
    bytes += text.length;
    if (doc.meta !== null) {
      const meta = Buffer.from(doc.meta, 'utf8');
      await writeFile(join(dir, doc.name.replace(/\.txt$/, '.meta.yaml')), meta);
      bytes += meta.length;
    }
  }
  return { documents: count, bytes };
}
