import type { Lexicon } from '../lexicon/load.ts';
import type { RegistryActor } from '../lexicon/actors.schema.ts';
import type { Genre } from '../models/vocab.ts';
import { readDataFile } from '../data-file.ts';
import { Random } from './random.ts';
import { GeneratorVocabulary, type GeneratorVocabulary as Vocabulary, type LayoutKey } from './vocabulary.schema.ts';

/** One synthetic document: its file name, text and optional sidecar (`NAME.meta.yaml`) text. */
export interface GeneratedDoc {
  name: string;
  text: string;
  meta: string | null;
  genre: Genre;
}

/** Everything the generator draws from: its own vocabulary plus the lexicon's organisations, places and titles. */
export interface GeneratorKit {
  vocabulary: Vocabulary;
  /** Organisations that make claims (unions, employers, parties, other organisations). */
  claimants: RegistryActor[];
  /** Public bodies that demands are addressed to. */
  addressees: RegistryActor[];
  parties: RegistryActor[];
  places: string[];
  titles: string[];
  bodies: string[];
  months: string[];
}

/** Load the generator's vocabulary and combine it with the lexicon's general knowledge. */
export function generatorKit(lexicon: Lexicon): GeneratorKit {
  const vocabulary = readDataFile(new URL('./vocabulary.yaml', import.meta.url), GeneratorVocabulary, {
    stage: 'bench',
    file: 'pipeline/bench/vocabulary.yaml',
  }).data;
  const actors = lexicon.actors.actors;
  const ofType = (...types: string[]) => actors.filter((a) => types.includes(a.type));
  return {
    vocabulary,
    // Weighted by repetition: mostly unions, employers and parties; now and then another organisation.
    claimants: [...ofType('union', 'employer_org', 'party'), ...ofType('union', 'employer_org', 'party'), ...ofType('other_org')],
    // Mostly the government, its ministries and the Storting; now and then an agency.
    addressees: [...ofType('government', 'parliament'), ...ofType('government', 'parliament'), ...ofType('ministry'), ...ofType('agency').slice(0, 12)],
    parties: ofType('party'),
    places: [...lexicon.actors.places.counties, ...lexicon.actors.places.municipalities],
    // One-word and two-word titles read naturally before a name ("forbundsleder Kari Hansen").
    titles: lexicon.roles.titles.filter((t) => t.split(' ').length <= 2 && !t.includes('.')),
    bodies: lexicon.actors.bareBodies,
    months: lexicon.calendar.months.map((m) => m.names[0] ?? String(m.month)),
  };
}

const GENRES: readonly Genre[] = ['statement', 'proposal', 'agreement', 'news', 'resolution', 'hearing', 'letter', 'program'];

const cap = (s: string) => (s.length === 0 ? s : s.charAt(0).toUpperCase() + s.slice(1));
const pad2 = (n: number) => String(n).padStart(2, '0');

/** The state of one document being written: its random draws and the actors it has already introduced. */
class Writer {
  readonly lines: string[] = [];
  private readonly introduced = new Set<string>();
  readonly topic;
  readonly org: RegistryActor;
  readonly partner: RegistryActor;
  readonly year: number;

  constructor(
    readonly rng: Random,
    readonly kit: GeneratorKit,
  ) {
    this.topic = rng.pick(kit.vocabulary.topics);
    const [org, partner] = rng.sample(kit.claimants, 2);
    this.org = org as RegistryActor;
    this.partner = partner ?? this.org;
    this.year = rng.int(2015, 2025);
  }

  /** How the text names an actor: the full name first, later sometimes an abbreviation or alias. */
  name(a: RegistryActor): string {
    const short = [...a.exact, ...a.aliases].filter((f) => f.length > 1);
    if (this.introduced.has(a.name) && short.length > 0 && this.rng.chance(0.5)) return this.rng.pick(short);
    this.introduced.add(a.name);
    return a.name;
  }

  person(): string {
    const v = this.kit.vocabulary;
    return `${this.rng.pick(v.firstNames)} ${this.rng.pick(v.surnames)}`;
  }

  date(form: 'numeric' | 'long' | 'month' = this.rng.pick(['numeric', 'long', 'long', 'month'] as const)): { text: string; iso: string } {
    const m = this.rng.int(1, 12);
    const d = this.rng.int(1, 28);
    const iso = `${this.year}-${pad2(m)}-${pad2(d)}`;
    const month = this.kit.months[m - 1] ?? String(m);
    if (form === 'numeric') return { text: `${pad2(d)}.${pad2(m)}.${this.year}`, iso };
    if (form === 'month') return { text: `${month} ${this.year}`, iso: `${this.year}-${pad2(m)}` };
    return { text: `${d}. ${month} ${this.year}`, iso };
  }

  /** Fill a phrase's slots ({org}, {addressee}, {measure} …) with draws. */
  fill(phrase: string, org: RegistryActor = this.org): string {
    return phrase.replace(/\{(\w+)\}/g, (_, slot: string) => {
      switch (slot) {
        case 'org':
          return this.name(org);
        case 'addressee':
          return this.name(this.rng.pick(this.kit.addressees));
        case 'measure':
          return this.fill(this.rng.pick(this.topic.measures));
        case 'Measure':
          return cap(this.fill(this.rng.pick(this.topic.measures)));
        case 'person':
          return this.person();
        case 'role':
          return this.rng.pick(this.kit.titles);
        case 'place':
          return this.rng.pick(this.kit.places);
        case 'year':
          return String(this.rng.int(this.year - 6, this.year + 5));
        case 'number':
          return this.rng.pick(['12', '40', '150', '3 200', '12 000', '33 000', '152 000', '250 000']);
        default:
          return slot;
      }
    });
  }

  /** A paragraph: background facts and filler with a demand or two among them. */
  paragraph(demands = this.rng.int(0, 2)): string {
    const v = this.kit.vocabulary;
    const pool = [...this.topic.facts, ...this.rng.sample(v.filler, this.topic.facts.length + 1)];
    const sentences = this.rng.sample(pool, this.rng.int(2, 5)).map((s) => this.fill(s));
    for (let i = 0; i < demands; i++) sentences.splice(this.rng.int(0, sentences.length), 0, cap(this.fill(this.rng.pick(v.demands))));
    return sentences.join(' ');
  }

  /** A lead-in line and its bullet items. */
  list(marker: string): string[] {
    const out = [this.fill(this.rng.pick(this.kit.vocabulary.leadIns)), ''];
    for (const m of this.rng.sample(this.topic.measures, this.rng.int(3, 7))) out.push(`${marker} ${cap(this.fill(m))}`);
    return out;
  }

  heading(): string {
    return this.rng.chance(0.3) ? this.rng.pick(this.kit.vocabulary.topics).headings[0] ?? this.topic.headings[0] ?? '' : this.rng.pick(this.topic.headings);
  }

  /** A fixed part of the layout with its slots filled by the given values (no draws of its own). */
  t(key: LayoutKey, values: Record<string, string> = {}): string {
    return this.kit.vocabulary.layout[key].replace(/\{(\w+)\}/g, (_, slot: string) => values[slot] ?? slot);
  }

  signature(): string[] {
    const greeting = this.t('greeting');
    const person = this.person();
    return [greeting, '', person, '', this.t('signatureRole', { title: cap(this.rng.pick(this.kit.titles)), org: this.name(this.org) })];
  }

  push(...lines: string[]): void {
    for (const l of lines) this.lines.push(l);
  }

  para(text: string): void {
    this.lines.push(text, '');
  }
}

/** Body sections shared by most genres: a heading, paragraphs and sometimes a list. */
function sections(w: Writer, marker: string, headingPrefix = ''): void {
  const n = w.rng.int(2, 6);
  for (let s = 0; s < n; s++) {
    w.para(`${headingPrefix}${w.heading()}`);
    for (let p = w.rng.int(1, 3); p > 0; p--) w.para(w.paragraph());
    if (w.rng.chance(0.4)) {
      w.push(...w.list(marker));
      w.push('');
    }
  }
}

const BUILDERS: Record<string, (w: Writer) => void> = {
  statement(w) {
    if (w.rng.chance(0.3)) w.para(w.rng.pick(w.kit.vocabulary.webFurniture));
    const title = w.t('statementTitle', { org: w.name(w.org), topic: w.rng.pick(w.topic.headings).toLowerCase() });
    w.para(title);
    if (w.rng.chance(0.3)) w.para(w.rng.pick(w.kit.vocabulary.webFurniture));
    w.para(w.t('adopted', { org: w.name(w.org), body: w.rng.pick(w.kit.bodies), place: w.rng.pick(w.kit.places), date: w.date('long').text }));
    sections(w, '-');
    if (w.rng.chance(0.5)) w.para(w.t('sentTo', { addressee: w.name(w.rng.pick(w.kit.addressees)) }));
  },
  proposal(w) {
    const party = w.rng.pick(w.kit.parties);
    w.para(w.t('dateLine', { date: w.date('numeric').text }));
    w.para(`## ${w.heading()}`);
    w.para(`*${w.name(w.org)} ${w.fill(w.rng.pick(w.kit.vocabulary.filler)).toLowerCase()}*`);
    w.para(w.t('proposalIntro', { org: w.name(w.org), party: w.name(party), year: String(w.year + 1) }));
    for (let s = w.rng.int(2, 4); s > 0; s--) {
      w.para(`### ${w.heading()}:`);
      for (const m of w.rng.sample(w.topic.measures, w.rng.int(2, 4))) w.push(w.t('partyWill', { party: w.name(party), measure: w.fill(m) }));
      w.push('');
    }
    sections(w, '-', '### ');
    w.push(...w.signature());
  },
  agreement(w) {
    w.para(w.rng.pick(w.kit.places));
    w.para(w.t('agreementTitle', { org: w.name(w.org).toUpperCase(), partner: w.name(w.partner).toUpperCase() }));
    w.para(w.t('agreementIntro'));
    sections(w, '•');
    w.para(w.t('dateLine', { date: w.date('numeric').text }));
    for (const a of [w.org, w.partner]) {
      const person = w.person();
      w.push(person, '', w.t('agreementSigner', { title: cap(w.rng.pick(w.kit.titles)), org: w.name(a) }), '');
    }
  },
  news(w) {
    w.para(w.rng.pick(w.kit.vocabulary.webFurniture));
    w.para(w.rng.pick(w.topic.headings));
    const speaker = { person: w.person(), role: w.rng.pick(w.kit.titles) };
    w.para(w.t('newsHeadline', { org: w.name(w.org), measure: cap(w.fill(w.rng.pick(w.topic.measures))) }));
    w.para(w.paragraph(1));
    const d = w.date('long');
    const byline = w.t('byline', { person: w.person() });
    w.para(`${byline}\n${w.t('published', { date: d.text, time: `${pad2(w.rng.int(7, 22))}.${pad2(w.rng.int(0, 59))}` })}`);
    for (let q = w.rng.int(2, 6); q > 0; q--) {
      const quote = cap(w.fill(w.rng.pick(w.kit.vocabulary.quotes)));
      w.para(w.t('newsQuote', { quote, role: speaker.role, person: speaker.person, org: w.name(w.org) }));
      if (w.rng.chance(0.6)) w.para(w.paragraph());
    }
    if (w.rng.chance(0.5)) {
      w.para(w.t('alsoDemands', { org: w.name(w.partner), addressee: w.name(w.rng.pick(w.kit.addressees)), measure: w.fill(w.rng.pick(w.topic.measures)) }));
    }
  },
  resolution(w) {
    w.para(w.t('resolutionTitle', { body: w.rng.pick(w.kit.bodies), org: w.name(w.org) }));
    w.para(w.t('resolutionAdopted', { date: w.date('long').text }));
    w.para(w.heading());
    w.para(w.paragraph(1));
    w.para(w.t('resolutionLead', { org: w.name(w.org), addressee: w.name(w.rng.pick(w.kit.addressees)) }));
    for (const m of w.rng.sample(w.topic.measures, w.rng.int(3, 6))) w.push(`- ${w.fill(m)}`);
    w.push('');
    sections(w, '-');
  },
  hearing(w) {
    const ministry = w.rng.pick(w.kit.addressees);
    w.push(w.name(ministry), w.t('postbox', { number: String(w.rng.int(8000, 8199)) }), w.t('postcode'), '');
    const yours = w.t('yourReference', { reference: `${w.rng.int(19, 25)}/${w.rng.int(100, 9999)}` });
    const ours = w.t('ourReference', { reference: `${w.year}/${w.rng.int(1, 999)}` });
    w.push(yours, ours, w.t('dateLine', { date: w.date('numeric').text }), '');
    w.para(w.t('hearingTitle', { topic: w.heading().toLowerCase() }));
    w.para(w.paragraph(0));
    w.para(w.t('hearingPoints'));
    for (let i = 1; i <= w.rng.int(3, 6); i++) w.para(`${i}. ${cap(w.fill(w.rng.pick(w.kit.vocabulary.demands)))}`);
    sections(w, '-');
    w.push(...w.signature());
  },
  letter(w) {
    const to = w.t('letterTo', { addressee: w.name(w.rng.pick(w.kit.addressees)) });
    w.push(to, '', w.t('placeDate', { place: cap(w.rng.pick(w.kit.places)), date: w.date().text }), '');
    w.para(w.heading());
    for (let p = w.rng.int(2, 5); p > 0; p--) w.para(w.paragraph());
    w.push(...w.signature());
  },
  program(w) {
    w.para(w.t('programTitle', { org: w.name(w.org).toUpperCase(), years: `${w.year}–${w.year + 4}` }));
    for (let c = w.rng.int(3, 7); c > 0; c--) {
      w.para(`${w.rng.int(1, 12)}. ${w.rng.pick(w.rng.pick(w.kit.vocabulary.topics).headings)}`);
      w.para(w.paragraph(1));
      w.push(...w.list('•'));
      w.push('');
    }
  },
};

/** Hard-wrap lines as PDF text extraction does: a break every 60–95 columns, sometimes a hyphenated word. */
function pdfWrap(text: string, rng: Random): string {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    let rest = line;
    const width = rng.int(60, 95);
    while (rest.length > width) {
      let cut = rest.lastIndexOf(' ', width);
      if (cut <= 0) break;
      const next = rest.indexOf(' ', cut + 1);
      const word = rest.slice(cut + 1, next < 0 ? rest.length : next);
      if (word.length >= 10 && /^\p{Ll}+$/u.test(word) && rng.chance(0.3)) {
        const half = Math.floor(word.length / 2);
        out.push(`${rest.slice(0, cut + 1 + half)}-`);
        rest = rest.slice(cut + 1 + half);
        continue;
      }
      out.push(`${rest.slice(0, cut)} `);
      rest = rest.slice(cut + 1);
    }
    out.push(rest);
  }
  return out.join('\n');
}

/** Misread characters as OCR does, in about one word of `rate`. */
function ocrNoise(text: string, rng: Random, kit: GeneratorKit, rate: number): string {
  return text.replace(/\p{L}{4,}/gu, (word) => {
    if (!rng.chance(rate)) return word;
    const [from, to] = rng.pick(kit.vocabulary.ocrConfusions);
    const at = word.indexOf(from);
    return at < 0 ? word : `${word.slice(0, at)}${to}${word.slice(at + from.length)}`;
  });
}

/**
 * Generate document `index` of the corpus made from `seed`: a realistic Norwegian policy document of a drawn
 * genre, deterministic from (seed, index, revision) alone, so any subset of a corpus can be regenerated and a
 * new `revision` changes just that one document.
 */
export function generateDocument(seed: number, index: number, kit: GeneratorKit, revision = 0): GeneratedDoc {
  const rng = Random.forItem(seed, index, revision === 0 ? '' : `revision ${revision}`);
  const genre = rng.pick(GENRES);
  const w = new Writer(rng, kit);
  (BUILDERS[genre] as (w: Writer) => void)(w);
  let text = w.lines.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd();
  // Printed documents pass through PDF extraction or OCR; some web pages keep Windows line ends.
  const printed = genre === 'agreement' || genre === 'program' || (genre !== 'news' && rng.chance(0.25));
  if (printed) text = ocrNoise(pdfWrap(text, rng), rng, kit, genre === 'agreement' ? 0.1 : 0.03);
  if (!printed && rng.chance(0.1)) text = text.replace(/\n/g, '\r\n');
  text += rng.chance(0.8) ? '\n' : '';

  let meta: string | null = null;
  if (rng.chance(0.1)) {
    const d = w.date('numeric');
    meta = [`title: ${JSON.stringify(cap(w.topic.headings[0] ?? genre))}`, `date: ${d.iso}`, `genre: ${genre}`].join("\n") + "\n";
    if (rng.chance(0.5)) meta += `publisher: ${JSON.stringify(w.org.name)}\n`;
  }
  return { name: `${String(index).padStart(6, '0')}_${genre}.txt`, text, meta, genre };
}
