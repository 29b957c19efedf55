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
}

/** The compiled lexicon: phrase stems checked at each position, one-word stems looked up per word (memoised). */
interface Compiled {
  phrases: Stem[];
  /** The phrase stems by their first word, in lexicon order: only those can match at a word. */
  phrasesByFirst: Map<string, Stem[]>;
  single: Stem[];
  order: Topic[];
  /** Longest one-word stem per word seen so far: words repeat, and there are hundreds of stems. */
  memo: Map<string, { stem: Stem | null; length: number }>;
}

const cache = new WeakMap<Topics, Compiled>();

function compile(lex: Topics): Compiled {
  const hit = cache.get(lex);
  if (hit) return hit;
  const stems: Stem[] = [];
  const add = (s: Stems, topic: Topic | null): void => {
    for (const w of s.words) stems.push({ words: w.split(' '), mode: 'word', topic });
    for (const w of s.prefixes) stems.push({ words: w.split(' '), mode: 'prefix', topic });
    for (const w of s.parts) stems.push({ words: w.split(' '), mode: 'part', topic });
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
  const compiled: Compiled = { phrases, phrasesByFirst, single: stems.filter((x) => x.words.length === 1), order, memo: new Map() };
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
  return hit ? stem.words.join(' ').length : 0;
}

/** The longest one-word stem matching `word`. */
function singleMatch(word: string, c: Compiled): { stem: Stem | null; length: number } {
  const hit = c.memo.get(word);
  if (hit) return hit;
  let found: { stem: Stem | null; length: number } = { stem: null, length: 0 };
  for (const stem of c.single) {
    const length = matchLength([word], 0, stem);
    if (length > found.length) found = { stem, length };
  }
  c.memo.set(word, found);
  return found;
}

const WORDS = /[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*-?/gu;

/** Add, for each word, a vote for the topic of the longest stem it matches. */
function vote(text: string, weight: number, c: Compiled, scores: Map<Topic, number>): void {
  const words = text.toLowerCase().match(WORDS) ?? [];
  for (let i = 0; i < words.length; i++) {
    let { stem: best, length: bestLength } = singleMatch(words[i] as string, c);
    for (const stem of c.phrasesByFirst.get(words[i] as string) ?? []) {
      const length = matchLength(words, i, stem);
      if (length > bestLength) [best, bestLength] = [stem, length];
    }
    if (best?.topic) scores.set(best.topic, (scores.get(best.topic) ?? 0) + weight);
  }
}

/** The CAP topic of a demand from its own words and, weaker, its section heading; `unclassified` when none match. */
export function topicOf(text: string, heading: string | null, lex: Topics): Topic {
  const compiled = compile(lex);
  const scores = new Map<Topic, number>();
  vote(text, 1, compiled, scores);
  if (heading !== null) vote(heading, lex.headingWeight, compiled, scores);
  let best: Topic = 'unclassified';
  let top = 0;
  for (const topic of compiled.order) {
    const score = scores.get(topic) ?? 0;
    if (score > top) [best, top] = [topic, score];
  }
  return best;
}
