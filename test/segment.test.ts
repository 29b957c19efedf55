import { readFileSync, readdirSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Context } from '../pipeline/context.ts';
import type { Block, SegmentedDoc, Span } from '../pipeline/document.ts';
import { loadLexicon } from '../pipeline/lexicon/load.ts';
import { normalise, spanRoundTrip } from '../pipeline/normalise/index.ts';
import { segment } from '../pipeline/segment/index.ts';
import { SENTENCE_CLASS_NAMES, sentenceBreaks, sentenceClass } from '../pipeline/segment/sentence-breaks.ts';
import { stressText } from './support/stress-text.ts';

const ctx: Context = { options: { strict: false, sourceDateEpoch: null }, lexicon: loadLexicon() };

const SEEDS = new URL('../seeds/', import.meta.url);
const seedNames = readdirSync(SEEDS).filter((n) => n.endsWith('.txt')).sort();
const seedText = (prefix: string): string => {
  const name = seedNames.find((n) => n.startsWith(prefix));
  if (name === undefined) throw new Error(`no seed ${prefix}`);
  return readFileSync(new URL(name, SEEDS), 'utf8');
};

const run = (source: string): SegmentedDoc =>
  segment(normalise({ id: 'd', file: 'test.txt', source, sha256: '', meta: null, messages: [] }, ctx), ctx);
const slice = (d: SegmentedDoc, s: Span): string => d.text.slice(s.start, s.end);
const blockText = (d: SegmentedDoc, b: Block): string => slice(d, b.span);
const sentencesOf = (d: SegmentedDoc): string[] => d.sentences.map((s) => slice(d, s.span));
const findBlock = (d: SegmentedDoc, start: string): Block => {
  const b = d.blocks.find((x) => blockText(d, x).startsWith(start));
  if (b === undefined) throw new Error(`no block starting ${start}`);
  return b;
};

/** Spans inside the text, non-empty, trimmed, on one line; sentences inside their block, in order, every block covered. */
function expectWellFormed(d: SegmentedDoc): void {
  const trimmed = (s: Span) => {
    const t = slice(d, s);
    expect(s.start).toBeGreaterThanOrEqual(0);
    expect(s.end).toBeLessThanOrEqual(d.text.length);
    expect(t.length).toBeGreaterThan(0);
    expect(t).toBe(t.trim());
    expect(t).not.toContain('\n');
  };
  d.blocks.forEach((b, i) => {
    trimmed(b.span);
    if (b.heading !== null) expect(d.blocks[b.heading]?.kind).toBe('heading');
    if (b.heading !== null) expect(b.heading).toBeLessThan(i);
    if (b.kind === 'bullet') {
      expect(b.marker).not.toBeNull();
      if (b.leadIn !== null) expect(d.blocks[b.leadIn]?.kind).not.toBe('bullet');
    } else expect(b.leadIn).toBeNull();
  });
  let last = -1;
  for (const s of d.sentences) {
    trimmed(s.span);
    const b = d.blocks[s.block];
    expect(b).toBeDefined();
    expect(s.span.start).toBeGreaterThanOrEqual(b?.span.start ?? Infinity);
    expect(s.span.end).toBeLessThanOrEqual(b?.span.end ?? -1);
    expect(s.span.start).toBeGreaterThanOrEqual(last);
    last = s.span.end;
  }
  const covered = new Set(d.sentences.map((s) => s.block));
  d.blocks.forEach((_, i) => expect(covered.has(i)).toBe(true));
}

describe('segment on the seeds', () => {
  for (const name of seedNames) {
    it(`${name}: well-formed blocks and sentences that map back to their source text`, () => {
      const d = run(readFileSync(new URL(name, SEEDS), 'utf8'));
      expect(d.blocks.length).toBeGreaterThan(0);
      expectWellFormed(d);
      for (const s of [...d.blocks.map((b) => b.span), ...d.sentences.map((x) => x.span)]) {
        const r = spanRoundTrip(d, s, ctx);
        expect(r.renormalised, `source ${JSON.stringify(r.source)}`).toBe(r.text);
      }
    });
  }

  it('keeps bullet markers out of the span and links bullets to their heading and lead-in (seed 000)', () => {
    const d = run(seedText('000'));
    const bullet = findBlock(d, 'Arbeiderpartiet vil implementere tillitsreformen');
    expect(bullet.kind).toBe('bullet');
    expect(bullet.marker).toBe('-');
    const heading = d.blocks[bullet.heading ?? -1];
    expect(heading && blockText(d, heading)).toBe('Et tillitsbasert Nav:');
    expect(heading?.marker).toBe('###');
    expect(bullet.leadIn).toBe(bullet.heading);
    expect(findBlock(d, 'Vennlig hilsen').kind).toBe('paragraph');
    expect(findBlock(d, 'Mimmi Kvisvik').kind).toBe('paragraph');
  });

  it('finds headings by shape and lead-ins ending in a colon (seeds 001 and 002)', () => {
    const d1 = run(seedText('001'));
    for (const h of ['Kompetanse og kvalifisering', 'Sykefravær', 'Jobbmuligheter for folk i utenforskap']) {
      expect(findBlock(d1, h).kind).toBe('heading');
    }
    const body = findBlock(d1, 'KS\' landsstyre er enig');
    expect(d1.blocks[body.heading ?? -1] && blockText(d1, d1.blocks[body.heading ?? -1] as Block)).toBe('Kompetanse og kvalifisering');

    const d2 = run(seedText('002'));
    const leadIn = d2.blocks.findIndex((b) => blockText(d2, b) === 'Konkret gjøres dette gjennom:');
    expect(d2.blocks[leadIn]?.kind).toBe('paragraph');
    const item = findBlock(d2, 'Politikerne må være mer bevisste');
    expect(item.kind).toBe('bullet');
    expect(item.marker).toBe('•');
    expect(item.leadIn).toBe(leadIn);
    expect(findBlock(d2, 'Profittfri velferd').kind).toBe('paragraph'); // in the list of areas
    expect(d2.blocks.filter((b) => blockText(d2, b) === 'Profittfri velferd').map((b) => b.kind)).toEqual(['paragraph', 'heading']);
  });

  it('keeps direct speech after a dash a bullet, never a heading, and splits a new utterance (seed 003)', () => {
    const d = run(seedText('003'));
    const speech = d.blocks.filter((b) => b.marker === '-');
    expect(speech.length).toBeGreaterThanOrEqual(4);
    for (const b of speech) expect(b.kind).toBe('bullet');
    expect(sentencesOf(d)).toContain('– Å få ungdom inn i jobb, spesielt i helse- og omsorgssektoren der behovet er stor fremover, er en viktig jobb!');
    expect(sentencesOf(d)).toContain('- Det vil være det beste for å finne nye løsninger og gjennom effektiv ressursbruk gi innbyggerne gode tjenester.');
  });

  it('does not split after bl.a. (seed 003) and does split before a sentence starting with a number', () => {
    const d = run(seedText('003'));
    const s = sentencesOf(d);
    expect(s).toContain(
      'En av regjeringens viktigste prosjekter er tillitsreformen i offentlig sektor, som bl.a. handler om å gi de ansatte tid og tillit til å gi brukerne bedre tjenester.',
    );
    expect(s.some((x) => x.startsWith('3 av 4 kommuner har politiske vedtak'))).toBe(true);
  });
});

describe('segment on hand-made inputs', () => {
  it('merges splits after abbreviations, initials and ordinal dates', () => {
    expect(sentencesOf(run('Vi møtte A. B. Hansen i går. Han kom.'))).toEqual(['Vi møtte A. B. Hansen i går.', 'Han kom.']);
    expect(sentencesOf(run('Dette gjelder f.eks. Nav og jf. Grunnloven. Neste setning.'))).toEqual([
      'Dette gjelder f.eks. Nav og jf. Grunnloven.',
      'Neste setning.',
    ]);
    expect(sentencesOf(run('Det koster ca. 30 kr. Ikke mer.'))).toEqual(['Det koster ca. 30 kr.', 'Ikke mer.']);
    expect(sentencesOf(run('Skoler, barnehager osv. Neste tema er helse.'))).toEqual(['Skoler, barnehager osv.', 'Neste tema er helse.']);
    expect(sentencesOf(run('Møtet er 29. Oktober i Oslo. Velkommen.'))).toEqual(['Møtet er 29. Oktober i Oslo.', 'Velkommen.']);
    expect(sentencesOf(run('Se kap. 3 og nr. 5 i loven. Ok.'))).toEqual(['Se kap. 3 og nr. 5 i loven.', 'Ok.']);
  });

  it('classifies numbered items, ordinal dates, ALL-CAPS titles and lead-ins without a colon', () => {
    const d = run('KRAV TIL REGJERINGEN\n1. At Norge skal kutte utslipp.\n2) Sette klimamål.\na) Underpunkt.\n29. oktober var møtet.\nSV vil\n• sikre velferden\nKristelig Folkeparti vil:\n- Styrke familiene.');
    const kinds = d.blocks.map((b) => [b.kind, b.marker, blockText(d, b)]);
    expect(kinds).toEqual([
      ['heading', null, 'KRAV TIL REGJERINGEN'],
      ['bullet', '1.', 'At Norge skal kutte utslipp.'],
      ['bullet', '2)', 'Sette klimamål.'],
      ['bullet', 'a)', 'Underpunkt.'],
      ['paragraph', null, '29. oktober var møtet.'],
      ['paragraph', null, 'SV vil'],
      ['bullet', '•', 'sikre velferden'],
      ['paragraph', null, 'Kristelig Folkeparti vil:'],
      ['bullet', '-', 'Styrke familiene.'],
    ]);
    expect(d.blocks[6]?.leadIn).toBe(5);
    expect(d.blocks[8]?.leadIn).toBe(7);
    expect(d.blocks[1]?.leadIn).toBe(0);
    expect(d.blocks.every((b) => b.heading === (b.kind === 'heading' ? null : 0))).toBe(true);
  });

  it('reads "1.Mer politi" as a numbered item and never leaves a bare number as a sentence', () => {
    const d = run('Vi mener:\n1.Mer politi i gatene.\n2.Lavere skatt.');
    expect(d.blocks.map((b) => [b.kind, b.marker, blockText(d, b)])).toEqual([
      ['paragraph', null, 'Vi mener:'],
      ['bullet', '1.', 'Mer politi i gatene.'],
      ['bullet', '2.', 'Lavere skatt.'],
    ]);
    expect(sentencesOf(run('# 1.Mer politi i gatene'))).toEqual(['1.Mer politi i gatene']);
  });

  it('makes chapter and section titles headings, but only the last line of a longer run', () => {
    const d = run('En god barndom varer hele livet\nFamilie og oppvekst\nEn god og trygg barndom varer livet ut.\nTillit\nNav\nSkole\nHelse\nDette er viktig.');
    expect(d.blocks.map((b) => b.kind)).toEqual(['heading', 'heading', 'paragraph', 'paragraph', 'paragraph', 'paragraph', 'heading', 'paragraph']);
    expect(d.blocks[1]?.heading).toBe(0);
    expect(d.blocks[2]?.heading).toBe(1);
  });

  it('handles PDF bullets standing alone before their items', () => {
    const d = run('Partiet vil:\n•\n•\n\nStyrke skolen.\nGi alle barn\nmat.\n');
    expect(d.blocks.map((b) => [b.kind, b.marker, blockText(d, b)])).toEqual([
      ['paragraph', null, 'Partiet vil:'],
      ['bullet', '•', 'Styrke skolen.'],
      ['bullet', '•', 'Gi alle barn mat.'],
    ]);
    for (const b of d.blocks) expect(spanRoundTrip(d, b.span, ctx).ok).toBe(true);
  });

  it('keeps a sentence whole when a wrapped PDF line starts with a name, and keeps the heading after it apart', () => {
    const source = [
      'Vi vil at bosettingen skal følge rådene fra FNs',
      'Høykommissær for flyktninger, og at kommunene får',
      'dekket utgiftene sine. Samarbeidet med FN og FNs',
      'organisasjoner skal styrkes, sier styreleder i',
      'fylket. Det er også viktig at styreleder',
      'Kari Nordmann får møte statsråden i høst.',
      'Bosetting og integrering',
      'Alle som får opphold, skal bosettes raskt og',
      'få tilbud om norskopplæring fra første dag.',
    ].join('\n');
    const d = run(source);
    expect(sentencesOf(d)).toEqual([
      'Vi vil at bosettingen skal følge rådene fra FNs Høykommissær for flyktninger, og at kommunene får dekket utgiftene sine.',
      'Samarbeidet med FN og FNs organisasjoner skal styrkes, sier styreleder i fylket.',
      'Det er også viktig at styreleder Kari Nordmann får møte statsråden i høst.',
      'Bosetting og integrering',
      'Alle som får opphold, skal bosettes raskt og få tilbud om norskopplæring fra første dag.',
    ]);
    expect(d.blocks.map((b) => b.kind)).toEqual(['paragraph', 'heading', 'paragraph']);
    // The joined paragraph maps back to exactly its six source lines (normalising them alone would not join them:
    // the name evidence comes from the whole document).
    expect(spanRoundTrip(d, d.blocks[0]?.span ?? { start: 0, end: 0 }, ctx).source).toBe(source.split('\n').slice(0, 6).join('\n'));
  });

  // Speed is measured by `npm run bench`; this checks that block-wise segmentation of a large input stays correct.
  it('segments a 400 KB document into blocks and sentences', () => {
    let big = '';
    const all = seedNames.map((n) => readFileSync(new URL(n, SEEDS), 'utf8')).join('\n\n');
    while (big.length < 400_000) big += `${all}\n\n`;
    const n = normalise({ id: 'd', file: 'big.txt', source: big, sha256: '', meta: null, messages: [] }, ctx);
    const d = segment(n, ctx);
    for (const x of d.sentences) expect(x.span.end).toBeLessThanOrEqual(n.text.length);
    expect(d.sentences.length).toBeGreaterThan(d.blocks.length);
  });
});

const PIECES = [
  'a', 'Ø', 'ord', 'Ord', ' ', '\n', '\n\n', '\r\n', '-\n', '- ', '– ', '•', '\n• ', '\n- ', '\n1. ', '## ', '**', '[', '](x)',
  '.', '. ', '! ', '? ', ':', 'bl.a. ', 'A. ', '29. ', 'oktober', '\u0301', '😀', 'ﬁ', '12', '\n3\n', 'og', '\f', 'KRAV',
];

describe('segment, property-based', () => {
  it('never throws and keeps every span inside the text and the source', () => {
    fc.assert(
      fc.property(stressText(PIECES, { prefix: 1200, maxEdits: 10 }), (source) => {
        const d = run(source);
        expectWellFormed(d);
        for (const s of [...d.blocks.map((b) => b.span), ...d.sentences.map((x) => x.span)]) {
          expect(spanRoundTrip(d, s, ctx).inside).toBe(true);
        }
      }),
      { numRuns: 300, seed: 20251 },
    );
  });
});

const icu = new Intl.Segmenter('nb', { granularity: 'sentence' });
const icuParts = (t: string): string[] => [...icu.segment(t)].map((s) => s.segment);
const icuBreaks = (t: string): number[] => [...icu.segment(t)].map((s) => s.index).filter((i) => i > 0);

/** The Sentence_Break class ICU gives a character, read off how ICU segments a few probes around it. */
function icuClass(x: string): string {
  let p = icuParts(`a${x} B`);
  if (p.length === 2 && p[0] === `a${x} `) return icuParts(`a${x}1`).length === 1 ? 'ATerm' : 'STerm';
  p = icuParts(`a. ${x} B`);
  if (p.length === 2 && p[1] === 'B') return 'Sp';
  if (p.length === 1) return icuParts(`a! ${x} B`).length === 1 ? 'SContinue' : 'Lower';
  if (icuParts(`a.${x}b`).length === 2) return 'OLetter';
  if (icuParts(`a. ${x}b`).length === 2) return 'Upper';
  p = icuParts(`a!${x} B`);
  if (p.length === 2 && p[1] === 'B') return 'Close';
  return icuParts(`a.${x}`).length === 1 ? 'Numeric' : 'Other';
}

// Terminators, closers, spaces, continuers, both cases, digits, symbols, and a few characters left to ICU.
const SENTENCE_PIECES = [
  '.', '.', '!', '?', ' ', ' ', '\t', '\u00a0', ')', '(', '"', "'", '»', '«', '”', '“', '’', '„', '›', ']', '{', ',', '-',
  ':', ';', '–', '—', 'a', 'b', 'æ', 'ß', 'ª', 'A', 'B', 'Ø', 'À', '1', '0', '#', '*', '/', '§', '°', '²', '×', '•', '…',
  '€', '¿', 'ł', 'Ж', '😀', '\u00ad', '\u0301', '\u2028', '\u2024',
];

describe('sentence breaks found without ICU', () => {
  it('gives every character it handles the class ICU gives it', () => {
    const handled: number[] = [];
    for (let u = 0; u < 0x10000; u++) if (sentenceClass(u) !== 0) handled.push(u);
    expect(handled.length).toBeGreaterThan(190);
    for (const u of handled) {
      const c = String.fromCharCode(u);
      expect([u.toString(16), SENTENCE_CLASS_NAMES[sentenceClass(u)]]).toEqual([u.toString(16), icuClass(c)]);
    }
  });

  it('breaks exactly where ICU does, inside a longer text too, and leaves a block with any other character to ICU', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...SENTENCE_PIECES), { maxLength: 24 }), (parts) => {
        const block = parts.join('');
        const text = `Før. ${block} Etter.`;
        const got = sentenceBreaks(text, 5, 5 + block.length);
        const handled = [...block].every((c) => c.length === 1 && sentenceClass(c.charCodeAt(0)) !== 0);
        expect(got).toEqual(handled ? icuBreaks(block).map((i) => i + 5) : null);
      }),
      { numRuns: 20000, seed: 29 },
    );
  });
});
