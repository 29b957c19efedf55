import type { Lexicon } from '../../lexicon/load.ts';
import type { Topic } from '../../models/vocab.ts';

type Topics = Lexicon['topics'];
type Stems = Topics['neutral'];

interface Stem {
  /** Lowercase words of the stem. */
  words: string[];
  mode: 'word' | 'prefix' | 'part';
  /** Topic, or null for a neutral stem. */
  topic: Topic | null;
  /** Characters the stem covers (its words joined by spaces). */
  chars: number;
}

/** The compiled lexicon: phrase stems checked at each position, one-word stems looked up per word (memoised). */
interface Compiled {
  phrases: Stem[];
  /** The phrase stems by their first word, in lexicon order: only those can match at a word. */
  phrasesByFirst: Map<string, Stem[]>;
  single: Stem[];
  order: Topic[];
  /** The one-word stems by what a word must be or start with to match them, as indices into `single`. */
  singleIndex: SingleIndex;
  /** Longest one-word stem and the phrase stems per word seen so far: words repeat, and there are hundreds of stems. */
  memo: Map<string, WordStems>;
}

/**
 * Where a word's one-word stems are found: a `word` stem is the word itself, a `prefix` stem opens it (so it shares the
 * word's first PREFIX_KEY letters, when it has that many), a `part` stem may stand anywhere in it (read through).
 */
interface SingleIndex {
  byWord: Map<string, number[]>;
  byOpening: Map<string, number[]>;
  shortPrefixes: number[];
  parts: number[];
}

// Prefix stems are looked up by this many first letters.
const PREFIX_KEY = 3;

/** What one word opens or matches: its longest one-word stem (with the characters it covers) and the phrase stems it opens. */
interface WordStems {
  stem: Stem | null;
  length: number;
  phrases: readonly Stem[];
}

const NO_PHRASES: readonly Stem[] = [];

const cache = new WeakMap<Topics, Compiled>();

function compile(lex: Topics): Compiled {
  const hit = cache.get(lex);
  if (hit) return hit;
  const stems: Stem[] = [];
  const add = (s: Stems, topic: Topic | null): void => {
    const stem = (w: string, mode: Stem['mode']): Stem => ({ words: w.split(' '), mode, topic, chars: w.split(' ').join(' ').length });
    for (const w of s.words) stems.push(stem(w, 'word'));
    for (const w of s.prefixes) stems.push(stem(w, 'prefix'));
    for (const w of s.parts) stems.push(stem(w, 'part'));
  };
  add(lex.neutral, null);
  const order: Topic[] = [];
  for (const [topic, s] of Object.entries(lex.topics) as [Topic, Stems | undefined][]) {
    if (!s) continue;
    order.push(topic);
    add(s, topic);
  }
  const phrases = stems.filter((x) => x.words.length > 1);
  const phrasesByFirst = new Map<string, Stem[]>();
  for (const p of phrases) phrasesByFirst.set(p.words[0] as string, [...(phrasesByFirst.get(p.words[0] as string) ?? []), p]);
  const single = stems.filter((x) => x.words.length === 1);
  const compiled: Compiled = { phrases, phrasesByFirst, single, singleIndex: indexSingle(single), order, memo: new Map() };
  cache.set(lex, compiled);
  return compiled;
}

/** How many characters of the words from `i` on the stem covers, or 0 when it does not match there. */
function matchLength(words: readonly string[], i: number, stem: Stem): number {
  const n = stem.words.length;
  for (let k = 0; k < n - 1; k++) if (words[i + k] !== stem.words[k]) return 0;
  const word = words[i + n - 1];
  const last = stem.words[n - 1] as string;
  if (word === undefined) return 0;
  const hit = stem.mode === 'word' ? word === last : stem.mode === 'prefix' ? word.startsWith(last) : word.includes(last);
  return hit ? stem.chars : 0;
}

function indexSingle(single: readonly Stem[]): SingleIndex {
  const index: SingleIndex = { byWord: new Map(), byOpening: new Map(), shortPrefixes: [], parts: [] };
  const add = (map: Map<string, number[]>, key: string, i: number) => {
    const list = map.get(key);
    if (list) list.push(i);
    else map.set(key, [i]);
  };
  single.forEach((s, i) => {
    const w = s.words[0] as string;
    if (s.mode === 'word') add(index.byWord, w, i);
    else if (s.mode === 'part') index.parts.push(i);
    else if (w.length >= PREFIX_KEY) add(index.byOpening, w.slice(0, PREFIX_KEY), i);
    else index.shortPrefixes.push(i);
  });
  return index;
}

/**
 * The longest one-word stem matching `word`, and the phrase stems opening with it (one lookup per word). The stems that
 * can match are found by the index; of those the longest wins, the first listed of equally long ones.
 */
function stemsOf(word: string, c: Compiled): WordStems {
  const hit = c.memo.get(word);
  if (hit) return hit;
  const { byWord, byOpening, shortPrefixes, parts } = c.singleIndex;
  let best = -1;
  let length = 0;
  const consider = (indices: readonly number[] | undefined) => {
    for (const i of indices ?? []) {
      const l = matchLength([word], 0, c.single[i] as Stem);
      if (l > length || (l === length && l > 0 && i < best)) [best, length] = [i, l];
    }
  };
  consider(byWord.get(word));
  consider(word.length >= PREFIX_KEY ? byOpening.get(word.slice(0, PREFIX_KEY)) : undefined);
  consider(shortPrefixes);
  consider(parts);
  const found: WordStems = { stem: best < 0 ? null : (c.single[best] as Stem), length, phrases: c.phrasesByFirst.get(word) ?? NO_PHRASES };
  // The memo lives as long as the lexicon, so it is emptied now and then: memory may not grow with a corpus's vocabulary.
  if (c.memo.size >= MEMO_WORDS) c.memo.clear();
  c.memo.set(word, found);
  return found;
}

// Enough for the vocabulary of a large corpus to hit mostly; a few MB at most.
const MEMO_WORDS = 50_000;

const WORDS = /[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*-?/gu;

/** For each word, in order, the topic of the longest stem it matches (words of a neutral stem or none give none). */
function votesOf(text: string, c: Compiled): Topic[] {
  const words = text.toLowerCase().match(WORDS) ?? [];
  const out: Topic[] = [];
  for (let i = 0; i < words.length; i++) {
    const stems = stemsOf(words[i] as string, c);
    let best = stems.stem;
    let bestLength = stems.length;
    for (const stem of stems.phrases) {
      const length = matchLength(words, i, stem);
      if (length > bestLength) [best, bestLength] = [stem, length];
    }
    if (best?.topic) out.push(best.topic);
  }
  return out;
}

/** Add each vote with its weight, in order. */
function vote(votes: readonly Topic[], weight: number, scores: Map<Topic, number>): void {
  for (const topic of votes) scores.set(topic, (scores.get(topic) ?? 0) + weight);
}

// The votes of the last heading: the demands of a section follow each other and share it.
let lastHeading: { text: string; compiled: Compiled; votes: readonly Topic[] } | null = null;

function headingVotes(heading: string, c: Compiled): readonly Topic[] {
  if (lastHeading === null || lastHeading.text !== heading || lastHeading.compiled !== c) lastHeading = { text: heading, compiled: c, votes: votesOf(heading, c) };
  return lastHeading.votes;
}

/** The CAP topic of a demand from its own words and, weaker, its section heading; `unclassified` when none match. */
export function topicOf(text: string, heading: string | null, lex: Topics): Topic {
  const compiled = compile(lex);
  const scores = new Map<Topic, number>();
  vote(votesOf(text, compiled), 1, scores);
  if (heading !== null) vote(headingVotes(heading, compiled), lex.headingWeight, scores);
  let best: Topic = 'unclassified';
  let top = 0;
  for (const topic of compiled.order) {
    const score = scores.get(topic) ?? 0;
    if (score > top) [best, top] = [topic, score];
  }
  return best;
}
