import { anchored, matchesIn } from '../scan/anchored.ts';
import { formsAnchor } from '../scan/forms.ts';
import { perLexicon } from '../scan/memo.ts';
import type { Candidate } from './candidate.ts';
import type { Registry } from './registry.ts';
import { alternation, overlaps } from './text.ts';
import { escapeRegExp } from '../../regexp.ts';

// What must end the text before a name for a body to stand before it ("landsmøtet i "): checked first, as it is cheap.
const LINK_BEFORE = /[ \t](?:i|til|for|på)[ \t]+$/iu;

/** The body patterns, compiled once per registry. */
const patterns = perLexicon((reg: Registry) => {
  const bodies = alternation(reg.lexicon.bodies);
  return {
    after: new RegExp(`^[ \\t]+${bodies}(?:[ \\t]+i[ \\t]+${reg.placeSource})?(?![\\p{L}\\p{N}])`, 'iu'),
    before: new RegExp(`(?<![\\p{L}\\p{N}])${bodies}[ \\t]+(?:i|til|for|på)[ \\t]+$`, 'iu'),
    // Tried only at the words a body's name can start at.
    bare: anchored(`(?<![\\p{L}\\p{N}])(?:${reg.lexicon.bareBodies.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`, 'giu', formsAnchor(reg.lexicon.bareBodies, true)),
  };
});

/**
 * Governing bodies and units are surface forms of their organisation: "KS' landsstyre",
 * "LOs regionkonferanse i Innlandet", "landsmøtet i Arbeiderpartiet" become one mention of the
 * organisation spanning the whole phrase.
 */
export function attachBodies(text: string, cands: readonly Candidate[], reg: Registry): Candidate[] {
  const { after, before } = patterns(reg);
  return cands.map((c) => {
    if (c.type === 'person') return c;
    // The pattern after the name opens with a space or tab.
    const next = text.charCodeAt(c.span.end);
    const a = next === 0x20 || next === 0x09 ? after.exec(text.slice(c.span.end, c.span.end + 80)) : null;
    if (a) return { ...c, span: { start: c.span.start, end: c.span.end + a[0].length }, ruleId: 'actor-body', confidence: 0.9 };
    const lead = text.slice(Math.max(0, c.span.start - 60), c.span.start);
    const b = LINK_BEFORE.test(lead) ? before.exec(lead) : null;
    if (b) return { ...c, span: { start: c.span.start - b[0].length, end: c.span.end }, ruleId: 'actor-body', confidence: 0.9 };
    return c;
  });
}

/**
 * A governing body named alone ("vedtatt på landsmøtet") refers to the document's dominant organisation:
 * the union, party or other organisation mentioned most, at least twice and more than any other.
 */
export function bareBodies(text: string, cands: readonly Candidate[], reg: Registry): Candidate[] {
  const counts = new Map<string, number>();
  for (const c of cands) {
    if (c.type === 'person' || !['union', 'party', 'employer_org', 'other_org'].includes(c.type)) continue;
    counts.set(c.key, (counts.get(c.key) ?? 0) + 1);
  }
  const ranked = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const top = ranked[0];
  if (!top || top[1] < 2 || (ranked[1]?.[1] ?? 0) === top[1]) return [];
  const owner = cands.find((c) => c.key === top[0]) as Candidate;
  const out: Candidate[] = [];
  for (const m of matchesIn(text, patterns(reg).bare)) {
    const span = { start: m.index, end: m.index + m[0].length };
    if (cands.some((c) => overlaps(c.span, span))) continue;
    out.push({ ...owner, span, name: span, genitive: false, ruleId: 'actor-bare-body', confidence: 0.5, priority: 0 });
  }
  return out;
}
