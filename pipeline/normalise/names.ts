import { isAllCapsTitle, isShortTitle } from './line-shape.ts';
import { isLetterOrNumberCodePoint, isLetterUnit, isDigitUnit, isLowerUnit, isUpperUnit, tailStart } from './chars.ts';
import { LineKind } from './furniture.ts';
import { isShouting } from './join.ts';
import type { Line } from './lines.ts';
import { matchMarker } from './markers.ts';
import { endsLikeLeadIn, type TextKit } from './rules.ts';

/**
 * How the words of one document are used, counted over its text lines: the evidence for telling a line that
 * continues a sentence with a name ("… fra FNs" / "Høykommissær for flyktninger …") from one that starts anew.
 */
export interface WordUse {
  /** Most adjacent text lines continue in lower case: the document wraps running text over lines. */
  wraps: boolean;
  /** How long a wrapped line runs (the 90th percentile of lines continued in lower case), in UTF-16 units. */
  width: number;
  /** How each word, as written, is used; a word never seen has no entry (all counts 0). */
  words: Map<string, WordCounts>;
}

/** How often one word is used each way. */
export interface WordCounts {
  /** Capitalised right after a word on the same line (mid-sentence: a name). */
  capitalisedInside: number;
  /** Capitalised at the start of a line or after sentence punctuation. */
  capitalisedFirst: number;
  /** In lower case right after a word (looked up by the lower-case form). */
  lowerInside: number;
  /** Followed by another word with nothing but a space or a wrapped line break between. */
  followed: number;
  /** Before . ! ? : ; or at the end of a line that a list item follows: the end of a sentence or item. */
  final: number;
}

// The share of adjacent text lines that continue in lower case above which the document wraps its text; pages of
// unwrapped lines (markdown, web text: a paragraph or list item per line) stay far below it.
const WRAPPED_SHARE = 0.3;
// Fewer adjacent pairs than this say nothing about wrapping.
const MIN_PAIRS = 8;
// Share of the wrap width beyond which a line is full (proportional fonts make character counts vary).
const FULL_LINE = 0.95;

const FIRST_WORD = /^[\p{L}\p{N}][\p{L}\p{N}-]*/u;
const HYPHEN = 0x2d;

/** Whether t[from, to) holds one of . ! ? : ; (a sentence or clause end between two words). */
function hasSentencePunct(t: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = t.charCodeAt(i);
    if (c === 0x2e || c === 0x21 || c === 0x3f || c === 0x3a || c === 0x3b) return true;
  }
  return false;
}

const inWord = (cp: number): boolean => cp === HYPHEN || isLetterOrNumberCodePoint(cp);

/** The word that ends a line, hyphens inside it included (`[\p{L}\p{N}][\p{L}\p{N}-]*$`), or undefined. */
function lastWord(t: string): string | undefined {
  let k = tailStart(t, inWord);
  while (k < t.length && t.charCodeAt(k) === HYPHEN) k++;
  return k < t.length ? t.slice(k) : undefined;
}

/** How many times `word` is used the way `how` says (0 for a word never seen). */
const count = (use: WordUse, word: string, how: keyof WordCounts): number => use.words.get(word)?.[how] ?? 0;

/** Count how the words of the document's text lines are used (see `WordUse`). */
export function countWordUse(lines: readonly Line[], kinds: Uint8Array, kit: TextKit): WordUse {
  const use: WordUse = { wraps: false, width: 0, words: new Map() };
  let pairs = 0;
  const wrapped: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i];
    const before = lines[i - 1];
    if (line === undefined || before === undefined || kinds[i] !== LineKind.Text || kinds[i - 1] !== LineKind.Text) continue;
    pairs++;
    if (isLowerUnit(line.text.charCodeAt(0))) wrapped.push(before.text.length);
  }
  use.wraps = pairs >= MIN_PAIRS && wrapped.length >= WRAPPED_SHARE * pairs;
  wrapped.sort((a, b) => a - b);
  use.width = wrapped[Math.floor(0.9 * wrapped.length)] ?? 0;
  // The words matter only where lines wrap.
  if (!use.wraps) return use;
  const { words } = use;
  // One entry per distinct word, looked up once per occurrence.
  const countsOf = (w: string): WordCounts => {
    let c = words.get(w);
    if (c === undefined) {
      c = { capitalisedInside: 0, capitalisedFirst: 0, lowerInside: 0, followed: 0, final: 0 };
      words.set(w, c);
    }
    return c;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line === undefined || kinds[i] !== LineKind.Text) continue;
    const t = line.text;
    // One pass over the units (this runs over whole documents): words and the gaps between them.
    let prev: WordCounts | null = null;
    let gapStart = 0;
    let k = 0;
    while (k < t.length) {
      const c = t.charCodeAt(k);
      if (!isLetterUnit(c) && !isDigitUnit(c)) {
        k++;
        continue;
      }
      let e = k + 1;
      while (e < t.length) {
        const d = t.charCodeAt(e);
        if (!isLetterUnit(d) && !isDigitUnit(d) && d !== HYPHEN) break;
        e++;
      }
      const w = countsOf(t.slice(k, e));
      if (prev === null) {
        if (isUpperUnit(c)) w.capitalisedFirst++;
      } else if (k - gapStart === 1 && t.charCodeAt(gapStart) === 0x20) {
        prev.followed++;
        if (isUpperUnit(c)) w.capitalisedInside++;
        else if (isLowerUnit(c)) w.lowerInside++;
      } else if (hasSentencePunct(t, gapStart, k)) {
        prev.final++;
        if (isUpperUnit(c)) w.capitalisedFirst++;
      }
      prev = w;
      gapStart = e;
      k = e;
    }
    if (prev === null) continue;
    const next = lines[i + 1];
    const nextKind = kinds[i + 1];
    const nextText = next !== undefined && (nextKind === LineKind.Text || nextKind === LineKind.LoneMarker) ? next.text : '';
    if (hasSentencePunct(t, gapStart, t.length)) prev.final++;
    else if (gapStart === t.length && nextText !== '') {
      // The next line goes on in lower case (a wrap), or an item follows (the end of the previous one).
      if (isLowerUnit(nextText.charCodeAt(0))) prev.followed++;
      else if (matchMarker(nextText, kit) !== null) prev.final++;
    }
  }
  return use;
}

/**
 * Whether `next` (a capitalised line after `prev`, which ends without punctuation) continues the sentence with a
 * name, so the line break is a wrap and not a block start: in a document that wraps its text, `prev` ends with a
 * word that never ends a sentence there but is followed by words, `block()` (the text of the block so far) is no
 * heading or lead-in, and either `prev` ends with the genitive of a name the document uses ("FNs", "Statens") or
 * the first word of `next` is a name by the document's own usage — capitalised inside sentences at least twice and
 * more often than in lower case or at a sentence start, or seen neither in lower case nor at another sentence
 * start ("Rikshospitalets", "NATO-land").
 */
export function continuesWithName(block: () => string, prev: string, next: string, use: WordUse, kit: TextKit): boolean {
  if (!use.wraps) return false;
  const p1 = prev.charCodeAt(prev.length - 1);
  if (!isLetterUnit(p1) && !isDigitUnit(p1)) return false;
  if (!isUpperUnit(next.charCodeAt(0)) || isShouting(next)) return false;
  if (endsLikeLeadIn(prev, kit)) return false;
  const last = lastWord(prev);
  const first = FIRST_WORD.exec(next)?.[0];
  if (last === undefined || first === undefined) return false;
  if (count(use, last, 'final') > 0 || count(use, last, 'followed') === 0) return false;
  // A block shaped like a heading is running text only when its line is full: the next word did not fit on it.
  const text = block();
  const full = prev.length + 1 + first.length >= FULL_LINE * use.width;
  if (!full && (isShortTitle(text, kit) || isAllCapsTitle(text, kit))) return false;
  // "fra FNs" / "Høykommissær …": the genitive of a name the document uses needs the noun it governs.
  if (isUpperUnit(last.charCodeAt(0)) && last.length >= 3 && last.endsWith('s')) {
    const stem = last.slice(0, -1);
    if (count(use, stem, 'capitalisedInside') + count(use, stem, 'capitalisedFirst') > 0) return true;
  }
  const inside = count(use, first, 'capitalisedInside');
  const lowerInside = count(use, first.toLowerCase(), 'lowerInside');
  const atStart = count(use, first, 'capitalisedFirst');
  if (inside >= 2 && inside > lowerInside && inside >= atStart) return true;
  // This line's own start is one sentence start already.
  return lowerInside === 0 && atStart <= 1;
}
