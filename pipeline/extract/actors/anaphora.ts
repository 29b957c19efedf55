import { acceptsSome } from '../scan/anchored.ts';
import { formsAnchor } from '../scan/forms.ts';
import { perLexicon } from '../scan/memo.ts';
import type { Candidate } from './candidate.ts';
import type { Registry } from './registry.ts';
import { overlaps } from './text.ts';
import { escapeRegExp } from '../../regexp.ts';

/**
 * "departementet" (and "direktoratet", "utvalget" … listed in actors.yaml) refers to the ministry,
 * directorate or commission of that kind when the document names exactly one; otherwise it is left alone.
 */
export function resolveAnaphora(text: string, cands: readonly Candidate[], reg: Registry): Candidate[] {
  const out: Candidate[] = [];
  // An anaphor is a whole word (maybe genitive): a text without any of them has nothing to resolve.
  const words = anaphorWords(reg.lexicon.anaphora);
  if (words !== null && !acceptsSome(text, words)) return out;
  // Every anaphor reads the same names: lower-cased once.
  const names = cands.map((c) => (c.type === 'person' ? null : c.key.toLowerCase()));
  for (const a of reg.lexicon.anaphora) {
    const referents = new Map<string, Candidate>();
    cands.forEach((c, i) => {
      const name = names[i];
      if (name !== null && name !== undefined && a.endsWith.some((e) => name.endsWith(e) && name !== e)) referents.set(c.key, c);
    });
    if (referents.size !== 1) continue;
    const ref = [...referents.values()][0] as Candidate;
    for (const m of text.matchAll(anaphorPattern(a))) {
      const span = { start: m.index, end: m.index + m[0].length };
      if (cands.some((c) => overlaps(c.span, span))) continue;
      out.push({
        ...ref,
        span,
        name: { start: span.start, end: span.start + a.form.length },
        genitive: m[1] !== undefined,
        ruleId: 'actor-anaphor',
        confidence: 0.7,
        priority: 0,
      });
    }
  }
  return out;
}

type Anaphor = Registry['lexicon']['anaphora'][number];

/** The words any anaphor can be, as one anchor (once per lexicon list); null when that cannot be told. */
const anaphorWords = perLexicon((anaphora: readonly Anaphor[]) => formsAnchor(anaphora.map((a) => a.form), true));

/** The anaphor as a whole word, maybe genitive; compiled once per lexicon entry. */
const anaphorPattern = perLexicon((a: Anaphor) => new RegExp(`(?<![\\p{L}\\p{N}-])${escapeRegExp(a.form)}(s)?(?![\\p{L}\\p{N}]|-\\p{L})`, 'giu'));

/** The one ministry among the candidates, or null when there is none or more than one. */
export function singleMinistry(cands: readonly Candidate[]): string | null {
  const keys = new Set(cands.filter((c) => c.type === 'ministry').map((c) => c.key));
  return keys.size === 1 ? ([...keys][0] as string) : null;
}
