import type { MentionRecord } from '../../document.ts';
import type { Modality } from '../../models/vocab.ts';
import type { CompiledCues, VerbCue } from './cues.ts';
import type { MentionIndex } from './mentions.ts';
import { isClauseBreak, longestAt, phraseAt, type Token } from './tokens.ts';

/**
 * Who stands as subject of a cue: an actor (with the actors coordinated before it, "A og B krever"), the text's own
 * voice ("vi", "partiet", with the word used), or nobody identifiable.
 */
export type Subject =
  | { kind: 'actor'; mention: MentionRecord; with?: MentionRecord[] }
  | { kind: 'self'; word?: string }
  | { kind: 'none' };

/** A normative cue found in a unit, with the grammar around it that the claimant rules need. */
export interface Claim {
  modality: Modality;
  rule: string;
  confidence: number;
  /** The verb cue, when the claim rests on one (not for goals, openers, imperatives). */
  verb: VerbCue | null;
  /** Grammatical subject of the cue ("KS krever", "må en ny regjering"). */
  subject: Subject;
  /** The actor asked to act, named right after the verb ("ber Arbeiderpartiet …"). */
  object: MentionRecord | null;
  /** Owner of the claim through a claim verb before it ("KS mener at … må"), or none. */
  holder: Subject;
}

/** What the cue rules read besides the tokens. */
export interface ClaimEnv {
  cues: CompiledCues;
  mentions: MentionIndex;
}

/** How a unit stands in its text. */
export interface ClaimOptions {
  /** A lone unit opening with a verb is a resolution clause ("Sikre at …"). */
  imperative: boolean;
  /** A lead-in's claim verb governs the unit ("Venstre vil: • At Norge skal …"), so an opening "at" keeps the claim. */
  governed?: boolean;
  /** A headline may open with its modal, the subject left out ("Må samarbeide mot utenforskap"). */
  headline?: boolean;
}

const NONE: Subject = { kind: 'none' };
// A subordinator this many words or fewer before a modal governs it ("for at flest mulig skal").
const SUBORDINATE_REACH = 4;

/** Index of the first word token (after list dashes and quote marks), or -1. */
export const firstWord = (tokens: readonly Token[]): number => tokens.findIndex((t) => t.word);

/** Skip adverbs ("særlig", "blant annet") from token `i`. */
function skipAdverbs(tokens: readonly Token[], i: number, cues: CompiledCues): number {
  for (let hop = longestAt(tokens, i, cues.adverbs); hop; hop = longestAt(tokens, i, cues.adverbs)) i += hop.length;
  return i;
}

/** First token of the clause that holds token `i`. */
function clauseStart(tokens: readonly Token[], i: number, floor: number): number {
  for (let j = i - 1; j >= floor; j--) if (isClauseBreak(tokens, j)) return j + 1;
  return floor;
}

/**
 * True when a claim verb or goal predicate stands before token `i` ("mener at …", "er opptatt av at …"); a bound claim
 * verb only with an actor or the text's own voice as its subject ("Partene er enige om at …").
 */
function claimBefore(tokens: readonly Token[], i: number, s: number, env: ClaimEnv): boolean {
  const { cues } = env;
  for (let j = s; j < i; j++) {
    if (longestAt(tokens, j, cues.claimVerbs) || longestAt(tokens, j, cues.goal.predicates)) return true;
    const bound = longestAt(tokens, j, cues.boundClaimVerbs);
    if (bound && subjectOf(tokens, j, j + bound.length, s, env, false).kind !== 'none') return true;
  }
  return false;
}

/** True when the cue at `i` sits in a subordinate clause ("tiltak som skal", "for at unge skal", "enn det ESA krever"). */
function subordinate(tokens: readonly Token[], i: number, s: number, env: ClaimEnv, governed = false): boolean {
  const { cues } = env;
  const from = Math.max(clauseStart(tokens, i, s), i - SUBORDINATE_REACH);
  for (let j = i - 1; j >= from; j--) {
    const t = tokens[j] as Token;
    if (!cues.subordinators.has(t.lc)) continue;
    if (!cues.complementizers.has(t.lc)) return true;
    const before = tokens[j - 1];
    if (before && cues.purposeBeforeAt.has(before.lc)) return true;
    return !(claimBefore(tokens, j, s, env) || (governed && j === s));
  }
  return false;
}

/** The phrase of `phrases` that ends at token `j` (the longest), or null. */
function endingAt(tokens: readonly Token[], j: number, phrases: readonly (readonly string[])[]): readonly string[] | null {
  let best: readonly string[] | null = null;
  for (const p of phrases) if (j - p.length + 1 >= 0 && phraseAt(tokens, j - p.length + 1, p) && (best === null || p.length > best.length)) best = p;
  return best;
}

/**
 * Where the subject of a verb at token `i` ends: before the auxiliary and time adverbials of a perfect tense
 * ("FO | har i flere år krevd", "KrF | har lenge vært opptatt av"), else right before the verb.
 */
function subjectSlot(tokens: readonly Token[], i: number, s: number, cues: CompiledCues): number {
  let j = i - 1;
  for (let hop = endingAt(tokens, j, cues.timeAdverbials); hop && j - hop.length >= s; hop = endingAt(tokens, j, cues.timeAdverbials)) j -= hop.length;
  const aux = tokens[j];
  return j >= s && aux !== undefined && cues.auxiliaries.has(aux.lc) ? j : i;
}

/** The subject of the cue spanning tokens [i, end): the actor or self-reference before it, else right after it. */
function subjectOf(tokens: readonly Token[], i: number, end: number, s: number, env: ClaimEnv, inversion: boolean): Subject {
  const slot = subjectSlot(tokens, i, Math.max(s, clauseStart(tokens, i, s)), env.cues);
  const prev = tokens[slot - 1];
  if (prev && slot - 1 >= s && env.cues.selfReferences.has(prev.lc)) return { kind: 'self', word: prev.lc };
  // A bracketed abbreviation after the subject ("Fellesorganisasjonen (FO) har krevd") does not part it from its verb.
  const at = bracketBefore(tokens, slot, s) ?? slot;
  const start = tokens[clauseStart(tokens, at, s)] as Token;
  const pre = env.mentions.endingBefore((tokens[at] as Token).start, start.start);
  if (pre) {
    const coordinated = env.mentions.coordinatedBefore(pre, start.start, env.cues.coordinators);
    return coordinated.length > 0 ? { kind: 'actor', mention: pre, with: coordinated } : { kind: 'actor', mention: pre };
  }
  if (!inversion) return NONE;
  const next = tokens[end];
  if (next && env.cues.selfReferences.has(next.lc)) return { kind: 'self', word: next.lc };
  const last = tokens[tokens.length - 1] as Token;
  const post = env.mentions.startingAfter((tokens[end - 1] as Token).end, env.cues.determiners, last.end);
  return post ? { kind: 'actor', mention: post } : NONE;
}

/** Index of the "(" of a bracket closing right before token `i` (within the clause from `s`), or null. */
function bracketBefore(tokens: readonly Token[], i: number, s: number): number | null {
  if (tokens[i - 1]?.text !== ')') return null;
  for (let j = i - 2; j >= s; j--) {
    const t = (tokens[j] as Token).text;
    if (t === '(') return j;
    if (t === ')') return null;
  }
  return null;
}

/** An attribution by preposition before token `i` in its clause ("Ifølge Aamot Strand bør …"): the actor named. */
function attributedBefore(tokens: readonly Token[], i: number, s: number, env: ClaimEnv): Subject {
  const last = tokens[tokens.length - 1] as Token;
  for (let j = s; j < i; j++) {
    const marker = longestAt(tokens, j, env.cues.attributionMarkers);
    if (!marker) continue;
    const who = env.mentions.startingAfter((tokens[j + marker.length - 1] as Token).end, env.cues.determiners, last.end);
    if (who && who.span.end <= (tokens[i] as Token).start) return { kind: 'actor', mention: who };
  }
  return NONE;
}

/** The owner of a claim verb before token `i` ("KS mener", "mener KS' landsstyre", "vi ønsker"), or of an "ifølge X". */
function holderBefore(tokens: readonly Token[], i: number, s: number, env: ClaimEnv): Subject {
  for (let j = i - 1; j >= s; j--) {
    const verb = longestAt(tokens, j, env.cues.claimVerbs) ?? longestAt(tokens, j, env.cues.boundClaimVerbs);
    if (!verb) continue;
    const who = subjectOf(tokens, j, j + verb.length, s, env, true);
    if (who.kind !== 'none') return who;
  }
  return attributedBefore(tokens, i, s, env);
}

/** Validate a verb cue at token `i`; null when grammar makes it descriptive. */
function verbClaim(tokens: readonly Token[], i: number, s: number, cue: VerbCue, env: ClaimEnv, options: ClaimOptions): Claim | null {
  const { cues } = env;
  if (i === s && cue.subject === 'any' && options.headline !== true) return null; // "Skal vi få til dette, …": a condition
  if (subordinate(tokens, i, s, env, options.governed === true)) return null;
  const end = i + cue.words.length;
  const said = tokens[i - 1];
  if (said && i - 1 === clauseStart(tokens, i, s) && cues.documentSubjects.has(said.lc)) return null; // "Avtalen skal styrke …": the text on itself
  const objectFirst = cue.addressee === 'object';
  const subject = subjectOf(tokens, i, end, s, env, !objectFirst);
  if (cue.subject === 'actor' && subject.kind === 'none') return null;
  let next = skipAdverbs(tokens, end, cues);
  if (subject.kind === 'self' && tokens[next] && cues.selfReferences.has((tokens[next] as Token).lc)) next = skipAdverbs(tokens, next + 1, cues);
  if (cue.forecastNext.some((f) => phraseAt(tokens, next, f))) return null;
  if (longestAt(tokens, next, cues.discourseVerbs)) return null;
  const after = tokens[end];
  if (cue.needsObject && (after === undefined || (!after.word && after.text !== '«'))) return null;
  const last = tokens[tokens.length - 1] as Token;
  // "ber Arbeiderpartiet …" names the addressee right after the verb; "krever at regjeringen …" right after "at".
  const objectFrom = objectFirst ? (tokens[end - 1] as Token) : after && cues.complementizers.has(after.lc) ? after : null;
  const object = objectFrom ? env.mentions.startingAfter(objectFrom.end, cues.determiners, last.end) : null;
  return { modality: cue.modality, rule: cue.rule, confidence: cue.confidence, verb: cue, subject, object, holder: holderBefore(tokens, i, s, env) };
}

/** A predicate split by whom it matters to, from token `j` ("viktig for KS å"): its end and the actor, or null. */
function beneficiary(tokens: readonly Token[], j: number, env: ClaimEnv): { end: number; who: MentionRecord } | null {
  const last = tokens[tokens.length - 1] as Token;
  for (const p of env.cues.goal.predicates) {
    const head = p.slice(0, -1);
    const marker = tokens[j + head.length];
    if (head.length === 0 || !phraseAt(tokens, j, head) || marker === undefined || !env.cues.goal.beneficiaryMarkers.has(marker.lc)) continue;
    const who = env.mentions.startingAfter(marker.end, env.cues.determiners, last.end);
    const k = who ? tokens.findIndex((t) => t.start >= who.span.end) : -1;
    if (who && k >= 0 && tokens[k]?.lc === p[p.length - 1]) return { end: k + 1, who };
  }
  return null;
}

/** A goal or priority predicate at token `i` ("det er særlig viktig å", "har som mål å"). */
function goalClaim(tokens: readonly Token[], i: number, s: number, env: ClaimEnv, governed: boolean): Claim | null {
  const { goal } = env.cues;
  let end = -1;
  let beneficiaryOf: MentionRecord | null = null;
  const phrase = longestAt(tokens, i, goal.phrases);
  if (phrase) end = i + phrase.length;
  const copula = phrase ? null : longestAt(tokens, i, goal.copulas);
  if (copula) {
    let j = i + copula.length;
    for (let hops = 0; hops < 3; hops++) {
      const adverb = longestAt(tokens, j, env.cues.adverbs) ?? longestAt(tokens, j, goal.adverbs);
      if (!adverb) break;
      j += adverb.length;
    }
    const predicate = longestAt(tokens, j, goal.predicates);
    if (predicate) end = j + predicate.length;
    else {
      const framed = beneficiary(tokens, j, env);
      if (framed) [end, beneficiaryOf] = [framed.end, framed.who];
    }
  }
  if (end < 0 || subordinate(tokens, i, s, env, governed)) return null;
  const subject = beneficiaryOf ? { kind: 'actor' as const, mention: beneficiaryOf } : subjectOf(tokens, i, end, s, env, false);
  return { modality: 'goal', rule: goal.rule, confidence: goal.confidence, verb: null, subject, object: null, holder: holderBefore(tokens, i, s, env) };
}

/** Every normative cue of a unit, in text order; the caller takes the first one its claimant rules accept. */
export function findClaims(tokens: readonly Token[], env: ClaimEnv, options: ClaimOptions): Claim[] {
  const s = firstWord(tokens);
  const last = tokens[tokens.length - 1];
  if (s < 0 || last?.text === '?') return []; // questions ask, they do not demand
  const { cues } = env;
  const out: Claim[] = [];
  for (const o of cues.openers) {
    if (phraseAt(tokens, s, o.words)) out.push({ modality: o.modality, rule: o.rule, confidence: o.confidence, verb: null, subject: NONE, object: null, holder: NONE });
  }
  if (options.imperative && longestAt(tokens, s, cues.imperative.verbs)) {
    out.push({ modality: 'imperative', rule: cues.imperative.rule, confidence: cues.imperative.confidence, verb: null, subject: NONE, object: null, holder: NONE });
  }
  for (let i = s; i < tokens.length; i++) {
    const verb = longestVerbAt(tokens, i, cues);
    const claim = verb ? verbClaim(tokens, i, s, verb, env, options) : goalClaim(tokens, i, s, env, options.governed === true);
    if (claim) out.push(claim);
  }
  return out;
}

/** The longest verb cue at token `i`, the first listed of equally long ones; null when none. */
function longestVerbAt(tokens: readonly Token[], i: number, cues: CompiledCues): VerbCue | null {
  const listed = cues.verbsByFirst.get((tokens[i] as Token).lc);
  if (listed === undefined) return null;
  let best: VerbCue | null = null;
  for (const v of listed) if ((best === null || v.words.length > best.words.length) && phraseAt(tokens, i, v.words)) best = v;
  return best;
}
