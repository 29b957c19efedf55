import type { Block, MentionRecord, Span } from '../../document.ts';
import { backAttribution, trailingAttribution, type Attribution } from './attribution.ts';
import { findClaims } from './claim.ts';
import type { Voice } from './claimants.ts';
import { firstResolved, type Found, type Run } from './run.ts';
import { tokenize } from './tokens.ts';
import { claimantsOf } from './voice.ts';

const DASH_MARKER = /^[-–—]$/;
const DASH_OPENING = /^\s*[-–—]/;
const ENDS_STATEMENT = /[.!]$/;

/** True when a block carries a dash marker or opens with a dash, as quoted speech does in Norwegian news. */
const dashed = (block: Block, text: string): boolean =>
  (block.marker !== null && DASH_MARKER.test(block.marker.trim())) || DASH_OPENING.test(text.slice(block.span.start, block.span.end));

// A quote paragraph is whole sentences: it opens with a capital and ends like a sentence.
const WHOLE_SENTENCES = /^\s*[-–—]?\s*\p{Lu}[^]*[.!?]["»”')]*\s*$/u;

/**
 * A dash-opened block with a speech attribution is quoted speech ("- Vi er enig …, sier Helgesen."), not a list item;
 * so is a dash paragraph of whole sentences without one once a speaker has been quoted or before a sentence that
 * points back at it ("Det sier X."), outside a list a lead-in opened: in news the next paragraph of a quote opens
 * with a dash again and names nobody ("– Det haster.").
 */
export function isQuote(block: Block, sentences: readonly Span[], run: Run, inList = false, next: Span | null = null): boolean {
  const text = run.doc.text;
  const { cues, mentions } = run.env;
  if (!dashed(block, text)) return false;
  if (sentences.some((s) => trailingAttribution(tokenize(text, s), cues, mentions) !== null)) return true;
  if (inList || !WHOLE_SENTENCES.test(text.slice(block.span.start, block.span.end))) return false;
  return previousSpeaker(block.span.start, run) !== null || (next !== null && backAttribution(tokenize(text, next), cues, mentions) !== null);
}

/**
 * Sentences of a paragraph (or quoted-speech block): each with a cue is a claim. A quote opens with a dash and
 * runs to its attribution (", sier Helgesen."); its sentences belong to that speaker, the ones after it to the narrator.
 * A quote that no attribution closes ("– Det haster." after "…, sier Helgesen.") continues the last speaker.
 */
export function proseClaims(block: Block, sentences: readonly Span[], single: boolean, run: Run, next: Span | null = null): Found[] {
  const text = run.doc.text;
  const { cues, mentions } = run.env;
  const tokenised = sentences.map((s) => tokenize(text, s));
  // The speaker quoted before this block: a quote that no attribution closes continues them.
  const before = previousSpeaker(block.span.start, run);
  const earlier = before === null ? null : { speaker: before, organisation: null, cut: block.span.end };
  // A pronoun (", sier hun.") is the speaker named last in this block, else who spoke before it.
  const pronoun = (): MentionRecord | null => (run.lastSpeaker !== null && run.lastSpeaker.span.start >= block.span.start ? run.lastSpeaker : before);
  const attributions = tokenised.map((t) => speakerOf(trailingAttribution(t, cues, mentions), pronoun(), run));
  // "… Det sier Aamot Strand.": a sentence that points back names the speaker of the quote before it, in this
  // block or (for a quote paragraph) the next.
  const backs = tokenised.map((t) => speakerOf(backAttribution(t, cues, mentions), pronoun(), run));
  const after = next === null ? null : speakerOf(backAttribution(tokenize(text, next), cues, mentions), pronoun(), run);
  const out: Found[] = [];
  let inQuote = dashed(block, text);
  let previous: Attribution | null = earlier;
  tokenised.forEach((tokens, k) => {
    const span = sentences[k] as Span;
    if (k > 0 && DASH_OPENING.test(text.slice(span.start, span.end))) inQuote = true;
    const own = attributions[k] ?? null;
    const back = backs[k] === null ? pointedBack(attributions, backs, k) : null;
    const speaker = own ?? (inQuote ? (closingAttribution(attributions, k) ?? back ?? after ?? previous) : back);
    if (own) {
      inQuote = false;
      previous = own;
    }
    const body = own ? tokens.filter((t) => t.end <= own.cut) : tokens;
    // A lone sentence opening with a verb is a resolution clause only when it ends like a sentence (not a list line).
    const last = body[body.length - 1];
    const imperative = single && last !== undefined && ENDS_STATEMENT.test(last.text);
    const voice = speakerVoice(speaker, run);
    const hit = firstResolved(findClaims(body, run.env, { imperative }), voice, run);
    if (!hit) return;
    // "KS deler målene …, sier Helgesen": the speaker's own organisation as subject still makes it the speaker's claim.
    const claimants = speaker?.speaker && hit.parties.claimants.every((c) => voice.own.includes(c)) ? voice.own : hit.parties.claimants;
    out.push({ span: { start: span.start, end: own ? own.cut : span.end }, claim: hit.claim, parties: { ...hit.parties, claimants } });
  });
  return out;
}

/** The speaker a later sentence points back to ("Det sier X."), when no attribution stands between it and sentence `k`. */
function pointedBack(attributions: readonly (Attribution | null)[], backs: readonly (Attribution | null)[], k: number): Attribution | null {
  for (let j = k + 1; j < backs.length; j++) {
    if (backs[j]) return backs[j] as Attribution;
    if (attributions[j]) return null;
  }
  return null;
}

/** The attribution that closes the quote holding sentence `k`: the first one from `k` on. */
function closingAttribution(attributions: readonly (Attribution | null)[], k: number): Attribution | null {
  for (let j = k; j < attributions.length; j++) if (attributions[j]) return attributions[j] as Attribution;
  return null;
}

/**
 * Who spoke last before `pos`: the last quoted speaker, or a person named after that quote as a sentence's subject
 * ("Hovedtillitsvalgt Jostein Melby sier at …" before "– Turnusen er for tung, sier han.").
 */
function previousSpeaker(pos: number, run: Run): MentionRecord | null {
  const subject = run.env.mentions.lastSubjectPerson(pos);
  const quoted = run.lastSpeaker !== null && run.lastSpeaker.span.end <= pos ? run.lastSpeaker : null;
  if (subject === null) return quoted;
  return quoted !== null && quoted.span.start > subject.span.start ? quoted : subject;
}

/** Complete an attribution: a pronoun (", sier hun.") is `before`; an organisation named with a person is theirs. */
function speakerOf(attribution: Attribution | null, before: MentionRecord | null, run: Run): Attribution | null {
  if (attribution === null || attribution.stranger === true) return attribution;
  const speaker = attribution.speaker ?? before;
  if (speaker === null) return attribution;
  if (run.env.mentions.actor(speaker.actor)?.type === 'person') {
    run.lastSpeaker = speaker;
    if (attribution.organisation !== null) run.env.mentions.learnAffiliation(speaker.actor, attribution.organisation);
  }
  return { ...attribution, speaker };
}

/** The voice of a sentence: its quoted speaker (and their organisation), nobody for an unknown one, else the document's own voice. */
function speakerVoice(attribution: Attribution | null, run: Run): Voice {
  if (attribution?.speaker) return { own: claimantsOf({ kind: 'actor', mention: attribution.speaker }, run.env.mentions, run.voice.own) };
  // Someone the text names but the actor stage does not know: better no claimant than the narrator's.
  if (attribution?.stranger === true) return { own: [] };
  return run.voice;
}
