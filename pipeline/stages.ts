import type { Context } from './context.ts';
import type { ExtractedDoc, SourceDoc } from './document.ts';
import type { Message } from './messages.ts';
import { normalise } from './normalise/index.ts';
import { segment } from './segment/index.ts';
import { extract } from './extract/index.ts';
import { reduceDocument, type DocRows } from './assemble/index.ts';

/**
 * The per-document stages, in order: each a pure function of one document. Corpus-wide stages
 * (ingest → [these] → assemble → validate → export) are composed by the runner.
 */
export const DOCUMENT_STAGES = ['normalise', 'segment', 'extract'] as const;
export type DocumentStage = (typeof DOCUMENT_STAGES)[number];

/** Run every per-document stage on one document; `time` receives each stage's duration in ms. */
export function processDocument(doc: SourceDoc, ctx: Context, time?: (stage: DocumentStage, ms: number) => void): ExtractedDoc {
  let t = performance.now();
  const tick = (stage: DocumentStage) => {
    const now = performance.now();
    time?.(stage, now - t);
    t = now;
  };
  const n = normalise(doc, ctx);
  tick('normalise');
  const s = segment(n, ctx);
  tick('segment');
  const e = extract(s, ctx);
  tick('extract');
  return e;
}

/** Sizes of one document's intermediate results, for the runner's progress lines. */
export interface DocumentStats {
  characters: number;
  blocks: number;
  sentences: number;
  demands: number;
  mentions: number;
  dates: number;
}

/**
 * What one document leaves behind once its own stages ran: its rows for assemble, its messages and a few counts.
 * The text, offset map, blocks and sentences are dropped here, so the corpus never has to fit in memory, and
 * the outcome is plain data that crosses worker threads and caches as JSON.
 */
export interface DocumentOutcome {
  file: string;
  rows: DocRows;
  /** The document's own messages from normalise, segment and extract. */
  messages: Message[];
  stats: DocumentStats;
}

/** Run the per-document stages on one document and reduce the result to its outcome (timed as `assemble`). */
export function runDocument(doc: SourceDoc, ctx: Context, time?: (stage: DocumentStage | 'assemble', ms: number) => void): DocumentOutcome {
  const e = processDocument(doc, ctx, time);
  const t = performance.now();
  const stats: DocumentStats = {
    characters: e.text.length,
    blocks: e.blocks.length,
    sentences: e.sentences.length,
    demands: e.demands.length,
    mentions: e.mentions.length,
    dates: e.dates.length,
  };
  const rows = reduceDocument(e);
  time?.('assemble', performance.now() - t);
  return { file: e.file, rows, messages: e.messages, stats };
}
