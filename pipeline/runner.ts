import { chmod, mkdtemp, rename, rm, mkdir, writeFile, stat } from 'node:fs/promises';
import { dirname, basename, join, resolve } from 'node:path';
import type { Context } from './context.ts';
import type { SourceDoc } from './document.ts';
import { BuildFailure, hasErrors, message, type Message } from './messages.ts';
import { readCorpus } from './ingest/read.ts';
import { ingest } from './ingest/index.ts';
import type { DocumentStats } from './stages.ts';
import { Assembler } from './assemble/index.ts';
import { exportOutputs, type OutputFile } from './export/index.ts';
import type { Dataset } from './models/tables.ts';
import { validate } from './validate/index.ts';
import { loadLexicon } from './lexicon/load.ts';
import { pipelineVersion } from './cache/version.ts';
import type { CacheStats } from './cache/store.ts';
import { processDocuments } from './parallel/schedule.ts';
import { noTimes } from './parallel/protocol.ts';
import { SourceRef } from './parallel/source-ref.ts';

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
 * Build the dataset from a seeds folder into an output folder, atomically: everything is built and
 * validated in memory and a temporary folder, and only then swapped in. Throws BuildFailure with coded
 * messages when anything fails; the previous output is then untouched.
 *
 * Memory stays bounded by the dataset, not the corpus: each document goes through its stages (on a pool of
 * worker threads when asked) and is reduced to its rows at once; only the rows and the actor table grow.
 */
export async function build(req: BuildRequest): Promise<BuildResult> {
  const say = req.progress ?? (() => {});
  const messages: Message[] = [];
  // Stages after ingest know a document by its file name; users know it by its path.
  const inFolder = (m: Message): Message => (m.file !== null && names.has(m.file) ? { ...m, file: join(req.seeds, m.file) } : m);
  const names = new Set<string>();
  const fail = () => {
    const ordered = messages.filter((m) => m.severity === 'error').concat(messages.filter((m) => m.severity !== 'error'));
    throw new BuildFailure(ordered.map(inFolder));
  };
  const timings: Record<string, number> = {};

  let t = performance.now();
  const docs = await readAndIngest(req.seeds, messages);
  for (const d of docs) names.add(d.file);
  timings['ingest'] = performance.now() - t;
  say(line('ingest', `${docs.length} documents`, timings['ingest']));
  if (hasErrors(messages)) fail();

  // Loaded after ingest, so a problem in the lexicon never hides problems in the documents.
  const ctx: Context = {
    options: { strict: req.strict, sourceDateEpoch: req.sourceDateEpoch, ...(req.datasetVersion === undefined ? {} : { datasetVersion: req.datasetVersion }) },
    lexicon: loadLexicon(),
  };
  const cache = req.cache == null ? null : { dir: resolve(req.cache), version: pipelineVersion(ctx.lexicon.hash) };
  const cacheStats: CacheStats = { hits: 0, misses: 0, corrupt: 0 };

  // Validate needs each source again at the end; it is read back from its file then, not kept.
  const seedsDir = resolve(req.seeds);
  const sources = docs.map((d) => SourceRef.of(d, join(seedsDir, d.file), (m) => messages.push(m)));

  // Dataset and merge state live only inside this call: validate and write see just the serialised files.
  const { files, counts, threads } = await processAndExport(docs, sources, { ctx, req, cache, cacheStats, messages, timings, say });

  t = performance.now();
  const report = validate(files, sources, ctx);
  messages.push(...report.messages);
  const problems = report.messages.filter((m) => m.severity !== 'info').length;
  timings['validate'] = performance.now() - t;
  say(line('validate', problems === 0 ? 'all outputs valid' : `${problems} problems`, timings['validate']));
  if (hasErrors(messages)) fail();

  t = performance.now();
  await writeAtomically(resolve(req.out), files, messages);
  if (hasErrors(messages)) fail();
  timings['write'] = performance.now() - t;
  say(line('write', resolve(req.out), timings['write']));

  return { messages: messages.map(inFolder), files: files.map((f) => f.path), counts, timings, cache: cache === null ? null : cacheStats, threads };
}

interface Phase {
  ctx: Context;
  req: BuildRequest;
  cache: { dir: string; version: string } | null;
  cacheStats: CacheStats;
  messages: Message[];
  timings: Record<string, number>;
  say: (line: string) => void;
}

/**
 * Run every document through its stages and merge the outcomes into the dataset, then export it (tables, the
 * spreadsheets, the database and the page). The dataset lives only inside this call: validate and write see just
 * the serialised files.
 */
async function processAndExport(
  docs: (SourceDoc | null)[],
  sources: readonly SourceRef[],
  ph: Phase,
): Promise<{ files: OutputFile[]; counts: Record<string, number>; threads: number }> {
  const { ctx, timings, say } = ph;
  const { dataset: ds, threads } = await processAndMerge(docs, ph);
  const counts = Object.fromEntries(Object.entries(ds).map(([k, v]) => [k, v.length]));
  const t = performance.now();
  // The page shows each document's text: its SourceRef reads the file once, while the page is built.
  const files: OutputFile[] = await exportOutputs(ds, ctx, sources);
  timings['export'] = performance.now() - t;
  say(line('export', `${files.length} files`, timings['export']));
  return { files, counts, threads };
}

/**
 * Run every document through its stages (from the cache, on worker threads or here) in file-name order and
 * merge the outcomes as they arrive. The documents are released as they are dispatched (`docs` is emptied), and
 * the merge state is dropped on return: only the sorted dataset is left.
 */
async function processAndMerge(docs: (SourceDoc | null)[], ph: Phase): Promise<{ dataset: Dataset; threads: number }> {
  const { ctx, req, cache, cacheStats, messages, timings, say } = ph;
  let t = performance.now();
  const stageMs = noTimes();
  const total: DocumentStats = { characters: 0, blocks: 0, sentences: 0, demands: 0, mentions: 0, dates: 0 };
  const merger = new Assembler();
  const count = docs.length;
  let done = 0;
  let threads = 1;
  const plan = { ctx, workers: Math.max(1, req.workers ?? 1), cache, minParallelChars: req.minParallelChars ?? DEFAULT_MIN_PARALLEL_CHARS };
  for await (const p of processDocuments(docs, plan, cacheStats)) {
    const { outcome } = p;
    for (const m of outcome.messages) messages.push(m);
    merger.add(outcome.rows);
    for (const k of Object.keys(total) as (keyof DocumentStats)[]) total[k] += outcome.stats[k];
    for (const k of Object.keys(stageMs) as (keyof typeof stageMs)[]) stageMs[k] += p.times[k];
    threads = Math.max(threads, p.threads);
    req.onDocument?.(++done, count);
  }
  timings['documents'] = performance.now() - t;
  Object.assign(timings, { normalise: stageMs.normalise, segment: stageMs.segment, extract: stageMs.extract });
  say(line('normalise', `${total.characters} characters`, stageMs.normalise));
  say(line('segment', `${total.blocks} blocks, ${total.sentences} sentences`, stageMs.segment));
  say(line('extract', `${total.demands} demands, ${total.mentions} mentions, ${total.dates} dates`, stageMs.extract));
  const from = cache === null ? 'no cache' : `${cacheStats.hits} cached${cacheStats.corrupt > 0 ? `, ${cacheStats.corrupt} corrupt entries redone` : ''}`;
  say(line('documents', `${count} on ${threads} thread${threads === 1 ? '' : 's'}, ${from}`, timings['documents']));

  t = performance.now();
  const assembled = merger.finish();
  messages.push(...assembled.messages);
  // Reducing each document to its rows ran with its stages; it counts as assemble time.
  timings['assemble'] = stageMs.assemble + performance.now() - t;
  say(line('assemble', `${assembled.dataset.documents.length} documents, ${assembled.dataset.actors.length} actors`, timings['assemble']));
  return { dataset: assembled.dataset, threads };
}

/** Read and ingest the seeds folder; the raw bytes are dropped on return, only the decoded documents stay. */
async function readAndIngest(seeds: string, messages: Message[]): Promise<SourceDoc[]> {
  const ingested = ingest(await readCorpus(resolve(seeds), seeds));
  messages.push(...ingested.messages);
  return ingested.docs;
}

/** Write into a temporary sibling folder, then swap it for the output folder; on failure nothing changes. */
async function writeAtomically(out: string, files: OutputFile[], messages: Message[]): Promise<void> {
  const parent = dirname(out);
  let tmp: string | null = null;
  try {
    await mkdir(parent, { recursive: true });
    tmp = await mkdtemp(join(parent, `.kravkart-tmp-${basename(out)}-`));
    await chmod(tmp, 0o755); // mkdtemp makes it 0700; the output folder should be readable like any other
    for (const f of files) {
      const target = join(tmp, f.path);
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, f.content);
    }
    const exists = await stat(out).then(() => true, () => false);
    if (exists) {
      const old = `${tmp}-old`;
      await rename(out, old);
      await rename(tmp, out);
      await rm(old, { recursive: true, force: true });
    } else {
      await rename(tmp, out);
    }
    tmp = null;
  } catch (e) {
    messages.push(message('output-write', `cannot write ${out}: ${(e as Error).message}`, { stage: 'write', file: out }));
  } finally {
    if (tmp !== null) await rm(tmp, { recursive: true, force: true });
  }
}
