import type { Context } from '../context.ts';
import { BuildFailure } from '../messages.ts';
import { runDocument } from '../stages.ts';
import { publishedRows } from '../assemble/index.ts';
import { encodeEntry } from '../cache/entry.ts';
import { writeEntry } from '../cache/store.ts';
import { documentPieces } from '../export/pieces.ts';
import { checkDocument, loadAssertions } from '../validate/index.ts';
import type { Assertions } from '../validate/assertions.ts';
import { noTimes, type DocumentTask, type WorkerReply } from './protocol.ts';

let assertions: Assertions | null = null;

/**
 * Process one task wherever it runs (a worker thread or the main thread): run the document's stages, make its
 * share of the text outputs and its per-document checks, encode the result as a cache entry, and write it to the
 * cache when asked. A pipeline bug becomes a failed reply rather than a crash.
 */
export function runTask(task: DocumentTask, ctx: Context, cacheDir: string | null): WorkerReply {
  const times = noTimes();
  try {
    const { doc } = task;
    const outcome = runDocument(doc, ctx, (stage, ms) => (times[stage] += ms));
    let t = performance.now();
    const rows = publishedRows(outcome.rows);
    const pieces = documentPieces(rows, doc.source);
    times.export += performance.now() - t;
    t = performance.now();
    assertions ??= loadAssertions();
    const findings = checkDocument(rows, { file: doc.file, source: doc.source, undated: doc.meta?.date === 'undated' }, assertions, ctx.options.strict);
    times.validate += performance.now() - t;
    const entry = encodeEntry(task.cacheKey, { outcome, findings, pieces });
    if (cacheDir !== null && task.cacheKey !== null) writeEntry(cacheDir, task.cacheKey, entry);
    return { seq: task.seq, ok: true, entry, times };
  } catch (e) {
    const messages = e instanceof BuildFailure ? e.messages : [];
    return { seq: task.seq, ok: false, error: (e as Error).stack ?? String(e), messages };
  }
}
