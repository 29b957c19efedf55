import type { Context } from '../../context.ts';
import type { Lexicon } from '../../lexicon/load.ts';
import { acceptedStarts } from '../scan/anchored.ts';
import { perLexicon } from '../scan/memo.ts';
import type { ActorRecord, DateRecord, DocumentMeta, MentionRecord, SegmentedDoc, Sourced } from '../../document.ts';
import { type Message, message } from '../../messages.ts';
import type { DatePrecision, Genre } from '../../models/vocab.ts';
import { resolveActorName } from '../actors/registry.ts';
import { rolePatterns } from '../actors/roles.ts';
import { alternation } from '../actors/text.ts';
import { pickGenre } from './genre.ts';
import { pickOwnDate } from './own-date.ts';
import { pickPublisher } from './publisher.ts';
import type { Proposers } from './proposers.ts';
import { pickTitle } from './title.ts';
import { escapeRegExp } from '../../regexp.ts';

export interface MetadataInput {
  actors: ActorRecord[];
  mentions: MentionRecord[];
  dates: DateRecord[];
  /** The persons (and their organisations) a proposal's head lists as its proposers, or null. */
  proposers?: Proposers | null;
}

export interface MetadataOutput {
  info: DocumentMeta;
  /** The dates, with the document's own date marked kind `document`. */
  dates: DateRecord[];
  /** The actors, plus a curated publisher that the text does not mention. */
  actors: ActorRecord[];
  messages: Message[];
}

const ISO = /^\d{4}(-\d{2}(-\d{2})?)?$/;
const PRECISION: Record<number, DatePrecision> = { 4: 'year', 7: 'month', 10: 'day' };

/** Title, own date, publisher and genre: curated sidecar values win, else extracted from the text. */
export function findMetadata(doc: SegmentedDoc, input: MetadataInput, ctx: Context): MetadataOutput {
  const lex = ctx.lexicon.metadata;
  const curated = doc.meta;
  const messages: Message[] = [];
  const warn = (code: 'no-document-date' | 'no-publisher', reason: string) => messages.push(message(code, reason, { stage: 'extract', file: doc.file }));
  const curatedSource = <T>(value: T): Sourced<T> => ({ value, source: 'curated', ruleId: null });

  // ── own date ──
  let dates = input.dates;
  let date: DocumentMeta['date'] = null;
  const undated = curated?.date === 'undated';
  const markDocument = (index: number) => (dates = dates.map((d, i) => (i === index ? { ...d, kind: 'document' as const } : d)));
  if (curated?.date !== undefined && ISO.test(curated.date)) {
    date = curatedSource({ value: curated.date, precision: PRECISION[curated.date.length] as DatePrecision });
    const same = dates.findIndex((d) => d.value === curated.date);
    if (same !== -1) markDocument(same);
  } else if (!undated) {
    const places = placeNames(ctx.lexicon.actors.places);
    const persons = new Set(input.actors.filter((a) => a.type === 'person').map((a) => a.key));
    const starts = input.mentions.filter((m) => persons.has(m.actor)).map((m) => m.span.start);
    const own = pickOwnDate(doc.text, dates, lex, ctx.lexicon.actors.bodies, places, { persons: starts, bylineLabels: ctx.lexicon.roles.bylineLabels });
    const record = own ? dates[own.index] : undefined;
    if (own && record) {
      date = { value: { value: record.value, precision: record.precision }, source: 'extracted', ruleId: own.ruleId };
      markDocument(own.index);
    }
  }
  if (date === null && !undated) warn('no-document-date', 'no date of its own (no "Dato:", adoption, signature or dateline date) found');

  // ── publisher ──
  let actors = input.actors;
  let publisher: Sourced<string> | null = null;
  if (curated?.publisher !== undefined) {
    const key = resolveActorName(curated.publisher, ctx.lexicon) ?? curated.publisher;
    if (!actors.some((a) => a.key === key)) {
      const known = ctx.lexicon.actors.actors.find((a) => a.name === key);
      const record: ActorRecord = { key, type: known?.type ?? 'other_org', role: null, affiliation: null, source: known ? 'registry' : 'discovered' };
      actors = [...actors, record];
    }
    publisher = curatedSource(key);
  } else {
    const found = pickPublisher(doc.text, actors, input.mentions, lex);
    if (found) publisher = { value: found.key, source: 'extracted', ruleId: found.ruleId };
  }
  if (publisher === null) warn('no-publisher', 'no organisation found that issues the text in its own voice');
  // Who signs a text without naming an organisation ("Arild Hermstad / Partileder") signs for its publisher; so does
  // a person whose title is a function inside an organisation ("sier forbundsleder X" on the union's own page).
  const issuer = publisher?.value;
  const issuerType = actors.find((a) => a.key === issuer)?.type;
  if (issuer !== undefined && issuerType !== undefined && issuerType !== 'person') {
    const signers = new Set(input.mentions.filter((m) => m.ruleId === 'person-signature').map((m) => m.actor));
    const own = MEMBER_ORGS.has(issuerType) ? ownTitle(ctx) : () => false;
    actors = actors.map((a) => (a.type === 'person' && a.affiliation === null && (signers.has(a.key) || own(a.role)) ? { ...a, affiliation: issuer } : a));
  }

  // ── title ──
  let title: Sourced<string> | null = null;
  if (curated?.title !== undefined) title = curatedSource(curated.title);
  else {
    const persons = new Set(input.actors.filter((a) => a.type === 'person').map((a) => a.key));
    const label = patterns(ctx.lexicon).bylineLabel;
    const cuts = input.mentions
      .filter((m) => m.ruleId === 'person-byline')
      .map((m) => {
        const before = doc.text.slice(Math.max(0, m.span.start - 20), m.span.start);
        const l = label.exec(before);
        return l ? m.span.start - before.length + l.index : m.span.start;
      });
    const found = pickTitle(doc.text, doc.blocks, input.mentions, persons, lex, cuts);
    if (found) title = { value: found.value, source: 'extracted', ruleId: found.ruleId };
  }

  // ── genre ──
  let genre: Sourced<Genre>;
  if (curated?.genre !== undefined) genre = curatedSource(curated.genre);
  else {
    const signals = {
      quotes: countQuotes(doc.text, input.actors, input.mentions, ctx),
      bodyVoice: speaksThroughBody(doc.text, publisher?.value ?? null, input.mentions, ctx),
      adopted: date?.ruleId === 'date-document-adopted',
      proposers: (input.proposers?.persons.length ?? 0) > 0,
    };
    const found = pickGenre(doc.text, signals, lex);
    genre = { value: found.value, source: 'extracted', ruleId: found.ruleId };
  }
  // A proposal is issued by its proposers: their party, not the parliament its clauses address ("Stortinget ber …").
  const proposing = input.proposers?.organisations[0];
  if (genre.value === 'proposal' && proposing !== undefined && publisher?.source !== 'curated' && publisher?.ruleId !== 'publisher-byline') {
    publisher = { value: proposing, source: 'extracted', ruleId: 'publisher-proposers' };
  }

  const info: DocumentMeta = { title, date, publisher, genre, url: curated?.url ?? null, licence: curated?.licence ?? null };
  if (undated) info.undated = true;
  return { info, dates, actors, messages };
}

/** The metadata patterns that read around a mention, compiled once per lexicon. */
const patterns = perLexicon((lexicon: Lexicon) => {
  const p = rolePatterns(lexicon.roles);
  return {
    /** A byline label right before a name ("Av "). */
    bylineLabel: new RegExp(`(?<![\\p{L}])(?:${lexicon.roles.bylineLabels.map(escapeRegExp).join('|')}):?\\s+$`, 'u'),
    /** A speech verb and maybe a title right before a name ("sier styreleder "). */
    speechBefore: new RegExp(`(?<![\\p{L}])${p.speech}\\s+(?:${p.title}\\s+)?$`, 'u'),
    /** The same, sticky: tried where a speech verb can start (see speechBefore). */
    speechBeforeAt: new RegExp(`(?<![\\p{L}])${p.speech}\\s+(?:${p.title}\\s+)?$`, 'uy'),
    speechAnchor: p.speechAnchor,
    /** A voice verb right after a name (" mener"). */
    voiceAfter: new RegExp(`^\\s+${alternation(lexicon.metadata.publisher.voiceVerbs)}(?![\\p{L}])`, 'iu'),
  };
});

/** Every place name of the registry, counties first (one list per lexicon). */
const placeNames = perLexicon((places: Lexicon['actors']['places']): string[] => [...places.counties, ...places.municipalities]);

/** The roles' own titles, modifiers and prepositions, lower case (once per lexicon). */
const roleWords = perLexicon((roles: Lexicon['roles']) => ({
  titles: new Set(roles.ownTitles.map((t) => t.toLowerCase())),
  modifiers: new Set(roles.titleModifiers.map((t) => t.toLowerCase())),
  prepositions: new Set(roles.titlePrepositions.map((t) => t.toLowerCase())),
}));

// Organisations whose leaders and representatives speak for them on their own pages; a news agency's or a
// ministry's text quotes officers of other bodies.
const MEMBER_ORGS = new Set(['union', 'employer_org', 'party', 'other_org']);

/** A test for roles that are a function inside an organisation (roles.yaml `ownTitles`), modifiers ("første") aside. */
function ownTitle(ctx: Context): (role: string | null) => boolean {
  const { titles, modifiers, prepositions } = roleWords(ctx.lexicon.roles);
  return (role) => {
    if (role === null) return false;
    const words = role.toLowerCase().split(/\s+/);
    while (words.length > 1 && modifiers.has(words[0] as string)) words.shift();
    // "Hovedtillitsvalgt i bydel Grünerløkka": the title before what it is title of.
    const at = words.findIndex((w) => prepositions.has(w));
    return titles.has((at > 0 ? words.slice(0, at) : words).join(' '));
  };
}

/** Third-person quotes: a person mention right after a speech verb and an optional title ("sier styreleder X"). */
function countQuotes(text: string, actors: readonly ActorRecord[], mentions: readonly MentionRecord[], ctx: Context): number {
  const persons = new Set(actors.filter((a) => a.type === 'person').map((a) => a.key));
  const p = patterns(ctx.lexicon);
  return mentions.filter((m) => persons.has(m.actor) && speechBefore(text, Math.max(0, m.span.start - 80), m.span.start, p)).length;
}

/**
 * True when `speechBefore` matches text[from, end): tried only where it can start — at the slice's start (it may cut a
 * word) and where a speech verb can start — instead of at every position.
 */
function speechBefore(text: string, from: number, end: number, p: ReturnType<typeof patterns>): boolean {
  const slice = text.slice(from, end);
  if (p.speechAnchor === null) return p.speechBefore.test(slice);
  for (const at of [from, ...acceptedStarts(text, p.speechAnchor, from + 1, end)]) {
    p.speechBeforeAt.lastIndex = at - from;
    if (p.speechBeforeAt.test(slice)) return true;
  }
  return false;
}

/** True when a mention of the publisher spans a governing body and is followed by a voice verb. */
function speaksThroughBody(text: string, publisher: string | null, mentions: readonly MentionRecord[], ctx: Context): boolean {
  if (publisher === null) return false;
  const verb = patterns(ctx.lexicon).voiceAfter;
  return mentions.some((m) => m.actor === publisher && m.ruleId === 'actor-body' && verb.test(text.slice(m.span.end, m.span.end + 40)));
}
