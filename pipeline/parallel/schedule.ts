import { existsSync } from 'node:fs';
import type { Context } from '../context.ts';
import type { SourceDoc } from '../document.ts';
import { BuildFailure, message } from '../messages.ts';
import { cacheKey, decodeEntry, entryPath, readEntry, type CacheStats } from '../cache/store.ts';
import type { DocumentResult } from './result.ts';
import { WorkerPool } from './pool.ts';
import { noTimes, type DocumentTask, type StageTimes, type WorkerReply } from './protocol.ts';
import { runTask } from './task.ts';

/** How to process the documents. */
export interface Plan {
  ctx: Context;
  /** Worker threads to use; 1 processes every document on the calling thread. */
  workers: number;
  /** The document cache (this version's folder of entries, the version, and the cache's own folder), or null for a clean build. */
  cache: { dir: string; version: string; root: string } | null;
  /**
   * Start worker threads only when the documents still to process hold at least this many characters: a worker
   * needs about a second of CPU to start and warm up, more than a few small documents take on one thread.
   */
  minParallelChars: number;
}

/** One processed document, in document order. */
export interface Processed {
  result: DocumentResult;
  /** Time its stages took (zeros when it came from the cache). */
  times: StageTimes;
  cached: boolean;
  /** Worker threads in use when it was processed (0 when it came from the cache). */
  threads: number;
}

// How many documents may be in flight per worker: enough to keep every worker busy, few enough to bound memory.
const WINDOW_PER_WORKER = 8;

/**
 * Process every document through its stages, from the cache when a valid entry exists, otherwise on the
 * worker pool (or this thread), and yield the outcomes strictly in the order of `docs`, so the merge is the
 * same as a single-threaded build's. Each document is released from `docs` as soon as it is dispatched, so its
 * text can be freed while the rest are processed. `stats` counts cache hits, misses and corrupt entries.
 */
export async function* processDocuments(docs: (SourceDoc | null)[], plan: Plan, stats: CacheStats): AsyncGenerator<Processed> {
  const cache = plan.cache;
  const keys = cache === null ? null : docs.map((d) => (d === null ? '' : cacheKey(d, plan.ctx.options, cache.version)));
  // Characters still to process: the documents without an entry (a corrupt entry found later is processed anyway).
  let toProcess = 0;
  docs.forEach((d, i) => {
    if (d !== null && (cache === null || !existsSync(entryPath(cache.dir, keys?.[i] ?? '')))) toProcess += d.source.length;
  });
  const size = plan.workers > 1 && toProcess >= plan.minParallelChars ? plan.workers : 1;
  const pool = size > 1 ? await WorkerPool.start(size, { options: plan.ctx.options, cacheDir: cache?.dir ?? null, validatorsDir: cache?.root ?? null }) : null;
  const window = WINDOW_PER_WORKER * size;

  const compute = (doc: SourceDoc, seq: number, key: string | null): Promise<Processed> => {
    const task: DocumentTask = { seq, doc, cacheKey: key };
    const reply = pool === null ? Promise.resolve(runTask(task, plan.ctx, cache?.dir ?? null)) : pool.run(task);
    return reply.then(
      (r) => fromReply(r, key, doc.file, size),
      (e: Error) => Promise.reject(failure(doc.file, e.message, [])),
    );
  };

  const start = (i: number): Promise<Processed> => {
    const doc = docs[i] as SourceDoc;
    docs[i] = null;
    const key = keys?.[i] ?? null;
    if (cache !== null && key !== null) {
      const entry = readEntry(cache.dir, key, doc.file);
      if (typeof entry !== 'string') {
        stats.hits += 1;
        return Promise.resolve({ result: entry, times: noTimes(), cached: true, threads: 0 });
      }
      if (entry === 'corrupt') stats.corrupt += 1;
      else stats.misses += 1;
    }
    return compute(doc, i, key);
  };

  const inFlight: Promise<Processed>[] = [];
  try {
    for (let i = 0; i < docs.length; i++) {
      const p = start(i);
      // Handled when its turn comes; the no-op keeps an early failure from counting as unhandled meanwhile.
      p.catch(() => {});
      inFlight.push(p);
      while (inFlight.length >= window) yield await (inFlight.shift() as Promise<Processed>);
    }
    while (inFlight.length > 0) yield await (inFlight.shift() as Promise<Processed>);
  } finally {
    await pool?.close();
  }
}

function fromReply(r: WorkerReply, key: string | null, file: string, threads: number): Processed {
  if (!r.ok) throw failure(file, r.error, r.messages);
  const result = decodeEntry(r.entry, key, file);
  if (result === null) throw failure(file, 'the result of processing it does not decode', []);
  return { result, times: r.times, cached: false, threads };
}

/** A pipeline bug while processing one document: stop the build, naming the document. */
function failure(file: string, error: string, messages: BuildFailure['messages']): BuildFailure {
  if (messages.length > 0) return new BuildFailure(messages);
  return new BuildFailure([message('internal', `processing failed: ${error}`, { stage: 'extract', file })]);
}
