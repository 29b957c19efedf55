import type { Anchor } from './anchored.ts';
import type { Word } from './words.ts';

// What each word of a text is for the anchors in use (see anchored.ts): one pass over the words, while they are fresh,
// reads for every anchor whether it accepts the word — by lexicon word sets looked up all at once as bits of a mask,
// and by each anchor's own test.

// The word sets of every anchor in use, looked up together: each anchor gets a bit for the words it accepts and one for
// those it accepts if `then` holds (only the bits it has words for), and one lookup per word and text gives the bits of
// all of them, instead of a lookup per word and anchor.
const exactBits = new Map<string, number>();
const lowerBits = new Map<string, number>();
// Anchors with lower-case sets accept every word of other than plain letters.
let unplainBits = 0;
let nextBit = 0;
let tableVersion = 0;
const BITS = 32;

/** The bits an anchor has in the masks. */
export interface Bits {
  /** The bits (0 when the anchor has no such words) and their numbers (-1 then). */
  accept: number;
  then: number;
  acceptIndex: number;
  thenIndex: number;
}
const anchorBits = new WeakMap<Anchor, Bits | null>();

/** The bits of an anchor, given at its first use; null when too few bits are left (then it is looked up itself). */
export function bitsOf(a: Anchor): Bits | null {
  let bits = anchorBits.get(a);
  if (bits === undefined) {
    const acceptNeeded = (a.exact?.size ?? 0) > 0 || a.lower !== undefined || a.thenLower !== undefined;
    const thenNeeded = (a.thenExact?.size ?? 0) > 0 || (a.thenLower?.size ?? 0) > 0;
    const needed = (acceptNeeded ? 1 : 0) + (thenNeeded ? 1 : 0);
    bits = null;
    if (nextBit + needed <= BITS) {
      const acceptIndex = acceptNeeded ? nextBit++ : -1;
      const thenIndex = thenNeeded ? nextBit++ : -1;
      bits = { accept: acceptIndex < 0 ? 0 : 1 << acceptIndex, then: thenIndex < 0 ? 0 : 1 << thenIndex, acceptIndex, thenIndex };
      const add = (table: Map<string, number>, filter: Uint8Array, words: ReadonlySet<string> | undefined, bit: number) => {
        for (const w of words ?? []) {
          table.set(w, (table.get(w) ?? 0) | bit);
          mark(filter, w);
        }
      };
      add(exactBits, exactFilter, a.exact, bits.accept);
      add(lowerBits, lowerFilter, a.lower, bits.accept);
      add(exactBits, exactFilter, a.thenExact, bits.then);
      add(lowerBits, lowerFilter, a.thenLower, bits.then);
      if (a.lower !== undefined || a.thenLower !== undefined) unplainBits |= bits.accept;
      if (a.test !== undefined) {
        testedIndex.set(a, tested.length);
        tested.push({ anchor: a, test: a.test, bits });
      }
      if (needed > 0 || a.test !== undefined) tableVersion++;
    }
    anchorBits.set(a, bits);
  }
  return bits;
}

// The anchors with a test (and bits), and the words each accepts in the last text: a test runs for every word, so all
// of them run in the one pass over the words that reads the masks, while the words are fresh. A test never scans.
const tested: { anchor: Anchor; test: (word: Word, text: string) => boolean; bits: Bits }[] = [];
const testedIndex = new WeakMap<Anchor, number>();
let testedLists: number[][] = [];

// The bits of the last text's words, and the words under each bit (and the table they were read from).
let masksText: string | null = null;
let masksVersion = -1;
let masks = new Int32Array(0);
let lists: number[][] = [];

function masksOf(text: string, words: readonly Word[]): Int32Array {
  if (text !== masksText || masksVersion !== tableVersion) {
    if (lowerCaseVersion !== tableVersion) lowerCaseBits = lowerCaseTable();
    masks = new Int32Array(words.length);
    lists = [];
    testedLists = tested.map(() => []);
    for (let i = 0; i < words.length; i++) {
      const w = words[i] as Word;
      // Most words are in lower case already: one lookup gives both of their bits. Most words are no key at all, and
      // the filters say so without hashing the word.
      let bits = 0;
      if (w.text === w.lower) {
        if (marked(lowerCaseFilter, w.text)) bits = lowerCaseBits.get(w.text) ?? 0;
      } else {
        if (marked(exactFilter, w.text)) bits = exactBits.get(w.text) ?? 0;
        if (marked(lowerFilter, w.lower)) bits |= lowerBits.get(w.lower) ?? 0;
      }
      const mask = bits | (w.plain ? 0 : unplainBits);
      masks[i] = mask;
      for (let m = mask; m !== 0; m &= m - 1) {
        const bit = 31 - Math.clz32(m & -m);
        (lists[bit] ??= []).push(i);
      }
      for (let k = 0; k < tested.length; k++) {
        const { anchor, test, bits: b } = tested[k] as (typeof tested)[number];
        if ((mask & b.accept) !== 0 || ((mask & b.then) !== 0 && anchor.then !== undefined && anchor.then(w, text)) || test(w, text)) (testedLists[k] as number[]).push(i);
      }
    }
    masksText = text;
    masksVersion = tableVersion;
  }
  return masks;
}

// The bits of a word written in lower case, `exactBits` and `lowerBits` of it together (and the table they were made from).
let lowerCaseBits = new Map<string, number>();
let lowerCaseVersion = -1;

function lowerCaseTable(): Map<string, number> {
  const table = new Map(lowerBits);
  for (const [word, bits] of exactBits) if (word === word.toLowerCase()) table.set(word, (table.get(word) ?? 0) | bits);
  lowerCaseFilter.fill(0);
  for (const word of table.keys()) mark(lowerCaseFilter, word);
  lowerCaseVersion = tableVersion;
  return table;
}

// For each table, a bit per shape of key (length, first and last code unit, folded into 16 bits): a word whose shape
// no key has is no key, which is told without hashing it (a lookup of a new string reads all of it and a big table).
const exactFilter = new Uint8Array(8192);
const lowerFilter = new Uint8Array(8192);
const lowerCaseFilter = new Uint8Array(8192);

const shapeOf = (s: string): number => ((s.length & 0x1f) << 11) | ((s.charCodeAt(0) & 0x3f) << 5) | (s.charCodeAt(s.length - 1) & 0x1f);

function mark(filter: Uint8Array, key: string): void {
  const i = shapeOf(key);
  filter[i >> 3] = (filter[i >> 3] as number) | (1 << (i & 7));
}

/** False when no key of the filter's table has the word's shape (then the word is none of them). */
function marked(filter: Uint8Array, word: string): boolean {
  const i = shapeOf(word);
  return ((filter[i >> 3] as number) & (1 << (i & 7))) !== 0;
}

/** For each bit, the indices of the words that carry it, in order. */
export function wordsByBit(text: string, words: readonly Word[]): readonly (readonly number[] | undefined)[] {
  masksOf(text, words);
  return lists;
}

/** The words an anchor with a test accepts (its bits or its test), read in the pass that reads the masks. */
export function testedWords(text: string, words: readonly Word[], anchor: Anchor): readonly number[] {
  masksOf(text, words);
  return testedLists[testedIndex.get(anchor) as number] as number[];
}
