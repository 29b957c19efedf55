import { isCloserUnit, isDigitUnit, isLetterOrNumberCodePoint, isLetterUnit, isLowerUnit, isOpenerUnit, isUpperUnit, tailStart } from './chars.ts';
import { endsLikeLeadIn, type TextKit } from './rules.ts';

/** An ALL-CAPS title line: enough letters, none of them lower case, and not a lead-in ending in ":". */
export function isAllCapsTitle(t: string, kit: TextKit): boolean {
  if (t.length > kit.headings.allCapsMaxChars || t.endsWith(':')) return false;
  let letters = 0;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (isLowerUnit(c)) return false;
    if (isUpperUnit(c)) letters++;
  }
  return letters >= kit.headings.allCapsMinLetters;
}

/**
 * A line shaped like a heading: short, starting with a capital or a section number, without final sentence
 * punctuation, and not ending like a lead-in ("SV vil") or mid-phrase ("… og"). Whether it is one also depends on
 * what follows (see blocks.ts).
 */
export function isShortTitle(t: string, kit: TextKit): boolean {
  if (t.length === 0 || t.length > kit.headings.maxChars) return false;
  let words = 1;
  let hasLetter = false;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c === 0x20) words++;
    else if (!hasLetter && isLetterUnit(c)) hasLetter = true;
  }
  if (!hasLetter || words > kit.headings.maxWords) return false;

  let f = 0;
  while (f < t.length - 1 && isOpenerUnit(t.charCodeAt(f))) f++;
  const first = t.charCodeAt(f);
  if (!isUpperUnit(first) && !isDigitUnit(first)) return false;

  let l = t.length - 1;
  while (l > 0 && isCloserUnit(t.charCodeAt(l))) l--;
  const last = t.charCodeAt(l);
  // . ! ? : ; , and the ellipsis end sentences or lead in; a heading has none of them.
  if (last === 0x2e || last === 0x21 || last === 0x3f || last === 0x3a || last === 0x3b || last === 0x2c || last === 0x2026) {
    return false;
  }

  // The last word in lower case (`[\p{L}\p{N}]+$` of the lowered line).
  const lower = t.toLowerCase();
  const wordStart = tailStart(lower, isLetterOrNumberCodePoint);
  const word = wordStart < lower.length ? lower.slice(wordStart) : undefined;
  if (word !== undefined && kit.connectors.has(word)) return false;
  return !endsLikeLeadIn(t, kit);
}
