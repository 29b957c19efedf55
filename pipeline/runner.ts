import { STREAMED_TABLES } from './export/sink.ts';
import { chmod, mkdtemp, rename, rm, mkdir, stat } from 'node:fs/promises';
import { dirname, basename, join, resolve } from 'node:path';
import type { Context } from './context.ts';
import type { SourceDoc } from './document.ts';
import { BuildFailure, hasErrors, message, type Message } from './messages.ts';
import { readCorpus } from './ingest/read.ts';
import { ingest } from './ingest/index.ts';
import type { DocumentStats } from './stages.ts';
import { Assembler } from './assemble/index.ts';
import { Exporter, createdFrom } from './export/index.ts';
import type { SinkDirs } from './export/sink.ts';
import { DatasetValidator, keepCompiledValidators } from './validate/index.ts';
import { lexiconHash, loadLexicon } from './lexicon/load.ts';
import { pipelineVersion } from './cache/version.ts';
import { versionFolder, type CacheStats } from './cache/store.ts';
import { processDocuments } from './parallel/schedule.ts';
import { noTimes } from './parallel/protocol.ts';

export interface BuildRequest {
  seeds: string;
  out: string;
  strict: boolean;
  /** SOURCE_DATE_EPOCH, read by the command-line edge; null when unset. */
  sourceDateEpoch: string | null;
  /** The dataset version to write (release builds); absent: package.yaml's. */
  datasetVersion?: string;
  /** Receives one line of progress per stage; omit for none. */
  progress?: (line: string) => void;
  /** Receives the count of documents through their stages after each one, for a progress bar; omit for none. */
  onDocument?: (done: number, total: number) => void;
  /** Worker threads for the per-document stages (default 1: everything on the calling thread). */
  workers?: number;
  /** Folder of the document cache; omit or null for a clean build that neither reads nor writes a cache. */
  cache?: string | null;
  /** Start worker threads only for at least this many characters still to process (default 256 000). */
  minParallelChars?: number;
  /**
   * Write only the tables (CSV, spreadsheet CSV, JSON) with their descriptor, codebook and checksums, not the
   * workbook, database and page: a quicker build while working on a corpus. Its tables are byte for byte those of
   * a full build, so the cache serves both.
   */
  tablesOnly?: boolean;
}

export interface BuildResult {
  messages: Message[];
  files: string[];
  counts: Record<string, number>;
  /** Milliseconds per stage: per-document stages summed over threads, the rest wall time; `documents` is the wall time of the per-document phase. */
  timings: Record<string, number>;
  /** Cache use, or null for a clean build. */
  cache: CacheStats | null;
  /** Worker threads the per-document stages ran on (1: the calling thread). */
  threads: number;
}

const line = (stage: string, what: string, ms: number) => `${stage.padEnd(10)} ${what.padEnd(44)} ${ms.toFixed(0).padStart(6)} ms`;

const DEFAULT_MIN_PARALLEL_CHARS = 256_000;

/**
 * Build the dataset from a seeds folder into an output folder, atomically: everything is written into a temporary
 * sibling folder, validated, and only then swapped in. Throws BuildFailure with coded messages when anything
 * fails; the previous output is then untouched.
 *
 * Memory stays bounded by what crosses documents (the actor table, IDs, counts), not by the corpus: each document
 * goes through its stages (on a pool of worker threads when asked), is reduced to its rows at once, and its rows
 * stream straight into the validator and every output file.
 */
export async function build(req: BuildRequest): Promise<BuildResult> {
  const say = req.progress ?? (() => {});
  const messages: Message[] = [];
  // Stages after ingest know a document by its file name; users know it by its path.
  const inFolder = (m: Message): Message => (m.file !== null && names.has(m.file) ? { ...m, file: join(req.seeds, m.file) } : m);
  const names = new Set<string>();
  const fail = (): never => {
    const ordered = messages.filter((m) => m.severity === 'error').concat(messages.filter((m) => m.severity !== 'error'));
    throw new BuildFailure(ordered.map(inFolder));
  };
  const timings: Record<string, number> = {};
  // A malformed SOURCE_DATE_EPOCH is a usage error: say so now, not after every document has been processed.
  createdFrom(req.sourceDateEpoch ?? undefined);

  let t = performance.now();
  const docs = await readAndIngest(req.seeds, messages);
  for (const d of docs) names.add(d.file);
  timings['ingest'] = performance.now() - t;
  say(line('ingest', `${docs.length} documents`, timings['ingest']));
  if (hasErrors(messages)) fail();

  // Loaded after ingest, so a problem in the lexicon never hides problems in the documents; and only when a
  // document is processed on this thread, since a rebuild from the cache or on workers never reads it here.
  const ctx: Context = {
    options: { strict: req.strict, sourceDateEpoch: req.sourceDateEpoch, ...(req.datasetVersion === undefined ? {} : { datasetVersion: req.datasetVersion }) },
    get lexicon() {
      return loadLexicon();
    },
  };
  const cacheRoot = req.cache == null ? null : resolve(req.cache);
  const version = cacheRoot === null ? null : pipelineVersion(lexiconHash());
  const cache = cacheRoot === null || version === null ? null : { dir: versionFolder(cacheRoot, version), version, root: cacheRoot };
  const cacheStats: CacheStats = { hits: 0, misses: 0, corrupt: 0 };
  // Validators are named by their schema's hash, so they stay valid across versions: kept beside the entries' folders.
  keepCompiledValidators(cacheRoot);

  const out = resolve(req.out);
  const tmp = (await temporaryFolders(out, messages)) ?? fail();
  let swapped = false;
  try {
    const { files, counts, threads } = await processAndExport(docs, tmp, { ctx, req, cache, cacheStats, messages, timings, say });
    if (hasErrors(messages)) fail();
    t = performance.now();
    await swapIn(tmp.out, out, messages);
    if (hasErrors(messages)) fail();
    swapped = true;
    timings['write'] = performance.now() - t;
    say(line('write', out, timings['write']));
    return { messages: messages.map(inFolder), files, counts, timings, cache: cache === null ? null : cacheStats, threads };
  } finally {
    await rm(tmp.scratch, { recursive: true, force: true });
    if (!swapped) await rm(tmp.out, { recursive: true, force: true });
  }
}

interface Phase {
  ctx: Context;
  req: BuildRequest;
  cache: { dir: string; version: string; root: string } | null;
  cacheStats: CacheStats;
  messages: Message[];
  timings: Record<string, number>;
  say: (line: string) => void;
}

/**
 * Run every document through its stages (from the cache, on worker threads or here) in file-name order; merge each
 * outcome as it arrives and stream its rows into the validator and the outputs; then finish the corpus-wide tables,
 * the descriptor and the checksums. Returns the paths written, row counts and the threads used.
 */
async function processAndExport(
  docs: (SourceDoc | null)[],
  dirs: SinkDirs,
  ph: Phase,
): Promise<{ files: string[]; counts: Record<string, number>; threads: number }> {
  const { ctx, req, cache, cacheStats, messages, timings, say } = ph;
  let t = performance.now();
  const stageMs = noTimes();
  const total: DocumentStats = { characters: 0, blocks: 0, sentences: 0, demands: 0, mentions: 0, dates: 0 };
  const merger = new Assembler();
  const plan = { ctx, workers: Math.max(1, req.workers ?? 1), cache, minParallelChars: req.minParallelChars ?? DEFAULT_MIN_PARALLEL_CHARS };
  // A large build runs the workbook on a thread of its own; a small one is done before it would start.
  const chars = docs.reduce((n, d) => n + (d?.source.length ?? 0), 0);
  const exporter = await Exporter.open(dirs, ctx, { people: req.tablesOnly !== true, threads: plan.workers > 1 && chars >= plan.minParallelChars });
  const validator = new DatasetValidator(ctx);
  const count = docs.length;
  let done = 0;
  let threads = 1;
  const rowCounts = { mentions: 0, demands: 0, dates: 0 };
  let exportMs = 0;
  let validateMs = 0;
  try {
    for await (const p of processDocuments(docs, plan, cacheStats)) {
      // Each document's share of the text outputs and its own checks were made with its stages (or come from the
      // cache): here it is merged, checked across documents, and written.
      const { outcome, findings, pieces } = p.result;
      for (const m of outcome.messages) messages.push(m);
      const merged = merger.add(outcome.rows);
      let s = performance.now();
      validator.add({ ...merged.rows, actorIds: merged.actorIds }, null, findings);
      validateMs += performance.now() - s;
      s = performance.now();
      exporter.add(merged.rows, null, pieces);
      exportMs += performance.now() - s;
      for (const k of STREAMED_TABLES) rowCounts[k] += merged.rows[k].length;
      for (const k of Object.keys(total) as (keyof DocumentStats)[]) total[k] += outcome.stats[k];
      for (const k of Object.keys(stageMs) as (keyof typeof stageMs)[]) stageMs[k] += p.times[k];
      threads = Math.max(threads, p.threads);
      done += 1;
      req.onDocument?.(done, count);
    }
  } catch (e) {
    await exporter.abort();
    throw e;
  }
  timings['documents'] = performance.now() - t;
  Object.assign(timings, { normalise: stageMs.normalise, segment: stageMs.segment, extract: stageMs.extract });
  say(line('normalise', `${total.characters} characters`, stageMs.normalise));
  say(line('segment', `${total.blocks} blocks, ${total.sentences} sentences`, stageMs.segment));
  say(line('extract', `${total.demands} demands, ${total.mentions} mentions, ${total.dates} dates`, stageMs.extract));
  const from = cache === null ? 'no cache' : `${cacheStats.hits} cached${cacheStats.corrupt > 0 ? `, ${cacheStats.corrupt} corrupt entries redone` : ''}`;
  say(line('documents', `${count} on ${threads} thread${threads === 1 ? '' : 's'}, ${from}`, timings['documents']));

  t = performance.now();
  const merged = merger.finish();
  messages.push(...merged.messages);
  // Reducing each document to its rows ran with its stages; it counts as assemble time.
  timings['assemble'] = stageMs.assemble + performance.now() - t;
  say(line('assemble', `${merged.documents.length} documents, ${merged.actors.length} actors`, timings['assemble']));

  // Rows streamed into the outputs and the validator while the documents were processed; that time counts here.
  t = performance.now();
  const exported = await exporter.finish(merged.documents, merged.actors);
  timings['export'] = stageMs.export + exportMs + performance.now() - t;
  say(line('export', `${exported.written.length} files`, timings['export']));
  t = performance.now();
  validator.finish(merged.documents, merged.actors);
  validator.checkDescriptor(exported.descriptor);
  const report = validator.messages();
  messages.push(...report);
  timings['validate'] = stageMs.validate + validateMs + performance.now() - t;
  const problems = report.filter((m) => m.severity !== 'info').length;
  say(line('validate', problems === 0 ? 'all outputs valid' : `${problems} problems`, timings['validate']));

  const counts = { documents: merged.documents.length, actors: merged.actors.length, ...rowCounts };
  return { files: exported.written.map((w) => w.path), counts, threads };
}

/** Read and ingest the seeds folder; the raw bytes are dropped on return, only the decoded documents stay. */
async function readAndIngest(seeds: string, messages: Message[]): Promise<SourceDoc[]> {
  const ingested = ingest(await readCorpus(resolve(seeds), seeds));
  messages.push(...ingested.messages);
  return ingested.docs;
}

/**
 * A temporary sibling of the output folder to write into (so the swap is a rename on one file system), and a
 * scratch folder beside it for files the outputs are assembled from; null (with a message) when they cannot be made.
 */
async function temporaryFolders(out: string, messages: Message[]): Promise<SinkDirs | null> {
  try {
    const parent = dirname(out);
    await mkdir(parent, { recursive: true });
    const tmp = await mkdtemp(join(parent, `.kravkart-tmp-${basename(out)}-`));
    await chmod(tmp, 0o755); // mkdtemp makes it 0700; the output folder should be readable like any other
    const scratch = await mkdtemp(join(parent, `.kravkart-scratch-${basename(out)}-`));
    return { out: tmp, scratch };
  } catch (e) {
    messages.push(message('output-write', `cannot write ${out}: ${(e as Error).message}`, { stage: 'write', file: out }));
    return null;
  }
}

/** Swap the finished temporary folder in for the output folder; on failure the old output stays. */
async function swapIn(tmp: string, out: string, messages: Message[]): Promise<void> {
  try {
    const exists = await stat(out).then(() => true, () => false);
    if (exists) {
      const old = `${tmp}-old`;
      await rename(out, old);
      await rename(tmp, out);
      await rm(old, { recursive: true, force: true });
    } else {
      await rename(tmp, out);
    }
  } catch (e) {
    messages.push(message('output-write', `cannot write ${out}: ${(e as Error).message}`, { stage: 'write', file: out }));
  }
}
