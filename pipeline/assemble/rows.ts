import type { ExtractedDoc, Provenance, Span, Block } from '../document.ts';
import { OccurrenceCounter, stableId } from '../ids.ts';
import { message, type Message } from '../messages.ts';
import type { DateRow, DemandRow, DocumentRow, MentionRow } from '../models/tables.ts';
import { TOPICS } from '../models/vocab.ts';
import type { ActorRefs } from './actors.ts';
import type { OffsetConverter } from './offsets.ts';
import { byCodeUnits } from './sort.ts';

/** Stable document ID: the file name, the one field that names a document in the seeds folder. */
export const documentId = (file: string): string => stableId('doc', file);

/** What the row builders of one document share. */
export interface DocScope {
  doc: ExtractedDoc;
  documentId: string;
  offsets: OffsetConverter;
  actors: ActorRefs;
  messages: Message[];
}

// Confidence is a heuristic score: three decimals keep the published value stable against float noise.
const round3 = (x: number) => Math.round(x * 1000) / 1000;

/** The documents row: curated or extracted metadata, checksum and length in code points. */
export function documentRow(s: DocScope): DocumentRow {
  const { doc } = s;
  const { info } = doc;
  return {
    document_id: s.documentId,
    source_file: doc.file,
    title: info.title?.value ?? null,
    title_source: info.title?.source ?? null,
    date: info.date?.value.value ?? null,
    date_precision: info.date?.value.precision ?? null,
    // A curator's `date: undated` is a curated fact too: the document states no date of its own.
    date_source: info.date?.source ?? (info.undated ? 'curated' : null),
    publisher_id: info.publisher ? s.actors.refer(info.publisher.value, doc.file, 'publisher') : null,
    publisher_source: info.publisher?.source ?? null,
    genre: info.genre.value,
    genre_source: info.genre.source,
    url: info.url,
    licence: info.licence,
    sha256: doc.sha256,
    characters: s.offsets.codePoints,
  };
}

/** Mention rows of one document; every mention also feeds the actor's aliases and counts. */
export function mentionRows(s: DocScope): MentionRow[] {
  const counter = new OccurrenceCounter();
  const rows: MentionRow[] = [];
  const mentions = dedupe(s.doc.mentions, (m) => `${m.actor}\u001f${m.span.start}\u001f${m.span.end}`);
  mentions.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || byCodeUnits(a.actor, b.actor));
  for (const m of mentions) {
    const src = s.offsets.toSource(m.span);
    if (src === null) {
      invalidSpan(s, 'mention', m);
      continue;
    }
    const actorId = s.actors.mention(m.actor, s.doc.file, s.doc.text.slice(m.span.start, m.span.end));
    rows.push({
      mention_id: stableId('men', s.documentId, counter.next(`${m.actor}\u001f${src.quote}`)),
      document_id: s.documentId,
      actor_id: actorId,
      text: src.quote,
      start: src.start,
      end: src.end,
      rule_id: m.ruleId,
      confidence: round3(m.confidence),
    });
  }
  return rows;
}

/** Demand rows of one document: claimants and addressee resolved to actor IDs, topic with its CAP code. */
export function demandRows(s: DocScope): DemandRow[] {
  const counter = new OccurrenceCounter();
  const rows: DemandRow[] = [];
  const demands = dedupe(s.doc.demands, (d) => `${d.span.start}\u001f${d.span.end}`);
  demands.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  for (const d of demands) {
    const src = s.offsets.toSource(d.span);
    if (src === null) {
      invalidSpan(s, 'demand', d);
      continue;
    }
    const file = s.doc.file;
    rows.push({
      demand_id: stableId('dem', s.documentId, counter.next(d.text)),
      document_id: s.documentId,
      text: d.text,
      quote: src.quote,
      start: src.start,
      end: src.end,
      claimant_ids: [...new Set(d.claimants)].map((k) => s.actors.refer(k, file, 'claimant')),
      addressee_id: d.addressee === null ? null : s.actors.refer(d.addressee, file, 'addressee'),
      topic: d.topic,
      topic_code: TOPICS[d.topic],
      modality: d.modality,
      section: d.section,
      segment_kind: blockKindAt(s.doc.blocks, d.span.start),
      rule_id: d.ruleId,
      confidence: round3(d.confidence),
    });
  }
  return rows;
}

/** Date rows of one document. */
export function dateRows(s: DocScope): DateRow[] {
  const counter = new OccurrenceCounter();
  const rows: DateRow[] = [];
  const dates = dedupe(s.doc.dates, (d) => `${d.span.start}\u001f${d.span.end}\u001f${d.value}\u001f${d.kind}`);
  dates.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || byCodeUnits(a.value, b.value));
  for (const d of dates) {
    const src = s.offsets.toSource(d.span);
    if (src === null) {
      invalidSpan(s, 'date', d);
      continue;
    }
    rows.push({
      date_id: stableId('dat', s.documentId, counter.next(`${src.quote}\u001f${d.value}\u001f${d.kind}`)),
      document_id: s.documentId,
      text: src.quote,
      value: d.value,
      precision: d.precision,
      kind: d.kind,
      start: src.start,
      end: src.end,
      rule_id: d.ruleId,
      confidence: round3(d.confidence),
      ocr_recovered: d.ocr,
    });
  }
  return rows;
}

/** Drop records that repeat another's key (two rules finding the same thing), keeping the most confident. */
function dedupe<T extends Provenance>(items: readonly T[], key: (item: T) => string): T[] {
  const best = new Map<string, T>();
  for (const item of items) {
    const k = key(item);
    const prev = best.get(k);
    if (prev === undefined || item.confidence > prev.confidence) best.set(k, item);
  }
  return [...best.values()];
}

function invalidSpan(s: DocScope, what: string, r: Provenance & { span: Span }): void {
  s.messages.push(
    message('invalid-span', `${what} from rule ${r.ruleId} has span [${r.span.start}, ${r.span.end}) outside the ${s.doc.text.length}-unit text or its offset map`, {
      stage: 'assemble',
      file: s.doc.file,
    }),
  );
}

/** Kind of the block holding a normalised offset (blocks are in text order), so list structure survives as data. */
function blockKindAt(blocks: readonly Block[], offset: number): Block['kind'] {
  let lo = 0;
  let hi = blocks.length - 1;
  let found: Block | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const b = blocks[mid] as Block;
    if (b.span.start <= offset) {
      found = b;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found?.kind ?? 'paragraph';
}
