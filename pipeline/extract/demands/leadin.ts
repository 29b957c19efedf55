import type { Modality } from '../../models/vocab.ts';
import { findClaims, type ClaimEnv } from './claim.ts';
import { resolveParties, type Voice } from './claimants.ts';
import { longestAt, phraseAt, type Token } from './tokens.ts';

/** The list context a lead-in opens for the bullets under it. */
export interface ListContext {
  /** True when the lead-in announces demands ("Vi krever følgende:", "Venstre vil:", "Konkret gjøres dette gjennom:"). */
  demand: boolean;
  /** A question ("Hvordan skal samarbeidet foregå?") opens answers, not demands: its items need a cue of their own. */
  question: boolean;
  claimants: string[];
  addressee: string | null;
  /** The lead-in's own cue ("vil", "må"), which the bullets continue ("Venstre vil: • Legge …" is a will). */
  cue: { modality: Modality; rule: string; confidence: number } | null;
}

/** True when a block's last sentence introduces the bullets after it: it ends in ":", or in a cue or "?" before a list. */
export function isLeadIn(tokens: readonly Token[], nextIsBullet: boolean, env: ClaimEnv): boolean {
  const last = tokens[tokens.length - 1];
  if (last === undefined) return false;
  if (last.text === ':') return true;
  if (!nextIsBullet) return false;
  if (last.text === '?') return true;
  // "SV vil" + list, without a colon: the sentence ends in a lead-in cue.
  const ends = (cue: readonly string[]) => cue.length <= tokens.length && phraseAt(tokens, tokens.length - cue.length, cue);
  return env.cues.leadInCues.some(ends) || env.cues.leadInNouns.some(ends);
}

/** True when a lead-in announces demands: a cue verb anywhere, or a cue noun as its first or last word. */
function announcesDemands(body: readonly Token[], env: ClaimEnv): boolean {
  if (body.some((_, i) => longestAt(body, i, env.cues.leadInCues) !== null)) return true;
  const words = body.filter((t) => t.word);
  const edge = (cue: readonly string[]) => longestAt(words, 0, [cue]) !== null || (cue.length <= words.length && longestAt(words, words.length - cue.length, [cue]) !== null);
  return env.cues.leadInNouns.some(edge);
}

/** Read a lead-in: does it announce demands, whose, and to whom ("… følgende punkter til Arbeiderpartiets partiprogram:")? */
export function readLeadIn(tokens: readonly Token[], env: ClaimEnv, voice: Voice): ListContext {
  const question = tokens[tokens.length - 1]?.text === '?';
  const body = tokens[tokens.length - 1]?.word === false ? tokens.slice(0, -1) : tokens;
  const demand = !question && announcesDemands(body, env);
  let claimants = [...voice.own];
  let addressee: string | null = null;
  let cue: ListContext['cue'] = null;
  for (const claim of findClaims(body, env, { imperative: false })) {
    const parties = resolveParties(claim, voice, env.mentions, env.cues);
    if (!parties) continue;
    claimants = parties.claimants.length > 0 ? parties.claimants : claimants;
    addressee = parties.addressee;
    if (claim.verb) cue = { modality: claim.modality, rule: claim.rule, confidence: claim.confidence };
    break;
  }
  if (addressee === null) addressee = markedAddressee(body, env, claimants);
  return { demand, question, claimants, addressee, cue };
}

/** The actor right after an addressee marker ("til Arbeiderpartiets partiprogram"), if it is not a claimant. */
function markedAddressee(tokens: readonly Token[], env: ClaimEnv, claimants: readonly string[]): string | null {
  const last = tokens[tokens.length - 1];
  if (last === undefined) return null;
  for (let i = 0; i < tokens.length; i++) {
    const marker = longestAt(tokens, i, env.cues.addresseeMarkers);
    if (!marker) continue;
    const m = env.mentions.startingAfter((tokens[i + marker.length - 1] as Token).end, env.cues.determiners, last.end);
    const type = m ? env.mentions.actor(m.actor)?.type : undefined;
    if (m && !claimants.includes(m.actor) && type !== undefined && env.cues.addressableTypes.has(type)) return m.actor;
  }
  return null;
}
