import type { Span } from '../../document.ts';
import { isRegExpSpaceUnit } from '../../normalise/chars.ts';
import { changesInLowerCase } from '../scan/words.ts';
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
    const k = kindOf(text.charCodeAt(i));
    if ((k & SPACE) !== 0) {
      i++;
      continue;
    }
    if (wordUnitsAt(text, i, end) === 0) {
      const first = unitsAt(text, i, end);
      out.push(token(text, i, i + first, false, first === 2 ? k | kindOf(text.charCodeAt(i + 1)) : k));
      i += first;
      continue;
    }
    // The kinds of the word's characters are gathered as it is read (hyphens and apostrophes add none).
    seen = 0;
    let j = wordCharsFrom(text, i, end);
    // Inner hyphens and apostrophes join word parts ("Nav-kontor"); one closing apostrophe is kept ("KS'").
    while (j + 1 < end && isJoiner(text.charCodeAt(j)) && wordUnitsAt(text, j + 1, end) > 0) j = wordCharsFrom(text, j + 1, end);
    if (j < end && isApostrophe(text.charCodeAt(j))) j++;
    out.push(token(text, i, j, true, seen));
    i = j;
  }
  return out;
}

const isApostrophe = (c: number): boolean => c === 0x27 || c === 0x2019;
const isJoiner = (c: number): boolean => c === 0x2d || isApostrophe(c);
const WORD_CHAR = /^[\p{L}\p{N}]$/u;
const LIGATURES = /[\uFB00-\uFB06]/gu;

// What the reader needs to know of each BMP code unit, read once per unit: white space, a letter or digit by itself, a
// high surrogate, changed by toLowerCase, a compatibility ligature (0: not read yet).
const KNOWN = 1;
const SPACE = 2;
const WORD = 4;
const HIGH = 8;
const CASED = 16;
const LIGATURE = 32;
const kinds = new Uint8Array(0x10000);

function kindOf(c: number): number {
  let k = kinds[c] as number;
  if (k === 0) {
    k =
      KNOWN |
      (isRegExpSpaceUnit(c) ? SPACE : 0) |
      (WORD_CHAR.test(String.fromCharCode(c)) ? WORD : 0) |
      (c >= 0xd800 && c <= 0xdbff ? HIGH : 0) |
      (changesInLowerCase(c) ? CASED : 0) |
      (c >= 0xfb00 && c <= 0xfb06 ? LIGATURE : 0);
    kinds[c] = k;
  }
  return k;
}

/** A token of [start, end), whose characters are of the kinds `seen` (together). */
function token(text: string, start: number, end: number, word: boolean, seen: number): Token {
  const t = text.slice(start, end);
  // The lowercase form spells out compatibility ligatures ("ﬂytte" → "flytte") so cue words still match; a token
  // that lower case leaves as it is (most of them) is its own lowercase form.
  const lc = (seen & LIGATURE) !== 0 ? t.replace(LIGATURES, (ch) => ch.normalize('NFKC')).toLowerCase() : (seen & CASED) !== 0 ? t.toLowerCase() : t;
  return { start, end, text: t, lc, word };
}

/** Code units of the code point at `i` inside [.., end): 2 for a surrogate pair wholly inside, else 1. */
function unitsAt(text: string, i: number, end: number): number {
  const c = text.charCodeAt(i);
  if (c < 0xd800 || c > 0xdbff || i + 1 >= end) return 1;
  const d = text.charCodeAt(i + 1);
  return d >= 0xdc00 && d <= 0xdfff ? 2 : 1;
}

/** The code units of the letter or digit at `i` (read inside [.., end)), or 0 when no letter or digit stands there. */
function wordUnitsAt(text: string, i: number, end: number): number {
  const k = kindOf(text.charCodeAt(i));
  if ((k & HIGH) !== 0 && unitsAt(text, i, end) === 2) return WORD_CHAR.test(text.slice(i, i + 2)) ? 2 : 0;
  return (k & WORD) !== 0 ? 1 : 0;
}

// The kinds of the characters wordCharsFrom has read since it was last reset (a surrogate counts as cased).
let seen = 0;

/** The end of the run of letters and digits starting at `i`; their kinds are added to `seen`. */
function wordCharsFrom(text: string, i: number, end: number): number {
  let j = i;
  while (j < end) {
    const k = kindOf(text.charCodeAt(j));
    if ((k & HIGH) !== 0 && unitsAt(text, j, end) === 2) {
      if (!WORD_CHAR.test(text.slice(j, j + 2))) break;
      seen |= k;
      j += 2;
    } else if ((k & WORD) !== 0) {
      seen |= k;
      j++;
    } else break;
  }
  return j;
}
