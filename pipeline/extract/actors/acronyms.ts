import type { Candidate } from './candidate.ts';
import type { LocalAbbreviation } from './scan-registry.ts';
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
    const c = cands.find((k) => k.span.end <= m.index && text.slice(k.span.end, m.index).trim() === '');
    if (c) bind(squash(m[1] as string), c);
  }
  for (const c of cands) {
    const open = c.span.start === 0 ? -1 : text.lastIndexOf('(', c.span.start - 1);
    if (open === -1 || text.slice(open + 1, c.span.start).trim() !== '' || !/^\s*\)/.test(text.slice(c.span.end))) continue;
    const m = BEFORE_PAREN.exec(text.slice(Math.max(0, open - 12), open + 1));
    if (m) bind(squash(m[1] as string), c);
  }
  return local;
}
