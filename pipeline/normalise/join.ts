import { isCloserUnit, isDigitUnit, isLetterOrNumberCodePoint, isLetterUnit, isLowerUnit, isOpenerUnit, isUpperUnit, tailStart } from './chars.ts';
import type { TextKit } from './rules.ts';

/**
 * How a line continues the previous one: `space` (a line broken mid-sentence), `concat` (a word broken at a hyphen
 * that stays, "NAV-\nkontor"), `dehyphenate` (a word broken by end-of-line hyphenation; the hyphen goes), or null
 * (the line starts a new block).
 */
export type Join = 'space' | 'concat' | 'dehyphenate' | null;

const HYPHEN = 0x2d;
// The last word of a line: its letters, numbers and dots (`[\p{L}\p{N}.]+$`).
const inLastWord = (cp: number): boolean => cp === 0x2e || isLetterOrNumberCodePoint(cp);
const FIRST_WORD = /^\p{L}+/u;
/** "5 Næring og skatt", "2.13 Kultur": a numbered section title, which never continues the line before it. */
const SECTION_TITLE = /^\d{1,2}(?:\.\d{1,2})*\.? \p{Lu}[^.!?:]{0,80}$/u;

/** No lower-case letter and at least four capitals: a title or running header in capitals. */
export function isShouting(t: string): boolean {
  let capitals = 0;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (isLowerUnit(c)) return false;
    if (isUpperUnit(c)) capitals++;
  }
  return capitals >= 4;
}

/** Index of the first unit that is not an opening quote or bracket. */
function firstSignificant(t: string): number {
  let i = 0;
  while (i < t.length && isOpenerUnit(t.charCodeAt(i))) i++;
  return i;
}

/** Index of the last unit that is not a closing quote, bracket or emphasis star. */
function lastSignificant(t: string): number {
  let i = t.length - 1;
  while (i > 0 && isCloserUnit(t.charCodeAt(i))) i--;
  return i;
}

/** What the join decision needs to know about the previous line. */
export interface PrevLine {
  text: string;
  softHyphen: boolean;
  /** The line ended in a soft wrap that the converter marked with a trailing space (see `Line.trailingSpace`). */
  softWrap: boolean;
}

/**
 * Decide whether `next` continues `prev` (both cleaned, non-empty lines; `next` carries no list or heading marker and
 * `prev` is no markdown heading — the caller checks). `adjacent` is false when blank or dropped lines lie between.
 */
export function joinKind(previous: PrevLine, next: string, adjacent: boolean, kit: TextKit): Join {
  const prev = previous.text;
  const n0 = next.charCodeAt(0);
  const nLetter = isLetterUnit(n0);
  const p1 = prev.charCodeAt(prev.length - 1);

  if (previous.softHyphen) return nLetter ? 'concat' : null;

  // End-of-line hyphen after a letter: hyphenation, a kept compound hyphen, or a suspended compound.
  if (p1 === HYPHEN && prev.length >= 2 && isLetterUnit(prev.charCodeAt(prev.length - 2))) {
    if (!nLetter) return null;
    const word = FIRST_WORD.exec(next)?.[0]?.toLowerCase() ?? '';
    if (kit.suspendedFollowers.has(word)) return 'space';
    if (isLowerUnit(n0)) {
      const p2 = prev.charCodeAt(prev.length - 2);
      // "NAV-\nkontoret", "e-\npost" after an acronym keeps its hyphen.
      return isUpperUnit(p2) ? 'concat' : 'dehyphenate';
    }
    // "Sør-\nTrøndelag": only when nothing lies between, else it is a dash before a new line of text.
    return adjacent ? 'concat' : null;
  }

  const first = next.charCodeAt(firstSignificant(next));
  const last = prev.charCodeAt(lastSignificant(prev));
  // "Vi krever:" leads in to what follows; it is never continued on the same line.
  if (last === 0x3a) return null;
  if (isLowerUnit(first)) return 'space';
  // A sentence end followed by one trailing space is a soft wrap for some PDF converters (a hard paragraph end has
  // no space); only trusted after a sentence end, so a heading with a stray space is never glued to its text.
  if (last === 0x2e || last === 0x21 || last === 0x3f) return previous.softWrap ? 'space' : null;
  if (last === 0x2c || last === 0x3b) return 'space';
  // A numbered section title neither continues the line before nor is continued by a capitalised line.
  if (SECTION_TITLE.test(next) || SECTION_TITLE.test(prev)) return null;
  // An ALL-CAPS line after mixed-case text is a title or a running header, not the rest of a sentence.
  if (isShouting(next) && !isShouting(prev)) return null;
  const wordStart = tailStart(prev, inLastWord);
  const word = wordStart < prev.length ? prev.slice(wordStart).toLowerCase() : undefined;
  if (word !== undefined && kit.connectors.has(word) && (isLetterUnit(first) || isDigitUnit(first))) return 'space';
  return null;
}
