import type { ActorType } from '../../models/vocab.ts';
import type { Candidate } from './candidate.ts';
import type { Registry } from './registry.ts';
import { alternation, escapeRe, fold, isSentenceInitial, overlaps } from './text.ts';

const WORDS = /(?<![\p{L}\p{N}])\p{L}[\p{L}-]*\p{L}/gu;

/**
 * Organisations the registry does not know, from their names' endings: a capitalised word ending in
 * …departementet, …direktoratet, …utvalget, …partiet, …tilsynet, …foreningen, …organisasjonen, …etaten
 * (the list is in actors.yaml), with name prefixes such as "Norsk" or "Statens" and multi-part ministry
 * names ("Olje- og energidepartementet"). A capitalised word at the start of a sentence is only a name
 * when it is also written with a capital inside a sentence.
 */
export function discoverOrgs(text: string, reg: Registry, known: readonly Candidate[]): Candidate[] {
  const d = reg.lexicon.discovery;
  const suffixes = [...d.orgSuffixes].sort((a, b) => b.suffix.length - a.suffix.length);
  const notActors = new Set(d.notActors.map(fold));
  const prefixRe = new RegExp(`(?<![\\p{L}])${alternation(d.namePrefixes)}\\s+$`, 'u');
  const partsRe = /(?<![\p{L}])\p{Lu}\p{L}*-,?\s+(?:\p{L}+-,?\s+)*og\s+$/u;
  const out: Candidate[] = [];
  for (const m of text.matchAll(WORDS)) {
    const word = m[0];
    const start = m.index;
    const lower = word.toLowerCase();
    let found = suffixes.find((s) => lower.endsWith(s.suffix));
    let genitive = false;
    if (!found && lower.endsWith('s')) {
      found = suffixes.find((s) => lower.slice(0, -1).endsWith(s.suffix));
      genitive = found !== undefined;
    }
    if (!found) continue;
    const bare = genitive ? word.slice(0, -1) : word;
    if (bare.length - found.suffix.length < 3) continue;
    if (d.blockedEndings.some((b) => bare.toLowerCase().endsWith(b))) continue;
    let nameStart = start;
    const before = text.slice(Math.max(0, start - 80), start);
    const parts = partsRe.exec(before);
    if (parts) nameStart = start - parts[0].length;
    else if (!/^\p{Lu}/u.test(word)) continue;
    const prefix = prefixRe.exec(text.slice(Math.max(0, nameStart - 30), nameStart));
    if (prefix) nameStart -= prefix[0].length;
    const name = text.slice(nameStart, start + bare.length).replace(/\s+/g, ' ');
    if (notActors.has(fold(name)) || reg.ci.has(fold(name)) || reg.cs.has(name)) continue;
    const single = nameStart === start && !bare.includes('-');
    if (single && isSentenceInitial(text, start) && !capitalisedInside(text, bare)) continue;
    const span = { start: nameStart, end: start + word.length };
    if (known.some((k) => k.priority > 0 && overlaps(k.span, span))) continue;
    out.push(org(name, found.type, span, { start: nameStart, end: span.end - (genitive ? 1 : 0) }, genitive, 'actor-discovered-org', single ? 0.6 : 0.65));
  }
  return out.concat(discoverMunicipalities(text, reg, known));
}

/** "<Place> kommune" / "<Place> fylkeskommune": a municipality or county authority as an actor. */
function discoverMunicipalities(text: string, reg: Registry, known: readonly Candidate[]): Candidate[] {
  const d = reg.lexicon.discovery;
  const re = new RegExp(
    `(?<![\\p{L}])(${reg.placeSource}|\\p{Lu}\\p{Ll}+(?: \\p{Lu}\\p{Ll}+)?)\\s+(${alternation(d.municipalityWords)})(s)?(?![\\p{L}])`,
    'gu',
  );
  const out: Candidate[] = [];
  for (const m of text.matchAll(re)) {
    const placeText = m[1] as string;
    const place = reg.places.get(fold(placeText));
    if (!place && (isSentenceInitial(text, m.index) || reg.ci.has(fold(placeText)) || reg.cs.has(placeText))) continue;
    const noun = (m[2] as string).toLowerCase();
    const key = `${place ?? placeText} ${noun}`;
    const span = { start: m.index, end: m.index + m[0].length };
    if (known.some((k) => overlaps(k.span, span))) continue;
    const genitive = m[3] !== undefined;
    out.push(org(key, 'municipality', span, { start: span.start, end: span.end - (genitive ? 1 : 0) }, genitive, 'actor-municipality', place ? 0.85 : 0.65));
  }
  return out;
}

/** True when the word also occurs with its capital inside a sentence, i.e. it is a name there. */
function capitalisedInside(text: string, word: string): boolean {
  const re = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRe(word)}`, 'gu');
  for (const m of text.matchAll(re)) if (!isSentenceInitial(text, m.index)) return true;
  return false;
}

function org(
  key: string,
  type: ActorType,
  span: Candidate['span'],
  name: Candidate['name'],
  genitive: boolean,
  ruleId: string,
  confidence: number,
): Candidate {
  return { key, type, span, name, genitive, ruleId, confidence, priority: 1, source: 'discovered', affiliation: null, role: null };
}
