import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Context } from '../pipeline/context.ts';
import type { CuratedMeta, DateRecord, SegmentedDoc } from '../pipeline/document.ts';
import type { DatePrecision } from '../pipeline/models/vocab.ts';
import { findActors } from '../pipeline/extract/actors/index.ts';
import { findMetadata, type MetadataOutput } from '../pipeline/extract/metadata/index.ts';
import { findProposers } from '../pipeline/extract/metadata/proposers.ts';
import { loadLexicon } from '../pipeline/lexicon/load.ts';
import { normalise } from '../pipeline/normalise/index.ts';
import { segment } from '../pipeline/segment/index.ts';

const ctx: Context = { options: { strict: false, sourceDateEpoch: null }, lexicon: loadLexicon() };

/** A date record as the dates helper would give it, for the first occurrence of `surface` in the text. */
type DateSpec = [surface: string, value: string, precision: DatePrecision];
function dateRecords(doc: SegmentedDoc, specs: readonly DateSpec[]): DateRecord[] {
  return specs.map(([surface, value, precision]) => {
    const start = doc.text.indexOf(surface);
    if (start === -1) throw new Error(`no "${surface}" in the text`);
    return { span: { start, end: start + surface.length }, value, precision, kind: 'event', ocr: false, ruleId: 'test', confidence: 1 };
  });
}

/** Normalise + segment a text, find its actors, then its metadata from the given dates. */
function run(source: string, dates: readonly DateSpec[] = [], meta: CuratedMeta | null = null): { doc: SegmentedDoc; out: MetadataOutput } {
  const doc = segment(normalise({ id: 'd', file: 't.txt', source, sha256: '', meta, messages: [] }, ctx), ctx);
  const found = findActors(doc, ctx);
  const proposers = findProposers(doc.text, found.mentions, found.actors, ctx.lexicon.metadata.proposers.markers);
  return { doc, out: findMetadata(doc, { ...found, dates: dateRecords(doc, dates), proposers }, ctx) };
}
const documentDate = (r: ReturnType<typeof run>) => {
  const d = r.out.dates.filter((x) => x.kind === 'document');
  return d.length === 0 ? null : r.doc.text.slice(d[0]!.span.start, d[0]!.span.end);
};
const codes = (r: ReturnType<typeof run>) => r.out.messages.map((m) => m.code);

const SEEDS = new URL('../seeds/', import.meta.url);
const seedText = (prefix: string) => {
  const name = readdirSync(SEEDS).find((n) => n.startsWith(prefix) && n.endsWith('.txt'));
  if (name === undefined) throw new Error(`no seed ${prefix}`);
  return readFileSync(new URL(name, SEEDS), 'utf8');
};

describe("the document's own date", () => {
  it('takes the date after a "Dato:" label and marks that record kind document', () => {
    const r = run('Dato: 14.03.2024\n\nVi viser til brevet av 12. desember 2023.', [
      ['12. desember 2023', '2023-12-12', 'day'],
      ['14.03.2024', '2024-03-14', 'day'],
    ]);
    expect(r.out.info.date).toEqual({ value: { value: '2024-03-14', precision: 'day' }, source: 'extracted', ruleId: 'date-document-label' });
    expect(documentDate(r)).toBe('14.03.2024');
    expect(r.out.dates.filter((d) => d.kind === 'document')).toHaveLength(1);
    expect(codes(r)).not.toContain('no-document-date');
  });
  it('takes the date a text says it was adopted, but not any adoption it reports', () => {
    const adopted = run('Kravene er klare.\n\nUttalelsen ble vedtatt på årsmøtet i Fagforbundet Oslo 12. mars 2023.', [['12. mars 2023', '2023-03-12', 'day']]);
    expect(adopted.out.info.date?.ruleId).toBe('date-document-adopted');
    const opening = run('Vedtatt på landsmøtet 2023.\n\nVi vil ha mer.', [['2023', '2023', 'year']]);
    expect(opening.out.info.date?.value).toEqual({ value: '2023', precision: 'year' });
    const reported = run('Stortinget vedtok 12. juni 2019 en ny lov om dette.', [['12. juni 2019', '2019-06-12', 'day']]);
    expect(reported.out.info.date).toBeNull();
    expect(codes(reported)).toContain('no-document-date');
  });
  it('takes the date of a place-and-date line and of a "Publisert" dateline', () => {
    const signed = run('Vi ber om et møte.\n\nTromsø, 3. mars 2022\n\nKari Nordmann', [['3. mars 2022', '2022-03-03', 'day']]);
    expect(signed.out.info.date?.ruleId).toBe('date-document-place-line');
    expect(run('Vi ber om et møte.\n\nBergen 3. mars 2022', [['3. mars 2022', '2022-03-03', 'day']]).out.info.date?.ruleId).toBe('date-document-place-line');
    expect(run('Vi ber om svar.\n\nSvarfrist 15. mars 2024\n\nMer tekst her.', [['15. mars 2024', '2024-03-15', 'day']]).out.info.date).toBeNull();
    const news = run('Krever mer penger\n\nPublisert 3. juni 2025 kl. 14.12\n\nLegene krever et løft i 2026.', [
      ['3. juni 2025', '2025-06-03', 'day'],
      ['2026', '2026', 'year'],
    ]);
    expect(news.out.info.date?.value.value).toBe('2025-06-03');
  });
  it('lets a curated date win, and a curated "undated" silence the warning', () => {
    const r = run('Dato: 14.03.2024\n\nTekst.', [['14.03.2024', '2024-03-14', 'day']], { date: '2024-03' });
    expect(r.out.info.date).toEqual({ value: { value: '2024-03', precision: 'month' }, source: 'curated', ruleId: null });
    expect(documentDate(r)).toBeNull();
    const undated = run('Tekst uten dato.', [], { date: 'undated' });
    expect(undated.out.info.date).toBeNull();
    expect(undated.out.info.undated).toBe(true);
    expect(codes(undated)).not.toContain('no-document-date');
  });
});

describe('the publisher', () => {
  it('is the affiliation of the signer', () => {
    const r = run('Vi ber Arbeiderpartiet om å prioritere saken.\n\nVennlig hilsen\n\nKari Nordmann\n\nForbundsleder i Fagforbundet');
    expect(r.out.info.publisher).toEqual({ value: 'Fagforbundet', source: 'extracted', ruleId: 'publisher-signature' });
  });
  it('is the organisation a signer without an organisation of their own signs for', () => {
    const r = run('Venstre vil styrke skolen. Venstre vil ha flere lærere.\n\nOla Nordmann\nPartileder');
    expect(r.out.info.publisher?.value).toBe('Venstre');
    expect(r.out.actors.find((a) => a.key === 'Ola Nordmann')).toMatchObject({ type: 'person', role: 'Partileder', affiliation: 'Venstre' });
  });
  it('is the organisation opening the heading with a demand verb', () => {
    const r = run('NHO krever lavere skatt!\n\nRegjeringen må lytte. Regjeringen må handle.');
    expect(r.out.info.publisher?.value).toBe('Næringslivets Hovedorganisasjon');
    expect(r.out.info.publisher?.ruleId).toBe('publisher-heading');
  });
  it('is the first party of a joint agreement', () => {
    const r = run('Samarbeidsavtale mellom Fagforbundet og Delta\n\nPartene skal møtes jevnlig.');
    expect(r.out.info.publisher).toMatchObject({ value: 'Fagforbundet', ruleId: 'publisher-agreement-first-party' });
  });
  it('is the organisation most often speaking in its own voice', () => {
    const r = run('Regjeringen ønsker en reform. Tekna mener reformen er for svak. Tekna krever mer. Tekna understreker behovet.');
    expect(r.out.info.publisher).toMatchObject({ value: 'Tekna', ruleId: 'publisher-voice' });
  });
  it('comes from curation when given, and joins the actors if the text never names it', () => {
    const r = run('Tekna mener dette er viktig.', [], { publisher: 'NITO' });
    expect(r.out.info.publisher).toEqual({ value: 'NITO', source: 'curated', ruleId: null });
    expect(r.out.actors.find((a) => a.key === 'NITO')).toMatchObject({ type: 'union', source: 'registry' });
    const alias = run('Tekst.', [], { publisher: 'LO' });
    expect(alias.out.info.publisher?.value).toBe('Landsorganisasjonen i Norge');
  });
  it('is missing, with a warning, when nobody speaks in the text', () => {
    const r = run('Det er kaldt i dag. Været blir bedre i morgen.');
    expect(r.out.info.publisher).toBeNull();
    expect(codes(r)).toContain('no-publisher');
    expect(r.out.messages.every((m) => m.stage === 'extract' && m.file === 't.txt')).toBe(true);
  });
});

describe('the title', () => {
  it('is the first heading, cleaned of markdown', () => {
    const r = run('Dato: 01.02.2023\n\n## **Et bedre arbeidsliv**\n\nVi vil ha mer.');
    expect(r.out.info.title).toEqual({ value: 'Et bedre arbeidsliv', source: 'extracted', ruleId: 'title-heading' });
  });
  it('is a short first line, never a byline', () => {
    const r = run('Helse\n\nFastlegekrisen er ikke over\n\nAv Jon Berg, NTB\n\nLegene krever mer.');
    expect(r.out.info.title?.value).toBe('Fastlegekrisen er ikke over');
    const lead = run('Dette er en viktig sak for oss alle.\n\nKari Nordmann, leder i Tekna\n\nTekna mener at saken er viktig.');
    expect(lead.out.info.title?.value).toBe('Dette er en viktig sak for oss alle');
  });
  it('joins a title broken over lines and re-cases one written in capitals', () => {
    const r = run('AVTALE MELLOM FAGFORBUNDET OSLO\nOG ARBEIDERPARTIET (AP)\n\nPartene skal samarbeide.');
    expect(r.out.info.title?.value).toBe('Avtale mellom Fagforbundet Oslo og Arbeiderpartiet (AP)');
  });
  it('is null when the text opens with running prose', () => {
    const prose = 'Kommunene trenger flere ansatte med rett kompetanse, og staten må bidra med midler til utdanning og rekruttering i hele landet. ';
    expect(run(prose + prose).out.info.title).toBeNull();
  });
  it('comes from curation when given', () => {
    expect(run('## Overskrift\n\nTekst.', [], { title: 'Kuratert tittel' }).out.info.title).toEqual({ value: 'Kuratert tittel', source: 'curated', ruleId: null });
  });
});

describe('the genre', () => {
  const genre = (source: string, dates: DateSpec[] = []) => run(source, dates).out.info.genre.value;
  it.each([
    ['agreement', 'SAMARBEIDSAVTALE MELLOM TEKNA OG NITO\n\nPartene skal samarbeide.'],
    ['hearing', 'Høringssvar – endringer i arbeidsmiljøloven\n\nTekna støtter forslaget.\n\nMed vennlig hilsen\nTekna'],
    ['program', 'Arbeidsprogram 2025–2029\n\nVi vil styrke velferden.'],
    ['letter', 'Til Arbeiderpartiet\n\nVi ber om et møte om saken.\n\nVennlig hilsen\nKari Nordmann'],
    ['news', 'Krever mer til fastleger\n\nDette er en krise, sier leder Kari Nordmann i Tekna. Vi må handle, sier Nordmann.'],
    ['statement', 'Uttalelse om bemanning\n\nTekna mener bemanningen må økes.'],
    ['other', 'Været i morgen\n\nDet blir sol.'],
  ])('%s', (expected, source) => {
    expect(genre(source)).toBe(expected);
  });
  it('is resolution when the text was adopted by a body', () => {
    expect(genre('Fagforbundet krever mer!\n\nUttalelsen ble vedtatt på landsmøtet 12. mars 2023.\n\nVi krever mer.', [['12. mars 2023', '2023-03-12', 'day']])).toBe(
      'resolution',
    );
  });
  it('comes from curation when given', () => {
    expect(run('Vennlig hilsen\nKari', [], { genre: 'hearing' }).out.info.genre).toEqual({ value: 'hearing', source: 'curated', ruleId: null });
  });
});

describe('signature lines and proposals', () => {
  const signed = (closing: string, dates: DateSpec[]) =>
    run(`Samarbeidsavtale mellom Fagforbundet Agder og Agder Arbeiderparti\n\nVi vil ha hele stillinger.\n\n${closing}\n\nFor Fagforbundet Agder\nKari Nordvik\nleder\n`, dates);
  it.each([
    ['Kristiansand, 14. februar 2023', '14. februar 2023'],
    ['Arendal, den 14. februar 2023', '14. februar 2023'],
    ['Lyngdal 14.02.2023', '14.02.2023'],
    ['Sted og dato: Lyngdal 14.02.2023', '14.02.2023'],
  ])('reads the date of the place-and-date line "%s"', (line, surface) => {
    const r = signed(line, [[surface, '2023-02-14', 'day']]);
    expect(r.out.info.date?.value).toEqual({ value: '2023-02-14', precision: 'day' });
  });
  it('reads one place-and-date line written twice (two signature columns)', () => {
    const r = signed('Kristiansand, 14.02.2023 Kristiansand, 14. februar 2023', [
      ['14.02.2023', '2023-02-14', 'day'],
      ['14. februar 2023', '2023-02-14', 'day'],
    ]);
    expect(r.out.info.date?.ruleId).toBe('date-document-place-line');
  });
  it('reads an unknown place without a comma only above signatures, never a deadline', () => {
    const r = run('Vi ber om svar.\n\nSvarfrist 15. mars 2024\n\nMer tekst følger her, og enda litt mer tekst.', [['15. mars 2024', '2024-03-15', 'day']]);
    expect(r.out.info.date).toBeNull();
  });
  it('reads a date alone above the signatures however much page furniture follows', () => {
    const furniture = Array.from({ length: 8 }, (_, i) => `Lenke ${i + 1}`).join('\n\n');
    const r = run(`Forslag\n\nStortinget ber regjeringen innføre en frist.\n\n22. oktober 2024\n\nAne Breivik (MDG)\n\n${furniture}`, [['22. oktober 2024', '2024-10-22', 'day']]);
    expect(r.out.info.date).toMatchObject({ value: { value: '2024-10-22', precision: 'day' }, ruleId: 'date-document-alone' });
  });
  it('makes a representatives\' proposal a proposal issued by their party, not by Stortinget', () => {
    const r = run(
      'Dokument 8:45 S (2023–2024)\n\nRepresentantforslag fra stortingsrepresentantene Ingrid Solheim og Lars Myhre (H) om byggesaker\n\nTil Stortinget\n\n' +
        'Stortinget ber regjeringen innføre en frist. Stortinget ber regjeringen utrede et gebyrfritak.',
    );
    expect(r.out.info.genre.value).toBe('proposal');
    expect(r.out.info.publisher).toMatchObject({ value: 'Høyre', ruleId: 'publisher-proposers' });
    expect(r.out.actors.find((a) => a.key === 'Lars Myhre')).toMatchObject({ role: 'stortingsrepresentant', affiliation: 'Høyre' });
  });
  it('reads a single proposer named with the singular title', () => {
    const r = run('Representantforslag fra stortingsrepresentant Kari Nordmann (Sp) om lokalsykehus\n\nStortinget ber regjeringen sikre akuttkirurgi.');
    expect(r.out.info).toMatchObject({ genre: { value: 'proposal' }, publisher: { value: 'Senterpartiet', ruleId: 'publisher-proposers' } });
  });
  it("takes the proposers' party from the text when the list names none", () => {
    const r = run(
      'Representantforslag fra stortingsrepresentantene Per Dahl og Kari Lund om lokalsykehus\n\nSenterpartiet har lenge kjempet for lokalsykehusene. ' +
        'Også Høyre har sagt noe om dette, men Senterpartiet vil mer.\n\nStortinget ber regjeringen sikre akuttkirurgi.',
    );
    expect(r.out.info.publisher?.value).toBe('Senterpartiet');
  });
  it("gives a leader named without an organisation on an organisation's own page to that organisation", () => {
    const r = run('NSF krever lønnsløft\n\n– Lønnen må opp, sier forbundsleder Lise Strand.\n\n– Vi står sammen, sier professor Ola Dahl.');
    expect(r.out.info.publisher?.value).toBe('Norsk Sykepleierforbund');
    expect(r.out.actors.find((a) => a.key === 'Lise Strand')?.affiliation).toBe('Norsk Sykepleierforbund');
    expect(r.out.actors.find((a) => a.key === 'Ola Dahl')?.affiliation ?? null).toBeNull();
  });
});

describe('on the seeds (dates given as the dates helper would)', () => {
  it('a union letter: signed date, the union, its heading, a letter', () => {
    const r = run(seedText('000_'), [['25.02.2022', '2022-02-25', 'day'], ['2023', '2023', 'year']]);
    expect(r.out.info.date?.value.value).toBe('2022-02-25');
    expect(r.out.info.publisher?.value).toBe('Fellesorganisasjonen');
    expect(r.out.info.title?.value).toMatch(/^Lokalpolitikk/);
    expect(r.out.info.genre.value).toBe('letter');
  });
  it("a governing body's text without date or title: KS, a statement", () => {
    const r = run(seedText('001_'));
    expect(r.out.info.publisher?.value).toBe('KS');
    expect(r.out.info.title).toBeNull();
    expect(r.out.info.genre.value).toBe('statement');
    expect(codes(r)).toEqual(['no-document-date']);
  });
  it('an agreement: the first signing branch publishes, the title names both parties', () => {
    const r = run(seedText('002_'));
    expect(r.out.info.genre.value).toBe('agreement');
    expect(r.out.info.publisher?.value).toBe('Sosialistisk Venstreparti Vestfold og Telemark');
    expect(r.out.info.title?.value).toMatch(/^Samarbeidsavtale mellom .*Vestfold og Telemark.* og .*Vestfold og Telemark/);
  });
  it('a news item: KS speaks, quotes make it news', () => {
    const r = run(seedText('003_'));
    expect(r.out.info.publisher?.value).toBe('KS');
    expect(r.out.info.genre.value).toBe('news');
    expect(r.out.info.title?.value).toMatch(/^Utenforskap/);
  });
  it('a resolution: adopted date, LO in the heading', () => {
    const r = run(seedText('004_'), [['29. oktober 2021', '2021-10-29', 'day']]);
    expect(r.out.info.date?.value.value).toBe('2021-10-29');
    expect(r.out.info.publisher?.value).toBe('Landsorganisasjonen i Norge');
    expect(r.out.info.title?.value).toMatch(/^LO krever/);
    expect(r.out.info.genre.value).toBe('resolution');
  });
});
