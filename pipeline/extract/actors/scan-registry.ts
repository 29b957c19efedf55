import type { Span } from '../../document.ts';
import type { ActorType } from '../../models/vocab.ts';
import { matchesIn } from '../scan/anchored.ts';
import { perLexicon } from '../scan/memo.ts';
import type { Candidate } from './candidate.ts';
import { type FormMode, type Registry, GENITIVE } from './registry.ts';
import { alternation, fold, formSource, isAllCapsLine, isSentenceInitial, isWordChar, squash } from './text.ts';

/** A document-local abbreviation ("(SV)" after a branch's name) and the actor it stands for. */
export interface LocalAbbreviation {
  key: string;
  type: ActorType;
  source: 'registry' | 'discovered';
  affiliation: string | null;
}

const RULES: Record<FormMode | 'local', { ruleId: string; confidence: number; priority: number }> = {
  ci: { ruleId: 'actor-registry', confidence: 0.95, priority: 2 },
  exact: { ruleId: 'actor-registry-abbr', confidence: 0.9, priority: 2 },
  common: { ruleId: 'actor-registry-common', confidence: 0.8, priority: 1 },
  listOnly: { ruleId: 'actor-registry-party-list', confidence: 0.75, priority: 1 },
  local: { ruleId: 'actor-acronym-local', confidence: 0.9, priority: 3 },
};
/** A voice verb after a name, or a headline's colon; compiled once per list of verbs. */
const speaksAfter = perLexicon((verbs: readonly string[]) => new RegExp(`^(?::[ \t]|[ \t]+${alternation(verbs)}(?![\\p{L}]))`, 'u'));

const COMPOUND = { ruleId: 'actor-registry-compound', confidence: 0.6, priority: 0 };
const DAMAGED = { ruleId: 'actor-registry-ligature', confidence: 0.7, priority: 1 };

/**
 * Every registry name, alias and abbreviation in the text, plus the document's own abbreviations.
 * Genitives ("LOs", "KS'", "Arbeiderpartiets") resolve to the actor. A compound led by the name
 * ("Nav-lederne", "NAV-kontorene", "NAV-partnerskapet") names something of the organisation, so the
 * organisation is mentioned in it: the name part is a mention, with low confidence and the lowest
 * priority (any longer reading such as "EU-kommisjonen" or "Høyre-regjeringen" wins). A name at the end
 * of a compound ("fylkes-NAV") or cut off before "- og" ("stortings- og sametingsvalg") is no mention.
 * Names that lost a ligature glyph in PDF text ("Konserva vt") are read too; an abbreviation the document defines
 * for another name (`shadowed`) is not read with its registry meaning.
 */
export function scanRegistry(
  text: string,
  reg: Registry,
  local: ReadonlyMap<string, LocalAbbreviation>,
  voiceVerbs: readonly string[] = [],
  shadowed: ReadonlySet<string> = new Set(),
): Candidate[] {
  const out: Candidate[] = [];
  // A voice verb after the name, or the colon of a headline that quotes it ("Delta: – Heltid må bli normalen").
  const speaks = voiceVerbs.length === 0 ? null : speaksAfter(voiceVerbs);
  const push = (m: RegExpExecArray, key: string, type: ActorType, mode: FormMode | 'local', extra?: Partial<Candidate>, damaged = false) => {
    const span = nameSpan(text, m);
    if (span === null || (span.compound && (mode === 'common' || mode === 'listOnly' || damaged))) return;
    const rule = span.compound ? COMPOUND : damaged ? DAMAGED : RULES[mode];
    out.push({
      key,
      type,
      span: span.whole,
      name: span.name,
      genitive: span.whole.end > span.name.end,
      ...rule,
      source: 'registry',
      affiliation: null,
      role: null,
      ...extra,
    });
  };
  for (const m of matchesIn(text, reg.ciRe)) {
    const key = reg.ci.get(fold(m[1] as string));
    const actor = key === undefined ? undefined : reg.byKey.get(key);
    if (actor) push(m, actor.name, actor.type, 'ci');
  }
  for (const m of matchesIn(text, reg.csRe)) {
    const form = squash(m[1] as string);
    const entry = reg.cs.get(form);
    const actor = entry && reg.byKey.get(entry.key);
    if (!entry || !actor || local.has(form) || shadowed.has(form)) continue;
    const at = m.index;
    const name = m[1] as string;
    if (entry.mode === 'common' && (isAllCapsLine(text, at) || (isSentenceInitial(text, at) && !namedSubject(text, at, name, speaks, reg.lexicon.discovery.definiteEndings)))) continue;
    if (entry.mode === 'listOnly' && !inPartyList(text, { start: at, end: at + name.length }, reg) && !afterPersonName(text, { start: at, end: at + name.length })) continue;
    push(m, actor.name, actor.type, entry.mode, undefined, entry.damaged === true);
  }
  if (local.size > 0) {
    const re = new RegExp(`(?<![\\p{L}\\p{N}])(${alternation(local.keys())})${GENITIVE}(?![\\p{L}\\p{N}])`, 'gu');
    for (const m of text.matchAll(re)) {
      const abbr = local.get(squash(m[1] as string));
      if (abbr) push(m, abbr.key, abbr.type, 'local', { source: abbr.source, affiliation: abbr.affiliation });
    }
  }
  return out;
}

/**
 * A name that is also a word ("Delta", "Spekter") at the start of a sentence is the name when a voice verb follows it
 * ("Konservativt vil:", "Spekter mener"); a name shaped like a definite noun ("Lederne", "Alliansen") only when the
 * text also writes it with its capital inside a sentence.
 */
function namedSubject(text: string, at: number, name: string, speaks: RegExp | null, definite: readonly string[]): boolean {
  if (speaks === null || !speaks.test(text.slice(at + name.length, at + name.length + 40))) return false;
  if (!definite.some((e) => name.toLowerCase().endsWith(e))) return true;
  for (const m of text.matchAll(wholeName(name))) if (!isSentenceInitial(text, m.index)) return true;
  return false;
}

// A registry name as a whole word; there are as many as registry names, so they are kept once made.
const wholeNames = new Map<string, RegExp>();

function wholeName(name: string): RegExp {
  let re = wholeNames.get(name);
  if (re === undefined) {
    re = new RegExp(`(?<![\\p{L}\\p{N}])${formSource(name)}(?![\\p{L}\\p{N}])`, 'gu');
    wholeNames.set(name, re);
  }
  return re;
}

/** The name's span and the span with its genitive ending; null when the name is no mention (see scanRegistry). */
function nameSpan(text: string, m: RegExpExecArray): { name: Span; whole: Span; compound: boolean } | null {
  const start = m.index;
  const base = m[1] as string;
  let gen = m[2] ?? '';
  const nameEnd = start + base.length;
  // A lone apostrophe marks the genitive only after s, x or z; otherwise it closes a quotation.
  if ((gen === "'" || gen === '’') && !/[sxzSXZ]$/.test(base)) gen = '';
  const end = nameEnd + gen.length;
  if (text[start - 1] === '-' && isWordChar(text[start - 2])) return null;
  if (text[nameEnd] === '-') {
    if (gen !== '' || !isWordChar(text[nameEnd + 1])) return null;
    return { name: { start, end: nameEnd }, whole: { start, end: nameEnd }, compound: true };
  }
  if (text[end] === '-') return null;
  return { name: { start, end: nameEnd }, whole: { start, end }, compound: false };
}

// "Ingrid Solheim (H)", "… sa Solheim (H)": a capitalised name word, then the abbreviation alone in brackets.
const NAME_BEFORE_BRACKET = /(\p{Lu}\p{Ll}+[ \t]+)?(\p{Lu}\p{Ll}+)[ \t]*\($/u;

/**
 * True when a one-letter party abbreviation stands in brackets right after a name, as representatives' parties do:
 * a first name and a surname, or a surname inside a sentence ("Alternativ (A)" opening a sentence is no name).
 */
function afterPersonName(text: string, span: Span): boolean {
  const lead = text.slice(Math.max(0, span.start - 40), span.start);
  const m = NAME_BEFORE_BRACKET.exec(lead);
  if (!m || !/^[ \t]*\)/.test(text.slice(span.end, span.end + 3))) return false;
  const word = span.start - lead.length + m.index + (m[1]?.length ?? 0);
  return m[1] !== undefined || !isSentenceInitial(text, word);
}

// Separators inside a list of parties: "Ap, H og V", "H/V", "SV + R".
const LEFT_LIST = /([\p{L}]+)\s*(?:,|\/|\+|&|\bog|\beller)\s*$/u;
const RIGHT_LIST = /^\s*(?:,|\/|\+|&|og\b|eller\b)\s*([\p{L}]+)/u;

/** True when a one-letter party abbreviation stands next to another party name in a list. */
export function inPartyList(text: string, span: Span, reg: Registry): boolean {
  const left = LEFT_LIST.exec(text.slice(Math.max(0, span.start - 40), span.start));
  const right = RIGHT_LIST.exec(text.slice(span.end, span.end + 40));
  return [left?.[1], right?.[1]].some((w) => w !== undefined && reg.partyForms.has(fold(w)));
}
