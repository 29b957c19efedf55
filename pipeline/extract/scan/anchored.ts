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
}

/** A global pattern, and the same pattern sticky, tried only at the starts of the words its anchor accepts. */
export interface AnchoredPattern {
  /** The pattern as written (global). */
  re: RegExp;
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
  const p = { re: new RegExp(source, `${baseFlags(flags)}g`), sticky: new RegExp(source, `${baseFlags(flags)}y`), anchor };
  compiled.push(p);
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
  for (const i of candidates(text, words, p.anchor)) {
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

/** The indices of the words the anchor accepts, in order. */
function candidates(text: string, words: readonly Word[], anchor: Anchor): readonly number[] {
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
    const accepted = lists[bits.acceptIndex] ?? [];
    const maybe = lists[bits.thenIndex] ?? [];
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
  const masks = masksOf(text, words);
  for (let i = 0; i < words.length; i++) {
    const mask = masks[i] as number;
    const w = words[i] as Word;
    if ((mask & bits.accept) !== 0 || ((mask & bits.then) !== 0 && then !== undefined && then(w, text)) || test(w, text)) out.push(i);
  }
  return out;
}

/** True when the anchor accepts the word. */
export function accepts(a: Anchor, w: Word, text: string): boolean {
  if (a.exact?.has(w.text) || ((a.lower !== undefined || a.thenLower !== undefined) && !w.plain) || a.lower?.has(w.lower)) return true;
  if ((a.thenExact?.has(w.text) || a.thenLower?.has(w.lower)) && a.then !== undefined && a.then(w, text)) return true;
  return a.test !== undefined && a.test(w, text);
}

// The word sets of every anchor in use, looked up together: each anchor gets two bits (accept, and accept if `then`
// holds), and one lookup per word and text gives the bits of all of them, instead of a lookup per word and anchor.
const exactBits = new Map<string, number>();
const lowerBits = new Map<string, number>();
// Anchors with lower-case sets accept every word of other than plain letters.
let unplainBits = 0;
let nextBit = 0;
let tableVersion = 0;
interface Bits {
  accept: number;
  then: number;
  acceptIndex: number;
  thenIndex: number;
}
const anchorBits = new WeakMap<Anchor, Bits | null>();

/** The two bits of an anchor, given at its first use; null when all bits are taken (then it is looked up itself). */
function bitsOf(a: Anchor): Bits | null {
  let bits = anchorBits.get(a);
  if (bits === undefined) {
    bits = nextBit + 2 > 31 ? null : { accept: 1 << nextBit, then: 1 << (nextBit + 1), acceptIndex: nextBit, thenIndex: nextBit + 1 };
    if (bits !== null) {
      nextBit += 2;
      const add = (table: Map<string, number>, words: ReadonlySet<string> | undefined, bit: number) => {
        for (const w of words ?? []) table.set(w, (table.get(w) ?? 0) | bit);
      };
      add(exactBits, a.exact, bits.accept);
      add(lowerBits, a.lower, bits.accept);
      add(exactBits, a.thenExact, bits.then);
      add(lowerBits, a.thenLower, bits.then);
      if (a.lower !== undefined || a.thenLower !== undefined) unplainBits |= bits.accept;
      tableVersion++;
    }
    anchorBits.set(a, bits);
  }
  return bits;
}

// The bits of the last text's words, and the words under each bit (and the table they were read from).
let masksText: string | null = null;
let masksVersion = -1;
let masks = new Int32Array(0);
let lists: number[][] = [];

function masksOf(text: string, words: readonly Word[]): Int32Array {
  if (text !== masksText || masksVersion !== tableVersion) {
    masks = new Int32Array(words.length);
    lists = [];
    for (let i = 0; i < words.length; i++) {
      const w = words[i] as Word;
      const mask = (exactBits.get(w.text) ?? 0) | (lowerBits.get(w.lower) ?? 0) | (w.plain ? 0 : unplainBits);
      masks[i] = mask;
      for (let m = mask; m !== 0; m &= m - 1) {
        const bit = 31 - Math.clz32(m & -m);
        (lists[bit] ??= []).push(i);
      }
    }
    masksText = text;
    masksVersion = tableVersion;
  }
  return masks;
}

/** For each bit, the indices of the words that carry it, in order. */
function wordsByBit(text: string, words: readonly Word[]): readonly (readonly number[] | undefined)[] {
  masksOf(text, words);
  return lists;
}
