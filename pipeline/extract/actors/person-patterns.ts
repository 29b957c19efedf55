import type { Span } from '../../document.ts';
import { type Candidate, candidateAt } from './candidate.ts';
import type { PersonContext, Sighting } from './persons.ts';
import { resolveActorName } from './registry.ts';
import { rolePatterns } from './roles.ts';
import { cleanLine, escapeRe, fold, lines, squash } from './text.ts';

// The patterns that see a named person: each gives the name's span, the title as written and the
// organisation the person speaks for.

/** Alternation of literal words, longest first, matched with their case. */
const alternationExact = (words: readonly string[]): string => `(?:${[...words].sort((a, b) => b.length - a.length).map(escapeRe).join('|')})`;

/** "Navn, tittel i ORG", "tittel Navn", "tittel Navn (ORG)", "Navn (ORG)", "ORG-tittel Navn". */
export function titledNames(pc: PersonContext): Sighting[] {
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
  // tittel Navn [(ORG)], tittel Navn i ORG ("generalsekretær Arvid Skjelbred i Pensjonistforbundet")
  const prepAfter = new RegExp(`^[ \\t]+${p.preposition}[ \\t]+`, 'u');
  for (const m of text.matchAll(new RegExp(`(${p.title})[ \\t]+(${p.name})`, 'gdu'))) {
    const [ns, ne] = m.indices?.[2] as [number, number];
    const paren = /^[ \t]*\(/.exec(text.slice(ne, ne + 3));
    const prep = paren ? null : prepAfter.exec(text.slice(ne, ne + 12));
    const org = paren ? candidateAt(pc.orgs, text, ne + paren[0].length) : prep ? candidateAt(pc.orgs, text, ne + prep[0].length) : null;
    const closed = org !== null && (prep !== null || /^\s*\)/.test(text.slice(org.span.end)));
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
export function namesBeforeTitledOrgs(pc: PersonContext): Sighting[] {
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
export function signatures(pc: PersonContext): Sighting[] {
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

/**
 * A news byline: "Av Marte Solhaug, NTB", "Tekst: Kari Nordmann (NTB)". The label is matched with its
 * capital, so a byline joined onto the headline's line is still found ("… ikke over Av Marte Solhaug, NTB").
 */
export function bylines(pc: PersonContext): Sighting[] {
  const p = rolePatterns(pc.roles);
  const { text } = pc;
  const re = new RegExp(`(?<![\\p{L}\\p{N}])${alternationExact(pc.roles.bylineLabels)}:?[ \\t]+(${p.name})(?:[ \\t]*,[ \\t]*|[ \\t]*\\([ \\t]*)`, 'gdu');
  const out: Sighting[] = [];
  for (const m of text.matchAll(re)) {
    const org = candidateAt(pc.orgs, text, m.index + m[0].length);
    if (!org) continue;
    const [ns, ne] = m.indices?.[1] as [number, number];
    out.push(sighting(text, ns, ne, null, orgKey(org), 'person-byline', 0.85, 3));
  }
  return out;
}

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
