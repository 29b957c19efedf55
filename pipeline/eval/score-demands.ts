import type { GoldDemand } from './gold-schema.ts';
import { greedyMatching, type Candidate } from './match.ts';
import { words } from './text.ts';
import type { PredictedDemand } from './types.ts';

/** A predicted demand must contain at least this share of the gold quote's words … */
export const MIN_COVERAGE = 0.7;
/** … and at least this share of its own words must be in the gold quote (so a whole page cannot match). */
export const MIN_SHARE = 0.25;

/** Word overlap of a gold quote and a predicted quote, each side measured as a share of its own tokens. */
export interface Overlap {
  /** Share of the gold quote's tokens whose word occurs in the prediction. */
  coverage: number;
  /** Share of the prediction's tokens whose word occurs in the gold quote. */
  share: number;
}

const fractionIn = (tokens: readonly string[], vocabulary: ReadonlySet<string>): number =>
  tokens.length === 0 ? 0 : tokens.filter((w) => vocabulary.has(w)).length / tokens.length;

/** Overlap of two quotes by their words (lowercase letter/digit tokens, hyphenated line breaks joined). */
export function overlap(goldQuote: string, predictedQuote: string): Overlap {
  const g = words(goldQuote);
  const p = words(predictedQuote);
  return { coverage: fractionIn(g, new Set(p)), share: fractionIn(p, new Set(g)) };
}

/** True when the overlap passes both thresholds. */
export const isMatch = (o: Overlap): boolean => o.coverage >= MIN_COVERAGE && o.share >= MIN_SHARE;

/**
 * One-to-one match of predicted to gold demands of one document, greedy by best overlap (harmonic mean of
 * coverage and share). Returns, per gold demand, the index of its predicted partner or -1.
 */
export function matchDemands(gold: readonly GoldDemand[], predicted: readonly PredictedDemand[]): number[] {
  const candidates: Candidate[] = [];
  gold.forEach((g, left) => {
    predicted.forEach((p, right) => {
      const o = overlap(g.quote, p.quote);
      if (isMatch(o)) candidates.push({ left, right, score: (2 * o.coverage * o.share) / (o.coverage + o.share) });
    });
  });
  return greedyMatching(candidates, gold.length);
}
