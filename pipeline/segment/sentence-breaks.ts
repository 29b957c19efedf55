/**
 * Sentence boundaries exactly as ICU's sentence segmenter finds them (the rules SB6–SB11 of Unicode's UAX #29), for
 * blocks made only of the characters that most Norwegian prose is made of: a call into ICU costs far more than
 * reading a block here. Any other character leaves the block to ICU. A test holds the classes to what ICU answers
 * and the rules to ICU's segments.
 */

// The Sentence_Break classes of UAX #29 that these characters have; 0 marks a character not handled here.
const OTHER = 1;
const SP = 2;
const LOWER = 3;
const UPPER = 4;
const NUMERIC = 5;
const ATERM = 6;
const STERM = 7;
const CLOSE = 8;
const SCONTINUE = 9;

/** The class names, for tests that compare them with ICU. */
export const SENTENCE_CLASS_NAMES = ['', 'Other', 'Sp', 'Lower', 'Upper', 'Numeric', 'ATerm', 'STerm', 'Close', 'SContinue'] as const;

function classTable(): Uint8Array {
  const table = new Uint8Array(0x20b0);
  const set = (cls: number, ...units: number[]) => {
    for (const u of units) table[u] = cls;
  };
  const range = (cls: number, from: number, to: number) => table.fill(cls, from, to + 1);
  // ASCII and Latin-1 (not the soft hyphen, which ICU folds into the character before it).
  range(OTHER, 0x21, 0x7e);
  range(OTHER, 0xa1, 0xbf);
  table[0xad] = 0;
  set(SP, 0x09, 0x20, 0xa0);
  set(STERM, 0x21, 0x3f);
  set(ATERM, 0x2e);
  set(CLOSE, 0x22, 0x27, 0x28, 0x29, 0x5b, 0x5d, 0x7b, 0x7d, 0xab, 0xbb);
  set(SCONTINUE, 0x2c, 0x2d, 0x3a, 0x3b);
  range(NUMERIC, 0x30, 0x39);
  range(UPPER, 0x41, 0x5a);
  range(UPPER, 0xc0, 0xde);
  range(LOWER, 0x61, 0x7a);
  range(LOWER, 0xdf, 0xff);
  set(LOWER, 0xaa, 0xb5, 0xba);
  set(OTHER, 0xd7, 0xf7);
  // Dashes, quotes, bullet, ellipsis and euro sign.
  set(SCONTINUE, 0x2013, 0x2014);
  set(CLOSE, 0x2018, 0x2019, 0x201c, 0x201d, 0x201e, 0x2039, 0x203a);
  set(OTHER, 0x2022, 0x2026, 0x20ac);
  return table;
}

const CLASS = classTable();

/** The Sentence_Break class of a unit (see SENTENCE_CLASS_NAMES), or 0 when it is left to ICU. */
export const sentenceClass = (unit: number): number => CLASS[unit] ?? 0;

/**
 * The offsets in text[start, end) where ICU would start a new sentence (none at `start`), in order; null when the
 * block holds a character not handled here.
 */
export function sentenceBreaks(text: string, start: number, end: number): number[] | null {
  const breaks: number[] = [];
  let i = start;
  // Every unit is read here, or skipped as a closer or space after a terminator.
  while (i < end) {
    const term = sentenceClass(text.charCodeAt(i));
    if (term === 0) return null;
    if (term !== ATERM && term !== STERM) {
      i++;
      continue;
    }
    // A terminator, then closing quotes or brackets, then spaces: a sentence may end after them (SB9, SB10).
    let k = i + 1;
    while (k < end && sentenceClass(text.charCodeAt(k)) === CLOSE) k++;
    while (k < end && sentenceClass(text.charCodeAt(k)) === SP) k++;
    if (k < end && breaksBefore(text, start, end, i, k)) breaks.push(k);
    i = k;
  }
  return breaks;
}

/** Whether the terminator at `term`, followed by closers and spaces up to `k`, ends a sentence before `k` (SB6–SB11). */
function breaksBefore(text: string, start: number, end: number, term: number, k: number): boolean {
  const next = sentenceClass(text.charCodeAt(k));
  if (sentenceClass(text.charCodeAt(term)) === ATERM) {
    if (k === term + 1) {
      // SB6: "3.5"; SB7: "U.S".
      if (next === NUMERIC) return false;
      if (next === UPPER && term > start) {
        const before = sentenceClass(text.charCodeAt(term - 1));
        if (before === UPPER || before === LOWER) return false;
      }
    }
    // SB8: "etc. (3) of them": a lower-case letter before any other letter or terminator.
    let j = k;
    for (; j < end; j++) {
      const c = sentenceClass(text.charCodeAt(j));
      if (c !== OTHER && c !== SP && c !== NUMERIC && c !== CLOSE && c !== SCONTINUE) break;
    }
    if (j < end && sentenceClass(text.charCodeAt(j)) === LOWER) return false;
  }
  // SB8a: "Hva?!", "a. – b"; else SB11: a break.
  return next !== SCONTINUE && next !== ATERM && next !== STERM;
}
