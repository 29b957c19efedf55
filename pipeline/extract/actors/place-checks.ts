import { type Anchor, acceptedBetween } from '../scan/anchored.ts';
import { wordEndingAt, wordStartingAt, wordsOf } from '../scan/words.ts';

// Cheap tests that tell where the place patterns of branches.ts cannot match, so they are run only where they can:
// right after a name ("FO Vestfold og Telemark") and right before one ("Oslo Arbeiderparti").

const LAST_LETTERS = /\p{L}+$/u;

/** The last run of letters of each form; null when a form does not end in a letter. */
export function lastWords(forms: readonly string[]): ReadonlySet<string> | null {
  const out = new Set<string>();
  for (const f of forms) {
    const last = LAST_LETTERS.exec(f)?.[0];
    if (last === undefined) return null;
    out.add(last);
  }
  return out;
}

const isSpaceOrTab = (c: number): boolean => c === 0x20 || c === 0x09;

/**
 * False when the `after` pattern of branches.ts cannot match the text [end, limit): it needs spaces or tabs, maybe "i" and more of them, and then a
 * place, which starts at a word the place anchor accepts. A first word the window cuts is left to the pattern.
 */
export function placeMayFollow(text: string, end: number, limit: number, anchor: Anchor | null): boolean {
  if (anchor === null) return true;
  let q = end;
  while (q < limit && isSpaceOrTab(text.charCodeAt(q))) q++;
  if (q === end) return false;
  const startsPlace = (at: number): boolean => {
    const w = wordStartingAt(wordsOf(text), at);
    return w !== null && (w.end > limit || acceptedBetween(text, anchor, at, at + 1));
  };
  if (startsPlace(q)) return true;
  const c = text.charCodeAt(q);
  if ((c !== 0x69 && c !== 0x49) || !isSpaceOrTab(text.charCodeAt(q + 1))) return false;
  let r = q + 1;
  while (r < limit && isSpaceOrTab(text.charCodeAt(r))) r++;
  return startsPlace(r);
}

/**
 * False when the `before` pattern of branches.ts cannot match the text [from, start): it needs a place right before the spaces that end it, so
 * the word there must be a place's last word. A word the window cuts is left to the pattern.
 */
export function placeMayPrecede(text: string, from: number, start: number, ends: ReadonlySet<string> | null): boolean {
  if (ends === null) return true;
  let e = start;
  while (e > from && isSpaceOrTab(text.charCodeAt(e - 1))) e--;
  if (e === start) return false;
  const w = wordEndingAt(wordsOf(text), e);
  return w !== null && (w.start < from || ends.has(w.text));
}
