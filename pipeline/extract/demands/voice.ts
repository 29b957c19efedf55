import type { MentionRecord, SegmentedDoc } from '../../document.ts';
import type { CompiledCues } from './cues.ts';
import type { MentionIndex } from './mentions.ts';
import type { Subject } from './claim.ts';
import { firstWord } from './claim.ts';
import { someTokenIn, tokenize } from './tokens.ts';

/**
 * The parties of a joint agreement ("SAMARBEIDSAVTALE MELLOM A … OG B …"): the organisations named in the block
 * that holds an agreement noun and "mellom", and in a next block that continues the list ("OG …"). Empty otherwise.
 */
export function agreementParties(doc: SegmentedDoc, mentions: MentionIndex, cues: CompiledCues): string[] {
  for (let b = 0; b < doc.blocks.length; b++) {
    const block = doc.blocks[b];
    // Most blocks (and most texts) hold no agreement noun: that is told without reading the block's tokens out.
    if (!block || block.kind === 'bullet' || !someTokenIn(doc.text, block.span, cues.agreementNouns)) continue;
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

/**
 * The signatories of an agreement that names its parties without "mellom": the organisations two or more signers
 * sign for ("For Fagforbundet Agder" / "Hilde Øvrebø Næss" / "fylkesleder"). Empty when fewer than two.
 */
export function signatories(mentions: MentionIndex): string[] {
  const orgs: string[] = [];
  for (const m of mentions.byRule('person-signature')) {
    const org = mentions.affiliationOf(m.actor);
    if (org !== null && !orgs.includes(org)) orgs.push(org);
  }
  return orgs.length >= 2 ? orgs : [];
}

/**
 * Claimants for a subject: a person with the organisation they speak for, an actor (with the actors coordinated
 * before it), or the given own voice; a self-reference that names a type ("partiet") picks the one member of a
 * joint voice of that type.
 */
export function claimantsOf(subject: Subject, mentions: MentionIndex, voice: readonly string[], cues?: CompiledCues): string[] {
  if (subject.kind === 'self') {
    const types = subject.word === undefined ? undefined : cues?.selfTypes.get(subject.word);
    if (types === undefined || voice.length < 2) return [...voice];
    const typed = voice.filter((k) => {
      const type = mentions.actor(k)?.type;
      return type !== undefined && types.has(type);
    });
    return typed.length === 1 ? typed : [...voice];
  }
  if (subject.kind === 'none') return [];
  const out: string[] = [];
  for (const m of [...(subject.with ?? []), subject.mention]) {
    const affiliation = mentions.affiliationOf(m.actor);
    out.push(m.actor);
    if (affiliation && affiliation !== m.actor) out.push(affiliation);
  }
  return [...new Set(out)];
}
