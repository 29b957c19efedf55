/**
 * The words of a text (maximal runs of letters), computed once per text: the actor, date and metadata rules
 * scan the same document dozens of times, and most of their patterns can only start where a word starts.
 */

/** A maximal run of letters (`\p{L}`, by code point) with what the scanners test it by. */
export interface Word {
  start: number;
  end: number;
  text: string;
  /** `text.toLowerCase()`. */
  lower: string;
  /**
   * True when every letter is an ASCII or Latin-1 letter (see PLAIN): a case-insensitive pattern matches such a word
   * exactly where its lower case is the pattern's, so a lookup by `lower` is exact for it (`ſ`, folding to `s`, is not).
   */
  plain: boolean;
  /** True when the word is a capital and lower-case letters only (`\p{Lu}\p{Ll}+`), as a part of a name is. */
  capitalised: boolean;
  /** The next word of the text, if any. */
  next: Word | null;
}

/**
 * The text in lower case, with the long s (ſ) read as s: a plain lower-case literal that a case-insensitive pattern
 * matches in the text occurs in this form of it (ſ is the one letter that folds to a plain letter while its lower
 * case differs). A cheap test that rules a pattern out before it is run.
 */
export const searchForm = (text: string): string => {
  const lower = text.toLowerCase();
  return lower.includes('ſ') ? lower.replaceAll('ſ', 's') : lower;
};

/** Letters whose lower case is their case folding: ASCII and Latin-1 letters. */
export const PLAIN = /^[a-zA-Z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u00FF]+$/;

// What the scanner needs to know of a code point, looked up once per BMP code unit: letter (\p{L}), plain letter (see
// PLAIN), capital (\p{Lu}), lower case (\p{Ll}), changed by toLowerCase. Astral code points (rare here) are read by the
// patterns each time.
const LETTER = 1;
const PLAIN_LETTER = 2;
const CAPITAL = 4;
const LOWER = 8;
const TWO_UNITS = 16;
const CASED = 32;
const classes = new Int8Array(0x10000).fill(-1);

function classify(ch: string): number {
  if (!/^\p{L}$/u.test(ch)) return 0;
  return (
    LETTER |
    (PLAIN.test(ch) ? PLAIN_LETTER : 0) |
    (/^\p{Lu}$/u.test(ch) ? CAPITAL : 0) |
    (/^\p{Ll}$/u.test(ch) ? LOWER : 0) |
    // An astral letter is lower-cased by the call itself.
    (ch.length > 1 || ch.toLowerCase() !== ch ? CASED : 0)
  );
}

/** The classes of the code point at `i` (with TWO_UNITS for a surrogate pair). */
function classAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff) {
    const d = text.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return classify(text.slice(i, i + 2)) | TWO_UNITS;
    return 0;
  }
  let k = classes[c] as number;
  if (k === -1) {
    k = c >= 0xdc00 && c <= 0xdfff ? 0 : classify(String.fromCharCode(c));
    classes[c] = k;
  }
  return k;
}

// Whether toLowerCase changes each BMP code unit (-1: not known yet); a surrogate counts as changed, so that a string
// holding one is lower-cased by the call.
const changed = new Int8Array(0x10000).fill(-1);

/** True when toLowerCase changes the code unit; a string none of whose units it changes is its own lower case. */
export function changesInLowerCase(c: number): boolean {
  let k = changed[c] as number;
  if (k === -1) {
    const ch = String.fromCharCode(c);
    k = (c >= 0xd800 && c <= 0xdfff) || ch.toLowerCase() !== ch ? 1 : 0;
    changed[c] = k;
  }
  return k === 1;
}

// The last text indexed and its words: the extract stage reads one document at a time, so one entry is enough.
let lastText: string | null = null;
let lastWords: readonly Word[] = [];

/** Every word of the text, in order: the maximal runs of letters (what `/\p{L}+/gu` matches), read code point by code point. */
export function wordsOf(text: string): readonly Word[] {
  if (text === lastText) return lastWords;
  const words: Word[] = [];
  let previous: Word | null = null;
  const n = text.length;
  for (let i = 0; i < n; ) {
    let k = classAt(text, i);
    if ((k & LETTER) === 0) {
      i += k & TWO_UNITS ? 2 : 1;
      continue;
    }
    const start = i;
    let plain = true;
    // Capitalised: a capital, then lower-case letters only (at least one).
    let capitalised = (k & CAPITAL) !== 0;
    let letters = 0;
    // Most words have no letter that lower case changes: the word is its own lower case (no call, no new string).
    let cased = false;
    while (i < n && (k & LETTER) !== 0) {
      if ((k & PLAIN_LETTER) === 0) plain = false;
      if (letters > 0 && (k & LOWER) === 0) capitalised = false;
      if ((k & CASED) !== 0) cased = true;
      letters++;
      i += k & TWO_UNITS ? 2 : 1;
      if (i < n) k = classAt(text, i);
    }
    const t = text.slice(start, i);
    const word: Word = { start, end: i, text: t, lower: cased ? t.toLowerCase() : t, plain, capitalised: capitalised && letters > 1, next: null };
    if (previous !== null) previous.next = word;
    words.push(word);
    previous = word;
  }
  lastText = text;
  lastWords = words;
  return words;
}

/** The word whose `edge` offset is exactly `at`, if any (binary search: words are in text order, so are both edges). */
function wordWithEdge(words: readonly Word[], at: number, edge: 'start' | 'end'): Word | null {
  let lo = 0;
  let hi = words.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((words[mid] as Word)[edge] < at) lo = mid + 1;
    else hi = mid;
  }
  const w = words[lo];
  return w !== undefined && w[edge] === at ? w : null;
}

/** The word that starts exactly at `start`, if any. */
export const wordStartingAt = (words: readonly Word[], start: number): Word | null => wordWithEdge(words, start, 'start');

/** The word that ends exactly at `end`, if any. */
export const wordEndingAt = (words: readonly Word[], end: number): Word | null => wordWithEdge(words, end, 'end');
