import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Context } from '../pipeline/context.ts';
import type { CuratedMeta, DateRecord, SegmentedDoc } from '../pipeline/document.ts';
import { findDates } from '../pipeline/extract/dates/index.ts';
import { loadLexicon } from '../pipeline/lexicon/load.ts';
import { normalise } from '../pipeline/normalise/index.ts';
import { segment } from '../pipeline/segment/index.ts';

const ctx: Context = { options: { strict: false, sourceDateEpoch: null }, lexicon: loadLexicon() };

const doc = (source: string, meta: CuratedMeta | null = null): SegmentedDoc =>
  segment(normalise({ id: 'd', file: 'test.txt', source, sha256: '', meta, messages: [] }, ctx), ctx);

interface Seen {
  text: string;
  value: string;
  precision: DateRecord['precision'];
  kind: DateRecord['kind'];
  ocr: boolean;
  ruleId: string;
}

/** The dates of a text as [surface text, value, …]; also checks every span against the text. */
function dates(source: string, meta: CuratedMeta | null = null): Seen[] {
  const d = doc(source, meta);
  return findDates(d, ctx).map((r) => {
    expect(r.confidence).toBeGreaterThan(0);
    expect(r.confidence).toBeLessThanOrEqual(1);
    return { text: d.text.slice(r.span.start, r.span.end), value: r.value, precision: r.precision, kind: r.kind, ocr: r.ocr, ruleId: r.ruleId };
  });
}
const values = (source: string, meta: CuratedMeta | null = null): string[] => dates(source, meta).map((d) => d.value);
const texts = (source: string): string[] => dates(source).map((d) => d.text);

const SEEDS = new URL('../seeds/', import.meta.url);
const seed = (prefix: string): string => {
  const name = readdirSync(SEEDS).find((n) => n.startsWith(prefix) && n.endsWith('.txt'));
  if (name === undefined) throw new Error(`no seed ${prefix}`);
  return readFileSync(new URL(name, SEEDS), 'utf8');
};

describe('findDates: numeric forms', () => {
  it.each([
    ['Møtet var 25.02.2022 i Oslo.', '25.02.2022', '2022-02-25'],
    ['Vedtatt 25.2.22 av styret.', '25.2.22', '2022-02-25'],
    ['Frist 25/2-2022 for innspill.', '25/2-2022', '2022-02-25'],
    ['Publisert 2022-02-25 på nett.', '2022-02-25', '2022-02-25'],
    ['Endret 1.1.68 ved lov.', '1.1.68', '1968-01-01'],
  ])('%s', (source, text, value) => {
    expect(dates(source)).toEqual([{ text, value, precision: 'day', kind: 'event', ocr: false, ruleId: expect.stringMatching(/^date-/) }]);
  });

  it('rejects impossible days and version-like numbers', () => {
    expect(values('Den 31.02.2022 finnes ikke.')).toEqual([]);
    expect(values('Versjon 1.2.2022.5 er ute.')).toEqual([]);
  });

  it('reads a numbered heading as a section number, not a two-digit-year date', () => {
    expect(values('Innledning\n\n2.1.10 Legg om militærpolitikken\n\nTekst her.')).toEqual([]);
  });
});

describe('findDates: month names and seasons', () => {
  it('day, month name and year, with and without abbreviation', () => {
    expect(dates('Vedtatt på regionkonferansen 29. oktober 2021.')).toMatchObject([{ text: '29. oktober 2021', value: '2021-10-29', precision: 'day', kind: 'event' }]);
    expect(dates('Vedtatt 29. okt. 2021.')).toMatchObject([{ text: '29. okt. 2021', value: '2021-10-29' }]);
    expect(dates('Landsmøtet i Oslo 30.april 2025')).toMatchObject([{ value: '2025-04-30' }]);
  });

  it('"3. og 4. juni 2022" is two dates, each with its own span', () => {
    expect(dates('Kurset går 3. og 4. juni 2022 på Gardermoen.')).toMatchObject([
      { text: '3.', value: '2022-06-03', precision: 'day' },
      { text: '4. juni 2022', value: '2022-06-04', precision: 'day' },
    ]);
    expect(values('Samlingen 3.–4. juni 2022.')).toEqual(['2022-06-03', '2022-06-04']);
  });

  it('month and year; season and year (year precision, an event)', () => {
    expect(dates('Planen kom i oktober 2021.')).toMatchObject([{ text: 'oktober 2021', value: '2021-10', precision: 'month', kind: 'event' }]);
    expect(dates('Reformen innføres høsten 2023.')).toMatchObject([{ text: 'høsten 2023', value: '2023', precision: 'year', kind: 'event', ruleId: 'date-season-year' }]);
  });

  it('a day and month without year takes the year of the document date, else of the closest preceding date', () => {
    expect(dates('Dato: 10.01.2020\n\nFristen er 14. mars.')).toContainEqual(expect.objectContaining({ text: '14. mars', value: '2020-03-14', precision: 'day' }));
    expect(values('Loven kom 1. januar 2019. Den ble endret 14. mars.')).toEqual(['2019-01-01', '2019-03-14']);
    expect(values('Uttalelse\n\nFristen er 14. mars.', { date: '2021-05-02' })).toEqual(['2021-03-14']);
  });

  it('a month alone after a preposition takes the document year; without any dated context it is skipped', () => {
    expect(dates('Publisert 3. juni 2025\n\nLoven bør vedtas før valget i september.')).toContainEqual(
      expect.objectContaining({ text: 'september', value: '2025-09', precision: 'month' }),
    );
    expect(values('Fristen er 14. mars. Vi møtes i september.')).toEqual([]);
  });

  it('a date naming a day in a compound ("22. juli-senteret") gets no inferred year', () => {
    expect(values('Dato: 01.02.2024\n\nBesøk på 22. juli-senteret.')).toEqual(['2024-02-01']);
  });
});

describe('findDates: years', () => {
  it.each([
    ['I 2023 går de til stemmeurnene.', '2023'],
    ['Forslag til partiprogram for 2023:', '2023'],
    ['Ordningen gjelder fra 2024.', '2024'],
    ['Utslippene skal ned innen 2030.', '2030'],
    ['Budsjettåret 2024 blir stramt.', '2024'],
    ['Kuttene skal skje i løpet av 2027.', '2027'],
  ])('%s → a reference year', (source, value) => {
    expect(dates(source)).toMatchObject([{ text: value, value, precision: 'year', kind: 'reference' }]);
  });

  it('year ranges give two years, each with its own span', () => {
    expect(dates('Stortingsprogram 2025–2029')).toMatchObject([
      { text: '2025', value: '2025', ruleId: 'date-year-range' },
      { text: '2029', value: '2029', ruleId: 'date-year-range' },
    ]);
    expect(values('Arbeidsprogram 2025-29')).toEqual(['2025', '2029']);
  });

  it('lists of years after a calendar preposition', () => {
    expect(values('Tallene for 2022 og 2024 viser det samme.')).toEqual(['2022', '2024']);
    expect(values('mellom 2020 og 2025')).toEqual(['2020', '2025']);
  });

  it('years standing alone at the end of a parenthesis are reference years', () => {
    expect(values('Ifølge rapporten (NKVTS, 2023) er det slik.')).toEqual(['2023']);
  });

  it('session labels inside document identifiers are not dates', () => {
    expect(values('Se Innst. 100 S (2019–2020) og Prop. 1 S (2022–2023).')).toEqual([]);
    expect(values('jf. St.meld. nr. 29 (2000-2001) om dette')).toEqual([]);
  });

  it('counts, money, ages, durations, percentages, clock times and paragraphs are never dates', () => {
    for (const source of [
      'Vi har 20 000 ansatte og nærmere 33 000 medlemmer.',
      'Støtten er på 2 000 kroner i måneden.',
      'Prisen økes til 2000 kroner.',
      'Antall unge under 30 år øker.',
      'Det vil ta over 50 år før vi når likelønn.',
      'Ordningen varer i to år.',
      'Andelen er 20 prosent, eller 2000 personer.',
      'Møtet starter kl. 12.30 i dag.',
      'Etter § 2023 i loven og lov nr. 62.',
      'Det tar 2000 år å bryte ned plast.',
      'Over 150 000 innbyggere står uten fastlege.',
    ]) {
      expect(texts(source), source).toEqual([]);
    }
  });
});

describe('findDates: relative years', () => {
  it('"i fjor" and "i år" need a reference year', () => {
    expect(dates('Dato: 12.03.2021\n\nI fjor økte ledigheten, i år faller den.')).toMatchObject([
      { value: '2021-03-12' },
      { text: 'I fjor', value: '2020', precision: 'year', kind: 'reference', ruleId: 'date-relative-year' },
      { text: 'i år', value: '2021' },
    ]);
    expect(values('I fjor økte ledigheten, i år faller den.')).toEqual([]);
    expect(values('Vi har jobbet med dette i årevis.', { date: '2021-01-01' })).toEqual([]);
  });
});

describe('findDates: OCR-garbled dates', () => {
  it('recovers a garbled date after a date cue when every character has one reading', () => {
    expect(dates('Dato: lZ. cZ. ZoZZ_\n\nGrete Wold')).toEqual([
      { text: 'lZ. cZ. ZoZZ', value: '2022-02-12', precision: 'day', kind: 'event', ocr: true, ruleId: 'date-ocr-recovered' },
    ]);
  });

  it('leaves ambiguous, invalid or cue-less garbled dates alone', () => {
    expect(values('Dato: te. 02. 2022')).toEqual([]); // t reads as 1 or 7
    expect(values('Dato: 3Z. lZ. ZoZZ')).toEqual([]); // 32.12 is no day
    expect(values('Signert lZ. cZ. ZoZZ av begge')).toEqual([]); // no cue
    expect(values('Dato: ca. kl. tolv')).toEqual([]);
  });

  it('reads a clean cue date written with spaces', () => {
    expect(dates('Dato: 12. 02. 2022')).toMatchObject([{ value: '2022-02-12', ocr: false, ruleId: 'date-cue-numeric' }]);
  });
});

describe('findDates: seeds end to end', () => {
  it('finds the dated letter, its election year and the programme year, but no counts or durations', () => {
    const found = dates(seed('000_'));
    expect(found).toContainEqual(expect.objectContaining({ text: '25.02.2022', value: '2022-02-25' }));
    expect(found.filter((d) => d.value === '2023').length).toBeGreaterThanOrEqual(2);
    expect(found.map((d) => d.text)).not.toContain('50');
    expect(found.every((d) => /^\d{4}(-\d\d){0,2}$/.test(d.value))).toBe(true);
  });

  it('recovers the garbled agreement date and reads the resolution date', () => {
    expect(dates(seed('002_'))).toContainEqual(expect.objectContaining({ value: '2022-02-12', ocr: true }));
    expect(dates(seed('004_'))).toContainEqual(expect.objectContaining({ text: '29. oktober 2021', value: '2021-10-29' }));
  });

  it('finds no date in texts that only have ages and counts', () => {
    expect(dates(seed('001_'))).toEqual([]);
    expect(dates(seed('003_'))).toEqual([]);
  });
});
