import type { Span } from '../../document.ts';
import { type Candidate, candidateAt } from './candidate.ts';
import type { PersonContext, Sighting } from './persons.ts';
import { resolveActorName } from './registry.ts';
import { acceptedBetween, matchesIn } from '../scan/anchored.ts';
import { nameLines } from './name-lines.ts';
import { personPatterns, titleBeforeIn } from './person-scans.ts';
import { rolePatterns } from './roles.ts';
import { filledCleanLines, fold, squash } from './text.ts';

// The patterns that see a named person: each gives the name's span, the title as written and the
// organisation the person speaks for.

/** "Navn, tittel i ORG", "tittel Navn", "tittel Navn (ORG)", "Navn (ORG)", "ORG-tittel Navn". */
export function titledNames(pc: PersonContext): Sighting[] {
  const pp = personPatterns(pc.roles);
  const { text } = pc;
  const out: Sighting[] = [];
  // Navn, tittel [i] ORG  — and the same without the comma when a signature was joined into one line; also with a
  // relative link ("Kari Hansen, som er leder i Fagforbundet").
  for (const m of matchesIn(text, pp.nameTitle)) {
    const [ns, ne] = m.indices?.[1] as [number, number];
    const rs = (m.indices?.[3] as [number, number])[0];
    const org = candidateAt(pc.orgs, text, m.index + m[0].length);
    if (m[2] === '' && !org) continue;
    const role = org ? text.slice(rs, org.span.end) : (m[3] as string);
    const aff = org ? orgKey(org) : implied(m[3] as string, pc);
    out.push(sighting(text, ns, ne, role, aff, org ? 'person-name-title-org' : 'person-name-title', org ? 0.85 : 0.7, org ? 4 : 2));
  }
  // tittel Navn [(ORG)], tittel Navn i ORG ("generalsekretær Arvid Skjelbred i Pensjonistforbundet"), ORGs tittel Navn
  // ("LOs leder Peggy Hessen Følsvik")
  const prepAfter = pp.prepAfter;
  for (const m of matchesIn(text, pp.titleName)) {
    const [ns, ne] = m.indices?.[2] as [number, number];
    const paren = /^[ \t]*\(/.exec(text.slice(ne, ne + 3));
    const prep = paren ? null : prepAfter.exec(text.slice(ne, ne + 12));
    const org = paren ? candidateAt(pc.orgs, text, ne + paren[0].length) : prep ? candidateAt(pc.orgs, text, ne + prep[0].length) : null;
    const closed = org !== null && (prep !== null || /^\s*\)/.test(text.slice(org.span.end)));
    const owner = closed ? null : pc.orgs.find((o) => o.genitive && o.span.end <= m.index && /^[ \t]+$/.test(text.slice(o.span.end, m.index)));
    const aff = closed && org ? orgKey(org) : owner ? orgKey(owner) : implied(m[1] as string, pc);
    const ruleId = closed ? 'person-title-name-org' : owner ? 'person-org-genitive-title-name' : 'person-title-name';
    out.push(sighting(text, ns, ne, m[1] as string, aff, ruleId, 0.8, closed || owner ? 2 : 1));
  }
  // Navn (ORG)
  for (const m of matchesIn(text, pp.nameParen)) {
    const [ns, ne] = m.indices?.[1] as [number, number];
    const org = candidateAt(pc.orgs, text, m.index + m[0].length);
    if (!org || !/^\s*\)/.test(text.slice(org.span.end))) continue;
    out.push(sighting(text, ns, ne, null, orgKey(org), 'person-name-org', 0.75, 2));
  }
  // ORG-tittel Navn: "SV-leder Kirsti Bergstø"
  for (const m of matchesIn(text, pp.orgTitleName)) {
    const key = resolveActorName(m[1] as string, pc.reg.lexicon);
    if (key === null) continue;
    const [ns, ne] = m.indices?.[3] as [number, number];
    out.push(sighting(text, ns, ne, `${m[1]}-${m[2]}`, key, 'person-org-title-name', 0.8, 3));
  }
  return out;
}

/**
 * Names listed after a plural title or a label: "stortingsrepresentantene A, B og C (KrF)", "fra
 * stortingsrepresentantene A og B fra Venstre", "Forslagsstillere: A (MDG), B (MDG)". Each person takes the
 * title's singular as role; an organisation in brackets after one name is that person's, and one after the
 * last name of a list where no other name has its own (or "fra ORG" after the list) belongs to every name.
 */
export function listedNames(pc: PersonContext): Sighting[] {
  if (pc.roles.listTitles.length === 0) return [];
  const pp = personPatterns(pc.roles);
  const { text } = pc;
  const byForm = new Map(pc.roles.listTitles.map((t) => [fold(t.form), t.title] as const));
  const name = pp.nameStart;
  const paren = /^[ \t]*\([ \t]*/u;
  // Lists may break across lines in PDF text; a name never does.
  const separator = /^\s*(?:,|og(?![\p{L}]))\s*/u;
  const from = /^\s+(?:fra|for)\s+/u;
  const out: Sighting[] = [];
  for (const m of matchesIn(text, pp.listLead)) {
    const title = byForm.get(fold(m[1] as string)) ?? null;
    const listed: { span: Span; org: string | null }[] = [];
    let at = m.index + m[0].length;
    for (;;) {
      const n = name.exec(text.slice(at, at + 80));
      if (!n) break;
      const span = { start: at, end: at + n[0].length };
      at = span.end;
      let org: string | null = null;
      const open = paren.exec(text.slice(at, at + 4));
      const inner = open ? candidateAt(pc.orgs, text, at + open[0].length) : null;
      if (open && inner && /^[ \t]*\)/.test(text.slice(inner.span.end))) {
        org = orgKey(inner);
        at = inner.span.end + (/^[ \t]*\)/.exec(text.slice(inner.span.end)) as RegExpExecArray)[0].length;
      }
      listed.push({ span, org });
      const sep = separator.exec(text.slice(at, at + 6));
      if (!sep || !name.test(text.slice(at + sep[0].length, at + sep[0].length + 80))) break;
      at += sep[0].length;
    }
    if (listed.length === 0) continue;
    const own = listed.filter((l) => l.org !== null);
    const last = listed[listed.length - 1] as (typeof listed)[number];
    const fromOrg = from.exec(text.slice(at, at + 8));
    const after = fromOrg ? candidateAt(pc.orgs, text, at + fromOrg[0].length) : null;
    const shared = own.length === 1 && last.org !== null && listed.length > 1 ? last.org : after ? orgKey(after) : null;
    for (const l of listed) {
      const written = (own.length > 1 ? l.org : null) ?? shared ?? l.org;
      // An organisation written in the list tells more than one the title implies (a representative's party, not Stortinget).
      const aff = written ?? (title === null ? null : implied(title, pc));
      out.push(sighting(text, l.span.start, l.span.end, title, aff, 'person-listed', 0.8, written === null ? 1 : 3));
    }
  }
  return out;
}

/**
 * Names set off by commas after a title phrase that names no known organisation: "Hovedtillitsvalgt i bydel
 * Grünerløkka, Siri Haugen, forteller …", "Byråd for eldre, Anne Lise Ruud, sier …". The phrase is the role.
 */
export function appositions(pc: PersonContext): Sighting[] {
  const { text } = pc;
  const out: Sighting[] = [];
  for (const m of matchesIn(text, personPatterns(pc.roles).apposition)) {
    const [ns, ne] = m.indices?.[2] as [number, number];
    const [rs, re_] = m.indices?.[1] as [number, number];
    // "leder i Fagforbundet, Kari Dahl," is the organisation's (namesBeforeTitledOrgs); this one names none.
    if (pc.orgs.some((o) => o.span.start >= rs && o.span.end <= re_)) continue;
    out.push(sighting(text, ns, ne, m[1] as string, implied(m[1] as string, pc), 'person-apposition', 0.7, 1));
  }
  return out;
}

/** A full name right after a speech verb (", sier Siri Haugen."): a quoted person, role and organisation unknown here. */
export function speakers(pc: PersonContext): Sighting[] {
  const { text } = pc;
  const out: Sighting[] = [];
  for (const m of matchesIn(text, personPatterns(pc.roles).speaker)) {
    const [ns, ne] = m.indices?.[1] as [number, number];
    out.push(sighting(text, ns, ne, null, null, 'person-speaker', 0.65, 0));
  }
  return out;
}

/** "tittel i ORG, Navn": the title and organisation come first. */
export function namesBeforeTitledOrgs(pc: PersonContext): Sighting[] {
  const { nameAfter: after, titleEndsBefore } = personPatterns(pc.roles);
  const { text } = pc;
  const out: Sighting[] = [];
  for (const org of pc.orgs) {
    const from = Math.max(0, org.span.start - 100);
    if (titleEndsBefore !== null && !titleEndsBefore(text, from, org.span.start)) continue;
    const b = titleBeforeIn(pc.roles, text, from, org.span.start);
    const a = b && after.exec(text.slice(org.span.end, org.span.end + 80));
    if (!b || !a) continue;
    const [ns, ne] = (a.indices?.[1] as [number, number]).map((i) => i + org.span.end) as [number, number];
    out.push(sighting(text, ns, ne, text.slice(from + b.index, org.span.end), orgKey(org), 'person-title-org-name', 0.85, 4));
  }
  return out;
}

// The start a name needs (its first part and the capital of the next), without the name pattern's word checks.
const TWO_CAPITALISED = /^\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?[ \t]\p{Lu}\p{Ll}/u;

// What a line the name pattern matches whole looks like: two to four capitalised words (maybe double) between spaces.
const NAME_SHAPED_LINE = /^\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?(?:[ \t]\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?){1,3}$/u;

// A signature's title line is short: "Forbundsleder i FO", "Fylkesleder SV Vestfold og Telemark".
const SIGNATURE_TITLE_WORDS = 8;

/**
 * Signatures: a name alone on a line followed by a title line ("Mimmi Kvisvik" / "Forbundsleder i FO"), or
 * both on one line once the lines were joined ("Torunn Bakke Aasen leder"). Without an organisation in the
 * title line, the signer speaks for the organisation named alone on a line just above ("Med vennlig hilsen" /
 * "Utdanningsforbundet"), else for what the title implies.
 */
export function signatures(pc: PersonContext): Sighting[] {
  const lines = nameLines(pc.roles);
  const { titleAnchor } = rolePatterns(pc.roles);
  const { text } = pc;
  const all = filledCleanLines(text);
  const short = (s: string) => s.split(/\s+/).length <= SIGNATURE_TITLE_WORDS;
  const out: Sighting[] = [];
  for (let i = 0; i < all.length; i++) {
    const line = all[i] as Line;
    let name: Span;
    let role: Line;
    // Both patterns open with a name: two capitalised words. Most lines open otherwise, and this test is cheap.
    if (!TWO_CAPITALISED.test(line.text)) continue;
    const next = all[i + 1];
    // A name line is capitalised words only (the name pattern without its word checks): most lines are more.
    if (NAME_SHAPED_LINE.test(line.text) && lines.isName(line.text) && next && lines.titleAt(next.text) !== null && short(next.text)) {
      name = line.span;
      role = next;
    } else {
      // The title after the name starts at a word the title anchor accepts; most lines hold none after their first word.
      if (titleAnchor !== null && !acceptedBetween(text, titleAnchor, line.span.start + 1, line.span.end)) continue;
      const joined = lines.nameThenTitle(line.text);
      if (!joined || !short(joined.title)) continue;
      const [ns, ne] = joined.name;
      name = { start: line.span.start + ns, end: line.span.start + ne };
      role = { text: joined.title, span: { start: line.span.start + joined.titleStart, end: line.span.end } };
    }
    const org = pc.orgs.find((o) => o.span.start >= role.span.start && o.span.end <= role.span.end);
    const title = lines.titleAt(role.text)?.[0] ?? role.text;
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

/**
 * The organisation named alone on one of the lines just above line `i` ("Utdanningsforbundet", or after a label:
 * "For Agder Arbeiderparti"), stopping at running text.
 */
function orgLineAbove(all: readonly Line[], i: number, pc: PersonContext): string | null {
  const label = personPatterns(pc.roles).signatureLabel;
  for (let j = i - 1; j >= 0 && j >= i - CLOSING_LINES_UP; j--) {
    const line = all[j] as Line;
    if (line.text.split(/\s+/).length > SIGNATURE_TITLE_WORDS) return null;
    const start = line.span.start + (pc.roles.signatureLabels.length > 0 ? (label.exec(line.text)?.[0].length ?? 0) : 0);
    const org = pc.orgs.find((o) => o.span.start === start && /^[\s.,]*$/.test(pc.text.slice(o.span.end, line.span.end)));
    if (org) return orgKey(org);
  }
  return null;
}

/**
 * A news byline: "Av Marte Solhaug, NTB", "Tekst: Kari Nordmann (NTB)". The label is matched with its
 * capital, so a byline joined onto the headline's line is still found ("… ikke over Av Marte Solhaug, NTB").
 */
export function bylines(pc: PersonContext): Sighting[] {
  const { text } = pc;
  const out: Sighting[] = [];
  for (const m of matchesIn(text, personPatterns(pc.roles).byline)) {
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
