import type { Context } from '../context.ts';
import { BuildFailure } from '../messages.ts';
import { runDocument } from '../stages.ts';
import { writeEntry } from '../cache/store.ts';
import { noTimes, type DocumentTask, type WorkerReply } from './protocol.ts';

/**
 * Process one task wherever it runs (a worker thread or the main thread): run the document's stages, serialise
 * the outcome, write it to the cache when asked. A pipeline bug becomes a failed reply rather than a crash.
 */
export function runTask(task: DocumentTask, ctx: Context, cacheDir: string | null): WorkerReply {
  const times = noTimes();
  try {
    const outcome = runDocument(task.doc, ctx, (stage, ms) => (times[stage] += ms));
    const body = JSON.stringify(outcome);
    if (cacheDir !== null && task.cacheKey !== null) writeEntry(cacheDir, task.cacheKey, body);
    return { seq: task.seq, ok: true, outcome: body, times };
  } catch (e) {
    const messages = e instanceof BuildFailure ? e.messages : [];
    return { seq: task.seq, ok: false, error: (e as Error).stack ?? String(e), messages };
  }
}
