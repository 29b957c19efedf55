import { perLexicon } from '../scan/memo.ts';
import type { Candidate } from './candidate.ts';
import type { Registry } from './registry.ts';
import { fold, overlaps, squash } from './text.ts';

/** Abbreviations a document defines for names the registry does not know ("Norske Naturterapeuters Hovedorganisasjon (NHH)"). */
export interface DefinedAcronyms {
  /** Abbreviations whose registry meaning does not hold in this document. */
  shadowed: Set<string>;
  /** The defined names that are organisations by their head noun, as discovered actors. */
  orgs: Candidate[];
}

// "Navn Navn Navn (ABC)": two to six name words (function words between them allowed) right before the bracket.
const DEFINITION = /((?:\p{Lu}[\p{L}-]*[ \t]+(?:(?:og|for|i|av|til|på|med)[ \t]+)?){1,6})\([ \t]*(\p{Lu}[\p{L}&-]{1,9})[ \t]*\)/gu;
const CAPITAL = /\p{Lu}/u;
const FUNCTION_WORDS = new Set(['og', 'for', 'i', 'av', 'til', 'på', 'med']);

/** Organisation endings without their definite ending: "organisasjonen" → "organisasjon" (once per lexicon). */
const orgHeads = perLexicon((d: Registry['lexicon']['discovery']) =>
  d.orgSuffixes.map((x) => ({ stem: x.suffix.replace(/(?:et|en|a)$/u, ''), type: x.type })).filter((x) => x.stem.length >= 4),
);

/**
 * A document's own definition of an abbreviation wins over the registry: when the capitalised words before
 * "(ABC)" are not a known actor but their initials hold every capital of the abbreviation, starting with its first,
 * the abbreviation means that name here, not the registry's actor of the same letters. When the name's last word
 * ends like an organisation ("…organisasjon", "…forbund", "…forening"), the name is an actor of its own.
 */
export function definedAcronyms(text: string, known: readonly Candidate[], reg: Registry): DefinedAcronyms {
  const shadowed = new Set<string>();
  const orgs: Candidate[] = [];
  // A definition needs its bracket; most texts have none.
  if (!text.includes('(')) return { shadowed, orgs };
  const heads = orgHeads(reg.lexicon.discovery);
  for (const m of text.matchAll(DEFINITION)) {
    const abbr = m[2] as string;
    const bracket = m.index + (m[1] as string).length;
    if (known.some((k) => k.span.end <= bracket && k.span.end >= m.index && text.slice(k.span.end, bracket).trim() === '')) continue;
    const words = (m[1] as string).trim().split(/[ \t]+/).filter((w) => !FUNCTION_WORDS.has(w));
    const capitals = [...abbr].filter((ch) => CAPITAL.test(ch));
    // The name: the most words before the bracket (no more than the abbreviation has capitals, at least two)
    // whose initials open with the abbreviation's first capital and hold all of its capitals.
    let name: string[] = [];
    for (let k = Math.min(Math.max(2, capitals.length), words.length); k >= 2 && name.length === 0; k--) {
      const initials = words.slice(-k).map((w) => w.charAt(0));
      if (initials[0] === capitals[0] && capitals.every((c) => initials.includes(c))) name = words.slice(-k);
    }
    if (name.length === 0) continue;
    if (reg.ci.has(fold(name.join(' ')))) continue;
    if (reg.cs.has(abbr)) shadowed.add(abbr);
    const last = (name[name.length - 1] as string).toLowerCase();
    const head = heads.find((h) => last.endsWith(h.stem) && last.length > h.stem.length);
    if (!head) continue;
    const start = text.lastIndexOf(name[0] as string, bracket);
    const end = text.lastIndexOf(name[name.length - 1] as string, bracket) + (name[name.length - 1] as string).length;
    const span = { start, end };
    if (start < m.index || known.some((k) => overlaps(k.span, span))) continue;
    orgs.push({
      key: squash(text.slice(start, end)),
      type: head.type,
      span,
      name: span,
      genitive: false,
      ruleId: 'actor-acronym-definition',
      confidence: 0.7,
      priority: 1,
      source: 'discovered',
      affiliation: null,
      role: null,
    });
  }
  return { shadowed, orgs };
}
