import type { Span } from '../../document.ts';
import type { ActorType } from '../../models/vocab.ts';
import { overlaps } from './text.ts';

/** A possible mention found by one rule, before overlaps between rules are settled. */
export interface Candidate {
  /** Actor key (canonical name). */
  key: string;
  type: ActorType;
  /** The whole surface form: name plus genitive, governing body or place. */
  span: Span;
  /** Just the name inside `span`. */
  name: Span;
  genitive: boolean;
  ruleId: string;
  confidence: number;
  /** On equal spans the higher priority wins (a document's own acronym beats the registry). */
  priority: number;
  source: 'registry' | 'discovered';
  /** Persons and branches: the organisation's key. */
  affiliation: string | null;
  /** Persons: title as written. */
  role: string | null;
}

/** Keep the best of overlapping candidates: the longest span, then the highest priority, then confidence. */
export function settle(cands: readonly Candidate[]): Candidate[] {
  const sorted = [...cands].sort(
    (a, b) =>
      b.span.end - b.span.start - (a.span.end - a.span.start) ||
      b.priority - a.priority ||
      b.confidence - a.confidence ||
      a.span.start - b.span.start,
  );
  const kept: Candidate[] = [];
  for (const c of sorted) if (!kept.some((k) => overlaps(k.span, c.span))) kept.push(c);
  return kept.sort((a, b) => a.span.start - b.span.start);
}

/** The candidate whose name starts exactly at `offset` (after optional spaces), if any. */
export function candidateAt(cands: readonly Candidate[], text: string, offset: number): Candidate | null {
  let i = offset;
  while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
  return cands.find((c) => c.span.start === i) ?? null;
}
