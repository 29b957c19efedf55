import type { Context } from '../../context.ts';
import type { ActorRecord, Block, DemandRecord, DocumentMeta, MentionRecord, SegmentedDoc, Span } from '../../document.ts';
import { bulletClaims } from './bullets.ts';
import { findClaims, firstWord, type ClaimEnv } from './claim.ts';
import { cleanText, trimSpan } from './clean.ts';
import { compileCues, type CompiledCues } from './cues.ts';
import type { Voice } from './claimants.ts';
import type { Proposers } from '../metadata/proposers.ts';
import { isLeadIn, readLeadIn, type ListContext } from './leadin.ts';
import { MentionIndex } from './mentions.ts';
import { readLayout, type Layout } from './layout.ts';
import { isQuote, proseClaims } from './prose.ts';
import { firstResolved, type Found, type Run } from './run.ts';
import { tokenize, type Token } from './tokens.ts';
import { topicOf } from './topic.ts';
import { agreementParties, claimantsOf, signatories } from './voice.ts';

/**
 * What demands read besides the document: the actors and their mentions, the metadata (publisher and genre) and,
 * for a proposal, its listed proposers.
 */
export interface DemandInput {
  actors: ActorRecord[];
  mentions: MentionRecord[];
  info: DocumentMeta;
  proposers?: Proposers | null;
}

/** Find every normative claim with claimants, addressee, topic, modality and section. */
export function findDemands(doc: SegmentedDoc, input: DemandInput, ctx: Context): DemandRecord[] {
  const cues = compileCues(ctx.lexicon.cues);
  const mentions = new MentionIndex(doc.text, input.mentions, input.actors);
  const env: ClaimEnv = { cues, mentions };
  const run: Run = { doc, env, voice: ownVoice(doc, input, mentions, cues), lastSpeaker: null };

  const layout = readLayout(doc);
  const records: DemandRecord[] = [];
  const seen = new Set<string>();
  // The claims of a section share its heading: read once.
  const sections = new Map<number | null, string | null>();
  const sectionOfBlock = (block: Block): string | null => {
    let section = sections.get(block.heading);
    if (section === undefined) {
      section = sectionOf(doc, block);
      sections.set(block.heading, section);
    }
    return section;
  };
  const emit = (block: Block, found: Found): void => {
    const span = trimSpan(doc.text, found.span);
    const text = cleanText(doc.text.slice(span.start, span.end));
    if (text === '' || seen.has(text)) return; // a claim repeated (a title printed twice) is one claim
    if (layout.interleaved(span) && !wholeLineSentence(doc, span, text)) return; // lines of two columns: words of two claims
    seen.add(text);
    const section = sectionOfBlock(block);
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

  const sentencesByBlock = groupSentences(doc);
  let list: ListContext | null = null;
  for (let b = 0; b < doc.blocks.length; b++) {
    const block = clipAtStray(doc.blocks[b] as Block, layout, doc.text);
    const tokens = tokenize(doc.text, block.span);
    if (!tokens.some((t) => LETTER.test(t.text))) continue; // page numbers and furniture neither claim nor end a list
    const nextIsBullet = doc.blocks[b + 1]?.kind === 'bullet';
    // A bullet clipped at a stray seam loses the sentences after it; a paragraph keeps them as sentences of their own.
    const sentences = splitAtStrays(sentencesByBlock.get(b) ?? [block.span], layout, doc.text).filter((s) => s.end <= block.span.end || block.kind !== 'bullet');

    const next = sentencesByBlock.get(b + 1)?.[0] ?? null;
    if (block.kind === 'bullet' && !isQuote(block, sentences, run, list?.demand === true, next)) {
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
    for (const found of proseClaims(block, prose, sentences.length === 1, run, next)) emit(block, found);
  }
  return records;
}

/**
 * The document's own voice: a proposal's proposers with their organisations (a parliament's requests there word
 * the resolution they propose), else the parties of a joint agreement (named after "mellom", or signing it), else the
 * publisher.
 */
function ownVoice(doc: SegmentedDoc, input: DemandInput, mentions: MentionIndex, cues: CompiledCues): Voice {
  const proposers = input.proposers;
  if (input.info.genre.value === 'proposal' && proposers && proposers.persons.length > 0) {
    return { own: [...proposers.persons, ...proposers.organisations], resolving: cues.resolvingTypes };
  }
  let parties = agreementParties(doc, mentions, cues);
  if (parties.length === 0 && input.info.genre.value === 'agreement') parties = signatories(mentions);
  const publisher = input.info.publisher?.value;
  return { own: parties.length > 0 ? parties : publisher === undefined ? [] : [publisher] };
}

// A piece after a seam shorter than this (in letters) is debris: ligature glyphs or a lone letter a PDF left behind.
const DEBRIS_LETTERS = 4;

const LETTER = /\p{L}/u;
const ENDS_SENTENCE = /[.!?]["»”')]*$/u;
const LETTERS = /\p{L}/gu;
const OPENS_LOWER = /^\p{Ll}/u;
const OPENS_LOWER_AFTER_SPACE = /^\s*\p{Ll}/u;
const OPENS_CAPITAL = /^\p{Lu}/u;

/**
 * Where a unit must end because the rest came from elsewhere on the page: a seam (see layout.ts) right after a
 * sentence end ("… idrett.⏎⏎tallforståelse."), or a seam followed by debris ("… inngrep⏎⏎ti⏎⏎tt"); null when none.
 */
function strayCut(span: Span, layout: Layout, text: string): number | null {
  if (!layout.maySeam) return null;
  const seams = layout.seams(span);
  for (let i = 0; i < seams.length; i++) {
    const at = seams[i] as number;
    if (ENDS_SENTENCE.test(text.slice(span.start, at).trimEnd())) return at;
    if (!debris(text, seams, i, span)) continue;
    // Debris at a page's end: the unit ends there unless it goes on after the debris in lower case (the sentence continues).
    let j = i;
    while (j < seams.length && debris(text, seams, j, span)) j++;
    if (j >= seams.length || !OPENS_LOWER.test(piece(text, seams, j, span).trimStart())) return at;
    i = j - 1;
  }
  return null;
}

/** The text from seam `i` to the next seam or the span's end. */
const piece = (text: string, seams: readonly number[], i: number, span: Span): string => text.slice(seams[i] as number, seams[i + 1] ?? span.end);

/** True when the piece after seam `i` is debris (too few letters). */
const debris = (text: string, seams: readonly number[], i: number, span: Span): boolean => (piece(text, seams, i, span).match(LETTERS) ?? []).length < DEBRIS_LETTERS;

/** A block ended at its first stray seam: a bullet or paragraph does not run on into another column's words. */
function clipAtStray(block: Block, layout: Layout, text: string): Block {
  const cut = strayCut(block.span, layout, text);
  return cut === null ? block : { ...block, span: { start: block.span.start, end: cut } };
}

/**
 * Sentences split at their stray seams. A piece after a seam is read as a sentence of its own when it opens like
 * one; a piece opening in lower case is the tail of another column's sentence, not a sentence.
 */
function splitAtStrays(sentences: readonly Span[], layout: Layout, text: string): Span[] {
  if (!layout.maySeam) return [...sentences];
  const out: Span[] = [];
  for (const s of sentences) {
    let cut = strayCut(s, layout, text);
    // Most sentences have no seam: they stay whole.
    if (cut === null || cut <= s.start) {
      out.push(s);
      continue;
    }
    let rest: Span = s;
    for (; cut !== null && cut > rest.start; cut = strayCut(rest, layout, text)) {
      out.push({ start: rest.start, end: cut });
      rest = { start: cut, end: rest.end };
    }
    if (!OPENS_LOWER_AFTER_SPACE.test(text.slice(rest.start, rest.end))) out.push(rest);
  }
  return out;
}

/**
 * Inside interleaved columns only a whole sentence on one source line can be trusted: it opens with a capital,
 * ends with a full stop and never crossed a line break, so no words of the other column got into it.
 */
function wholeLineSentence(doc: SegmentedDoc, span: Span, text: string): boolean {
  const from = doc.map.start[span.start];
  const to = doc.map.end[span.end - 1];
  if (from === undefined || to === undefined) return false;
  return !doc.source.slice(from, to).includes('\n') && OPENS_CAPITAL.test(text) && /[.!?]$/u.test(text);
}

/** The sentences of each block, in order (a block segmentation gave none is read as one sentence). */
function groupSentences(doc: SegmentedDoc): Map<number, Span[]> {
  const byBlock = new Map<number, Span[]>();
  for (const s of doc.sentences) {
    const list = byBlock.get(s.block);
    if (list) list.push(s.span);
    else byBlock.set(s.block, [s.span]);
  }
  return byBlock;
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
  return doc.blocks[b - 1]?.kind === 'bullet' && first !== undefined && OPENS_LOWER.test(first.text);
}

/** A heading is a claim when an actor states it ("LO krever …"), a modal makes it one ("Må samarbeide mot …") or it is a slogan ("Nei til …"). */
function headingClaim(block: Block, tokens: readonly Token[], run: Run): Found | null {
  const quoted = headlineQuote(tokens, run);
  if (quoted) return quoted;
  const claims = findClaims(tokens, run.env, { imperative: false, headline: true }).filter(
    (c) => (c.verb !== null && (c.verb.subject === 'any' || c.subject.kind === 'actor')) || (c.verb === null && c.modality !== 'goal'),
  );
  const hit = firstResolved(claims, run.voice, run);
  return hit ? { span: block.span, claim: hit.claim, parties: hit.parties } : null;
}

/**
 * A headline quoting an actor: "Fagforbundet: – Stopp kuttene i hjemmetjenesten". The quote after the colon and dash
 * is the actor's (a slogan may open with its verb); the claim spans the quote.
 */
function headlineQuote(tokens: readonly Token[], run: Run): Found | null {
  const s = firstWord(tokens);
  const first = tokens[s];
  if (first === undefined) return null;
  const speaker = run.env.mentions.startingAfter(first.start, new Set(), (tokens[tokens.length - 1] as Token).end);
  if (speaker === null || speaker.span.start !== first.start) return null;
  const colon = tokens.findIndex((t) => t.start >= speaker.span.end);
  const dash = tokens[colon + 1];
  if (tokens[colon]?.text !== ':' || dash === undefined || !/^[-–—]$/.test(dash.text)) return null;
  const quote = tokens.slice(colon + 2);
  if (quote.length === 0) return null;
  const voice: Voice = { own: claimantsOf({ kind: 'actor', mention: speaker }, run.env.mentions, run.voice.own) };
  const hit = firstResolved(findClaims(quote, run.env, { imperative: true, headline: true }), voice, run);
  const last = quote[quote.length - 1] as Token;
  return hit ? { span: { start: (quote[0] as Token).start, end: last.end }, claim: hit.claim, parties: hit.parties } : null;
}

