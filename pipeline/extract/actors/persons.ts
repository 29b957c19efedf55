import type { Span } from '../../document.ts';
import { formsIn } from '../scan/literals.ts';
import { perLexicon } from '../scan/memo.ts';
import type { Candidate } from './candidate.ts';
import { appositions, bylines, listedNames, namesBeforeTitledOrgs, signatures, speakers, titledNames } from './person-patterns.ts';
import type { Registry } from './registry.ts';
import type { RolesLexicon } from './roles.ts';
import { fold, overlaps } from './text.ts';

/** One sighting of a person by a pattern, with what it says about role and affiliation. */
export interface Sighting {
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
 * "ORG-tittel Navn", "tittel Navn (ORG)", "Navn (ORG)", lists after a plural title ("stortingsrepresentantene A og B"),
 * appositions ("Byråd for eldre, Anne Lise Ruud,"), full names after a speech verb ("sier Siri Haugen"),
 * news bylines and signature blocks (a name line
 * followed by a title line); later full-name and bare-surname mentions ("sier Helgesen") resolve to the same person.
 */
export function findPersons(pc: PersonContext): Candidate[] {
  const named = [...titledNames(pc), ...namesBeforeTitledOrgs(pc), ...listedNames(pc), ...appositions(pc), ...signatures(pc), ...bylines(pc)];
  // A speaker another pattern knows is a repeat of them ("sier Aamot Strand" of Lise Aamot Strand), not a new sighting.
  const quoted = speakers(pc).filter((q) => !named.some((s) => s.name === q.name || s.name.endsWith(` ${q.name}`)));
  const sightings = [...named, ...quoted].filter((s) => plausible(s, pc));
  const people = merge(sightings);
  const cands: Candidate[] = sightings.map((s) => toCandidate(s, people.get(s.name) as Person));
  return cands.concat(repeats(pc, people, cands));
}

/** What the document says about one person, merged over its sightings. */
interface Person {
  role: string | null;
  affiliation: string | null;
}

/**
 * A name is not a person when it overlaps an organisation, or one of its words is an actor's name, an
 * organisation-name prefix ("Norske") or ends like an organisation ("…organisasjon", "…forbund").
 */
function plausible(s: Sighting, pc: PersonContext): boolean {
  if (pc.orgs.some((o) => overlaps(o.span, s.span))) return false;
  const { prefixes, stems } = notNameWords(pc.reg.lexicon.discovery);
  return !s.name.split(' ').some((w) => {
    const f = fold(w);
    // Place names are no test: they are common surnames (Berg, Moss, Ås); a place inside an org name overlaps the org.
    return pc.reg.ci.has(f) || pc.reg.cs.has(w) || prefixes.has(f) || stems.some((x) => f.endsWith(x));
  });
}

/** Organisation-name prefixes (folded) and org endings without their definite ending ("organisasjonen" → "organisasjon"). */
const notNameWords = perLexicon((d: Registry['lexicon']['discovery']) => ({
  prefixes: new Set(d.namePrefixes.map(fold)),
  stems: d.orgSuffixes.map((x) => x.suffix.replace(/(?:et|en|a)$/u, '')).filter((x) => x.length >= 3),
}));

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

/**
 * Later mentions of a known person: the full name again, or the surname alone ("sier Helgesen"), a double surname
 * included ("sier Aamot Strand" for Lise Aamot Strand).
 */
function repeats(pc: PersonContext, people: Map<string, Person>, found: readonly Candidate[]): Candidate[] {
  if (people.size === 0) return [];
  const surnames = new Map<string, string[]>();
  for (const name of people.keys()) {
    const words = name.split(' ');
    for (let k = 1; k < words.length; k++) {
      const tail = words.slice(k).join(' ');
      surnames.set(tail, [...(surnames.get(tail) ?? []), name]);
    }
  }
  const forms = [...people.keys(), ...[...surnames].filter(([, names]) => names.length === 1).map(([s]) => s)];
  const out: Candidate[] = [];
  for (const m of formsIn(pc.text, forms.sort((a, b) => b.length - a.length))) {
    const form = m.form;
    const span = { start: m.index, end: m.index + form.length + (m.genitive ? 1 : 0) };
    if (found.some((f) => overlaps(f.span, span)) || pc.orgs.some((o) => overlaps(o.span, span))) continue;
    const key = people.has(form) ? form : (surnames.get(form) as string[])[0] as string;
    const person = people.get(key) as Person;
    out.push({
      key,
      type: 'person',
      span,
      name: { start: m.index, end: m.index + form.length },
      genitive: m.genitive,
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
