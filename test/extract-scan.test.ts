import { readFileSync, readdirSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Context } from '../pipeline/context.ts';
import { extract } from '../pipeline/extract/index.ts';
import { tokenize } from '../pipeline/extract/demands/tokens.ts';
import { compiledPatterns, matchesIn } from '../pipeline/extract/scan/anchored.ts';
import { formsIn, hyphenatedWords } from '../pipeline/extract/scan/literals.ts';
import { wordsOf } from '../pipeline/extract/scan/words.ts';
import { loadLexicon } from '../pipeline/lexicon/load.ts';
import { normalise } from '../pipeline/normalise/index.ts';
import { segment } from '../pipeline/segment/index.ts';

// The scanners of extract/scan and the tokenizer read a text faster than the patterns they stand for; each must give
// exactly what its pattern gives, on real documents and on made-up text full of edge cases.

const ctx: Context = { options: { strict: false, sourceDateEpoch: null }, lexicon: loadLexicon() };
const SEEDS = new URL('../seeds/', import.meta.url);
const DEV = new URL('./dev/docs/', import.meta.url);
const texts = [SEEDS, DEV].flatMap((dir) =>
  readdirSync(dir)
    .filter((n) => n.endsWith('.txt'))
    .map((n) => readFileSync(new URL(n, dir), 'utf8')),
);
const docs = texts.map((source, i) => segment(normalise({ id: `d${i}`, file: `${i}.txt`, source, sha256: '', meta: null, messages: [] }, ctx), ctx));
// Extracting compiles every anchored pattern of the lexicon.
for (const doc of docs) extract(doc, ctx);

// Pieces that stress the scanners: capitals and lower case, Norwegian and non-Latin letters, astral letters and lone
// surrogates, ſ (which folds to s), hyphens, apostrophes, spaces of every kind, digits, and lexicon words.
const lexiconWords = [
  'Fagforbundet', 'LO', 'LOs', 'regjeringen', 'Solberg-regjeringen', 'leder', 'forbundsleder ', 'Kari Nordmann', 'Anne-Lise Berg', ', leder i ',
  'sier ', 'statsråd ', 'SV-leder ', 'Dato', 'datoen ', 'i 2023', 'i løpet av', 'mars 2022', 'Oslo kommune', 'Av ', 'Helse- og omsorgsdepartementet', 'stortingsrepresentantene ',
];
const pieces = ['a', 'Å', 'ø', 'ß', 'ſ', 'İ', 'Σ', 'ﬂ', '\u{1D400}', '\uD835', '\uDC00', '1', '2023', '-', "'", '’', ' ', '  ', '\t', '\n', '\u00a0', '\u2028', '.', ',', ':', '(', ')', '«', ...lexiconWords];
const madeUp = fc.array(fc.constantFrom(...pieces), { maxLength: 40 }).map((xs) => xs.join(''));
// Sentences where each kind of anchor must let its pattern start: names (also hyphenated), titles before and after
// names, registry names of several words, governments, municipalities, dates after prepositions, bylines.
const CRAFTED = [
  'Anne-Lise Berg, leder i Fagforbundet, sier at LO-leder Peggy Hessen Følsvik og SV-leder Kirsti Bergstø er enige.',
  'Forbundsleder Mimmi Kvisvik (FO) og statsråd Tonje Brenna i Arbeids- og inkluderingsdepartementet møttes i løpet av 2023.',
  'Av Marte Solhaug, NTB. Solberg-regjeringen og regjeringen Støre; Bodø kommune og Nordre Follo kommunes budsjett for 2024.',
  'Den norske kirke, Helse- og omsorgsdepartementet og Norsk Sykepleierforbund krever innen 2030 og i fjor; i mars 2022, høsten 2021.',
  'Stortingsrepresentantene Kari Nordmann og Ola Nordmann (KrF) fremmet forslaget. – Det haster, sier hovedtillitsvalgt Siri Haugen.',
  'Datoen for møtet er ikke satt. Dato: 12.03.2024, datert 1. mars 2024; publisert:2. mai.',
];
const plainRuns = (text: string) => [...text.matchAll(/\p{L}+/gu)].map((m) => [m.index, m.index + m[0].length]);

describe('extract scanners', () => {
  it('compiled anchored patterns for the lexicon', () => {
    expect(compiledPatterns().length).toBeGreaterThan(10);
  });

  it('words are the runs of letters', () => {
    const check = (text: string) => {
      const words = wordsOf(text);
      expect(words.map((w) => [w.start, w.end])).toEqual(plainRuns(text));
      for (const w of words) expect(w.capitalised).toBe(/^\p{Lu}\p{Ll}+$/u.test(w.text));
    };
    for (const t of texts) check(t);
    fc.assert(fc.property(madeUp, check), { numRuns: 300 });
  });

  it('every anchored pattern finds what its global scan finds', () => {
    const check = (text: string) => {
      for (const p of compiledPatterns()) {
        const expected = [...text.matchAll(p.re)].map((m) => [m.index, ...m]);
        expect(matchesIn(text, p).map((m) => [m.index, ...m])).toEqual(expected);
      }
    };
    for (const doc of docs) check(doc.text);
    for (const t of CRAFTED) check(t);
    fc.assert(fc.property(madeUp, check), { numRuns: 150 });
  });

  it('tokens of a span are what the token pattern reads in the span alone', () => {
    const TOKEN = /[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*['’]?|\S/gu;
    const check = (text: string, a: number, b: number) => {
      const span = { start: Math.min(a, b), end: Math.max(a, b) };
      const slice = text.slice(span.start, span.end);
      const expected = [...slice.matchAll(TOKEN)].map((m) => ({
        start: span.start + m.index,
        end: span.start + m.index + m[0].length,
        text: m[0],
        lc: m[0].replace(/[\uFB00-\uFB06]/gu, (ch) => ch.normalize('NFKC')).toLowerCase(),
        word: /[\p{L}\p{N}]/u.test(m[0]),
      }));
      expect(tokenize(text, span)).toEqual(expected);
    };
    for (const doc of docs) for (const s of doc.sentences) check(doc.text, s.span.start, s.span.end);
    fc.assert(fc.property(madeUp, fc.nat(60), fc.nat(60), (t, a, b) => check(t, Math.min(a, t.length), Math.min(b, t.length))), { numRuns: 300 });
  });

  it('hyphenated words are what their pattern finds', () => {
    const check = (text: string) => {
      const expected = [...text.matchAll(/(?<![\p{L}\p{N}])\p{L}[\p{L}-]*\p{L}/gu)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
      expect(hyphenatedWords(text)).toEqual(expected);
    };
    for (const t of [...texts, ...CRAFTED, 'a-b a- -a 3a-b x--y-- ø-\u{1D400} \u{1D400}-z 2-x 1ab']) check(t);
    fc.assert(fc.property(madeUp, check), { numRuns: 300 });
  });

  it('forms are found as whole words, maybe genitive, as their pattern finds them', () => {
    const forms = ['Kari Nordmann', 'Nordmann', 'Anne-Lise Berg', 'Berg', 'Øyvind Å'].sort((a, b) => b.length - a.length);
    const re = /(?<![\p{L}\p{N}])(Anne-Lise Berg|Kari Nordmann|Nordmann|Øyvind Å|Berg)(s)?(?![\p{L}\p{N}])/gu;
    const check = (text: string) => {
      expect(formsIn(text, forms)).toEqual([...text.matchAll(re)].map((m) => ({ index: m.index, form: m[1], genitive: m[2] !== undefined })));
    };
    check('Kari Nordmanns sak. Nordmann sa. Bergs, Berg1, xBerg, Anne-Lise Berg og Øyvind Å');
    fc.assert(fc.property(fc.array(fc.constantFrom(...pieces, ...forms, 's'), { maxLength: 30 }).map((xs) => xs.join('')), check), { numRuns: 300 });
  });
});
