import type { Span } from '../../document.ts';
import { type Candidate, candidateAt } from './candidate.ts';
import { type Registry, resolveActorName } from './registry.ts';
import { type RolesLexicon, rolePatterns } from './roles.ts';
import { alternation, cleanLine, escapeRe, fold, lines, overlaps, squash } from './text.ts';

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
 * "ORG-tittel Navn", "tittel Navn (ORG)", "Navn (ORG)", news bylines and signature blocks (a name line
 * followed by a title line); later full-name and bare-surname mentions ("sier Helgesen") resolve to the same person.
 */
export function findPersons(pc: PersonContext): Candidate[] {
  const sightings = [...titledNames(pc), ...namesBeforeTitledOrgs(pc), ...signatures(pc), ...bylines(pc)].filter((s) => plausible(s, pc));
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

// A signature's title line is short: "Forbundsleder i FO", "Fylkesleder SV Vestfold og Telemark".
const SIGNATURE_TITLE_WORDS = 8;

/**
 * Signatures: a name alone on a line followed by a title line ("Mimmi Kvisvik" / "Forbundsleder i FO"), or
 * both on one line once the lines were joined ("Torunn Bakke Aasen leder"). Without an organisation in the
 * title line, the signer speaks for the organisation named alone on a line just above ("Med vennlig hilsen" /
 * "Utdanningsforbundet"), else for what the title implies.
 */
function signatures(pc: PersonContext): Sighting[] {
  const p = rolePatterns(pc.roles);
  const { text } = pc;
  const nameLine = new RegExp(`^${p.name}$`, 'u');
  const nameTitleLine = new RegExp(`^(${p.name})[ \\t]+(${p.title}.*)$`, 'du');
  const titleStart = new RegExp(`^${p.title}`, 'u');
  const all = lines(text)
    .map((l) => cleanLine(text, l))
    .filter((l) => l.text !== '');
  const short = (s: string) => s.split(/\s+/).length <= SIGNATURE_TITLE_WORDS;
  const out: Sighting[] = [];
  for (let i = 0; i < all.length; i++) {
    const line = all[i] as Line;
    let name: Span;
    let role: Line;
    const joined = nameTitleLine.exec(line.text);
    if (nameLine.test(line.text) && all[i + 1] && titleStart.test((all[i + 1] as Line).text) && short((all[i + 1] as Line).text)) {
      name = line.span;
      role = all[i + 1] as Line;
    } else if (joined && short(joined[2] as string)) {
      const [ns, ne] = joined.indices?.[1] as [number, number];
      const rs = (joined.indices?.[2] as [number, number])[0];
      name = { start: line.span.start + ns, end: line.span.start + ne };
      role = { text: joined[2] as string, span: { start: line.span.start + rs, end: line.span.end } };
    } else continue;
    const org = pc.orgs.find((o) => o.span.start >= role.span.start && o.span.end <= role.span.end);
    const title = titleStart.exec(role.text)?.[0] ?? role.text;
    const aff = org ? orgKey(org) : (orgLineAbove(all, i, pc) ?? implied(title, pc));
    out.push(sighting(text, name.start, name.end, role.text, aff, 'person-signature', 0.9, 5));
  }
  return out;
}

interface Line {
  text: string;
  span: Span;
}

// How far above a signature the organisation line of the closing may stand.
const CLOSING_LINES_UP = 4;

/** The organisation named alone on one of the lines just above line `i`, stopping at running text. */
function orgLineAbove(all: readonly Line[], i: number, pc: PersonContext): string | null {
  for (let j = i - 1; j >= 0 && j >= i - CLOSING_LINES_UP; j--) {
    const line = all[j] as Line;
    if (line.text.split(/\s+/).length > SIGNATURE_TITLE_WORDS) return null;
    const org = pc.orgs.find((o) => o.span.start === line.span.start && /^[\s.,]*$/.test(pc.text.slice(o.span.end, line.span.end)));
    if (org) return orgKey(org);
  }
  return null;
}

/** A news byline: "Av Marte Solhaug, NTB", "Tekst: Kari Nordmann (NTB)". */
function bylines(pc: PersonContext): Sighting[] {
  const p = rolePatterns(pc.roles);
  const { text } = pc;
  const re = new RegExp(`(?<=^|\\n)[ \\t*_]*${alternation(pc.roles.bylineLabels)}:?[ \\t]+(${p.name})(?:[ \\t]*,[ \\t]*|[ \\t]*\\([ \\t]*)`, 'gdu');
  const out: Sighting[] = [];
  for (const m of text.matchAll(re)) {
    const org = candidateAt(pc.orgs, text, m.index + m[0].length);
    if (!org) continue;
    const [ns, ne] = m.indices?.[1] as [number, number];
    out.push(sighting(text, ns, ne, null, orgKey(org), 'person-byline', 0.85, 3));
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

/**
 * A name is not a person when it overlaps an organisation, or one of its words is an actor or place name,
 * an organisation-name prefix ("Norske") or ends like an organisation ("…organisasjon", "…forbund").
 */
function plausible(s: Sighting, pc: PersonContext): boolean {
  if (pc.orgs.some((o) => overlaps(o.span, s.span))) return false;
  const d = pc.reg.lexicon.discovery;
  const prefixes = new Set(d.namePrefixes.map(fold));
  // The org endings without their definite ending: "organisasjonen" → "organisasjon".
  const stems = d.orgSuffixes.map((x) => x.suffix.replace(/(?:et|en|a)$/u, '')).filter((x) => x.length >= 3);
  return !s.name.split(' ').some((w) => {
    const f = fold(w);
    return pc.reg.ci.has(f) || pc.reg.cs.has(w) || pc.reg.places.has(f) || prefixes.has(f) || stems.some((x) => f.endsWith(x));
  });
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
