import type { Span } from '../../document.ts';
import { type Candidate, candidateAt } from './candidate.ts';
import { type Registry, resolveActorName } from './registry.ts';
import { type RolesLexicon, rolePatterns } from './roles.ts';
import { cleanLine, escapeRe, fold, lines, overlaps, squash } from './text.ts';

/** One sighting of a person by a pattern, with what it says about role and affiliation. */
interface Sighting {
  name: string;
  span: Span;
  role: string | null;
  affiliation: string | null;
  ruleId: string;
  confidence: number;
  /** How much the pattern says about the role: signatures and "title i ORG" beat a bare title. */
  rank: number;
}

/** What person discovery needs to know about the document. */
export interface PersonContext {
  text: string;
  orgs: readonly Candidate[];
  reg: Registry;
  roles: RolesLexicon;
  /** The only ministry the document names, for "statssekretær X"; null when none or several. */
  singleMinistry: string | null;
}

/**
 * Named persons with role and affiliation, from "Navn, tittel i ORG", "tittel i ORG, Navn",
 * "ORG-tittel Navn", "tittel Navn (ORG)", "Navn (ORG)" and signature blocks (a name line followed by a
 * title line); later full-name and bare-surname mentions ("sier Helgesen") resolve to the same person.
 */
export function findPersons(pc: PersonContext): Candidate[] {
  const sightings = [...titledNames(pc), ...namesBeforeTitledOrgs(pc), ...signatures(pc)].filter((s) => plausible(s, pc));
  const people = merge(sightings);
  const cands: Candidate[] = sightings.map((s) => toCandidate(s, people.get(s.name) as Person));
  return cands.concat(repeats(pc, people, cands));
}

interface Person {
  role: string | null;
  affiliation: string | null;
}

// ── patterns ──────────────────────────────────────────────────────────────────────────────────────

/** "Navn, tittel i ORG", "tittel Navn", "tittel Navn (ORG)", "Navn (ORG)", "ORG-tittel Navn". */
function titledNames(pc: PersonContext): Sighting[] {
  const p = rolePatterns(pc.roles);
  const { text } = pc;
  const out: Sighting[] = [];
  // Navn, tittel [i] ORG  — and the same without the comma when a signature was joined into one line.
  for (const m of text.matchAll(new RegExp(`(${p.name})(,?)[ \\t]*(${p.title})(?:[ \\t]+${p.preposition})?[ \\t]+`, 'gdu'))) {
    const [ns, ne] = m.indices?.[1] as [number, number];
    const rs = (m.indices?.[3] as [number, number])[0];
    const org = candidateAt(pc.orgs, text, m.index + m[0].length);
    if (m[2] === '' && !org) continue;
    const role = org ? text.slice(rs, org.span.end) : (m[3] as string);
    const aff = org ? orgKey(org) : implied(m[3] as string, pc);
    out.push(sighting(text, ns, ne, role, aff, org ? 'person-name-title-org' : 'person-name-title', org ? 0.85 : 0.7, org ? 4 : 2));
  }
  // tittel Navn [(ORG)]
  for (const m of text.matchAll(new RegExp(`(${p.title})[ \\t]+(${p.name})`, 'gdu'))) {
    const [ns, ne] = m.indices?.[2] as [number, number];
    const paren = /^[ \t]*\(/.exec(text.slice(ne, ne + 3));
    const org = paren ? candidateAt(pc.orgs, text, ne + paren[0].length) : null;
    const closed = org !== null && /^\s*\)/.test(text.slice(org.span.end));
    const aff = closed && org ? orgKey(org) : implied(m[1] as string, pc);
    out.push(sighting(text, ns, ne, m[1] as string, aff, closed ? 'person-title-name-org' : 'person-title-name', 0.8, 1));
  }
  // Navn (ORG)
  for (const m of text.matchAll(new RegExp(`(${p.name})[ \\t]*\\(`, 'gdu'))) {
    const [ns, ne] = m.indices?.[1] as [number, number];
    const org = candidateAt(pc.orgs, text, m.index + m[0].length);
    if (!org || !/^\s*\)/.test(text.slice(org.span.end))) continue;
    out.push(sighting(text, ns, ne, null, orgKey(org), 'person-name-org', 0.75, 2));
  }
  // ORG-tittel Navn: "SV-leder Kirsti Bergstø"
  for (const m of text.matchAll(new RegExp(`(?<![\\p{L}\\p{N}])(\\p{L}+)-(${p.titleWord})[ \\t]+(${p.name})`, 'gdu'))) {
    const key = resolveActorName(m[1] as string, pc.reg.lexicon);
    if (key === null) continue;
    const [ns, ne] = m.indices?.[3] as [number, number];
    out.push(sighting(text, ns, ne, `${m[1]}-${m[2]}`, key, 'person-org-title-name', 0.8, 3));
  }
  return out;
}

/** "tittel i ORG, Navn": the title and organisation come first. */
function namesBeforeTitledOrgs(pc: PersonContext): Sighting[] {
  const p = rolePatterns(pc.roles);
  const { text } = pc;
  const before = new RegExp(`(${p.title})(?:[ \\t]+${p.preposition})?[ \\t]+$`, 'du');
  const after = new RegExp(`^[ \\t]*,?[ \\t]+(${p.name})`, 'du');
  const out: Sighting[] = [];
  for (const org of pc.orgs) {
    const from = Math.max(0, org.span.start - 100);
    const b = before.exec(text.slice(from, org.span.start));
    const a = b && after.exec(text.slice(org.span.end, org.span.end + 80));
    if (!b || !a) continue;
    const [ns, ne] = (a.indices?.[1] as [number, number]).map((i) => i + org.span.end) as [number, number];
    out.push(sighting(text, ns, ne, text.slice(from + b.index, org.span.end), orgKey(org), 'person-title-org-name', 0.85, 4));
  }
  return out;
}

/** A name alone on a line, followed by a title line ("Forbundsleder i FO", "Fylkesleder SV Vestfold og Telemark"). */
function signatures(pc: PersonContext): Sighting[] {
  const p = rolePatterns(pc.roles);
  const { text } = pc;
  const nameLine = new RegExp(`^${p.name}$`, 'u');
  const titleLine = new RegExp(`^${p.title}`, 'u');
  const all = lines(text).map((l) => cleanLine(text, l));
  const out: Sighting[] = [];
  for (let i = 0; i < all.length; i++) {
    const name = all[i] as { text: string; span: Span };
    if (!nameLine.test(name.text)) continue;
    let j = i + 1;
    while (j < all.length && j <= i + 3 && (all[j] as { text: string }).text === '') j++;
    const role = all[j];
    if (!role || !titleLine.test(role.text)) continue;
    const org = pc.orgs.find((o) => o.span.start >= role.span.start && o.span.end <= role.span.end);
    const title = new RegExp(`^${p.title}`, 'u').exec(role.text)?.[0] ?? role.text;
    const aff = org ? orgKey(org) : implied(title, pc);
    out.push(sighting(text, name.span.start, name.span.end, squash(role.text), aff, 'person-signature', 0.9, 5));
  }
  return out;
}

// ── helpers ───────────────────────────────────────────────────────────────────────────────────────

function sighting(text: string, start: number, end: number, role: string | null, affiliation: string | null, ruleId: string, confidence: number, rank: number): Sighting {
  return { name: squash(text.slice(start, end)), span: { start, end }, role: role === null ? null : squash(role), affiliation, ruleId, confidence, rank };
}

/** A branch speaks for itself; any other organisation by its key. */
const orgKey = (c: Candidate): string => c.key;

/**
 * The organisation a title implies: "arbeids- og inkluderingsminister" → the ministry of the same name,
 * titles listed in roles.yaml → their body, "statssekretær" → the one ministry the document names.
 */
function implied(title: string, pc: PersonContext): string | null {
  const bare = fold(title)
    .split(' ')
    .filter((w) => !pc.roles.titleModifiers.includes(w))
    .join(' ');
  const { title: suffix, ministry } = pc.roles.ministerSuffix;
  if (bare.endsWith(suffix)) {
    const key = resolveActorName(bare.slice(0, -suffix.length) + ministry, pc.reg.lexicon);
    if (key !== null) return key;
  }
  const entry = pc.roles.impliedAffiliation.find((e) => e.title === bare);
  if (!entry) return null;
  return entry.affiliation === 'single-ministry' ? pc.singleMinistry : entry.affiliation;
}

/** A name is not a person when it is an organisation or place, or overlaps one. */
function plausible(s: Sighting, pc: PersonContext): boolean {
  if (pc.orgs.some((o) => overlaps(o.span, s.span))) return false;
  return !s.name.split(' ').some((w) => pc.reg.ci.has(fold(w)) || pc.reg.cs.has(w) || pc.reg.places.has(fold(w)));
}

/** One record per name: the role from the most telling pattern, the first affiliation found by rank. */
function merge(sightings: readonly Sighting[]): Map<string, Person> {
  const byName = new Map<string, Sighting[]>();
  for (const s of sightings) byName.set(s.name, [...(byName.get(s.name) ?? []), s]);
  const people = new Map<string, Person>();
  for (const [name, list] of byName) {
    const ranked = [...list].sort((a, b) => b.rank - a.rank || a.span.start - b.span.start);
    people.set(name, {
      role: ranked.find((s) => s.role !== null)?.role ?? null,
      affiliation: ranked.find((s) => s.affiliation !== null)?.affiliation ?? null,
    });
  }
  return people;
}

function toCandidate(s: Sighting, person: Person): Candidate {
  return {
    key: s.name,
    type: 'person',
    span: s.span,
    name: s.span,
    genitive: false,
    ruleId: s.ruleId,
    confidence: s.confidence,
    priority: 2,
    source: 'discovered',
    affiliation: person.affiliation,
    role: person.role,
  };
}

/** Later mentions of a known person: the full name again, or the surname alone ("sier Helgesen"). */
function repeats(pc: PersonContext, people: Map<string, Person>, found: readonly Candidate[]): Candidate[] {
  if (people.size === 0) return [];
  const surnames = new Map<string, string[]>();
  for (const name of people.keys()) {
    const last = name.split(' ').at(-1) as string;
    surnames.set(last, [...(surnames.get(last) ?? []), name]);
  }
  const forms = [...people.keys(), ...[...surnames].filter(([, names]) => names.length === 1).map(([s]) => s)];
  const re = new RegExp(`(?<![\\p{L}\\p{N}])(${forms.sort((a, b) => b.length - a.length).map(escapeRe).join('|')})(s)?(?![\\p{L}\\p{N}])`, 'gu');
  const out: Candidate[] = [];
  for (const m of pc.text.matchAll(re)) {
    const span = { start: m.index, end: m.index + m[0].length };
    if (found.some((f) => overlaps(f.span, span)) || pc.orgs.some((o) => overlaps(o.span, span))) continue;
    const form = m[1] as string;
    const key = people.has(form) ? form : (surnames.get(form) as string[])[0] as string;
    const person = people.get(key) as Person;
    out.push({
      key,
      type: 'person',
      span,
      name: { start: m.index, end: m.index + form.length },
      genitive: m[2] !== undefined,
      ruleId: people.has(form) ? 'person-name-repeat' : 'person-surname',
      confidence: people.has(form) ? 0.85 : 0.75,
      priority: 1,
      source: 'discovered',
      affiliation: person.affiliation,
      role: person.role,
    });
  }
  return out;
}
