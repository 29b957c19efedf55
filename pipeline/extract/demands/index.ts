import type { Context } from '../../context.ts';
import type { ActorRecord, Block, DemandRecord, DocumentMeta, MentionRecord, SegmentedDoc, Span } from '../../document.ts';
import { bulletClaims } from './bullets.ts';
import { findClaims, firstWord, type ClaimEnv } from './claim.ts';
import { cleanText, trimSpan } from './clean.ts';
import { compileCues } from './cues.ts';
import { isLeadIn, readLeadIn, type ListContext } from './leadin.ts';
import { MentionIndex } from './mentions.ts';
import { isQuote, proseClaims } from './prose.ts';
import { firstResolved, type Found, type Run } from './run.ts';
import { tokenize, type Token } from './tokens.ts';
import { topicOf } from './topic.ts';
import { agreementParties } from './voice.ts';

/** What demands read besides the document: the actors and their mentions, and the metadata (for the publisher). */
export interface DemandInput {
  actors: ActorRecord[];
  mentions: MentionRecord[];
  info: DocumentMeta;
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

  const sentencesByBlock = groupSentences(doc);
  let list: ListContext | null = null;
  for (let b = 0; b < doc.blocks.length; b++) {
    const block = doc.blocks[b] as Block;
    const tokens = tokenize(doc.text, block.span);
    if (!tokens.some((t) => /\p{L}/u.test(t.text))) continue; // page numbers and furniture neither claim nor end a list
    const nextIsBullet = doc.blocks[b + 1]?.kind === 'bullet';
    const sentences = sentencesByBlock.get(b) ?? [block.span];

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
  return doc.blocks[b - 1]?.kind === 'bullet' && first !== undefined && /^\p{Ll}/u.test(first.text);
}

/** A heading is a claim when an actor states it ("LO krever …"), a modal makes it one ("Må samarbeide mot …") or it is a slogan ("Nei til …"). */
function headingClaim(block: Block, tokens: readonly Token[], run: Run): Found | null {
  const claims = findClaims(tokens, run.env, { imperative: false, headline: true }).filter(
    (c) => (c.verb !== null && (c.verb.subject === 'any' || c.subject.kind === 'actor')) || (c.verb === null && c.modality !== 'goal'),
  );
  const hit = firstResolved(claims, run.voice, run);
  return hit ? { span: block.span, claim: hit.claim, parties: hit.parties } : null;
}

