import type { Span } from '../../document.ts';
import { readTokens } from './read-tokens.ts';

/** A word or a punctuation mark of the normalised text, with its offsets and lowercase form. */
export interface Token {
  start: number;
  end: number;
  text: string;
  lc: string;
  word: boolean;
}

// Words keep inner hyphens and apostrophes ("Nav-kontor", "KS'"); every other non-space character is a token:
//   /[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*['’]?|\S/gu, read by tokenizeSlice below.

/** Tokens of `text` inside `span` (offsets stay document offsets). */
export function tokenize(text: string, span: Span): Token[] {
  const all = documentTokens(text);
  const from = firstEndingAfter(all, span.start);
  const to = firstEndingAfter(all, span.end, from);
  // A token cut by the span's edge reads differently inside the span alone ("KS'" cut to "KS"): read the slice then.
  const first = all[from];
  const cut = all[to];
  if ((first !== undefined && first.start < span.start) || (cut !== undefined && cut.start < span.end)) return readTokens(text, span);
  return all.slice(from, to);
}

/** True when a token of `span` (as tokenize reads it) has its lowercase form in `words`; reads no array when it can. */
export function someTokenIn(text: string, span: Span, words: ReadonlySet<string>): boolean {
  const all = documentTokens(text);
  const from = firstEndingAfter(all, span.start);
  const to = firstEndingAfter(all, span.end, from);
  const first = all[from];
  const cut = all[to];
  if ((first !== undefined && first.start < span.start) || (cut !== undefined && cut.start < span.end)) return readTokens(text, span).some((t) => words.has(t.lc));
  for (let i = from; i < to; i++) if (words.has((all[i] as Token).lc)) return true;
  return false;
}

// The demand rules tokenise each block, sentence and clause of a document, often more than once: the whole text is
// tokenised once and a span takes the tokens inside it, which are the tokens of the span read alone whenever no
// token crosses the span's edges (the pattern looks neither behind nor beyond the token it reads).
let lastText: string | null = null;
let lastTokens: Token[] = [];

function documentTokens(text: string): Token[] {
  if (text !== lastText) {
    lastTokens = readTokens(text, { start: 0, end: text.length });
    lastText = text;
  }
  return lastTokens;
}

/** Index of the first token ending after `pos`, at `lo` or later (binary search; tokens are ordered and do not overlap). */
function firstEndingAfter(tokens: readonly Token[], pos: number, lo = 0): number {
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((tokens[mid] as Token).end <= pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A lexicon phrase split into lowercase tokens ("går inn for" → ["går", "inn", "for"]). */
export const phraseTokens = (phrase: string): string[] => phrase.toLowerCase().split(' ');

/** A lexicon list of phrases as tokens, carrying its phrases grouped by first word (in list order) for `longestAt`. */
export type PhraseList = string[][] & { readonly byFirst: ReadonlyMap<string, readonly (readonly string[])[]> };

/** The phrases as tokens, indexed by their first word once (the rules look them up at every token). */
export function phraseList(phrases: readonly string[]): PhraseList {
  const list = phrases.map(phraseTokens);
  return Object.assign(list, { byFirst: groupByFirst(list) });
}

/** True when `phrase` occurs at token `i`. */
export function phraseAt(tokens: readonly Token[], i: number, phrase: readonly string[]): boolean {
  for (let k = 0; k < phrase.length; k++) if (tokens[i + k]?.lc !== phrase[k]) return false;
  return phrase.length > 0;
}

/** The longest phrase of `phrases` at token `i`, or null. */
export function longestAt(tokens: readonly Token[], i: number, phrases: readonly (readonly string[])[]): readonly string[] | null {
  const at = tokens[i];
  if (at === undefined) return null;
  // Only the phrases opening with the word at `i` can match there (in their order, so ties go the same way).
  const index = (phrases as Partial<PhraseList>).byFirst;
  const candidates = index !== undefined ? index.get(at.lc) : phrases.length < INDEXED ? phrases : byFirstWord(phrases).get(at.lc);
  if (candidates === undefined) return null;
  let best: readonly string[] | null = null;
  for (const p of candidates) if (phraseAt(tokens, i, p) && (best === null || p.length > best.length)) best = p;
  return best;
}

type Phrases = readonly (readonly string[])[];

// Lists this long are looked up by their first word; shorter ones (often made on the spot) are read through.
const INDEXED = 8;
const indexes = new WeakMap<Phrases, Map<string, (readonly string[])[]>>();

/** The phrases of a lexicon list grouped by their first word, in list order; built once per list. */
function byFirstWord(phrases: Phrases): Map<string, (readonly string[])[]> {
  let index = indexes.get(phrases);
  if (index === undefined) {
    index = groupByFirst(phrases);
    indexes.set(phrases, index);
  }
  return index;
}

function groupByFirst(phrases: Phrases): Map<string, (readonly string[])[]> {
  const index = new Map<string, (readonly string[])[]>();
  for (const p of phrases) {
    const first = p[0];
    if (first === undefined) continue;
    const list = index.get(first);
    if (list) list.push(p);
    else index.set(first, [p]);
  }
  return index;
}

const CLAUSE_PUNCTUATION = /[,;:()–—\-"«»]/;

/**
 * Clause punctuation at token `j`: a subordinate clause or a fronted phrase never reaches across it. A hyphen glued
 * to the word before it ends the first part of a coordinated compound ("Helse- og omsorgsdepartementet"), no clause.
 */
export function isClauseBreak(tokens: readonly Token[], j: number): boolean {
  const t = tokens[j];
  if (t === undefined || t.word || !CLAUSE_PUNCTUATION.test(t.text)) return false;
  const before = tokens[j - 1];
  return !(t.text === '-' && before?.word === true && before.end === t.start);
}
