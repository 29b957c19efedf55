import type { Candidate } from './candidate.ts';
import { type Registry, resolveActorName } from './registry.ts';
import { alternation, escapeRe } from './text.ts';

/**
 * Named governments are actors of their own: "Solberg-regjeringen", "regjeringen Solberg" and
 * "Høyre-regjeringen" (the latest government led by that party; failing that, the latest it sat in)
 * → "Regjeringen Solberg". An unknown surname gives "Regjeringen <Surname>". Plain "regjeringen" is
 * left to the registry ("Regjeringen", the sitting or wished-for government).
 */
export function findGovernments(text: string, reg: Registry): Candidate[] {
  const govs = [...reg.lexicon.governments].sort((a, b) => b.from - a.from);
  const words = alternation(reg.lexicon.governmentWords);
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
  const compound = new RegExp(`(?<![\\p{L}\\p{N}])(\\p{Lu}[\\p{L}]*)-(${words})(?![\\p{L}\\p{N}])`, 'giu');
  for (const m of text.matchAll(compound)) {
    if (!/^\p{Lu}/u.test(m[1] as string)) continue;
    const key = governmentFor(m[1] as string, reg, govs);
    if (key) push(m.index, m.index + m[0].length, key.name, key.known);
  }
  const pms = govs.map((g) => escapeRe(g.pm)).join('|');
  const postfix = new RegExp(`(?<![\\p{L}\\p{N}])(?:${words})\\s+(${pms})(?![\\p{L}\\p{N}])`, 'giu');
  for (const m of text.matchAll(postfix)) {
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
  return /^\p{Lu}\p{Ll}+$/u.test(prefix) ? { name: `Regjeringen ${prefix}`, known: false } : null;
}
