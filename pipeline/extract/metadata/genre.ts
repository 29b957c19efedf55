import type { Genre } from '../../models/vocab.ts';
import type { Lexicon } from '../../lexicon/load.ts';
import { alternation, filledCleanLines } from '../actors/text.ts';
import { firstRun } from '../scan/forms.ts';
import { perLexicon } from '../scan/memo.ts';
import { PLAIN, searchForm, wordsOf } from '../scan/words.ts';
import { type HeadLine, titleArea } from './title.ts';

/** Signals about the document computed elsewhere that vote for a genre. */
export interface GenreSignals {
  /** Number of third-person quotes ("…, sier Helgesen"). */
  quotes: number;
  /** True when the publisher speaks through a governing body ("KS' landsstyre mener"). */
  bodyVoice: boolean;
  /** True when the document's own date is the date a body adopted it. */
  adopted: boolean;
  /** True when the document's head lists proposers ("fra stortingsrepresentantene A og B", "Forslagsstillere: …"). */
  proposers?: boolean;
}

/** The genre with its winning score, or `other` when no cue voted. */
export interface FoundGenre {
  value: Genre;
  ruleId: string;
}

/**
 * Every stem of every genre cue as a pattern, in lexicon order, with the lower-case letters it opens with (`needle`,
 * null when they are not plain): a scope whose search form lacks them cannot match. Compiled once per lexicon.
 */
const cueStems = perLexicon((lexicon: Lexicon['metadata']) =>
  lexicon.genre.cues.flatMap((cue) =>
    cue.stems.map((stem) => {
      const run = firstRun(stem);
      return {
        genre: cue.genre,
        weight: cue.weight,
        scope: cue.scope,
        re: new RegExp(`(?<![\\p{L}])${alternation([stem])}`, 'iu'),
        /** The same, sticky: tried where the needle opens a word (see needlesAtWords). */
        sticky: new RegExp(`(?<![\\p{L}])${alternation([stem])}`, 'iuy'),
        needle: run !== '' && PLAIN.test(run) ? run.toLowerCase() : null,
      };
    }),
  ),
);

/** The first one or two characters of a (plain, lower-case) word or needle as a number. */
const openingOf = (s: string): number => (s.length === 1 ? s.charCodeAt(0) : (s.charCodeAt(0) << 8) | s.charCodeAt(1)) + (s.length === 1 ? 0 : 0x100);

/**
 * The needles of the body's cues by their opening (see openingOf: two characters, or the one of a one-letter needle),
 * to find them at the words' starts; a word is looked up by its first two characters and by its first one.
 */
const bodyNeedles = perLexicon((lexicon: Lexicon['metadata']): NeedleIndex => {
  const byOpening = new Map<number, string[]>();
  // A bit per opening that some needle has (openings fit in 17 bits): most words open otherwise.
  const openings = new Uint8Array(0x10200 >> 3);
  for (const cue of cueStems(lexicon)) {
    if (cue.scope !== 'body' || cue.needle === null) continue;
    const key = openingOf(cue.needle);
    const list = byOpening.get(key) ?? [];
    if (!list.includes(cue.needle)) list.push(cue.needle);
    byOpening.set(key, list);
    openings[key >> 3] = (openings[key >> 3] as number) | (1 << (key & 7));
  }
  return { byOpening, openings };
});

/** The needles by opening, and a bit per opening any of them has. */
interface NeedleIndex {
  byOpening: ReadonlyMap<number, readonly string[]>;
  openings: Uint8Array;
}

/**
 * The body cues' needles that open a word of the text, each with where those words start: a cue pattern starts at a
 * word's start, and a word of plain letters matches a plain needle case-insensitively exactly where its lower case
 * starts with it. Null when a word is not plain (the search form is searched then).
 */
function needlesAtWords(text: string, { byOpening, openings }: NeedleIndex): Map<string, number[]> | null {
  const found = new Map<string, number[]>();
  const add = (word: string, at: number, key: number) => {
    if (((openings[key >> 3] as number) & (1 << (key & 7))) === 0) return;
    const list = byOpening.get(key);
    if (list === undefined) return;
    for (const n of list) {
      if (!word.startsWith(n)) continue;
      const starts = found.get(n);
      if (starts === undefined) found.set(n, [at]);
      else starts.push(at);
    }
  };
  for (const w of wordsOf(text)) {
    if (!w.plain) return null;
    const word = w.lower;
    if (word.length > 1) add(word, w.start, openingOf(word));
    add(word, w.start, word.charCodeAt(0));
  }
  return found;
}

/** True when the sticky pattern matches the text at one of the positions. */
function matchesAt(sticky: RegExp, text: string, starts: readonly number[]): boolean {
  for (const at of starts) {
    sticky.lastIndex = at;
    if (sticky.test(text)) return true;
  }
  return false;
}

/**
 * Score each genre by the cues of metadata.yaml found in their part of the document (title area, whole
 * text, closing lines), plus third-person quotes for news, a governing body's voice for statements, listed proposers
 * for proposals and an
 * adoption date for resolutions (which turns the statement votes of an adopted statement into resolution votes);
 * the highest score wins, ties going to the cue listed first.
 */
export function pickGenre(text: string, signals: GenreSignals, lexicon: Lexicon['metadata']): FoundGenre {
  const g = lexicon.genre;
  const nonEmpty = filledCleanLines(text).map((l) => l.raw);
  const part = (from: number, to: number) => text.slice(nonEmpty[from]?.start ?? 0, nonEmpty[Math.max(from, to - 1)]?.end ?? 0);
  const area = titleArea(text, lexicon);
  const scopes = {
    // Title cues count in title-like lines only, not in a short sentence ("Uttalelsen ble vedtatt … 2021.").
    title: area
      .filter((l: HeadLine) => !/\.$/.test(l.text))
      .map((l) => l.text)
      .join('\n'),
    body: text,
    closing: part(Math.max(0, nonEmpty.length - g.closingLines), nonEmpty.length),
  };
  const score = new Map<Genre, number>();
  const order: Genre[] = [];
  const add = (genre: Genre, w: number) => {
    if (!order.includes(genre)) order.push(genre);
    score.set(genre, (score.get(genre) ?? 0) + w);
  };
  const searched: Partial<Record<keyof typeof scopes, string>> = {};
  const atWords = needlesAtWords(text, bodyNeedles(lexicon));
  const lacks = (scope: keyof typeof scopes, needle: string) =>
    scope === 'body' && atWords !== null ? !atWords.has(needle) : !(searched[scope] ??= searchForm(scopes[scope])).includes(needle);
  for (const cue of cueStems(lexicon)) {
    if (cue.needle !== null && lacks(cue.scope, cue.needle)) continue;
    // A body cue is tried only where its needle opens a word, instead of at every position of the text.
    const starts = cue.scope === 'body' && cue.needle !== null ? atWords?.get(cue.needle) : undefined;
    if (starts !== undefined ? matchesAt(cue.sticky, text, starts) : cue.re.test(scopes[cue.scope])) add(cue.genre, cue.weight);
  }
  if (signals.quotes > 0) add('news', Math.min(g.quoteCap, signals.quotes * g.quoteWeight));
  if (signals.bodyVoice) add('statement', g.bodyVoiceWeight);
  if (signals.proposers === true) add('proposal', g.proposersWeight);
  // A statement a body adopted ("Uttalelse … Vedtatt av årsmøtet …") is that body's resolution: its statement votes go along.
  if (signals.adopted) add('resolution', g.adoptedWeight + (score.get('statement') ?? 0));
  let best: Genre | null = null;
  for (const genre of order) if (best === null || (score.get(genre) ?? 0) > (score.get(best) ?? 0)) best = genre;
  return best === null ? { value: 'other', ruleId: 'genre-default' } : { value: best, ruleId: `genre-cue-${best}` };
}
