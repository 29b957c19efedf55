// Character classes on UTF-16 code units, with fast paths for ASCII and Latin-1 because they are tested once per
// character of every document.

const LOWER = /\p{Ll}/u;
const UPPER = /[\p{Lu}\p{Lt}]/u;
const LETTER = /\p{L}/u;
const MARK = /\p{M}/u;
const PUNCT = /[\p{P}\p{S}]/u;
const NUMBER = /\p{N}/u;

/** Horizontal whitespace, including no-break and typographic spaces: collapsed to one ASCII space. */
export const isSpaceUnit = (c: number): boolean =>
  c === 0x20 || c === 0x09 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x205f || c === 0x3000;

/** The same as `/\s/.test` of one code unit: ECMAScript white space and line terminators. */
export function isRegExpSpaceUnit(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Line and page breaks: LF, CR (alone or in CRLF), form feed, vertical tab, NEL, LS, PS. */
export const isBreakUnit = (c: number): boolean =>
  c === 0x0a || c === 0x0d || c === 0x0c || c === 0x0b || c === 0x85 || c === 0x2028 || c === 0x2029;

/** Units that carry no text: control characters, soft hyphen, zero-width space, word joiner, BOM, direction marks. */
export const isInvisibleUnit = (c: number): boolean =>
  (c < 0x20 && c !== 0x09 && !isBreakUnit(c)) ||
  (c >= 0x7f && c <= 0x9f && c !== 0x85) ||
  c === 0xad ||
  c === 0x200b ||
  c === 0x200e ||
  c === 0x200f ||
  c === 0x2060 ||
  c === 0xfeff;

/** Whether a code point is a combining mark (general category M). */
export const isMarkCodePoint = (cp: number): boolean =>
  cp >= 0x300 && ((cp <= 0x36f) || MARK.test(String.fromCodePoint(cp)));

/** Single units whose NFC form is themselves: Latin, general punctuation, arrows, box and bullet symbols, private use. */
export const isNfcStableUnit = (c: number): boolean =>
  c < 0x300 ||
  (c >= 0x2010 && c <= 0x205e) ||
  (c >= 0x2190 && c <= 0x2328) ||
  (c >= 0x2500 && c <= 0x27ff) ||
  (c >= 0xe000 && c <= 0xf8ff);

/** First half of a surrogate pair. */
export const isHighSurrogate = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
/** Second half of a surrogate pair. */
export const isLowSurrogate = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;

/** Lower-case letter (a–z, æøå and the rest of Latin-1, then Unicode Ll). */
export function isLowerUnit(c: number): boolean {
  if (c >= 0x61 && c <= 0x7a) return true;
  if (c < 0xc0) return c === 0xb5 || c === 0xaa || c === 0xba;
  if (c <= 0xff) return c >= 0xdf && c !== 0xf7;
  return LOWER.test(String.fromCharCode(c));
}

/** Upper-case or title-case letter. */
export function isUpperUnit(c: number): boolean {
  if (c >= 0x41 && c <= 0x5a) return true;
  if (c < 0xc0) return false;
  if (c <= 0xff) return c <= 0xde && c !== 0xd7;
  return UPPER.test(String.fromCharCode(c));
}

/** Any letter (BMP; astral letters are rare enough in Norwegian text to count as non-letters). */
export function isLetterUnit(c: number): boolean {
  if ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a)) return true;
  if (c < 0xc0) return c === 0xaa || c === 0xb5 || c === 0xba;
  if (c <= 0xff) return c !== 0xd7 && c !== 0xf7;
  return LETTER.test(String.fromCharCode(c));
}

/** ASCII digit. */
export const isDigitUnit = (c: number): boolean => c >= 0x30 && c <= 0x39;

/** Punctuation or symbol (for markdown flanking rules). */
export function isPunctUnit(c: number): boolean {
  if (c < 0x80) {
    return (c >= 0x21 && c <= 0x2f) || (c >= 0x3a && c <= 0x40) || (c >= 0x5b && c <= 0x60) || (c >= 0x7b && c <= 0x7e);
  }
  return PUNCT.test(String.fromCharCode(c));
}

/** Closing quotes and brackets that may follow a sentence's final punctuation: `barn.»`, `(KOSST).`. */
export const isCloserUnit = (c: number): boolean =>
  c === 0x29 || c === 0x5d || c === 0xbb || c === 0x201d || c === 0x2019 || c === 0x22 || c === 0x27 || c === 0x2a || c === 0x203a;

/** Opening quotes and brackets that may precede a line's first word. */
export const isOpenerUnit = (c: number): boolean =>
  c === 0x28 || c === 0x5b || c === 0xab || c === 0x201c || c === 0x2018 || c === 0x22 || c === 0x27 || c === 0x201e || c === 0x2039;

/** A unit below U+0300 that is neither space, invisible nor a line break: printable ASCII and Latin, most of any text. */
export const isPlainVisibleUnit = (c: number): boolean => (c > 0x20 && c < 0x7f) || (c > 0xa0 && c < 0x300 && c !== 0xad);

/** A letter or number code point, as `[\p{L}\p{N}]` with the `u` flag tests it (astral code points included). */
export function isLetterOrNumberCodePoint(cp: number): boolean {
  if (cp < 0x80) return (cp >= 0x61 && cp <= 0x7a) || (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x30 && cp <= 0x39);
  // Latin-1 numbers: superscripts ² ³ ¹ and the fractions ¼ ½ ¾.
  if (cp <= 0xff) return isLetterUnit(cp) || cp === 0xb2 || cp === 0xb3 || cp === 0xb9 || (cp >= 0xbc && cp <= 0xbe);
  const s = String.fromCodePoint(cp);
  return LETTER.test(s) || NUMBER.test(s);
}

/**
 * Start of the longest tail of `t` made of code points that pass `test` (`t.length` when the last one fails): where
 * a regex `[…]+$` with the `u` flag would match, found from the end instead of by trying every start in the line.
 */
export function tailStart(t: string, test: (cp: number) => boolean): number {
  let i = t.length;
  while (i > 0) {
    const c = t.charCodeAt(i - 1);
    let cp = c;
    let width = 1;
    if (isLowSurrogate(c) && i >= 2) {
      const h = t.charCodeAt(i - 2);
      if (isHighSurrogate(h)) {
        cp = (h - 0xd800) * 0x400 + (c - 0xdc00) + 0x10000;
        width = 2;
      }
    }
    if (!test(cp)) break;
    i -= width;
  }
  return i;
}
