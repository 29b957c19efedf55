import type { Block, Span } from '../../document.ts';
import { trailingAttribution, type Attribution } from './attribution.ts';
import { findClaims } from './claim.ts';
import type { Voice } from './claimants.ts';
import { firstResolved, type Found, type Run } from './run.ts';
import { tokenize } from './tokens.ts';
import { claimantsOf } from './voice.ts';

const DASH_MARKER = /^[-–—]$/;
const DASH_OPENING = /^\s*[-–—]/;

/** True when a block carries a dash marker or opens with a dash, as quoted speech does in Norwegian news. */
const dashed = (block: Block, text: string): boolean =>
  (block.marker !== null && DASH_MARKER.test(block.marker.trim())) || DASH_OPENING.test(text.slice(block.span.start, block.span.end));

/** A dash-opened block with a speech attribution is quoted speech ("- Vi er enig …, sier Helgesen."), not a list item. */
export function isQuote(block: Block, sentences: readonly Span[], run: Run): boolean {
  return dashed(block, run.doc.text) && sentences.some((s) => trailingAttribution(tokenize(run.doc.text, s), run.env.cues, run.env.mentions) !== null);
}

/**
 * Sentences of a paragraph (or quoted-speech block): each with a cue is a claim. A quote opens with a dash and
 * runs to its attribution (", sier Helgesen."); its sentences belong to that speaker, the ones after it to the narrator.
 */
export function proseClaims(block: Block, sentences: readonly Span[], single: boolean, run: Run): Found[] {
  const text = run.doc.text;
  const tokenised = sentences.map((s) => tokenize(text, s));
  const attributions = tokenised.map((t) => speakerOf(trailingAttribution(t, run.env.cues, run.env.mentions), run));
  const out: Found[] = [];
  let inQuote = dashed(block, text);
  tokenised.forEach((tokens, k) => {
    const span = sentences[k] as Span;
    if (k > 0 && DASH_OPENING.test(text.slice(span.start, span.end))) inQuote = true;
    const own = attributions[k] ?? null;
    const speaker = own ?? (inQuote ? closingAttribution(attributions, k) : null);
    if (own) inQuote = false;
    const body = own ? tokens.filter((t) => t.end <= own.cut) : tokens;
    // A lone sentence opening with a verb is a resolution clause only when it ends like a sentence (not a list line).
    const last = body[body.length - 1];
    const imperative = single && last !== undefined && /[.!]$/.test(last.text);
    const voice = speakerVoice(speaker, run);
    const hit = firstResolved(findClaims(body, run.env, { imperative }), voice, run);
    if (!hit) return;
    // "KS deler målene …, sier Helgesen": the speaker's own organisation as subject still makes it the speaker's claim.
    const claimants = speaker?.speaker && hit.parties.claimants.every((c) => voice.own.includes(c)) ? voice.own : hit.parties.claimants;
    out.push({ span: { start: span.start, end: own ? own.cut : span.end }, claim: hit.claim, parties: { ...hit.parties, claimants } });
  });
  return out;
}

/** The attribution that closes the quote holding sentence `k`: the first one from `k` on. */
function closingAttribution(attributions: readonly (Attribution | null)[], k: number): Attribution | null {
  for (let j = k; j < attributions.length; j++) if (attributions[j]) return attributions[j] as Attribution;
  return null;
}

/** Complete an attribution: a pronoun (", sier hun.") is the last named speaker; an organisation named with a person is theirs. */
function speakerOf(attribution: Attribution | null, run: Run): Attribution | null {
  if (attribution === null) return null;
  const speaker = attribution.speaker ?? run.lastSpeaker;
  if (speaker === null) return attribution;
  if (run.env.mentions.actor(speaker.actor)?.type === 'person') {
    run.lastSpeaker = speaker;
    if (attribution.organisation !== null) run.env.mentions.learnAffiliation(speaker.actor, attribution.organisation);
  }
  return { ...attribution, speaker };
}

/** The voice of a sentence: its quoted speaker (and their organisation), else the document's own voice. */
function speakerVoice(attribution: Attribution | null, run: Run): Voice {
  if (attribution?.speaker) return { own: claimantsOf({ kind: 'actor', mention: attribution.speaker }, run.env.mentions, run.voice.own) };
  return run.voice;
}
