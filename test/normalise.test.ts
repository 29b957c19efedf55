import { readFileSync, readdirSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Context } from '../pipeline/context.ts';
import type { NormalisedDoc, SourceDoc, Span } from '../pipeline/document.ts';
import { loadLexicon } from '../pipeline/lexicon/load.ts';
import { normalise, spanRoundTrip, textKit } from '../pipeline/normalise/index.ts';
import { unitsToString } from '../pipeline/normalise/buffer.ts';
import { isBreakUnit, isInvisibleUnit, isLetterOrNumberCodePoint, isPlainVisibleUnit, isSpaceUnit, tailStart } from '../pipeline/normalise/chars.ts';
import { isNfc } from '../pipeline/normalise/nfc.ts';
import { stressText } from './support/stress-text.ts';

const ctx: Context = { options: { strict: false, sourceDateEpoch: null }, lexicon: loadLexicon() };

const SEEDS = new URL('../seeds/', import.meta.url);
const seedNames = readdirSync(SEEDS).filter((n) => n.endsWith('.txt')).sort();
const seed = (prefix: string): string => {
  const name = seedNames.find((n) => n.startsWith(prefix));
  if (name === undefined) throw new Error(`no seed ${prefix}`);
  return readFileSync(new URL(name, SEEDS), 'utf8');
};

const doc = (source: string, file = 'test.txt'): SourceDoc => ({ id: 'd', file, source, sha256: '', meta: null, messages: [] });
const norm = (source: string): NormalisedDoc => normalise(doc(source), ctx);

/** Spans of the lines of the normalised text (its blocks, markers included). */
function lineSpans(text: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  for (const line of text.split('\n')) {
    spans.push({ start, end: start + line.length });
    start += line.length + 1;
  }
  return spans.filter((s) => s.end > s.start);
}

/** The structural promises every normalised text keeps. */
function expectWellFormed(n: NormalisedDoc): void {
  expect(n.map.start.length).toBe(n.text.length);
  expect(n.map.end.length).toBe(n.text.length);
  for (let i = 0; i < n.text.length; i++) {
    const s = n.map.start[i] ?? -1;
    const e = n.map.end[i] ?? -1;
    if (!(s >= 0 && e > s && e <= n.source.length)) throw new Error(`unit ${i} maps to [${s}, ${e})`);
  }
  if (n.text.length === 0) return;
  expect(n.text).not.toMatch(/\n\n|^\n|\n$|[ \t]\n|\n[ \t]|^ | $| {2}|\t|\r/);
  expect(n.text.normalize('NFC')).toBe(n.text);
}

describe('normalise on the seeds', () => {
  for (const name of seedNames) {
    it(`${name}: well formed, every line maps back to source text that normalises to it`, () => {
      const n = normalise(doc(readFileSync(new URL(name, SEEDS), 'utf8'), name), ctx);
      expectWellFormed(n);
      for (const span of lineSpans(n.text)) {
        const r = spanRoundTrip(n, span, ctx);
        expect(r.renormalised, `source ${JSON.stringify(r.source)}`).toBe(r.text);
      }
    });
  }

  it('joins the lines that seed 002 broke inside sentences and bullets', () => {
    const n = norm(seed('002'));
    expect(n.text).toContain('• Politikerne må være mer bevisste på å kreve innsyn i hvordan de tillitsvalgte blir tatt med på råd i alle prosesser\n');
    expect(n.text).toContain('Dette kan blant annet gjøres gjennom styrking avtrepartssamarbeidet');
    expect(n.text).toContain('Krav til dokumentasjon, detaljert rapportering og skjemavelde må ikke være til hinder for tillit til fagkompetanse');
    expect(n.text).toContain('Tidlig innsats forhindrer utenforskap for barn og unge\n');
    // A heading after a bullet stays its own block.
    expect(n.text).toContain('\nProfittfri velferd\nVi ønsker primært');
    expect(n.text).toContain('\nKonkret gjøres dette gjennom:\n• ');
  });

  it('drops the navigation line of seed 004 and keeps the rest', () => {
    const n = norm(seed('004'));
    expect(n.text).not.toContain('Gå til');
    expect(n.text.split('\n').slice(0, 3)).toEqual([
      'LO krever tillitsreform innen vekst- og attføringssektoren!',
      'LO krever tillitsreform innen vekst- og attføringssektoren!',
      'Uttalelsen ble vedtatt på LOs regionkonferanse i Innlandet 29. oktober 2021.',
    ]);
    expect(n.text).toContain('\nBegrunnelse:\nEn tillitsreform er et krav');
  });

  it('removes markdown emphasis and link syntax from seed 000 but keeps line-start markers', () => {
    const n = norm(seed('000'));
    const lines = n.text.split('\n');
    expect(lines).toContain('Mimmi Kvisvik');
    expect(lines).toContain('## Lokalpolitikk som investerer i lokalsamfunnet');
    expect(lines.filter((l) => l.startsWith('- Arbeiderpartiet vil '))).toHaveLength(7);
    expect(n.text).not.toMatch(/[*[\]]|\]\(|\(#\)/);
    expect(n.text).toContain('handler om tillit mellom politikere, ledere, ansatte og innbyggere, og må inkluderes');
    const i = n.text.indexOf('Mimmi Kvisvik');
    const r = spanRoundTrip(n, { start: i, end: i + 'Mimmi Kvisvik'.length }, ctx);
    expect(r.source).toBe('Mimmi Kvisvik');
  });

  it('reads CRLF and lone CR line breaks like LF', () => {
    const lf = seed('002');
    const a = norm(lf);
    const crlf = norm(lf.replace(/\n/g, '\r\n'));
    const cr = norm(lf.replace(/\n/g, '\r'));
    expect(crlf.text).toBe(a.text);
    expect(cr.text).toBe(a.text);
    expectWellFormed(crlf);
    for (const span of lineSpans(crlf.text)) expect(spanRoundTrip(crlf, span, ctx).ok).toBe(true);
  });
});

describe('normalise on hand-made inputs', () => {
  it('undoes end-of-line hyphenation but keeps suspended compounds and hyphens after acronyms', () => {
    expect(norm('FO ber om oppfølging av forskrifts-\nbestemmelsene i loven.').text).toBe('FO ber om oppfølging av forskriftsbestemmelsene i loven.');
    expect(norm('Det gjelder helse-\nog omsorgstjenestene.').text).toBe('Det gjelder helse- og omsorgstjenestene.');
    expect(norm('nedsatt arbeids-\neller inntektsevne').text).toBe('nedsatt arbeids- eller inntektsevne');
    expect(norm('Vi besøkte NAV-\nkontoret i går.').text).toBe('Vi besøkte NAV-kontoret i går.');
    expect(norm('Et ord med myk binde\u00ad\nstrek.').text).toBe('Et ord med myk bindestrek.');
    const n = norm('FO ber om oppfølging av forskrifts-\nbestemmelsene i loven.');
    const i = n.text.indexOf('forskriftsbestemmelsene');
    const r = spanRoundTrip(n, { start: i, end: i + 'forskriftsbestemmelsene'.length }, ctx);
    expect(r.source).toBe('forskrifts-\nbestemmelsene');
    expect(r.ok).toBe(true);
  });

  it('joins lines broken mid-sentence, but not after a sentence end, a lead-in or into a bullet', () => {
    expect(norm('Vi vil styrke\nkommunene og\nNAV i hele landet.').text).toBe('Vi vil styrke kommunene og NAV i hele landet.');
    expect(norm('Det er viktig.\nNeste avsnitt starter her.').text).toBe('Det er viktig.\nNeste avsnitt starter her.');
    expect(norm('Vi krever:\nat staten betaler.').text).toBe('Vi krever:\nat staten betaler.');
    expect(norm('Dette gjøres gjennom\n- bedre lønn').text).toBe('Dette gjøres gjennom\n- bedre lønn');
    expect(norm('Familie og oppvekst\nEn god barndom varer livet ut.').text).toBe('Familie og oppvekst\nEn god barndom varer livet ut.');
    // Blank lines inside a sentence, as OCR and PDF copy leave them.
    expect(norm('Dette kan gjøres \n\ngjennom styrking av samarbeidet.').text).toBe('Dette kan gjøres gjennom styrking av samarbeidet.');
  });

  it('drops page numbers and running headers and joins a sentence across a page break', () => {
    const pages = [
      'Program 2025–2029\n\nVi vil styrke\nkommunene.\n\n1\n',
      'Program 2025–2029\n\nVi vil bygge flere\n\n2\n',
      'Program 2025–2029\n\nboliger i hele landet.\n- 3 -\n',
      'Program 2025–2029\n\nSide 4 av 4\n',
    ];
    const n = norm(pages.join('\f'));
    expect(n.text).toBe('Vi vil styrke kommunene.\nVi vil bygge flere boliger i hele landet.');
    expectWellFormed(n);
  });

  it('drops table-of-contents leaders and line numbers', () => {
    const n = norm('Innhold\nBarnehage ........................ 8\nSkole ............................ 9\n\n10\nVi vil ha\n11\n12\nbedre skoler.\n');
    expect(n.text).toBe('Innhold\nVi vil ha bedre skoler.');
  });

  it('drops web boilerplate lines but keeps text that only starts like it', () => {
    const n = norm('Hopp til innhold\nDel på Facebook | Del på LinkedIn\nSkriv ut\nVi bruker informasjonskapsler for å gi deg en bedre opplevelse.\nDel av kommunen ble stengt.\n© 2024 Fagforbundet\n');
    expect(n.text).toBe('Del av kommunen ble stengt.');
  });

  it('gives PDF bullets that stand alone on their lines to the items that follow', () => {
    const source = 'Partiet vil:\n•\n•\n\n•\n\nStyrke skolen.\nGi alle barn\nmat.\nBygge flere boliger.\n';
    const n = norm(source);
    expect(n.text).toBe('Partiet vil:\n• Styrke skolen.\n• Gi alle barn mat.\n• Bygge flere boliger.');
    expectWellFormed(n);
    // Item text (marker excluded) maps back to exactly its own source characters.
    for (const item of ['Styrke skolen.', 'Gi alle barn mat.', 'Bygge flere boliger.']) {
      const i = n.text.indexOf(item);
      expect(spanRoundTrip(n, { start: i, end: i + item.length }, ctx).ok).toBe(true);
    }
    expect(norm('Partiet Sentrum vil\n•\n\nVektlegge ytringsansvaret\n\n•\n\nSikre dialog\n').text).toBe(
      'Partiet Sentrum vil\n• Vektlegge ytringsansvaret\n• Sikre dialog',
    );
  });

  it('composes NFC per base and combining marks, expands ligatures and collapses all kinds of spaces', () => {
    const n = norm('Vi ønsker a\u030apen dialog om ﬂere\u00a0\u00a0tiltak\t\u2003i år.\u200b Go\u0308teborg.');
    expect(n.text).toBe('Vi ønsker åpen dialog om flere tiltak i år. Göteborg.');
    const i = n.text.indexOf('åpen');
    const r = spanRoundTrip(n, { start: i, end: i + 4 }, ctx);
    expect(r.source).toBe('a\u030apen');
    expect(r.ok).toBe(true);
  });

  it('spells out every Latin ligature, also with a mark after it, each letter mapped to the ligature', () => {
    const n = norm('ﬀ ﬁ ﬂ ﬃ ﬄ ﬅ ﬆ o\uFB01\u0301n');
    expect(n.text).toBe('ff fi fl ffi ffl st st ofín');
    expectWellFormed(n);
    const i = n.text.indexOf('ffl');
    expect([...n.map.start.slice(i, i + 3)]).toEqual([8, 8, 8]);
    expect([...n.map.end.slice(i, i + 3)]).toEqual([9, 9, 9]);
    for (const span of lineSpans(n.text)) expect(spanRoundTrip(n, span, ctx).ok).toBe(true);
  });

  it('drops the letter pairs that unmapped ligature glyphs leave at page ends, but only where they stand apart', () => {
    const page = (text: string): string => `${text}\n\nti\n\ntt\n\nft\n\nSide 1 av 3\n`;
    const n = norm([page('Vi vil styrke\nkommunene og'), page('fylkene i hele landet.'), page('Skolen er viktig.')].join('\f'));
    expect(n.text).toBe('Vi vil styrke kommunene og fylkene i hele landet.\nSkolen er viktig.');
    expectWellFormed(n);
    // Too few to say the font lost its ligatures, or part of the running text: kept.
    expect(norm('Vi har bygget\n\nti\n\nnye skoler.').text).toBe('Vi har bygget ti nye skoler.');
    expect(norm(`${'ti\n\n'.repeat(5)}Vi vil bygge\nti\nnye skoler.`).text).toBe('Vi vil bygge ti nye skoler.');
  });

  it('drops a banner printed once a page, also where the converter put it mid-page', () => {
    const para = (n: number): string => `Avsnitt ${n} handler om skolen.\nDet er viktig.\nVi vil ha flere lærere.\nSkolen skal være gratis.`;
    const pages = [
      `${para(1)}\n\nPARTIET FOR ALLE\n\nVi vil bygge flere\nboliger i hele landet.`,
      `PARTIET FOR ALLE\n\n${para(2)}\n\nAlle skal ha et hjem.`,
      `Helse er viktig for\n\nPARTIET FOR ALLE\n\nalle som bor her.\n${para(3)}`,
      `${para(4)}\n\nPARTIET FOR ALLE`,
    ];
    const n = norm(pages.join('\f'));
    expect(n.text).not.toContain('PARTIET');
    expect(n.text).toContain('\nVi vil bygge flere boliger i hele landet.\n');
    expect(n.text).toContain('\nHelse er viktig for alle som bor her.\n');
    // Twice on one page: a line of the text, however often it recurs.
    const twice = norm(pages.map((p) => `${p}\nPARTIET FOR ALLE\nSlutt.`).join('\f'));
    expect(twice.text.split('\n').filter((l) => l === 'PARTIET FOR ALLE').length).toBeGreaterThan(4);
    // A lead-in repeated once a page is the document's own text.
    const lead = norm(['Partiet vil\n\n• Bygge boliger.', 'Partiet vil\n\n• Styrke skolen.', 'Partiet vil\n\n• Gi alle arbeid.'].join('\f'));
    expect(lead.text.split('\n').filter((l) => l === 'Partiet vil')).toHaveLength(3);
  });

  it('joins a capitalised line that continues the sentence with a name, in text that wraps its lines', () => {
    // A wrapped page: most lines continue in lower case, so a line break there is no paragraph end.
    const source = [
      'Kommunene har lenge bedt staten om bedre',
      'rammer for bosetting, sier styreleder i KS.',
      'Flyktningpolitikken skal bygge på anbefalingene fra FNs',
      'Høykommissær for flyktninger, og kommunene skal få',
      'betalt for oppgavene de tar på seg. I møtet sa styreleder',
      'Gunn Marit Helgesen at samarbeidet med FN og FNs',
      'organisasjoner må styrkes i hele landet.',
      'Familie og oppvekst',
      'En god barndom varer livet ut, og barn trenger',
      'trygge voksne rundt seg hver dag i hele landet.',
      'Partiet vil',
      'Styrke skolen i hele landet',
      'Sikre flere lærere i skolen.',
    ].join('\n');
    expect(norm(source).text.split('\n')).toEqual([
      'Kommunene har lenge bedt staten om bedre rammer for bosetting, sier styreleder i KS.',
      'Flyktningpolitikken skal bygge på anbefalingene fra FNs Høykommissær for flyktninger, og kommunene skal få betalt for oppgavene de tar på seg. I møtet sa styreleder Gunn Marit Helgesen at samarbeidet med FN og FNs organisasjoner må styrkes i hele landet.',
      'Familie og oppvekst',
      'En god barndom varer livet ut, og barn trenger trygge voksne rundt seg hver dag i hele landet.',
      'Partiet vil',
      'Styrke skolen i hele landet',
      'Sikre flere lærere i skolen.',
    ]);
    // One line per item or paragraph (markdown, web text): no line is a wrap, so nothing is joined.
    const unwrapped = 'Vi vil at FNs\nHøykommissær for flyktninger får mer støtte\nDet gjelder også FN og FNs organisasjoner\nAlle skal ha et hjem';
    expect(norm(unwrapped).text.split('\n')).toHaveLength(4);
  });

  it('keeps markdown structure markers and drops link targets, escapes and heading attributes', () => {
    expect(norm('## **1.1 KLIMA** {#1.1-klima}').text).toBe('## 1.1 KLIMA');
    expect(norm('* punkt med *vekt* og __mer__\n1. første').text).toBe('* punkt med vekt og mer\n1. første');
    expect(norm('Les [rapporten](https://example.no/a (b)) i dag. 5 \\* 3 er snake_case_navn.').text).toBe(
      'Les rapporten i dag. 5 * 3 er snake_case_navn.',
    );
    expect(norm('Det positive navet](#) skildrer det.').text).toBe('Det positive navet skildrer det.');
  });

  it('returns an empty text for a document of boilerplate only', () => {
    const n = norm('Gå til hovedinnhold\n\n12\n');
    expect(n.text).toBe('');
    expect(n.map.start.length).toBe(0);
  });

  // Speed is measured by `npm run bench`, never in a unit test; this checks a large PDF-like input stays correct.
  it('normalises a 400 KB PDF-like document with a complete map', () => {
    const pdfish = readdirSync(SEEDS)
      .filter((f) => f.endsWith('.txt'))
      .map((f) => readFileSync(new URL(f, SEEDS), 'utf8'))
      .join('\n\f12\n');
    let big = '';
    while (big.length < 400_000) big += `${pdfish}\n\f${big.length % 997}\n`;
    const n = normalise(doc(big), ctx);
    expect(n.text.length).toBeGreaterThan(300_000);
    expect(n.map.start.length).toBe(n.text.length);
    expect(n.map.end.length).toBe(n.text.length);
    expectWellFormed(n);
  });
});

/** Pieces that stress the map: breaks of every kind, hyphens, combining marks, astral characters, markup. */
const PIECES = [
  'a', 'Ø', 'å', 'ord', 'Ord', ' ', '  ', '\t', '\u00a0', '\n', '\n\n', '\r\n', '\r', '\f', '-\n', '- ', '–', '•', '• ',
  '\n• ', '\n- ', '\n1. ', '#', '## ', '*', '**', '_', '[', ']', '](', ')', '(', 'x.no', '.', ',', ':', '!', '?',
  '\u0301', '\u0308\u0323', '\u00ad', '\u200b', '😀', '👩‍👩‍👧', '\ud83d', 'ﬁ', '12', '\n3\n', 'og', 'bl.a.', 'Gå til hovedinnhold',
  '\ufeff', '\u2028', '…',
];

describe('normalise, property-based', () => {
  it('never throws and maps every unit and line inside the source, on random and mutated text', () => {
    fc.assert(
      fc.property(stressText(PIECES, { prefix: 1500, maxEdits: 12 }), (source) => {
        const n = norm(source);
        expectWellFormed(n);
        for (const span of lineSpans(n.text)) expect(spanRoundTrip(n, span, ctx).inside).toBe(true);
      }),
      { numRuns: 300, seed: 20250 },
    );
  });
});

describe('normalise, the shortcuts it takes', () => {
  it('normalises a document the same whatever it normalised before (its buffers are reused)', () => {
    const small = seed('000');
    const first = norm(small);
    norm(`${seed('002').repeat(40)}\n[lenke](x) **fet** ﬁ e\u0301`);
    const again = norm(small);
    expect(again.text).toBe(first.text);
    expect(Array.from(again.map.start)).toEqual(Array.from(first.map.start));
    expect(Array.from(again.map.end)).toEqual(Array.from(first.map.end));
  });

  it('decodes units to a string unit for unit, lone surrogates included', () => {
    const s = 'a\ud800b\udc00😀\udbff';
    const units = new Uint16Array(s.length + 4);
    for (let i = 0; i < s.length; i++) units[i + 2] = s.charCodeAt(i);
    expect(unitsToString(units, 2, 2 + s.length)).toBe(s);
    expect(unitsToString(units.subarray(1), 2, 4)).toBe('\ud800b');
    expect(unitsToString(units, 3, 3)).toBe('');
  });

  it('counts a unit as plain visible only when it is below U+0300 and no space, invisible unit or line break', () => {
    for (let u = 0; u < 0x10000; u++) {
      if (isPlainVisibleUnit(u) && (u >= 0x300 || isSpaceUnit(u) || isInvisibleUnit(u) || isBreakUnit(u))) throw new Error(`U+${u.toString(16)}`);
    }
  });

  it('tests letters and numbers as [\\p{L}\\p{N}] does, for every code point', () => {
    const re = /^[\p{L}\p{N}]$/u;
    for (let cp = 0; cp <= 0x10ffff; cp++) {
      if (isLetterOrNumberCodePoint(cp) !== re.test(String.fromCodePoint(cp))) throw new Error(`U+${cp.toString(16)}`);
    }
  });

  it('finds the tail that a [class]+$ regex with the u flag matches', () => {
    const parts = ['a', 'Å', '1', '²', '.', '-', ' ', '😀', '𝐀', '\ud835', '\udc00', '\u0301', 'ǅ', '٣'];
    const inClass = (cp: number) => cp === 0x2e || isLetterOrNumberCodePoint(cp);
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...parts), { maxLength: 12 }), (p) => {
        const t = p.join('');
        const m = /[\p{L}\p{N}.]+$/u.exec(t);
        expect(tailStart(t, inClass)).toBe(m === null ? t.length : m.index);
      }),
      { numRuns: 3000, seed: 7 },
    );
  });

  it('tells NFC text without normalising it only where that cannot change the answer', () => {
    // Every canonical decomposition, and its first two units, must be judged as String.prototype.normalize judges it
    // (no character beyond plane 2 has one).
    for (let cp = 0xa0; cp <= 0x2ffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const d = String.fromCodePoint(cp).normalize('NFD');
      if (d.length < 2) continue;
      for (const t of [d, d.slice(0, 2), `x${d}`]) if (isNfc(t) !== (t.normalize('NFC') === t)) throw new Error(`U+${cp.toString(16)}`);
    }
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 20 }), (t) => {
        expect(isNfc(t)).toBe(t.normalize('NFC') === t);
      }),
      { numRuns: 3000, seed: 8 },
    );
  });

  it('tests the whole-line patterns as one union, or one by one when a pattern has a backreference or named group', () => {
    const lines = ['12', '1 2', 'Side 3 av 12', 'side 3', 'Innhold ........ 4', '— 20 —', 'aaaa', 'abab', 'Gå til hovedinnhold', 'Tekst', '---'];
    const base = ctx.lexicon.text;
    for (const extra of [[], ['^(\\p{L})\\1{3}$'], ['^(?<x>ab)\\k<x>$']]) {
      const rules = { ...base, pageFurniture: { ...base.pageFurniture, patterns: [...base.pageFurniture.patterns, ...extra] } };
      const kit = textKit(rules, ctx.lexicon.calendar);
      const regexes = rules.pageFurniture.patterns.map((p) => new RegExp(p, 'iu'));
      for (const line of lines) expect([line, kit.isFurniture(line)]).toEqual([line, regexes.some((r) => r.test(line))]);
    }
  });
});
