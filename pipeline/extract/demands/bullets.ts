import type { Block, Span } from '../../document.ts';
import { findClaims, firstWord, type Claim } from './claim.ts';
import { resolveParties, type Voice } from './claimants.ts';
import type { ListContext } from './leadin.ts';
import { firstResolved, type Found, type Run } from './run.ts';
import { tokenize, type Token } from './tokens.ts';

// A sentence ending in a question mark (maybe inside quotes or brackets).
const ASKS = /\?["»”')]*\s*$/u;

// A bullet with this many sentences that carry a cue of their own is a paragraph of separate demands.
const BUNDLE = 4;

/**
 * A bullet: under a demand lead-in every item is a demand of the lead-in's claimants; elsewhere only with a cue
 * of its own. A bullet that bundles several cued sentences gives one demand per cued sentence.
 */
export function bulletClaims(block: Block, tokens: readonly Token[], sentences: readonly Span[], list: ListContext | null, run: Run): Found[] {
  const end = tokens[tokens.length - 1]?.text;
  if (end === '?' || end === ':') return []; // a question, or the lead-in of a nested list
  const options = { imperative: list?.question !== true, governed: list?.demand === true };
  // Only a bullet of BUNDLE sentences or more can bundle that many cued ones: a shorter one is read whole.
  const parts = sentences.length < BUNDLE ? [] : sentences.map((span) => ({ span, claims: findClaims(tokenize(run.doc.text, span), run.env, options) }));
  const cued = parts.filter((p) => p.claims.length > 0);
  // The bullet read whole, without its questions: "Bør ikke disse være på plass?" asks, it does not demand.
  const asked = sentences.filter((s) => ASKS.test(run.doc.text.slice(s.start, s.end)));
  const stated = asked.length === 0 ? tokens : tokens.filter((t) => !asked.some((s) => t.start >= s.start && t.end <= s.end));
  const statements = sentences.filter((s) => !asked.includes(s));
  const first = statements[0];
  const last = statements[statements.length - 1];
  // The claim spans the bullet's statements: questions before or after them are left out.
  const whole = asked.length === 0 || first === undefined || last === undefined ? block.span : { start: first.start, end: last.end };
  const units = cued.length >= BUNDLE ? cued : [{ span: whole, claims: findClaims(stated, run.env, options) }];
  return units.flatMap((unit) => {
    if (!list?.demand) {
      const hit = firstResolved(unit.claims, run.voice, run);
      return hit ? [{ span: unit.span, claim: hit.claim, parties: hit.parties }] : [];
    }
    const voice: Voice = { ...run.voice, own: list.claimants.length > 0 ? list.claimants : run.voice.own };
    const own = unit.claims[0] ?? null;
    const unitTokens = tokenize(run.doc.text, unit.span);
    return [{ span: unit.span, claim: listedCue(own, list, run), parties: { claimants: voice.own, addressee: bulletAddressee(own, list, voice, unitTokens, run) } }];
  });
}

/** The cue of a bullet under a demand lead-in: its own; the lead-in's for a bare verb ("Venstre vil: • Legge …"); `listed` for a noun phrase. */
function listedCue(own: Claim | null, list: ListContext, run: Run): Found['claim'] {
  if (own && own.modality === 'imperative' && list.cue) return list.cue;
  if (own) return { modality: own.modality, rule: own.rule, confidence: Math.max(own.confidence, run.env.cues.listed.confidence) };
  return { modality: 'listed', rule: run.env.cues.listed.rule, confidence: run.env.cues.listed.confidence };
}

/**
 * Whom a listed bullet asks: the actor its own cue addresses, an actor other than the list's claimants that is
 * the bullet's subject ("Arbeiderpartiet vil …" in FO's proposals to Arbeiderpartiet), else the lead-in's addressee.
 */
function bulletAddressee(own: Claim | null, list: ListContext, voice: Voice, tokens: readonly Token[], run: Run): string | null {
  if (own === null) return openingActor(tokens, voice, run) ?? list.addressee;
  const resolved = resolveParties(own, voice, run.env.mentions, run.env.cues);
  if (resolved?.addressee) return resolved.addressee;
  if (own.subject.kind === 'actor' && !voice.own.includes(own.subject.mention.actor)) {
    const type = run.env.mentions.actor(own.subject.mention.actor)?.type;
    if (type !== undefined && run.env.cues.addressableTypes.has(type)) return own.subject.mention.actor;
  }
  return list.addressee;
}

/** The actor a governed bullet opens with ("krever at: 1. Helse Nord RHF stanser …", "• At regjeringen …"), if it can be asked and is no claimant. */
function openingActor(tokens: readonly Token[], voice: Voice, run: Run): string | null {
  let first = firstWord(tokens);
  const opener = tokens[first];
  if (opener && run.env.cues.complementizers.has(opener.lc)) first++;
  const at = tokens[first];
  if (at === undefined) return null;
  const m = run.env.mentions.startingAfter(at.start, run.env.cues.determiners, (tokens[tokens.length - 1] as Token).end);
  const type = m ? run.env.mentions.actor(m.actor)?.type : undefined;
  return m && type !== undefined && run.env.cues.addressableTypes.has(type) && !voice.own.includes(m.actor) ? m.actor : null;
}

