import type { Candidate } from './candidate.ts';
import type { LocalAbbreviation } from './scan-registry.ts';
import { isRegExpSpaceUnit } from '../../normalise/chars.ts';
import { squash } from './text.ts';

// An abbreviation in brackets: two to ten letters, at least two of them capitals ("SV", "KrF", "IMDi").
const PAREN = /\(\s*(\p{Lu}[\p{L}&-]{1,9})\s*\)/gu;
const BEFORE_PAREN = /(?<![\p{L}\p{N}])(\p{Lu}[\p{L}&-]{1,9})\s*\($/u;
const CAPITAL = /\p{Lu}/u;
const capitals = (s: string): number => [...s].filter((ch) => CAPITAL.test(ch)).length;

/**
 * The document's own abbreviations: "Fullt Navn (FN)" and "FN (Fullt Navn)", where the full name is a
 * mention already found. They bind the abbreviation to that actor in this document only, so "(SV)" after
 * a county branch makes every later "SV" mean the branch.
 */
export function findAcronyms(text: string, cands: readonly Candidate[]): Map<string, LocalAbbreviation> {
  const local = new Map<string, LocalAbbreviation>();
  const bind = (abbr: string, c: Candidate) => {
    if (c.type === 'person' || capitals(abbr) < 2 || local.has(abbr)) return;
    local.set(abbr, { key: c.key, type: c.type, source: c.source, affiliation: c.affiliation });
  };
  for (const m of text.matchAll(PAREN)) {
    // A candidate ending where only white space stands between it and the bracket.
    const from = spaceBefore(text, m.index);
    const c = cands.find((k) => k.span.end <= m.index && k.span.end >= from);
    if (c) bind(squash(m[1] as string), c);
  }
  for (const c of cands) {
    // The last "(" before the candidate, with only white space between: the character before that space.
    const open = spaceBefore(text, c.span.start) - 1;
    if (open < 0 || text.charCodeAt(open) !== OPEN) continue;
    CLOSE_AFTER.lastIndex = c.span.end;
    if (!CLOSE_AFTER.test(text)) continue;
    const m = BEFORE_PAREN.exec(text.slice(Math.max(0, open - 12), open + 1));
    if (m) bind(squash(m[1] as string), c);
  }
  return local;
}

const OPEN = 0x28;
// White space and a closing bracket, read where a candidate ends.
const CLOSE_AFTER = /\s*\)/y;

/** Where the run of white space (as trim reads it) that ends at `end` starts. */
function spaceBefore(text: string, end: number): number {
  let i = end;
  while (i > 0 && isRegExpSpaceUnit(text.charCodeAt(i - 1))) i--;
  return i;
}
