import type { ActorType } from '../../models/vocab.ts';
import type { Claim } from './claim.ts';
import type { CompiledCues } from './cues.ts';
import type { MentionIndex } from './mentions.ts';
import { claimantsOf } from './voice.ts';

/** Who speaks where a claim stands: the text's own voice, or the quoted speaker around it. */
export interface Voice {
  /** Claimants of the narrative voice or of "vi" here: the quoted speaker, the agreement's parties, or the publisher. */
  own: string[];
  /**
   * In a proposal: actor types (a parliament) whose request is the wording of the proposed resolution, so the voice
   * makes it ("Stortinget ber regjeringen …" put forward by the proposers).
   */
  resolving?: ReadonlySet<ActorType>;
}

/** Claimants and addressee of one claim. */
export interface Parties {
  claimants: string[];
  addressee: string | null;
}

/**
 * Resolve a claim's claimants and addressee: the actor subject of a claim verb ("LO krever"), the holder of a claim
 * verb before a modal ("KS mener at … må"), else the voice; a third-party actor as subject of a modal is the
 * addressee ("Dette må en ny regjering …"). Null when the claim only describes a public body's mandate.
 */
export function resolveParties(claim: Claim, voice: Voice, mentions: MentionIndex, cues: CompiledCues): Parties | null {
  const holder = claim.holder.kind === 'none' ? null : claimantsOf(claim.holder, mentions, voice.own, cues);
  let claimants: string[];
  let addressee: string | null = null;
  const subject = resolvingBody(claim, voice, mentions, cues) ? { kind: 'self' as const } : claim.subject;
  if (claim.verb?.subject === 'actor' || subject.kind === 'self') {
    claimants = claimantsOf(subject, mentions, voice.own, cues);
  } else if (subject.kind === 'actor') {
    const key = subject.mention.actor;
    if (holder) claimants = holder;
    else if (voice.own.includes(key) || claim.modality === 'goal') claimants = claimantsOf(subject, mentions, voice.own, cues);
    else claimants = [...voice.own];
    if (!claimants.includes(key)) {
      const type = mentions.actor(key)?.type;
      if (type !== undefined && claim.verb?.mandateOf.has(type)) return null; // "Nav skal hjelpe dem som …"
      if (type !== undefined && cues.addressableTypes.has(type)) addressee = key;
    }
  } else {
    claimants = holder ?? [...voice.own];
  }
  if (claim.verb?.plan && isPlanner(subject, claimants, mentions, cues)) return null; // a government's own plan
  const object = claim.object?.actor;
  if (object !== undefined && !claimants.includes(object)) {
    const type = mentions.actor(object)?.type;
    if (type !== undefined && (cues.addressableTypes.has(type) || type === 'person')) addressee = object;
  }
  return { claimants: [...new Set(claimants)], addressee };
}

/** True when the subject is a body whose request, in a proposal, words the resolution the voice puts forward. */
function resolvingBody(claim: Claim, voice: Voice, mentions: MentionIndex, cues: CompiledCues): boolean {
  const subject = claim.subject;
  if (subject.kind !== 'actor' || voice.resolving === undefined || voice.own.includes(subject.mention.actor)) return false;
  if (!cues.resolvingRules.has(claim.rule)) return false;
  const type = mentions.actor(subject.mention.actor)?.type;
  return type !== undefined && voice.resolving.has(type);
}

/** True when the will is a government's or ministry's (or said by a person speaking for one): a plan, not a demand. */
function isPlanner(subject: Claim['subject'], claimants: readonly string[], mentions: MentionIndex, cues: CompiledCues): boolean {
  const planner = (key: string): boolean => {
    const type = mentions.actor(key)?.type;
    return type !== undefined && cues.planners.has(type);
  };
  if (subject.kind === 'actor') {
    const organisation = mentions.affiliationOf(subject.mention.actor);
    return planner(subject.mention.actor) || (organisation !== null && planner(organisation));
  }
  return subject.kind === 'self' && claimants.some(planner);
}
