import type { Context } from './context.ts';
import type { ExtractedDoc, SourceDoc } from './document.ts';
import { normalise } from './normalise/index.ts';
import { segment } from './segment/index.ts';
import { extract } from './extract/index.ts';

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
