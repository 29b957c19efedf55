/**
 * Text helpers shared by the gold checks and the scorer. Both sides are compared after the same
 * normalisation, so a quote written on one line still matches a source that breaks it over two.
 */

// A hyphen at the end of a line between two letters is PDF hyphenation ("fødetil-\nbudet"), not a dash.
const LINE_HYPHEN = /(\p{L})-[ \t]*\r?\n\s*(?=\p{L})/gu;
const WORD = /[\p{L}\p{N}]+/gu;

/** NFC, hyphenated line breaks joined, every whitespace run (incl. NBSP) collapsed to one space, trimmed. */
export function flatten(text: string): string {
  return text.normalize('NFC').replace(LINE_HYPHEN, '$1').replace(/\s+/g, ' ').trim();
}

/** The lowercase letter/digit tokens of a text after `flatten`; punctuation and markup are not words. */
export function words(text: string): string[] {
  return Array.from(flatten(text).toLowerCase().matchAll(WORD), (m) => m[0]);
}

/** Key under which two actor names count as equal: NFC, typographic apostrophes straightened, whitespace collapsed, lowercase. */
export function nameKey(name: string): string {
  return name.normalize('NFC').replace(/[\u2019\u02bc]/g, "'").replace(/\s+/g, ' ').trim().toLowerCase();
}

/** True when `needle` occurs in `haystack` (both already flattened) with no letter or digit glued to either end. */
export function occursAsToken(haystack: string, needle: string): boolean {
  const glued = /[\p{L}\p{N}]/u;
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + 1)) {
    const before = haystack[at - 1];
    const after = haystack[at + needle.length];
    if ((before === undefined || !glued.test(before)) && (after === undefined || !glued.test(after))) return true;
  }
  return false;
}
