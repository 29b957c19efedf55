import type { Span } from '../../document.ts';
import { isRegExpSpaceUnit } from '../../normalise/chars.ts';
import type { Token } from './tokens.ts';

// The token pattern, /[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*['’]?|\S/gu, read character by character: a token per
// document costs a match object, a string test and a lower-casing each, and documents have thousands.

/**
 * The tokens of a span read alone: what the token pattern matches in `text.slice(span.start, span.end)`, read
 * character by character (the pattern never backtracks: each part takes all it can and the optional end cannot fail).
 */
export function readTokens(text: string, span: Span): Token[] {
  const out: Token[] = [];
  const end = Math.min(span.end, text.length);
  let i = Math.max(0, span.start);
  while (i < end) {
    const c = text.charCodeAt(i);
    if (isRegExpSpaceUnit(c)) {
      i++;
      continue;
    }
    const first = unitsAt(text, i, end);
    if (!isWordAt(text, i, end)) {
      out.push(token(text, i, i + first, false));
      i += first;
      continue;
    }
    let j = wordCharsFrom(text, i, end);
    // Inner hyphens and apostrophes join word parts ("Nav-kontor"); one closing apostrophe is kept ("KS'").
    while (j + 1 < end && JOINERS.has(text.charCodeAt(j)) && isWordAt(text, j + 1, end)) j = wordCharsFrom(text, j + 1, end);
    if (j < end && APOSTROPHES.has(text.charCodeAt(j))) j++;
    out.push(token(text, i, j, true));
    i = j;
  }
  return out;
}

const JOINERS = new Set([0x2d, 0x27, 0x2019]);
const APOSTROPHES = new Set([0x27, 0x2019]);
const WORD_CHAR = /^[\p{L}\p{N}]$/u;
// Whether each BMP code unit is a letter or digit, looked up once each.
const wordUnits = new Int8Array(0x10000).fill(-1);

function token(text: string, start: number, end: number, word: boolean): Token {
  const t = text.slice(start, end);
  // The lowercase form spells out compatibility ligatures ("ﬂytte" → "flytte") so cue words still match.
  const lc = (hasLigature(text, start, end) ? t.replace(/[\uFB00-\uFB06]/gu, (ch) => ch.normalize('NFKC')) : t).toLowerCase();
  return { start, end, text: t, lc, word };
}

/** True when [start, end) holds a compatibility ligature (U+FB00–U+FB06). */
function hasLigature(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xfb00 && c <= 0xfb06) return true;
  }
  return false;
}

/** Code units of the code point at `i` inside [.., end): 2 for a surrogate pair wholly inside, else 1. */
function unitsAt(text: string, i: number, end: number): number {
  const c = text.charCodeAt(i);
  if (c < 0xd800 || c > 0xdbff || i + 1 >= end) return 1;
  const d = text.charCodeAt(i + 1);
  return d >= 0xdc00 && d <= 0xdfff ? 2 : 1;
}

/** True when the code point at `i` (read inside [.., end)) is a letter or digit. */
function isWordAt(text: string, i: number, end: number): boolean {
  const units = unitsAt(text, i, end);
  if (units === 2) return WORD_CHAR.test(text.slice(i, i + 2));
  const c = text.charCodeAt(i);
  let known = wordUnits[c] as number;
  if (known === -1) {
    known = WORD_CHAR.test(String.fromCharCode(c)) ? 1 : 0;
    wordUnits[c] = known;
  }
  return known === 1;
}

/** The end of the run of letters and digits starting at `i`. */
function wordCharsFrom(text: string, i: number, end: number): number {
  let j = i;
  while (j < end && isWordAt(text, j, end)) j += unitsAt(text, j, end);
  return j;
}

