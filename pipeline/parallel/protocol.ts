import type { BuildOptions } from '../context.ts';
import type { SourceDoc } from '../document.ts';
import type { Message } from '../messages.ts';

/**
 * Time spent per per-document stage, on reducing the document for assemble, and on its share of export (pieces)
 * and validate (per-document checks), in ms.
 */
export type StageTimes = Record<'normalise' | 'segment' | 'extract' | 'assemble' | 'export' | 'validate', number>;

/** Given to every worker when it starts. */
export interface WorkerSetup {
  options: BuildOptions;
  /** Folder of the document cache the worker writes its outcomes to, or null when caching is off. */
  cacheDir: string | null;
  /** Folder the compiled validators are kept in (the cache's own), or null when caching is off. */
  validatorsDir: string | null;
}

/** One document to process; `cacheKey` set when the outcome should be cached. */
export interface DocumentTask {
  seq: number;
  doc: SourceDoc;
  cacheKey: string | null;
}

/**
 * A worker's answer for one task: the document's result as an encoded cache entry (what the cache stores, so
 * cached and fresh results are read the same way), or the failure of a pipeline bug with its stack or coded messages.
 */
export type WorkerReply =
  | { seq: number; ok: true; entry: Uint8Array; times: StageTimes }
  | { seq: number; ok: false; error: string; messages: Message[] };

/** Zero times for every stage. */
export const noTimes = (): StageTimes => ({ normalise: 0, segment: 0, extract: 0, assemble: 0, export: 0, validate: 0 });
