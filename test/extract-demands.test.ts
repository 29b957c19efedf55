import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Context } from '../pipeline/context.ts';
import type { ActorRecord, DemandRecord, DocumentMeta, ExtractedDoc, MentionRecord, SegmentedDoc } from '../pipeline/document.ts';
import { cleanText } from '../pipeline/extract/demands/clean.ts';
import { findDemands } from '../pipeline/extract/demands/index.ts';
import { loadLexicon } from '../pipeline/lexicon/load.ts';
import type { ActorType } from '../pipeline/models/vocab.ts';
import { normalise } from '../pipeline/normalise/index.ts';
import { segment } from '../pipeline/segment/index.ts';
import { processDocument } from '../pipeline/stages.ts';

const ctx: Context = { options: { strict: false, sourceDateEpoch: null }, lexicon: loadLexicon() };

/** A hand-made actor: its key, type, the surface forms to find in the text, and (persons) its organisation. */
interface Actor {
  key: string;
  type: ActorType;
  forms: string[];
  affiliation?: string | null;
}

const FO: Actor = { key: 'Fellesorganisasjonen', type: 'union', forms: ['FO', 'FOs'] };
const AP: Actor = { key: 'Arbeiderpartiet', type: 'party', forms: ['Arbeiderpartiet', 'Arbeiderpartiets'] };
const KS: Actor = { key: 'KS', type: 'employer_org', forms: ['KS'] };
const LO: Actor = { key: 'LO', type: 'union', forms: ['LO'] };
const NAV: Actor = { key: 'Nav', type: 'agency', forms: ['Nav', 'NAV'] };
const GOV: Actor = { key: 'Regjeringen', type: 'government', forms: ['regjeringen', 'Regjeringen', 'regjering'] };
const VENSTRE: Actor = { key: 'Venstre', type: 'party', forms: ['Venstre'] };

const segmented = (source: string): SegmentedDoc =>
  segment(normalise({ id: 'd', file: 'test.txt', source, sha256: '', meta: null, messages: [] }, ctx), ctx);

/** Mentions of every form of every actor, longest form first where two overlap. */
function mentionsIn(text: string, actors: readonly Actor[]): MentionRecord[] {
  const found: MentionRecord[] = [];
  const forms = actors.flatMap((a) => a.forms.map((form) => ({ form, key: a.key }))).sort((x, y) => y.form.length - x.form.length);
  for (const { form, key } of forms) {
    const escaped = form.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    for (const m of text.matchAll(new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'gu'))) {
      const span = { start: m.index, end: m.index + form.length };
      if (found.some((f) => f.span.start < span.end && span.start < f.span.end)) continue;
      found.push({ actor: key, span, ruleId: 'test', confidence: 1 });
    }
  }
  return found.sort((a, b) => a.span.start - b.span.start);
}

const info = (publisher: string | null): DocumentMeta => ({
  title: null,
  date: null,
  publisher: publisher === null ? null : { value: publisher, source: 'extracted', ruleId: null },
  genre: { value: 'other', source: 'extracted', ruleId: null },
  url: null,
  licence: null,
});

/** The demands of a hand-made text; every record is checked against the text it points into. */
function demands(source: string, actors: readonly Actor[] = [], publisher: string | null = null): DemandRecord[] {
  const d = segmented(source);
  const records: ActorRecord[] = actors.map((a) => ({ key: a.key, type: a.type, role: null, affiliation: a.affiliation ?? null, source: 'registry' }));
  const found = findDemands(d, { actors: records, mentions: mentionsIn(d.text, actors), info: info(publisher) }, ctx);
  for (const r of found) {
    expect(cleanText(d.text.slice(r.span.start, r.span.end))).toBe(r.text);
    expect(r.confidence).toBeGreaterThan(0);
    expect(r.confidence).toBeLessThanOrEqual(1);
    expect(r.ruleId).toMatch(/^demand-[a-z0-9-]+$/);
  }
  return found;
}
const texts = (source: string, actors: readonly Actor[] = [], publisher: string | null = null): string[] => demands(source, actors, publisher).map((r) => r.text);
const one = (source: string, actors: readonly Actor[] = [], publisher: string | null = null): DemandRecord => {
  const found = demands(source, actors, publisher);
  expect(found, source).toHaveLength(1);
  return found[0] as DemandRecord;
};

describe('findDemands: cues', () => {
  it.each([
    ['Kommunene må få større overføringer til barnevernet.', 'must', 'demand-modal-ma'],
    ['De ansatte skal bruke mindre tid på rapportering.', 'must', 'demand-modal-skal'],
    ['Bemanningen i barnehagene bør økes.', 'should', 'demand-modal-bor'],
  ])('%s', (sentence, modality, ruleId) => {
    expect(one(`Bakgrunn. ${sentence}`, [FO], FO.key)).toMatchObject({ text: sentence, modality, ruleId, claimants: [FO.key], addressee: null });
  });

  it('vil with an actor subject is a will; a forecast is not', () => {
    expect(one('Venstre vil innføre en arealavgift for nedbygging av natur.', [VENSTRE])).toMatchObject({ modality: 'will', claimants: ['Venstre'] });
    expect(one('Derfor vil vi styrke kommunenes finansiering av klimatilpasning.', [VENSTRE], 'Venstre')).toMatchObject({ modality: 'will', claimants: ['Venstre'] });
    expect(texts('I følge rapporten vil det ta over 50 år før vi når likelønn.', [FO], FO.key)).toEqual([]);
    expect(texts('Når det er mulig, vil økt yrkesdeltakelse være en fordel.', [KS], KS.key)).toEqual([]);
  });

  it('krever, ber om, ber X <verb>, foreslår, ønsker, går inn for', () => {
    expect(one('LO krever at regjeringen stanser anbudsutsettingen.', [LO, GOV])).toMatchObject({ modality: 'demand', claimants: ['LO'], addressee: 'Regjeringen' });
    expect(one('FO ber om en helhetlig gjennomgang av Nav.', [FO, NAV])).toMatchObject({ modality: 'request', claimants: [FO.key], addressee: null });
    expect(one('FO ber Arbeiderpartiet prioritere likelønn i kommunene.', [FO, AP])).toMatchObject({ modality: 'request', claimants: [FO.key], addressee: AP.key });
    expect(one('KS foreslår å øke rammetilskuddet til kommunene.', [KS])).toMatchObject({ modality: 'propose', claimants: ['KS'] });
    expect(one('Vi ønsker en styrking av fagfolkenes kompetanse.', [FO], FO.key)).toMatchObject({ modality: 'want', claimants: [FO.key] });
    expect(one('Partiet går inn for gratis tannhelse for alle.', [VENSTRE], 'Venstre')).toMatchObject({ modality: 'want', claimants: ['Venstre'] });
  });

  it('mener … bør/må gives the claim to the one who holds the opinion', () => {
    expect(one('Venstre mener Norge bør bruke mer penger på forskning.', [VENSTRE], 'KS')).toMatchObject({ modality: 'should', claimants: ['Venstre'] });
    expect(one('KS er opptatt av at dersom kommunene skal få en plikt, må også de økonomiske rammene være på plass.', [KS], KS.key)).toMatchObject({
      modality: 'must',
      claimants: ['KS'],
    });
  });

  it('Nei til and Ja til open a claim of their own', () => {
    expect(one('Nei til privatisering av velferdstjenester.', [FO], FO.key)).toMatchObject({ modality: 'oppose', ruleId: 'demand-opener-nei-til' });
    expect(one('Bakgrunn\n\n• Ja til en rusreform med mer sosialfaglig innhold', [FO], FO.key)).toMatchObject({ modality: 'support' });
  });

  it('goal and priority statements', () => {
    expect(one('For KS er det et mål at flere jobber heltid.', [KS])).toMatchObject({ modality: 'goal', claimants: ['KS'] });
    expect(one('Det er særlig viktig å sikre gode tjenester for unge.', [FO], FO.key)).toMatchObject({ modality: 'goal', claimants: [FO.key] });
    expect(one('Det er derfor nødvendig at samarbeidet med staten styrkes.', [FO], FO.key)).toMatchObject({ modality: 'goal' });
    expect(one('KS mener det er behov for tiltak som sikrer flere jobber.', [KS])).toMatchObject({ modality: 'goal', claimants: ['KS'] });
    expect(one('Det er viktig for KS å få fram at problemet krever en bredere tilnærming.', [KS])).toMatchObject({ modality: 'goal', claimants: ['KS'] });
  });

  it('an imperative resolution clause and imperative bullets', () => {
    expect(one('Sikre at alle har et trygt hjem.', [FO], FO.key)).toMatchObject({ modality: 'imperative', ruleId: 'demand-imperative', topic: 'housing' });
    expect(one('Bolig\n\n• Hold barnetrygd utenfor beregning av sosialhjelp', [FO], FO.key)).toMatchObject({ modality: 'imperative' });
  });
});

describe('findDemands: lead-ins and lists', () => {
  it('every bullet under a demand lead-in is a demand; the lead-in is not', () => {
    const found = demands(
      'Boligpolitikk\n\nKonkret gjøres dette gjennom:\n\n• Nasjonal boligplan\n• Flere sosionomer i somatiske avdelinger\n• Stille krav om tariffavtale i anbud',
      [FO],
      FO.key,
    );
    expect(found.map((d) => [d.text, d.modality])).toEqual([
      ['Nasjonal boligplan', 'listed'],
      ['Flere sosionomer i somatiske avdelinger', 'listed'],
      ['Stille krav om tariffavtale i anbud', 'imperative'],
    ]);
    expect(found.every((d) => d.claimants.join() === FO.key && d.section === 'Boligpolitikk')).toBe(true);
  });

  it('"X vil:" makes X the claimant and lends its will to verb-first bullets', () => {
    const found = demands('Klima\n\nVenstre vil:\n\n• Legge fram en klimaplan for hele landet.\n• Nullvisjon for tap av naturmangfold', [VENSTRE], 'Venstre');
    expect(found.map((d) => [d.modality, d.claimants])).toEqual([
      ['will', ['Venstre']],
      ['listed', ['Venstre']],
    ]);
  });

  it('"Vi krever følgende:" lists demands of the voice', () => {
    expect(texts('Vi krever følgende:\n\n• Bemanningsnorm i barnevernet\n• Hele, faste stillinger', [FO], FO.key)).toEqual([
      'Bemanningsnorm i barnevernet',
      'Hele, faste stillinger',
    ]);
  });

  it('proposals to a party programme: the author claims, the party is addressed, even across sub-headings', () => {
    const found = demands(
      'FO vil særlig trekke frem tre saker. Derfor vil vi foreslå følgende punkter til Arbeiderpartiets partiprogram for 2023:\n\n' +
        '### Et tillitsbasert Nav:\n\n- Arbeiderpartiet vil implementere tillitsreformen i Nav lokalt.\n\n' +
        '### Kompetanse:\n\n- Arbeiderpartiet vil ansette flere vernepleiere.\n\n## Bakgrunn\n\nNav skal hjelpe dem som står utenfor arbeidslivet.',
      [FO, AP, NAV],
      FO.key,
    );
    expect(found.map((d) => [d.text, d.claimants, d.addressee, d.section])).toEqual([
      ['Arbeiderpartiet vil implementere tillitsreformen i Nav lokalt.', [FO.key], AP.key, 'Et tillitsbasert Nav'],
      ['Arbeiderpartiet vil ansette flere vernepleiere.', [FO.key], AP.key, 'Kompetanse'],
    ]);
  });

  it('a lead-in ending in "krever at:" addresses the actor each item opens with', () => {
    const HN: Actor = { key: 'Helse Nord RHF', type: 'agency', forms: ['Helse Nord RHF'] };
    const found = demands('Årsmøtet krever at:\n\n1. Helse Nord RHF stanser nedleggelsen av ambulansestasjoner.\n2. Akuttfunksjonene opprettholdes.', [HN], 'Senterpartiet');
    expect(found.map((d) => [d.claimants, d.addressee])).toEqual([
      [['Senterpartiet'], 'Helse Nord RHF'],
      [['Senterpartiet'], null],
    ]);
  });

  it('items under a question are answers, not demands', () => {
    expect(texts('Hvordan skal samarbeidet foregå?\n\n• Halvårlige møter for å evaluere status\n• Fronte felles saker i media', [FO], FO.key)).toEqual([]);
  });

  it('a noun cue heads a lead-in only as its first or last word', () => {
    expect(texts('Våre krav:\n\n• Flere miljøterapeuter i skolen\n• Hele, faste stillinger', [FO], FO.key)).toHaveLength(2);
    expect(texts('Retten til å stanse politiske vedtak utløses ved:\n\n• 500 stemmer i appen\n• 2 000 stemmer i fylket', [FO], FO.key)).toEqual([]);
  });

  it('a question inside a bullet gives no claim, its statements still do', () => {
    const bullets = 'Vi vil:\n\n• Stoler vi på beredskapen? Bør ikke lagrene være på plass?\n• Hva skal vi gjøre? Kommunene må få lagre for medisiner.';
    expect(texts(bullets, [FO], FO.key)).toEqual(['Kommunene må få lagre for medisiner.']);
  });

  it('a bullet that bundles many cued sentences gives one demand per sentence', () => {
    const found = texts(
      'Konkret gjøres dette gjennom:\n\n• Stille seriøsitetskrav i anbud. Det må stilles krav om tariffavtale. Tilbyder må tilby hele stillinger. Oppdragsgiver må få fullt innsyn. Alle underleverandører må oppfylle samme krav.',
      [FO],
      FO.key,
    );
    expect(found).toHaveLength(5);
    expect(found[1]).toBe('Det må stilles krav om tariffavtale.');
  });
});

describe('findDemands: what is not a demand', () => {
  it.each([
    ['a mandate', 'Nav skal hjelpe dem som står utenfor arbeidslivet.'],
    ['a forecast with kan', 'Forebyggende arbeid kan bidra til lavere sykefravær.'],
    ['a question', 'Skal vi innføre en ny ordning? Hva må gjøres?'],
    ['a reported plan', 'Regjeringen har varslet å innføre en aktivitetsreform.'],
    ["a government's own will", 'Regjeringen ønsker å gjennomføre et heltidsløft i kommunene.'],
    ['a relative clause', 'Regjeringen har mange forslag til tiltak som skal styrke arbeidet.'],
    ['a purpose clause', 'Dette er særlig viktig for at unge skal komme inn på arbeidsmarkedet.'],
    ['krever = requires', 'Vellykket oppfølging krever god dialog mellom partene.'],
    ['krever without object', 'Regelverket er strengere enn det Nav krever.'],
    ['a statement about the text', 'FO vil særlig trekke frem tre saker i lokalvalget.'],
    ['an assessment', 'Det er positivt at det avsettes midler. KS mener at utenforskap er en stor utfordring.'],
    ['a background fact', 'Hver femte nordmann jobber i det offentlige. Mangelen på helsepersonell er godt kjent.'],
  ])('%s', (_, source) => {
    expect(texts(source, [FO, KS, NAV, GOV], FO.key)).toEqual([]);
  });
});

describe('findDemands: claimants and addressees', () => {
  it('quoted speech belongs to the speaker and the organisation they speak for', () => {
    const HALVORSEN: Actor = { key: 'Ingrid Moe Halvorsen', type: 'person', forms: ['Ingrid Moe Halvorsen', 'Halvorsen'] };
    const LEGE: Actor = { key: 'Den norske legeforening', type: 'union', forms: ['Den norske legeforening'] };
    const HOD: Actor = { key: 'Helse- og omsorgsdepartementet', type: 'ministry', forms: ['departementet'] };
    const found = demands(
      'Helse\n\n– Staten må ta et større ansvar for finansieringen. Basistilskuddet må økes, sier president Ingrid Moe Halvorsen i Den norske legeforening.\n\n' +
        'Halvorsen viser til planen fra i fjor.\n\n– Vi forventer at departementet følger opp planen. Det haster, sier hun.',
      [HALVORSEN, LEGE, HOD],
      'NTB',
    );
    expect(found.map((d) => [d.text, d.claimants, d.addressee])).toEqual([
      ['Staten må ta et større ansvar for finansieringen.', [HALVORSEN.key, LEGE.key], null],
      ['Basistilskuddet må økes', [HALVORSEN.key, LEGE.key], null],
      ['Vi forventer at departementet følger opp planen.', [HALVORSEN.key, LEGE.key], HOD.key],
    ]);
  });

  it('after the attribution the narrator speaks again', () => {
    const HELGESEN: Actor = { key: 'Gunn Marit Helgesen', type: 'person', forms: ['Helgesen'], affiliation: 'KS' };
    const found = demands('- Vi er enig i intensjonen, sier Helgesen. KS mener at dette må utredes grundig.', [HELGESEN, KS], KS.key);
    expect(found.map((d) => [d.text, d.claimants])).toEqual([['KS mener at dette må utredes grundig.', ['KS']]]);
  });

  it('"vi" in a joint agreement is every party', () => {
    const SV: Actor = { key: 'SV', type: 'party', forms: ['SV'] };
    const found = one('SAMARBEIDSAVTALE MELLOM SV\n\nOG FO\n\nVi ønsker en tillitsreform i offentlig sektor.', [SV, FO], SV.key);
    expect(found.claimants).toEqual(['SV', FO.key]);
    expect(found.topic).toBe('government_operations');
  });

  it('a public body as subject of a modal is the addressee', () => {
    expect(one('Dette må en ny regjering trekke tilbake.', [LO, GOV], 'LO')).toMatchObject({ claimants: ['LO'], addressee: 'Regjeringen' });
  });

  it('without a known publisher the narrative claimant stays empty', () => {
    expect(one('Kommunene må få større overføringer.', [])).toMatchObject({ claimants: [], addressee: null });
  });
});

describe('findDemands: topic, section and repeats', () => {
  it.each([
    ['Kommunene må bygge flere boliger for unge.', 'housing'],
    ['Arbeidsgivere må tilby hele, faste stillinger.', 'labour'],
    ['Skolen må få flere miljøterapeuter.', 'education'],
    ['Sykehusene må få bedre finansiering.', 'health'],
    ['Dette må utredes grundig.', 'unclassified'],
  ])('%s → %s', (sentence, topic) => {
    expect(one(sentence, [FO], FO.key).topic).toBe(topic);
  });

  it('the section heading is a weaker topic signal', () => {
    expect(one('## Boligpolitikk\n\nKonkret gjøres dette gjennom:\n\n• Nasjonal plan', [FO], FO.key)).toMatchObject({ topic: 'housing', section: 'Boligpolitikk' });
  });

  it('the readable text spells out ligature characters that the quote keeps', () => {
    const d = one('Kommunene må få ﬂere ressurser til ﬁnansiering av skolen.', [FO], FO.key);
    expect(d.text).toBe('Kommunene må få flere ressurser til finansiering av skolen.');
    expect(d.topic).toBe('education');
  });

  it('a claim printed twice (title and heading) is one claim', () => {
    expect(texts('LO krever tillitsreform i offentlig sektor!\n\nMeny\n\nLO krever tillitsreform i offentlig sektor!', [LO])).toEqual(['LO krever tillitsreform i offentlig sektor!']);
  });
});

// ---- the seeds, end to end through the real stages ----

const SEEDS = new URL('../seeds/', import.meta.url);
const seed = (prefix: string): ExtractedDoc => {
  const file = readdirSync(SEEDS).find((n) => n.startsWith(prefix) && n.endsWith('.txt'));
  if (file === undefined) throw new Error(`no seed ${prefix}`);
  const source = readFileSync(new URL(file, SEEDS), 'utf8');
  return processDocument({ id: prefix, file, source, sha256: '', meta: null, messages: [] }, ctx);
};
const find = (d: ExtractedDoc, start: string): DemandRecord | undefined => d.demands.find((x) => x.text.startsWith(start));
const actorAt = (d: ExtractedDoc, surface: string): string | undefined => d.mentions.find((m) => d.text.slice(m.span.start, m.span.end) === surface)?.actor;

describe('findDemands: seeds end to end', () => {
  it('a letter with proposals to a party programme', () => {
    const d = seed('000_');
    const publisher = d.info.publisher?.value;
    const party = actorAt(d, 'Arbeiderpartiet');
    expect(publisher).toBeDefined();
    expect(find(d, 'Arbeiderpartiet vil implementere tillitsreformen')).toMatchObject({ claimants: [publisher], addressee: party, modality: 'will' });
    expect(find(d, 'FO ber Arbeiderpartiet prioritere')).toMatchObject({ claimants: [publisher], addressee: party, modality: 'request' });
    expect(find(d, 'FO ber om en helhetlig gjennomgang')).toBeDefined();
    for (const not of ['Derfor vil vi foreslå', 'FO vil særlig trekke frem', 'Nav skal hjelpe', 'I følge', 'Hver femte']) expect(find(d, not), not).toBeUndefined();
  });

  it('a statement in the voice of its publisher: goals count, assessments and forecasts do not', () => {
    const d = seed('001_');
    expect(find(d, "For KS' landsstyre er det et mål")?.modality).toBe('goal');
    expect(find(d, 'Likevel er det viktig å unngå')).toBeDefined();
    for (const not of ['Vellykket oppfølging krever', 'Forebyggende arbeidsmiljøarbeid', 'Når det er mulig, vil', 'Dette er særlig viktig for at']) {
      expect(find(d, not), not).toBeUndefined();
    }
  });

  it('an agreement: both parties claim, lists and slogans count, the cooperation terms do not', () => {
    const d = seed('002_');
    const vi = find(d, 'Vi ønsker en');
    expect(vi?.claimants.length).toBe(2);
    expect(find(d, 'Nasjonal boligplan')).toMatchObject({ modality: 'listed', topic: 'housing', claimants: vi?.claimants });
    expect(find(d, 'Ja til en rusreform')?.modality).toBe('support');
    for (const not of ['Konkret gjøres dette gjennom', 'Halvårlige møter', 'Fronte felles saker', 'Styrke kommuneøkonomien', 'Dette kan blant annet']) {
      expect(find(d, not), not).toBeUndefined();
    }
  });

  it('a news article: quotes belong to the speaker, reported government plans are no demands', () => {
    const d = seed('003_');
    const speaker = actorAt(d, 'Helgesen');
    expect(find(d, 'Det er derfor nødvendig at samarbeidet')?.claimants).toContain(speaker);
    for (const not of ['Den nye regjeringen har varslet', 'NAV skal ha et overordnet', 'Regjeringen ønsker', 'Vi er enig']) expect(find(d, not), not).toBeUndefined();
  });

  it('a resolution: the title once, demands on the new government', () => {
    const d = seed('004_');
    expect(d.demands.filter((x) => x.text.startsWith('LO krever tillitsreform'))).toHaveLength(1);
    expect(find(d, 'Dette må en ny regjering trekke tilbake')?.addressee).not.toBeNull();
    expect(find(d, 'Anbudsutsetting innen vekst- og attføringssektoren må reverseres')).toBeDefined();
    for (const not of ['Høyre-regjeringen har satt', 'Rett før valget ønsket', 'Regelverket er i tillegg']) expect(find(d, not), not).toBeUndefined();
  });
});

/** A hand-made document run through every per-document stage (real actors, metadata and genre). */
const full = (source: string): ExtractedDoc => processDocument({ id: 'h', file: 'hand.txt', source, sha256: '', meta: null, messages: [] }, ctx);
const who = (d: ExtractedDoc, start: string) => {
  const r = find(d, start);
  return r === undefined ? undefined : { claimants: [...r.claimants].sort(), addressee: r.addressee };
};

describe('findDemands: grammar of attribution', () => {
  it('a coordinated subject makes every actor named a claimant', () => {
    expect(one('FO og LO krever at regjeringen stanser anbudene.', [FO, LO, GOV], KS.key)).toMatchObject({ claimants: [FO.key, 'LO'], addressee: 'Regjeringen' });
  });

  it('a perfect tense keeps its subject: "X har i flere år krevd …", "X har lenge vært opptatt av at …"', () => {
    expect(one('Bakgrunn. FO har i flere år krevd en bemanningsnorm i barnevernet.', [FO, KS], KS.key)).toMatchObject({ claimants: [FO.key], modality: 'demand' });
    expect(one('Bakgrunn. KS har lenge vært opptatt av at kommunene skal få mer frihet.', [KS, FO], FO.key)).toMatchObject({ claimants: ['KS'] });
    // A bracketed abbreviation after the subject does not part it from its verb.
    const PBL: Actor = { key: 'Private Barnehagers Landsforbund', type: 'employer_org', forms: ['Private Barnehagers Landsforbund', 'PBL'] };
    expect(one('Private Barnehagers Landsforbund (PBL) har krevd høyere tilskudd.', [PBL, FO], FO.key)).toMatchObject({ claimants: [PBL.key] });
  });

  it('"ifølge X" gives the clause to X', () => {
    expect(one('Ifølge KS må kommunene selv få bestemme organiseringen.', [KS, FO], FO.key)).toMatchObject({ claimants: ['KS'] });
  });

  it('a hyphenated first part of a coordinated name does not end the clause ("Helse- og omsorgsdepartementet må …")', () => {
    const HOD: Actor = { key: 'Helse- og omsorgsdepartementet', type: 'ministry', forms: ['Helse- og omsorgsdepartementet'] };
    expect(one('Helse- og omsorgsdepartementet må sørge for nok penger til sykehusene.', [HOD, FO], FO.key)).toMatchObject({ claimants: [FO.key], addressee: HOD.key });
  });

  it('the text speaking of itself is no demand ("Avtalen skal styrke samarbeidet …")', () => {
    expect(texts('Avtalen skal styrke samarbeidet mellom partene i fylket. Kommunene må få mer penger.', [FO], FO.key)).toEqual(['Kommunene må få mer penger.']);
  });

  it('"partiet" in a joint text is the party among its parties, "partene" all of them', () => {
    const SV: Actor = { key: 'SV Agder', type: 'party', forms: ['SV Agder'] };
    const FOA: Actor = { key: 'FO Agder', type: 'union', forms: ['FO Agder'] };
    const text = 'SAMARBEIDSAVTALE MELLOM SV Agder\n\nOG FO Agder\n\nPartiet skal arbeide for hele stillinger. Partene krever at staten betaler mer.';
    const found = demands(text, [SV, FOA], SV.key);
    expect(found.map((d) => d.claimants)).toEqual([[SV.key], [SV.key, FOA.key]]);
  });
});

describe('findDemands: quotes in news and web statements', () => {
  const page = (body: string) => full(`Meny Søk\n\nFagforbundet krever mer penger til eldreomsorgen\n\nPublisert 4. mars 2024\n\n${body}`);

  it('"Det sier X." gives the quote before it to X, and X speaks for the organisation named with them', () => {
    const d = page('– Eldreomsorgen må få et løft i revidert budsjett.\n\nDet sier forbundsleder Mette Nord i Fagforbundet til FriFagbevegelse.');
    expect(who(d, 'Eldreomsorgen må få')).toEqual({ claimants: ['Fagforbundet', 'Mette Nord'], addressee: null });
  });

  it('a dash paragraph without attribution continues whoever spoke or was introduced last', () => {
    const d = page(
      '– Lønnen må opp, sier forbundsleder Mette Nord.\n\n– Staten må ta regningen.\n\n' +
        'Hovedtillitsvalgt Per Vik i LO sier at turnusen er for tung.\n\n– Hver tredje helg må være et tak.',
    );
    expect(who(d, 'Staten må ta regningen')?.claimants).toEqual(['Fagforbundet', 'Mette Nord']);
    expect(who(d, 'Hver tredje helg')?.claimants).toEqual(['Landsorganisasjonen i Norge', 'Per Vik']);
  });

  it('"sier hun" is the person last introduced, and a leader without organisation on a union page is the union\'s', () => {
    const d = page(
      '– Vi krever et løft, sier forbundsleder Mette Nord.\n\nLOs leder Peggy Følsvik støtter kravet.\n\n– Regjeringen må lytte til de ansatte, sier hun.',
    );
    expect(who(d, 'Vi krever et løft')?.claimants).toEqual(['Fagforbundet', 'Mette Nord']);
    expect(who(d, 'Regjeringen må lytte')).toEqual({ claimants: ['Landsorganisasjonen i Norge', 'Peggy Følsvik'], addressee: 'Regjeringen' });
  });

  it('"sier hun" after a named speaker in the same paragraph is that speaker', () => {
    const d = page('Hovedtillitsvalgt Per Vik i LO er kritisk.\n\n– Lønnen må opp, sier forbundsleder Mette Nord. – Staten må betale, sier hun.');
    expect(who(d, 'Staten må betale')?.claimants).toEqual(['Fagforbundet', 'Mette Nord']);
  });

  it('a quote of someone the text names but nobody knows gets no claimant, never the previous speaker', () => {
    const d = page('– Lønnen må opp, sier forbundsleder Mette Nord.\n\n– Bemanningen må økes, sier Haugen.\n\n– Staten må betale, sier hun til NRK.');
    expect(who(d, 'Bemanningen må økes')?.claimants).toEqual([]);
    // ", sier hun til NRK" names the medium, not the speaker.
    expect(who(d, 'Staten må betale')?.claimants).toEqual(['Fagforbundet', 'Mette Nord']);
  });

  it('a headline quoting an organisation ("Fagforbundet: – Stopp kuttene") is its demand', () => {
    const d = full('Meny\n\nFagforbundet: – Stopp kuttene i hjemmetjenesten\n\nAv Kari Holm\n12.05.2024\n\nKuttene rammer de svakeste.');
    expect(d.demands.map((x) => [x.text, x.claimants])).toEqual([['Stopp kuttene i hjemmetjenesten', ['Fagforbundet']]]);
    expect(d.info.date?.value.value).toBe('2024-05-12');
  });

  it("a third organisation's view is its own, not the publisher's", () => {
    const d = page('Spekter mener at lønnsveksten bør følge frontfaget.\n\nIfølge KS må kommunene selv prioritere.');
    expect(who(d, 'Spekter mener')?.claimants).toEqual(['Arbeidsgiverforeningen Spekter']);
    expect(who(d, 'Ifølge KS')?.claimants).toEqual(['KS']);
  });
});

describe('findDemands: parliamentary proposals and branch agreements', () => {
  const proposal = (proposers: string) =>
    full(
      `Dokument 8:45 S (2023–2024)\n\nRepresentantforslag fra ${proposers} om raskere byggesaker\n\nTil Stortinget\n\nBakgrunn\n\n` +
        'Forslagsstillerne mener at kommunene må behandle byggesaker raskere. Stortinget har tidligere bedt regjeringen om å utrede saken.\n\n' +
        'Forslag\n\nPå denne bakgrunn fremmes følgende\n\nforslag:\n\n1. Stortinget ber regjeringen innføre en frist på åtte uker.\n\n12. desember 2023\n',
    );

  it.each([
    ['stortingsrepresentantene Ingrid Solheim, Lars Myhre og Eva Ruud (H)', 'Høyre'],
    ['stortingsrepresentantene Ingrid Solheim (H), Lars Myhre (H) og Eva Ruud (H)', 'Høyre'],
    ['stortingsrepresentantene Ingrid Solheim, Lars Myhre og Eva Ruud fra Venstre', 'Venstre'],
  ])('the proposers of "%s" and their party claim the clauses; the government is asked', (proposers, party) => {
    const d = proposal(proposers);
    const voice = ['Eva Ruud', 'Ingrid Solheim', 'Lars Myhre', party].sort();
    expect(who(d, 'Stortinget ber regjeringen innføre')).toEqual({ claimants: voice, addressee: 'Regjeringen' });
    expect(who(d, 'Forslagsstillerne mener')).toEqual({ claimants: voice, addressee: null });
    // An earlier resolution the proposal reports stays Stortinget's own.
    expect(who(d, 'Stortinget har tidligere bedt')?.claimants).toEqual(['Stortinget']);
  });

  it('outside a proposal "Stortinget ber regjeringen …" is Stortinget\'s', () => {
    const STORTINGET: Actor = { key: 'Stortinget', type: 'parliament', forms: ['Stortinget'] };
    expect(one('I går vedtok flertallet et forslag. Stortinget ber regjeringen innføre en frist.', [STORTINGET, GOV], 'NTB')).toMatchObject({
      claimants: ['Stortinget'],
      addressee: 'Regjeringen',
    });
  });

  it('a branch agreement: the branches claim, bare parent names are the branches, "partiet" the party branch', () => {
    const d = full(
      'Samarbeidsavtale\n\nFagforbundet Sunndal – Sunndal Arbeiderparti\n\nVi vil styrke den lokale velferden. ' +
        'Partiet skal arbeide for hele stillinger i kommunen.\n\nFagforbundet krever at kommunen stanser innleie fra vikarbyråer.\n\n' +
        'Sunndalsøra 3. mai 2023\n\nFor Fagforbundet Sunndal\nKari Nordvik\nleder\n\nFor Sunndal Arbeiderparti\nPer Ola Brekken\nleder\n',
    );
    const both = ['Fagforbundet Sunndal', 'Sunndal Arbeiderparti'];
    expect(who(d, 'Vi vil styrke')?.claimants).toEqual(both);
    expect(who(d, 'Partiet skal arbeide')?.claimants).toEqual(['Sunndal Arbeiderparti']);
    expect(who(d, 'Fagforbundet krever')?.claimants).toEqual(['Fagforbundet Sunndal']);
    expect(d.actors.find((a) => a.key === 'Per Ola Brekken')?.affiliation).toBe('Sunndal Arbeiderparti');
  });
});
