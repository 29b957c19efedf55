import { isRegExpSpaceUnit } from '../../normalise/chars.ts';
import type { Anchor } from './anchored.ts';
import { PLAIN, type Word } from './words.ts';

// Anchors for alternations of literal forms (lexicon words and names): the words such a pattern can start at.

/** The first letters-only part of a literal form ("arbeids- og …" → "arbeids"). */
export const firstRun = (form: string): string => LEADING_LETTERS.exec(form.trim())?.[0] ?? '';

// Regex literals are made anew at each evaluation; the ones used per word or match are made once, here and elsewhere.
const LEADING_LETTERS = /^\p{L}*/u;

/**
 * The words that open an alternation of literal forms matched with their case, each form's first letter in either
 * case (roles' titles): the first part of each form as written, with its first letter in both cases. Null when a
 * form opens with something other than a letter, or with a letter whose other case is not one letter.
 */
export function firstWordsEitherCase(forms: readonly string[]): Set<string> | null {
  const keys = new Set<string>();
  for (const f of forms) {
    const run = firstRun(f);
    const first = run.charAt(0);
    if (run === '' || first.toLowerCase().length !== 1 || first.toUpperCase().length !== 1) return null;
    keys.add(first.toLowerCase() + run.slice(1));
    keys.add(first.toUpperCase() + run.slice(1));
  }
  return keys;
}

/**
 * What must follow a form's first word in the text: spaces (and maybe the form's next word), one character, or nothing
 * that can be told without the pattern (`char` null: a sign that may match another when case is ignored).
 */
type Follow = { space: true; next: string | null } | { space: false; char: number | null };

/**
 * An anchor for an alternation of literal forms, each maybe followed by a genitive "s" (the pattern may read a space
 * in a form as any run of white space): the word is a one-word form or one with an "s" added, or the first word of a
 * longer form followed by what comes next in that form — spaces and its next word, or a hyphen or other sign.
 * Case-insensitive matching compares lower case, which is exact for plain Latin letters only, so any other word is
 * accepted. Null when a form opens with something else than letters (or, case-insensitive, with letters that are not
 * plain).
 */
export function formsAnchor(forms: Iterable<string>, caseInsensitive: boolean): Anchor | null {
  const single = new Set<string>();
  const longer = new Map<string, Follow[]>();
  const key = (s: string) => (caseInsensitive ? s.toLowerCase() : s);
  for (const form of forms) {
    const f = form.trim();
    const run = firstRun(f);
    if (run === '' || (caseInsensitive && !PLAIN.test(run))) return null;
    if (run === f) {
      // A one-word form, and the same with a genitive "s" glued on.
      for (const k of [key(run), key(`${run}s`), ...(caseInsensitive ? [] : [`${run}S`])]) single.add(k);
      continue;
    }
    const c = f.charCodeAt(run.length);
    const next = LEADING_LETTERS.exec(f.slice(run.length).trimStart())?.[0] ?? '';
    // Only ASCII signs surely match just themselves when case is ignored.
    const follow: Follow = isRegExpSpaceUnit(c)
      ? { space: true, next: next === '' || (caseInsensitive && !PLAIN.test(next)) ? null : key(next) }
      : { space: false, char: caseInsensitive && c > 0x7f ? null : c };
    longer.set(key(run), [...(longer.get(key(run)) ?? []), follow]);
  }
  const then = (w: Word, text: string): boolean => {
    const list = longer.get(caseInsensitive ? w.lower : w.text);
    return list !== undefined && list.some((f) => (f.space ? spaceThen(w, text, f.next, caseInsensitive) : f.char === null || text.charCodeAt(w.end) === f.char));
  };
  const firsts = new Set(longer.keys());
  return caseInsensitive ? { lower: single, thenLower: firsts, then } : { exact: single, thenExact: firsts, then };
}

/** True when white space follows the word and then, if `next` is given, a word that starts with it. */
function spaceThen(w: Word, text: string, next: string | null, caseInsensitive: boolean): boolean {
  if (!isRegExpSpaceUnit(text.charCodeAt(w.end))) return false;
  if (next === null) return true;
  const n = w.next;
  if (n === null) return false;
  for (let i = w.end; i < n.start; i++) if (!isRegExpSpaceUnit(text.charCodeAt(i))) return false;
  if (!caseInsensitive) return n.text.startsWith(next);
  return !n.plain || n.lower.startsWith(next);
}
