import type { Lexicon } from '../../lexicon/load.ts';
import { type Anchor } from '../scan/anchored.ts';
import { firstWordsEitherCase, formsAnchor } from '../scan/forms.ts';
import { alternation, formSource, longestFirst } from './text.ts';
import { escapeRegExp } from '../../regexp.ts';

/** The roles lexicon as loaded and typed. */
export type RolesLexicon = Lexicon['roles'];

/** Regex sources for titles and person names, built once per lexicon. */
export interface RolePatterns {
  /** A title with an optional modifier: "styreleder", "Første nestleder", "arbeids- og inkluderingsminister". */
  title: string;
  /** A title without modifier or word boundaries: what a name's part must not open with (see `name`). */
  titleCore: string;
  /** Just a title word built on a title suffix, for compounds such as "SV-leder". */
  titleWord: string;
  /** A person's name: two to four capitalised words on one line, none of them a title or a non-name word. */
  name: string;
  /** A preposition joining a title to its organisation. */
  preposition: string;
  /** A speech verb ("sier"). */
  speech: string;
  /** The words a title can start at (see scan/anchored.ts); null when the lexicon's titles cannot be anchored. */
  titleAnchor: Anchor | null;
  /** The words a person's name can start at: a capitalised word followed by a space or a hyphen and another one. */
  nameAnchor: Anchor;
  /** The words a speech verb can start at (as written); null when that cannot be told. */
  speechAnchor: Anchor | null;
  /** `^title`: a line that starts with a title. */
  titleStart: RegExp;
  /**
   * True when a title can end with this word (its last letters): the last word of a title, or a word ending in a title
   * suffix. Null when some title does not end with a letter.
   */
  titleEnd: ((word: string) => boolean) | null;
  /** True when the word ends in a title suffix ("fylkesleder"); null when a suffix is not letters only. */
  endsInSuffix: ((word: string) => boolean) | null;
}

const cache = new WeakMap<RolesLexicon, RolePatterns>();

// Titles are written lower case inside sentences and capitalised at their start or in signatures.
const firstEitherCase = (src: string): string => {
  const ch = src[0] as string;
  return ch.toLowerCase() !== ch.toUpperCase() ? `[${ch.toLowerCase()}${ch.toUpperCase()}]${src.slice(1)}` : src;
};

/** Build (once per lexicon object) the title and name patterns. */
export function rolePatterns(roles: RolesLexicon): RolePatterns {
  const hit = cache.get(roles);
  if (hit) return hit;
  const either = (forms: readonly string[]) => `(?:${[...forms].sort(longestFirst).map((f) => firstEitherCase(formSource(f))).join('|')})`;
  const suffixes = `(?:${[...roles.titleSuffixes].sort(longestFirst).map(escapeRegExp).join('|')})`;
  // "arbeids- og inkluderingsminister", "barne-, likestillings- og inkluderingsminister", "fylkesleder".
  const suffixWord = `(?:\\p{L}+-,?\\s+(?:\\p{L}+-,?\\s+)*og\\s+)?\\p{L}*${suffixes}`;
  const titleCore = `(?:${either(roles.titles)}|${suffixWord})`;
  const title = `(?<![\\p{L}])(?:${either(roles.titleModifiers)}\\s+)?${titleCore}(?![\\p{L}])`;
  const notName = `(?:${[...roles.notNames].sort(longestFirst).map(escapeRegExp).join('|')})`;
  const token = `(?!${notName}(?![\\p{L}]))(?!${titleCore}(?![\\p{L}]))\\p{Lu}\\p{Ll}+(?:-\\p{Lu}\\p{Ll}+)?`;
  const patterns: RolePatterns = {
    title,
    titleCore,
    titleAnchor: titleAnchor(roles),
    nameAnchor: { test: (w, text) => w.capitalised && NAME_GO_ON.has(text.charCodeAt(w.end)) && w.next?.start === w.end + 1 && w.next.capitalised },
    speechAnchor: formsAnchor(roles.speechVerbs, false),
    titleStart: new RegExp(`^${title}`, 'u'),
    titleEnd: titleEnd(roles),
    endsInSuffix: suffixEnd(roles),
    titleWord: `\\p{L}*${suffixes}`,
    name: `(?<![\\p{L}\\p{N}])${token}(?:[ \\t]${token}){1,3}(?![\\p{L}\\p{N}])`,
    preposition: `(?:${roles.titlePrepositions.map(escapeRegExp).join('|')})`,
    speech: alternation(roles.speechVerbs),
  };
  cache.set(roles, patterns);
  return patterns;
}

/** True when the text (a line) starts with a title: the second line of a signature block. */
export function startsWithTitle(line: string, roles: RolesLexicon): boolean {
  return rolePatterns(roles).titleStart.test(line);
}

// A name's first part is followed by a space or tab (the next part) or a hyphen (a double first name), and then by
// another capitalised word.
const NAME_GO_ON = new Set([0x20, 0x09, 0x2d]);
const HYPHEN = 0x2d;
const TAIL = 3;
/**
 * The last three code units of a word folded into one small integer (ten bits each, so it never leaves the integers
 * V8 keeps unboxed): two words may share a key, so it only rules suffixes out; a shorter word gets some key too.
 */
const tailOf = (w: string): number =>
  ((w.charCodeAt(w.length - 3) & 0x3ff) << 20) | ((w.charCodeAt(w.length - 2) & 0x3ff) << 10) | (w.charCodeAt(w.length - 1) & 0x3ff);

const LAST_LETTERS = /\p{L}+$/u;

/** See RolePatterns.titleEnd. */
function titleEnd(roles: RolesLexicon): ((word: string) => boolean) | null {
  const lasts = new Set<string>();
  for (const t of roles.titles) {
    const last = LAST_LETTERS.exec(t.trim())?.[0];
    if (last === undefined) return null;
    lasts.add(last);
    // A one-word title takes its first letter in either case.
    if (last === t.trim()) for (const first of [last.charAt(0).toLowerCase(), last.charAt(0).toUpperCase()]) lasts.add(first + last.slice(1));
  }
  const suffixes = [...roles.titleSuffixes];
  if (!suffixes.every((s) => /^\p{L}+$/u.test(s))) return null;
  return (word) => lasts.has(word) || suffixes.some((s) => word.endsWith(s));
}

/**
 * The words a title can start at: the first word of a title or modifier (either case of its first letter, as the
 * pattern allows), a word ending in a title suffix ("fylkesleder"), or a word before a hyphen ("arbeids- og
 * inkluderingsminister").
 */
function titleAnchor(roles: RolesLexicon): Anchor | null {
  const keys = firstWordsEitherCase([...roles.titles, ...roles.titleModifiers]);
  const endsInSuffix = suffixEnd(roles);
  if (keys === null || endsInSuffix === null) return null;
  return { exact: keys, test: (w, text) => text.charCodeAt(w.end) === HYPHEN || endsInSuffix(w.text) };
}

/** See RolePatterns.endsInSuffix. */
function suffixEnd(roles: RolesLexicon): ((word: string) => boolean) | null {
  if (roles.titleSuffixes.some((s) => !/^\p{L}+$/u.test(s))) return null;
  const suffixes = [...roles.titleSuffixes];
  // Most words end otherwise than any suffix: one lookup of the last three letters (as a number) spares the suffix tests.
  const tails = suffixes.every((s) => s.length >= TAIL) ? new Set(suffixes.map((s) => tailOf(s))) : null;
  return (word) => (tails === null || tails.has(tailOf(word))) && suffixes.some((s) => word.endsWith(s));
}
