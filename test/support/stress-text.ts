import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';

const SEEDS = new URL('../../seeds/', import.meta.url);
const seedNames = readdirSync(SEEDS).filter((n) => n.endsWith('.txt')).sort();

/**
 * Text that stresses a stage: random joins of `pieces`, the start of a seed (`prefix` characters) with up to
 * `maxEdits` pieces spliced in, or arbitrary graphemes.
 */
export function stressText(pieces: readonly string[], opts: { prefix: number; maxEdits: number }): fc.Arbitrary<string> {
  const random = fc.array(fc.constantFrom(...pieces), { maxLength: 60 }).map((p) => p.join(''));
  const mutated = fc
    .tuple(fc.constantFrom(...seedNames), fc.array(fc.tuple(fc.nat(), fc.constantFrom(...pieces)), { maxLength: opts.maxEdits }))
    .map(([name, edits]) => {
      let s = readFileSync(new URL(name, SEEDS), 'utf8').slice(0, opts.prefix);
      for (const [at, piece] of edits) {
        const i = at % (s.length + 1);
        s = s.slice(0, i) + piece + s.slice(i);
      }
      return s;
    });
  return fc.oneof(random, mutated, fc.string({ unit: 'grapheme', maxLength: 80 }));
}
