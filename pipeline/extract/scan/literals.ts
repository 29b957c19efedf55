import type { Span } from '../../document.ts';
import { type Word, wordsOf } from './words.ts';
import { escapeRegExp } from '../../regexp.ts';

/** One occurrence of a literal form as a whole word. */
export interface FormHit {
  index: number;
  form: string;
  /** True when a genitive "s" follows the form. */
  genitive: boolean;
}

const LEADING_LETTERS = /^\p{L}*/u;
const LETTER_OR_DIGIT_BEFORE = /(?<=[\p{L}\p{N}])/uy;
const LETTER_OR_DIGIT_AFTER = /(?=[\p{L}\p{N}])/uy;

/** True when a letter or digit ends right before `i` (by code point, as a look-behind reads it). */
export function wordCharBefore(text: string, i: number): boolean {
  if (i <= 0) return false;
  // An ASCII character is told at once (most are); any other is read by the pattern.
  const c = text.charCodeAt(i - 1);
  if (c < 0x80) return isAsciiWordChar(c);
  LETTER_OR_DIGIT_BEFORE.lastIndex = i;
  return LETTER_OR_DIGIT_BEFORE.test(text);
}

/** True when a letter or digit starts at `i`. */
export function wordCharAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 0x80) return isAsciiWordChar(c);
  LETTER_OR_DIGIT_AFTER.lastIndex = i;
  return LETTER_OR_DIGIT_AFTER.test(text);
}

/** The ASCII letters and digits: the ASCII characters of [\p{L}\p{N}]. */
const isAsciiWordChar = (c: number): boolean => (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);

/** A word with its hyphenated parts (see hyphenatedWords), and the word itself when it has no such parts. */
export interface HyphenatedWord extends Span {
  single: Word | null;
}

/**
 * Words with their hyphenated parts ("Nav-kontoret", "Olje-"): what `(?<![\p{L}\p{N}])\p{L}[\p{L}-]*\p{L}` finds,
 * built from the words of the text: a word not glued to a digit, and every word joined to it by hyphens; two letters
 * at least.
 */
export function hyphenatedWords(text: string): Span[] {
  return hyphenatedWordsIn(text).map((h) => ({ start: h.start, end: h.end }));
}

/**
 * The same as `hyphenatedWords`, each with its word when it is a single one (whose lower case is then at hand); a
 * single word is left out when `keep` rejects it (a reader that wants few of them need not get all).
 */
export function hyphenatedWordsIn(text: string, keep?: (word: Word) => boolean): HyphenatedWord[] {
  const words = wordsOf(text);
  const out: HyphenatedWord[] = [];
  let from = 0;
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as Word;
    if (w.start < from || wordCharBefore(text, w.start)) continue;
    let end = w.end;
    let j = i;
    for (;;) {
      let k = end;
      while (text.charCodeAt(k) === HYPHEN) k++;
      const next = words[j + 1];
      if (k === end || next === undefined || next.start !== k) break;
      end = next.end;
      j++;
    }
    if (j === i && codePoints(w.text) < 2) continue;
    if (j === i && keep !== undefined && !keep(w)) continue;
    out.push({ start: w.start, end, single: j === i ? w : null });
    from = end;
  }
  return out;
}

const HYPHEN = 0x2d;
const codePoints = (s: string): number => (s.length === 2 && s.charCodeAt(0) >= 0xd800 && s.charCodeAt(0) <= 0xdbff ? 1 : s.length);

/**
 * Every occurrence of the forms (literal, each opening with a letter) as whole words, maybe with a genitive "s": what
 * `(?<![\p{L}\p{N}])(F1|F2|…)(s)?(?![\p{L}\p{N}])` finds with the forms in the given order, without building a
 * pattern per document. Forms are tried in order at each word, the genitive first, as the pattern backtracks.
 */
export function formsIn(text: string, forms: readonly string[]): FormHit[] {
  const firsts = new Set(forms.map((f) => LEADING_LETTERS.exec(f)?.[0] ?? ''));
  if (firsts.has('')) return formsByPattern(text, forms);
  // The first characters of the forms: most words start otherwise, which is told without looking the word up.
  const openers = new Set([...firsts].map((f) => f.charCodeAt(0)));
  const out: FormHit[] = [];
  const words = wordsOf(text);
  let from = 0;
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as Word;
    if (w.start < from || !openers.has(text.charCodeAt(w.start))) continue;
    if (!(firsts.has(w.text) || (w.text.endsWith('s') && firsts.has(w.text.slice(0, -1))))) continue;
    if (wordCharBefore(text, w.start)) continue;
    const hit = formAt(text, w.start, forms);
    if (hit === null) continue;
    out.push(hit);
    from = hit.index + hit.form.length + (hit.genitive ? 1 : 0);
  }
  return out;
}

/** The same as `formsIn`, by the pattern itself (for forms that do not open with a letter). */
function formsByPattern(text: string, forms: readonly string[]): FormHit[] {
  const re = new RegExp(`(?<![\\p{L}\\p{N}])(${forms.map(escapeRegExp).join('|')})(s)?(?![\\p{L}\\p{N}])`, 'gu');
  return [...text.matchAll(re)].map((m) => ({ index: m.index, form: m[1] as string, genitive: m[2] !== undefined }));
}

/** The first form (in order) that stands at `at` as a whole word, with a genitive "s" if one follows. */
function formAt(text: string, at: number, forms: readonly string[]): FormHit | null {
  for (const form of forms) {
    if (!text.startsWith(form, at)) continue;
    const end = at + form.length;
    if (text.charCodeAt(end) === 0x73 && !wordCharAt(text, end + 1)) return { index: at, form, genitive: true };
    if (!wordCharAt(text, end)) return { index: at, form, genitive: false };
  }
  return null;
}
