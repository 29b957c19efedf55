import type { Lexicon } from '../../lexicon/load.ts';
import { alternation, escapeRe, formSource, longestFirst } from './text.ts';

/** The roles lexicon as loaded and typed. */
export type RolesLexicon = Lexicon['roles'];

/** Regex sources for titles and person names, built once per lexicon. */
export interface RolePatterns {
  /** A title with an optional modifier: "styreleder", "Første nestleder", "arbeids- og inkluderingsminister". */
  title: string;
  /** Just a title word built on a title suffix, for compounds such as "SV-leder". */
  titleWord: string;
  /** A person's name: two to four capitalised words on one line, none of them a title or a non-name word. */
  name: string;
  /** A preposition joining a title to its organisation. */
  preposition: string;
  /** A speech verb ("sier"). */
  speech: string;
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
  const suffixes = `(?:${[...roles.titleSuffixes].sort(longestFirst).map(escapeRe).join('|')})`;
  // "arbeids- og inkluderingsminister", "barne-, likestillings- og inkluderingsminister", "fylkesleder".
  const suffixWord = `(?:\\p{L}+-,?\\s+(?:\\p{L}+-,?\\s+)*og\\s+)?\\p{L}*${suffixes}`;
  const titleCore = `(?:${either(roles.titles)}|${suffixWord})`;
  const title = `(?<![\\p{L}])(?:${either(roles.titleModifiers)}\\s+)?${titleCore}(?![\\p{L}])`;
  const notName = `(?:${[...roles.notNames].sort(longestFirst).map(escapeRe).join('|')})`;
  const token = `(?!${notName}(?![\\p{L}]))(?!${titleCore}(?![\\p{L}]))\\p{Lu}\\p{Ll}+(?:-\\p{Lu}\\p{Ll}+)?`;
  const patterns: RolePatterns = {
    title,
    titleWord: `\\p{L}*${suffixes}`,
    name: `(?<![\\p{L}\\p{N}])${token}(?:[ \\t]${token}){1,3}(?![\\p{L}\\p{N}])`,
    preposition: `(?:${roles.titlePrepositions.map(escapeRe).join('|')})`,
    speech: alternation(roles.speechVerbs),
  };
  cache.set(roles, patterns);
  return patterns;
}

/** True when the text (a line) starts with a title: the second line of a signature block. */
export function startsWithTitle(line: string, roles: RolesLexicon): boolean {
  return new RegExp(`^${rolePatterns(roles).title}`, 'u').test(line);
}
