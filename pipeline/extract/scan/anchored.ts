import { bitsOf, testedWords, wordsByBit } from './word-bits.ts';
import { type Word, wordsOf } from './words.ts';

/**
 * Where a pattern can start: the words that can open a match. Big alternations (the registry, titles, names) cost
 * their whole alternation at every position of the text; tried only at the few words that can open a match, they
 * give the same matches for a fraction of the time. A word is accepted when any of the parts accepts it.
 */
export interface Anchor {
  /** Words as written. */
  exact?: ReadonlySet<string>;
  /** Words in lower case, for a case-insensitive pattern; a word of other than plain letters is always accepted. */
  lower?: ReadonlySet<string>;
  /** Words as written (`thenExact`) or in lower case (`thenLower`) accepted when `then` holds too (what follows them). */
  thenExact?: ReadonlySet<string>;
  thenLower?: ReadonlySet<string>;
  then?: (word: Word, text: string) => boolean;
  /** Any other words. */
  test?: (word: Word, text: string) => boolean;
  /** Instead of all the above: the words another anchor accepts for which `test` holds too (see `narrowed`). */
  narrow?: { of: Anchor; test: (word: Word, text: string) => boolean };
}

/**
 * The words `of` accepts that `test` accepts too: for a pattern that needs more than a word to start at (a title after
 * a name), tried only where that more is in reach. `test` must hold wherever the pattern can match.
 */
export const narrowed = (of: Anchor, test: (word: Word, text: string) => boolean): Anchor => ({ narrow: { of, test } });

/** A global pattern, and the same pattern sticky, tried only at the starts of the words its anchor accepts. */
export interface AnchoredPattern {
  /** The pattern as written (global); made at its first use, as only a pattern without anchor (and tests) scans with it. */
  readonly re: RegExp;
  sticky: RegExp;
  /** Null when the pattern cannot be anchored: it is then scanned as usual. */
  anchor: Anchor | null;
}

/** `flags` without the global and sticky flags. */
const baseFlags = (flags: string): string => flags.replace(/[gy]/g, '');

/**
 * Compile a global pattern that can only match at the start of a word `anchor` accepts: the pattern must begin with a
 * letter not preceded by a letter (a look-behind such as `(?<![\p{L}])` or `(?<![\p{L}\p{N}])`), and `anchor` must
 * accept every word a match can start at (it may accept more).
 */
export function anchored(source: string, flags: string, anchor: Anchor | null): AnchoredPattern {
  // A pattern is parsed when it is made, and the lexicon's are long: the global one is made only if it is used.
  let re: RegExp | null = null;
  const p: AnchoredPattern = {
    get re() {
      re ??= new RegExp(source, `${baseFlags(flags)}g`);
      return re;
    },
    sticky: new RegExp(source, `${baseFlags(flags)}y`),
    anchor,
  };
  compiled.push(p);
  // The anchor's bits are given now, with those of the patterns made beside it (a family is made at once): the words'
  // masks are read again each time bits are added, which, given at each anchor's first use, was dozens of times over
  // a thread's first document.
  if (anchor !== null && anchor.narrow === undefined) bitsOf(anchor);
  return p;
}

// Every anchored pattern made so far (they are made once per lexicon), so a test can check each against its scan.
const compiled: AnchoredPattern[] = [];

/** The anchored patterns compiled so far (for tests: each must find what `matchAll` finds). */
export const compiledPatterns = (): readonly AnchoredPattern[] => compiled;

/**
 * Every match of the pattern in the text, the same as `text.matchAll(p.re)` gives: leftmost first, each search
 * going on where the last match ended; only the positions tried are fewer.
 */
export function matchesIn(text: string, p: AnchoredPattern): RegExpExecArray[] {
  if (p.anchor === null) return [...text.matchAll(p.re)];
  const { sticky } = p;
  const words = wordsOf(text);
  const out: RegExpExecArray[] = [];
  let from = 0;
  for (const i of candidatesOf(text, words, p.anchor)) {
    const w = words[i] as Word;
    if (w.start < from) continue;
    sticky.lastIndex = w.start;
    const m = sticky.exec(text);
    if (m === null) continue;
    from = m.index + Math.max(1, m[0].length);
    out.push(m);
  }
  return out;
}

/** True when the anchor accepts some word of the text (a pattern that must match such a word cannot match otherwise). */
export function acceptsSome(text: string, anchor: Anchor): boolean {
  return candidatesOf(text, wordsOf(text), anchor).length > 0;
}

/** True when a word the anchor accepts starts in [from, to) of the text (a pattern it anchors can start there). */
export function acceptedBetween(text: string, anchor: Anchor, from: number, to: number): boolean {
  const words = wordsOf(text);
  const found = candidatesOf(text, words, anchor);
  const at = found[firstFrom(words, found, from)];
  return at !== undefined && (words[at] as Word).start < to;
}

/** Where the words the anchor accepts start in [from, to) of the text, in order. */
export function acceptedStarts(text: string, anchor: Anchor, from: number, to: number): number[] {
  const words = wordsOf(text);
  const found = candidatesOf(text, words, anchor);
  const out: number[] = [];
  for (let k = firstFrom(words, found, from); k < found.length; k++) {
    const start = (words[found[k] as number] as Word).start;
    if (start >= to) break;
    out.push(start);
  }
  return out;
}

/** The first position in `found` (word indices in order) of a word starting at or after `from` (binary search). */
function firstFrom(words: readonly Word[], found: readonly number[], from: number): number {
  let lo = 0;
  let hi = found.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((words[found[mid] as number] as Word).start < from) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

// The candidates of each anchor in the last text: several patterns share an anchor (the title patterns, the name
// patterns), and an anchor with a `test` costs a call per word of the text.
let candidatesText: string | null = null;
let candidatesWords: readonly Word[] | null = null;
const candidatesByAnchor = new Map<Anchor, readonly number[]>();

/** `candidates`, computed once per text and anchor. */
function candidatesOf(text: string, words: readonly Word[], anchor: Anchor): readonly number[] {
  if (text !== candidatesText || words !== candidatesWords) {
    candidatesByAnchor.clear();
    candidatesText = text;
    candidatesWords = words;
  }
  let found = candidatesByAnchor.get(anchor);
  if (found === undefined) {
    found = candidates(text, words, anchor);
    candidatesByAnchor.set(anchor, found);
  }
  return found;
}

/** The indices of the words the anchor accepts, in order. */
function candidates(text: string, words: readonly Word[], anchor: Anchor): readonly number[] {
  const { narrow } = anchor;
  if (narrow !== undefined) return candidatesOf(text, words, narrow.of).filter((i) => narrow.test(words[i] as Word, text));
  const bits = bitsOf(anchor);
  const out: number[] = [];
  if (bits === null) {
    for (let i = 0; i < words.length; i++) if (accepts(anchor, words[i] as Word, text)) out.push(i);
    return out;
  }
  const lists = wordsByBit(text, words);
  const { then, test } = anchor;
  if (test === undefined) {
    // Only the words listed under the anchor's two bits: merge them, those under the second when `then` holds.
    const accepted = (bits.acceptIndex < 0 ? undefined : lists[bits.acceptIndex]) ?? [];
    const maybe = (bits.thenIndex < 0 ? undefined : lists[bits.thenIndex]) ?? [];
    let a = 0;
    let b = 0;
    while (a < accepted.length || b < maybe.length) {
      const x = accepted[a] ?? Infinity;
      const y = maybe[b] ?? Infinity;
      if (x <= y) {
        out.push(x);
        a++;
        if (x === y) b++;
      } else {
        if (then !== undefined && then(words[y] as Word, text)) out.push(y);
        b++;
      }
    }
    return out;
  }
  // An anchor with a test is read in the pass that reads the masks (see word-bits.ts).
  return testedWords(text, words, anchor);
}

/** True when the anchor accepts the word. */
export function accepts(a: Anchor, w: Word, text: string): boolean {
  if (a.narrow !== undefined) return accepts(a.narrow.of, w, text) && a.narrow.test(w, text);
  if (a.exact?.has(w.text) || ((a.lower !== undefined || a.thenLower !== undefined) && !w.plain) || a.lower?.has(w.lower)) return true;
  if ((a.thenExact?.has(w.text) || a.thenLower?.has(w.lower)) && a.then !== undefined && a.then(w, text)) return true;
  return a.test !== undefined && a.test(w, text);
}
