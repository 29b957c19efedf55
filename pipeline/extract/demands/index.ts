import type { Context } from '../../context.ts';
import type { ActorRecord, Block, DemandRecord, DocumentMeta, MentionRecord, SegmentedDoc, Span } from '../../document.ts';
import { trailingAttribution, type Attribution } from './attribution.ts';
import { findClaims, firstWord, type Claim, type ClaimEnv } from './claim.ts';
import { resolveParties, type Parties, type Voice } from './claimants.ts';
import { cleanText, trimSpan } from './clean.ts';
import { compileCues } from './cues.ts';
import { isLeadIn, readLeadIn, type ListContext } from './leadin.ts';
import { MentionIndex } from './mentions.ts';
import { tokenize, type Token } from './tokens.ts';
import { topicOf } from './topic.ts';
import { agreementParties, claimantsOf } from './voice.ts';

export interface DemandInput {
  actors: ActorRecord[];
  mentions: MentionRecord[];
  info: DocumentMeta;
}

/** One claim ready to become a record. */
interface Found {
  span: Span;
  claim: Pick<Claim, 'modality' | 'rule' | 'confidence'>;
  parties: Parties;
}

/** Per-document state shared by the block readers. */
interface Run {
  doc: SegmentedDoc;
  env: ClaimEnv;
  /** The document's own voice: the agreement's parties, else the publisher. */
  voice: Voice;
  /** The last named speaker, for attributions by pronoun (", sier hun."). */
  lastSpeaker: MentionRecord | null;
}

/** Find every normative claim with claimants, addressee, topic, modality and section. */
export function findDemands(doc: SegmentedDoc, input: DemandInput, ctx: Context): DemandRecord[] {
  const cues = compileCues(ctx.lexicon.cues);
  const mentions = new MentionIndex(doc.text, input.mentions, input.actors);
  const env: ClaimEnv = { cues, mentions };
  const parties = agreementParties(doc, mentions, cues);
  const publisher = input.info.publisher?.value;
  const run: Run = { doc, env, voice: { own: parties.length > 0 ? parties : publisher === undefined ? [] : [publisher] }, lastSpeaker: null };

  const records: DemandRecord[] = [];
  const seen = new Set<string>();
  const emit = (block: Block, found: Found): void => {
    const span = trimSpan(doc.text, found.span);
    const text = cleanText(doc.text.slice(span.start, span.end));
    if (text === '' || seen.has(text)) return; // a claim repeated (a title printed twice) is one claim
    seen.add(text);
    const section = sectionOf(doc, block);
    const known = found.parties.claimants.length > 0;
    records.push({
      span,
      text,
      claimants: found.parties.claimants,
      addressee: found.parties.addressee,
      topic: topicOf(text, section, ctx.lexicon.topics),
      modality: found.claim.modality,
      section,
      ruleId: found.claim.rule,
      // Without a known claimant the claim is as sure, but the record is less useful and less certain as a whole.
      confidence: Math.round(found.claim.confidence * (known ? 1 : 0.8) * 100) / 100,
    });
  };

  let list: ListContext | null = null;
  for (let b = 0; b < doc.blocks.length; b++) {
    const block = doc.blocks[b] as Block;
    const tokens = tokenize(doc.text, block.span);
    if (!tokens.some((t) => /\p{L}/u.test(t.text))) continue; // page numbers and furniture neither claim nor end a list
    const nextIsBullet = doc.blocks[b + 1]?.kind === 'bullet';
    const sentences = sentencesOf(doc, b);

    if (block.kind === 'bullet' && !isQuote(block, sentences, run)) {
      for (const found of bulletClaims(block, tokens, sentences, list, run)) emit(block, found);
      continue;
    }
    if (block.kind === 'paragraph' && continuesBullet(doc, b, tokens)) continue; // a bullet's tail cut off by a page break

    const lastTokens = tokenize(doc.text, sentences[sentences.length - 1] as Span);
    const leadIn = isLeadIn(lastTokens, nextIsBullet, env);
    if (block.kind === 'heading') {
      if (!leadIn) list = null;
      else {
        const read = readLeadIn(lastTokens, env, run.voice);
        // A sub-heading inside a demand list ("Et tillitsbasert Nav:") keeps the list's lead-in.
        if (read.demand || !list?.demand) list = read;
      }
      const found = headingClaim(block, tokens, run);
      if (found) emit(block, found);
      continue;
    }
    // A paragraph between two bullets is most often a bullet's second line that lost its marker: the list goes on.
    const insideList = doc.blocks[b - 1]?.kind === 'bullet' && nextIsBullet;
    if (leadIn) list = readLeadIn(lastTokens, env, run.voice);
    else if (!insideList) list = null;
    const prose = leadIn ? sentences.slice(0, -1) : sentences;
    for (const found of proseClaims(block, prose, sentences.length === 1, run)) emit(block, found);
  }
  return records;
}

/** The sentences of block `b`; the whole block when segmentation gave it none. */
function sentencesOf(doc: SegmentedDoc, b: number): Span[] {
  const own = doc.sentences.filter((s) => s.block === b).map((s) => s.span);
  return own.length > 0 ? own : [(doc.blocks[b] as Block).span];
}

/** Text of the heading a block sits under, without markdown hashes or a closing colon. */
function sectionOf(doc: SegmentedDoc, block: Block): string | null {
  const heading = block.heading === null ? undefined : doc.blocks[block.heading];
  if (heading === undefined) return null;
  const text = cleanText(doc.text.slice(heading.span.start, heading.span.end)).replace(/^#+\s*/, '').replace(/\s*:$/, '');
  return text === '' ? null : text;
}

/** A paragraph that opens in lower case right after a bullet continues that bullet. */
function continuesBullet(doc: SegmentedDoc, b: number, tokens: readonly Token[]): boolean {
  const first = tokens[firstWord(tokens)];
  return doc.blocks[b - 1]?.kind === 'bullet' && first !== undefined && /^\p{Ll}/u.test(first.text);
}

const DASH = /^[-–—]$/;

/** A dash-opened block with a speech attribution is quoted speech ("- Vi er enig …, sier Helgesen."), not a list item. */
function isQuote(block: Block, sentences: readonly Span[], run: Run): boolean {
  const opensWithDash = (block.marker !== null && DASH.test(block.marker.trim())) || /^\s*[-–—]/.test(run.doc.text.slice(block.span.start, block.span.end));
  return opensWithDash && sentences.some((s) => trailingAttribution(tokenize(run.doc.text, s), run.env.cues, run.env.mentions) !== null);
}

/** The first claim of a unit whose parties resolve, with its parties. */
function firstResolved(claims: readonly Claim[], voice: Voice, run: Run): { claim: Claim; parties: Parties } | null {
  for (const claim of claims) {
    const parties = resolveParties(claim, voice, run.env.mentions, run.env.cues);
    if (parties) return { claim, parties };
  }
  return null;
}

// A bullet with this many sentences that carry a cue of their own is a paragraph of separate demands.
const BUNDLE = 4;

/**
 * A bullet: under a demand lead-in every item is a demand of the lead-in's claimants; elsewhere only with a cue
 * of its own. A bullet that bundles several cued sentences gives one demand per cued sentence.
 */
function bulletClaims(block: Block, tokens: readonly Token[], sentences: readonly Span[], list: ListContext | null, run: Run): Found[] {
  if (tokens[tokens.length - 1]?.text === '?') return [];
  const options = { imperative: list?.question !== true, governed: list?.demand === true };
  const parts = sentences.map((span) => ({ span, claims: findClaims(tokenize(run.doc.text, span), run.env, options) }));
  const cued = parts.filter((p) => p.claims.length > 0);
  const units = cued.length >= BUNDLE ? cued : [{ span: block.span, claims: findClaims(tokens, run.env, options) }];
  return units.flatMap((unit) => {
    if (!list?.demand) {
      const hit = firstResolved(unit.claims, run.voice, run);
      return hit ? [{ span: unit.span, claim: hit.claim, parties: hit.parties }] : [];
    }
    const voice: Voice = { own: list.claimants.length > 0 ? list.claimants : run.voice.own };
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

/** A heading is a claim when an actor states it ("LO krever …"), a modal makes it one ("Må samarbeide mot …") or it is a slogan ("Nei til …"). */
function headingClaim(block: Block, tokens: readonly Token[], run: Run): Found | null {
  const claims = findClaims(tokens, run.env, { imperative: false, headline: true }).filter(
    (c) => (c.verb !== null && (c.verb.subject === 'any' || c.subject.kind === 'actor')) || (c.verb === null && c.modality !== 'goal'),
  );
  const hit = firstResolved(claims, run.voice, run);
  return hit ? { span: block.span, claim: hit.claim, parties: hit.parties } : null;
}

/**
 * Sentences of a paragraph (or quoted-speech block): each with a cue is a claim. A quote opens with a dash and
 * runs to its attribution (", sier Helgesen."); its sentences belong to that speaker, the ones after it to the narrator.
 */
function proseClaims(block: Block, sentences: readonly Span[], single: boolean, run: Run): Found[] {
  const text = run.doc.text;
  const tokenised = sentences.map((s) => tokenize(text, s));
  const attributions = tokenised.map((t) => speakerOf(trailingAttribution(t, run.env.cues, run.env.mentions), run));
  const out: Found[] = [];
  let inQuote = block.marker !== null && DASH.test(block.marker.trim());
  tokenised.forEach((tokens, k) => {
    const span = sentences[k] as Span;
    if (k > 0 && /^\s*[-–—]/.test(text.slice(span.start, span.end))) inQuote = true;
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
