import type { Span } from '../../document.ts';

/** A word or a punctuation mark of the normalised text, with its offsets and lowercase form. */
export interface Token {
  start: number;
  end: number;
  text: string;
  lc: string;
  word: boolean;
}

// Words keep inner hyphens and apostrophes ("Nav-kontor", "KS'"); every other non-space character is a token.
const TOKEN = /[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*['’]?|\S/gu;

/** Tokens of `text` inside `span` (offsets stay document offsets). */
export function tokenize(text: string, span: Span): Token[] {
  const out: Token[] = [];
  const slice = text.slice(span.start, span.end);
  for (const m of slice.matchAll(TOKEN)) {
    const t = m[0];
    // The lowercase form spells out compatibility ligatures ("ﬂytte" → "flytte") so cue words still match.
    const lc = t.replace(/[\uFB00-\uFB06]/gu, (ch) => ch.normalize('NFKC')).toLowerCase();
    out.push({ start: span.start + m.index, end: span.start + m.index + t.length, text: t, lc, word: /[\p{L}\p{N}]/u.test(t) });
  }
  return out;
}

/** A lexicon phrase split into lowercase tokens ("går inn for" → ["går", "inn", "for"]). */
export const phraseTokens = (phrase: string): string[] => phrase.toLowerCase().split(' ');

/** True when `phrase` occurs at token `i`. */
export function phraseAt(tokens: readonly Token[], i: number, phrase: readonly string[]): boolean {
  for (let k = 0; k < phrase.length; k++) if (tokens[i + k]?.lc !== phrase[k]) return false;
  return phrase.length > 0;
}

/** The longest phrase of `phrases` at token `i`, or null. */
export function longestAt(tokens: readonly Token[], i: number, phrases: readonly (readonly string[])[]): readonly string[] | null {
  let best: readonly string[] | null = null;
  for (const p of phrases) if (phraseAt(tokens, i, p) && (best === null || p.length > best.length)) best = p;
  return best;
}

/**
 * Clause punctuation at token `j`: a subordinate clause or a fronted phrase never reaches across it. A hyphen glued
 * to the word before it ends the first part of a coordinated compound ("Helse- og omsorgsdepartementet"), no clause.
 */
export function isClauseBreak(tokens: readonly Token[], j: number): boolean {
  const t = tokens[j];
  if (t === undefined || t.word || !/[,;:()–—\-"«»]/.test(t.text)) return false;
  const before = tokens[j - 1];
  return !(t.text === '-' && before?.word === true && before.end === t.start);
}
