import type { MentionRecord, SegmentedDoc } from '../../document.ts';
import type { CompiledCues } from './cues.ts';
import type { MentionIndex } from './mentions.ts';
import type { Subject } from './claim.ts';
import { firstWord } from './claim.ts';
import { tokenize } from './tokens.ts';

/**
 * The parties of a joint agreement ("SAMARBEIDSAVTALE MELLOM A … OG B …"): the organisations named in the block
 * that holds an agreement noun and "mellom", and in a next block that continues the list ("OG …"). Empty otherwise.
 */
export function agreementParties(doc: SegmentedDoc, mentions: MentionIndex, cues: CompiledCues): string[] {
  for (let b = 0; b < doc.blocks.length; b++) {
    const block = doc.blocks[b];
    if (!block || block.kind === 'bullet') continue;
    const tokens = tokenize(doc.text, block.span);
    const noun = tokens.findIndex((t) => cues.agreementNouns.has(t.lc));
    if (noun < 0 || !tokens.slice(noun + 1).some((t) => cues.agreementLinks.has(t.lc))) continue;
    const named: MentionRecord[] = mentions.within(block.span);
    const next = doc.blocks[b + 1];
    if (next) {
      const nextTokens = tokenize(doc.text, next.span);
      const opener = nextTokens[firstWord(nextTokens)];
      if (opener && cues.agreementJoiners.has(opener.lc)) named.push(...mentions.within(next.span));
    }
    const parties = [...new Set(named.map((m) => m.actor))].filter((k) => mentions.actor(k)?.type !== 'person');
    if (parties.length >= 2) return parties;
  }
  return [];
}

/** Claimants for a subject: a person with the organisation they speak for, an actor, or the given own voice. */
export function claimantsOf(subject: Subject, mentions: MentionIndex, voice: readonly string[]): string[] {
  if (subject.kind === 'self') return [...voice];
  if (subject.kind === 'none') return [];
  const affiliation = mentions.affiliationOf(subject.mention.actor);
  return affiliation && affiliation !== subject.mention.actor ? [subject.mention.actor, affiliation] : [subject.mention.actor];
}
