import type { Candidate } from './candidate.ts';
import type { Registry } from './registry.ts';
import { alternation, cleanLine, fold, lineAt, lines } from './text.ts';

/** What decides whether a branch acts in its own name. */
export interface BranchContext {
  text: string;
  reg: Registry;
  /** True when a line begins with a title (the title line of a signature). */
  isTitleLine: (line: string) => boolean;
  /** Verbs that show an actor speaking or demanding right after its name. */
  voiceVerbs: readonly string[];
  /** Words that introduce the parties of a joint text ("mellom"). */
  agreementLinks: readonly string[];
}

// The title area: a document's first lines, where a joint agreement names its parties.
const TITLE_AREA_LINES = 6;
const TITLE_AREA_MAX_CHARS = 200;

/**
 * County and local units: "FO Vestfold og Telemark", "SV Vestfold og Telemark", "Oslo Arbeiderparti",
 * "KS Agder". A unit of a union, party or employer body that signs, speaks or is a party to the text
 * in its own name becomes an actor of its own ("<Parent> <Place>", affiliation = parent); otherwise the
 * whole phrase is a surface form of the parent organisation.
 */
export function applyBranches(cands: readonly Candidate[], bc: BranchContext): Candidate[] {
  const { text, reg } = bc;
  const after = new RegExp(`^[ \\t]+(${reg.placeSource})(?![\\p{L}\\p{N}])`, 'iu');
  const before = new RegExp(`(?<![\\p{L}\\p{N}])(${reg.placeSource})[ \\t]+$`, 'u');
  const municipal = new RegExp(`^\\s+${alternation(reg.lexicon.discovery.municipalityWords)}(?![\\p{L}])`, 'iu');
  const hits = cands.map((c) => {
    if (c.type === 'person' || c.genitive) return null;
    const a = after.exec(text.slice(c.span.end, c.span.end + 40));
    if (a && !municipal.test(text.slice(c.span.end + a[0].length, c.span.end + a[0].length + 20))) {
      return { c, place: a[1] as string, span: { start: c.span.start, end: c.span.end + a[0].length } };
    }
    // Place first only for party names without the definite ending: "Oslo Arbeiderparti", "Bergen SV".
    const b = c.type === 'party' && !/et$/u.test(text.slice(c.name.start, c.name.end)) ? before.exec(text.slice(Math.max(0, c.span.start - 40), c.span.start)) : null;
    if (b) return { c, place: b[1] as string, span: { start: c.span.start - b[0].length, end: c.span.end } };
    return null;
  });
  const active = new Set<string>();
  // A branch is named as written: "SV Vestfold og Telemark" → "<Parent> <Place>"; "Oslo Arbeiderparti"
  // → "<Place> <Parent>", a party name taking its indefinite form as county branches do.
  const keyOf = (h: NonNullable<(typeof hits)[number]>) => {
    const root = h.c.affiliation ?? h.c.key;
    const place = reg.places.get(fold(h.place)) ?? h.place;
    const placeFirst = h.span.start < h.c.span.start;
    return { root, key: placeFirst ? `${place} ${root.replace(/partiet$/u, 'parti')}` : `${root} ${place}` };
  };
  const head = new Set(
    lines(text)
      .filter((l) => cleanLine(text, l).text !== '')
      .slice(0, TITLE_AREA_LINES)
      .map((l) => l.start),
  );
  for (const h of hits) if (h && reg.lexicon.branchTypes.includes(h.c.type) && actsInOwnName(h.span, head, bc)) active.add(keyOf(h).key);
  return cands.map((c, i) => {
    const h = hits[i];
    if (!h) return c;
    const { root, key } = keyOf(h);
    if (active.has(key)) {
      return { ...c, key, span: h.span, ruleId: 'actor-branch', confidence: 0.85, source: 'discovered' as const, affiliation: root };
    }
    return { ...c, key: root, span: h.span, ruleId: 'actor-regional-unit', confidence: 0.85, affiliation: null };
  });
}

/** Signs (title line), names the parties of the text (title area, "mellom"), or speaks ("X krever"). */
function actsInOwnName(span: { start: number; end: number }, head: ReadonlySet<number>, bc: BranchContext): boolean {
  const { text } = bc;
  const line = lineAt(text, span.start);
  const clean = cleanLine(text, line).text;
  if (bc.isTitleLine(clean)) return true;
  // A heading in the title area, not a sentence of running text.
  if (head.has(line.start) && clean.length <= TITLE_AREA_MAX_CHARS && !/[.!?]$/.test(clean)) return true;
  const lead = text.slice(line.start, span.start).toLowerCase();
  if (bc.agreementLinks.some((w) => new RegExp(`(?<![\\p{L}])${w}(?![\\p{L}])`, 'u').test(lead))) return true;
  const verb = new RegExp(`^\\s+${alternation(bc.voiceVerbs)}(?![\\p{L}])`, 'iu');
  return verb.test(text.slice(span.end, span.end + 40));
}
