import { type AnchoredPattern, accepts, anchored, matchesIn } from '../scan/anchored.ts';
import { formsAnchor } from '../scan/forms.ts';
import { perLexicon } from '../scan/memo.ts';
import type { Candidate } from './candidate.ts';
import { type ActorsLexicon, type Registry, resolveActorName } from './registry.ts';
import { alternation } from './text.ts';
import { escapeRegExp } from '../../regexp.ts';

const OPENS_CAPITAL = /^\p{Lu}/u;
const SURNAME = /^\p{Lu}\p{Ll}+$/u;

/** The governments, latest first, and the two patterns that name one; compiled once per lexicon. */
const patterns = perLexicon((lexicon: ActorsLexicon): { govs: ActorsLexicon['governments']; compound: AnchoredPattern; postfix: AnchoredPattern } => {
  const govs = [...lexicon.governments].sort((a, b) => b.from - a.from);
  const words = alternation(lexicon.governmentWords);
  const pms = govs.map((g) => escapeRegExp(g.pm)).join('|');
  const govWords = formsAnchor(lexicon.governmentWords, true);
  return {
    govs,
    // "Solberg-regjeringen": a word before a hyphen, and right after it the word a government word starts at.
    compound: anchored(`(?<![\\p{L}\\p{N}])(\\p{Lu}[\\p{L}]*)-(${words})(?![\\p{L}\\p{N}])`, 'giu', {
      test: (w, text) => text.charCodeAt(w.end) === 0x2d && (govWords === null || (w.next !== null && w.next.start === w.end + 1 && accepts(govWords, w.next, text))),
    }),
    postfix: anchored(`(?<![\\p{L}\\p{N}])(?:${words})\\s+(${pms})(?![\\p{L}\\p{N}])`, 'giu', govWords),
  };
});

/**
 * Named governments are actors of their own: "Solberg-regjeringen", "regjeringen Solberg" and
 * "Høyre-regjeringen" (the latest government led by that party; failing that, the latest it sat in)
 * → "Regjeringen Solberg". An unknown surname gives "Regjeringen <Surname>". Plain "regjeringen" is
 * left to the registry ("Regjeringen", the sitting or wished-for government).
 */
export function findGovernments(text: string, reg: Registry): Candidate[] {
  const { govs, compound, postfix } = patterns(reg.lexicon);
  const out: Candidate[] = [];
  const push = (start: number, end: number, key: string, known: boolean) =>
    out.push({
      key,
      type: 'government',
      span: { start, end },
      name: { start, end },
      genitive: false,
      ruleId: 'actor-government-named',
      confidence: known ? 0.9 : 0.6,
      priority: 4,
      source: known ? 'registry' : 'discovered',
      affiliation: null,
      role: null,
    });
  for (const m of matchesIn(text, compound)) {
    if (!OPENS_CAPITAL.test(m[1] as string)) continue;
    const key = governmentFor(m[1] as string, reg, govs);
    if (key) push(m.index, m.index + m[0].length, key.name, key.known);
  }
  for (const m of matchesIn(text, postfix)) {
    const gov = govs.find((g) => g.pm === m[1]);
    if (gov) push(m.index, m.index + m[0].length, gov.name, true);
  }
  return out;
}

function governmentFor(prefix: string, reg: Registry, govs: Registry['lexicon']['governments']): { name: string; known: boolean } | null {
  const byPm = govs.find((g) => g.pm === prefix);
  if (byPm) return { name: byPm.name, known: true };
  const party = resolveActorName(prefix, reg.lexicon);
  if (party !== null) {
    const led = govs.find((g) => g.parties[0] === party) ?? govs.find((g) => g.parties.includes(party));
    return led ? { name: led.name, known: true } : null;
  }
  // An unknown capitalised word before "-regjeringen" is a prime minister's surname.
  return SURNAME.test(prefix) ? { name: `Regjeringen ${prefix}`, known: false } : null;
}
