import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** What the floor did: the least work any build must do. */
export interface FloorResult {
  documents: number;
  bytes: number;
  sentences: number;
  ms: number;
}

const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The floor a build is measured against: read every `.txt` file of a folder, decode it as strict UTF-8 and split
 * it into sentences with the ICU sentence segmenter the pipeline's segment stage uses (line by line, as ICU is
 * slow on whole files) — nothing else, on one thread.
 */
export async function floor(dir: string): Promise<FloorResult> {
  const t = performance.now();
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const segmenter = new Intl.Segmenter('nb', { granularity: 'sentence' });
  const names = (await readdir(dir)).filter((n) => n.endsWith('.txt')).sort(byCodeUnits);
  let bytes = 0;
  let sentences = 0;
  for (const name of names) {
    const raw = await readFile(join(dir, name));
    bytes += raw.length;
    for (const line of decoder.decode(raw).split('\n')) {
      if (line.trim() === '') continue;
      for (const _ of segmenter.segment(line)) sentences += 1;
    }
  }
  return { documents: names.length, bytes, sentences, ms: performance.now() - t };
}
