import type { MentionRecord, SegmentedDoc, Span } from '../../document.ts';
import type { Claim, ClaimEnv } from './claim.ts';
import { resolveParties, type Parties, type Voice } from './claimants.ts';

/** One claim ready to become a record. */
export interface Found {
  span: Span;
  claim: Pick<Claim, 'modality' | 'rule' | 'confidence'>;
  parties: Parties;
}

/** Per-document state shared by the block readers. */
export interface Run {
  doc: SegmentedDoc;
  env: ClaimEnv;
  /** The document's own voice: the agreement's parties, else the publisher. */
  voice: Voice;
  /** The last named speaker, for attributions by pronoun (", sier hun."). */
  lastSpeaker: MentionRecord | null;
}

/** The first claim of a unit whose parties resolve, with its parties. */
export function firstResolved(claims: readonly Claim[], voice: Voice, run: Run): { claim: Claim; parties: Parties } | null {
  for (const claim of claims) {
    const parties = resolveParties(claim, voice, run.env.mentions, run.env.cues);
    if (parties) return { claim, parties };
  }
  return null;
}

