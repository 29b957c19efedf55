import { spawn } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadLexicon } from '../lexicon/load.ts';
import { writeCorpus, type CorpusStats } from './corpus.ts';
import { generateDocument, generatorKit } from './generate.ts';
import type { FloorResult } from './floor.ts';
import { formatReport, type BuildRun, type Incremental, type SizeResult } from './report.ts';

const HELP = `Usage: npm run bench -- [--sizes 100,1000,10000] [--seed N] [--workers N] [--incremental N] [--corpus DIR] [--keep]

Generates synthetic corpora of the given sizes (deterministic from the seed), builds each with the worker
pool and no cache, times the floor (read every file and split it into sentences, nothing else), and prints
documents/s, MB/s, the ratio to the floor, per-stage time shares and peak memory. Then, for the --incremental
size, rebuilds after changing one document with the cache, and checks that parallel, cached and clean
single-threaded builds write byte-identical output.

  --sizes LIST      corpus sizes in documents (default 100,1000,10000)
  --seed N          generator seed (default 1)
  --workers N       worker threads (default: the number of cores)
  --incremental N   corpus size of the incremental check (default 1000; 0 = skip)
  --corpus DIR      also measure a folder of real documents (read in place, never copied)
  --keep            keep the generated corpora and outputs (their folder is printed)`;

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Copy a folder tree (files and folders only). */
async function copyTree(from: string, to: string): Promise<void> {
  await mkdir(to, { recursive: true });
  for (const e of await readdir(from, { withFileTypes: true })) {
    if (e.isDirectory()) await copyTree(join(from, e.name), join(to, e.name));
    else if (e.isFile()) await copyFile(join(from, e.name), join(to, e.name));
  }
}

/**
 * A frozen copy of the pipeline to run every measurement from: editing the working tree while the bench runs
 * (which changes the pipeline's version and so empties the cache) cannot touch the figures.
 */
async function snapshot(work: string): Promise<string> {
  const app = join(work, 'app');
  // The pipeline reads its own files and the committed JSON Schemas next to it.
  for (const d of ['pipeline', 'schemas']) await copyTree(join(ROOT, d), join(app, d));
  for (const f of ['package.json', 'package-lock.json']) await copyFile(join(ROOT, f), join(app, f)).catch(() => {});
  await symlink(join(ROOT, 'node_modules'), join(app, 'node_modules'), 'dir');
  return join(app, 'pipeline', 'bench', 'child.ts');
}

interface ChildOutput<T> {
  result: T;
  /** Time of the measured call inside the child, without process start-up. */
  ms: number;
  /** CPU time (user and system, every thread) of the measured call. */
  cpuMs: number;
  peakBytes: number;
  /** Wall time of the whole child process. */
  processMs: number;
}

/** Run one measurement in a fresh Node process (its own peak memory) from the given child.ts, and read its JSON line. */
function child<T>(entry: string, args: string[]): Promise<ChildOutput<T>> {
  const t = performance.now();
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, ['--import', 'tsx', entry, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    p.stdout.on('data', (d: Buffer) => (out += d.toString()));
    p.stderr.on('data', (d: Buffer) => (err += d.toString()));
    p.on('error', reject);
    p.on('close', (code) => {
      const last = out.trim().split('\n').pop() ?? '';
      if (code !== 0 || last === '') return reject(new Error(`bench child ${args.join(' ')} failed (${code}): ${err.slice(-2000)}`));
      resolve({ ...(JSON.parse(last) as Omit<ChildOutput<T>, 'processMs'>), processMs: performance.now() - t });
    });
  });
}

type BuildChild = ChildOutput<BuildRun['result']>;

/** Every file under a folder with its bytes, for byte-for-byte comparison of two outputs. */
async function filesOf(dir: string): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  const walk = async (d: string, prefix: string) => {
    for (const e of await readdir(d, { withFileTypes: true })) {
      if (e.isDirectory()) await walk(join(d, e.name), `${prefix}${e.name}/`);
      else out.set(`${prefix}${e.name}`, await readFile(join(d, e.name)));
    }
  };
  await walk(dir, '');
  return out;
}

/** The files that differ between two output folders (empty when byte-identical). */
async function differences(a: string, b: string): Promise<string[]> {
  const [x, y] = await Promise.all([filesOf(a), filesOf(b)]);
  const names = [...new Set([...x.keys(), ...y.keys()])].sort();
  return names.filter((n) => !(x.get(n)?.equals(y.get(n) ?? Buffer.alloc(0)) ?? false));
}

function failed(run: BuildChild): string | null {
  const r = run.result as { failed?: { reason: string; file: string | null }[] };
  return r.failed === undefined ? null : r.failed.map((m) => `${m.file ?? ''} ${m.reason}`).join('; ');
}

async function main(argv: string[]): Promise<number> {
  const { values: args } = parseArgs({
    args: argv,
    options: {
      sizes: { type: 'string', default: '100,1000,10000' },
      seed: { type: 'string', default: '1' },
      workers: { type: 'string', default: String(availableParallelism()) },
      incremental: { type: 'string', default: '1000' },
      corpus: { type: 'string' },
      keep: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (args.help) {
    console.log(HELP);
    return 0;
  }
  const sizes = args.sizes.split(',').map((s) => Number(s.trim()));
  const seed = Number(args.seed);
  const workers = Number(args.workers);
  const incrementalSize = Number(args.incremental);
  if (sizes.some((n) => !Number.isInteger(n) || n < 1) || !Number.isInteger(seed) || !Number.isInteger(workers) || workers < 1 || !Number.isInteger(incrementalSize)) {
    console.error('bench: --sizes, --seed, --workers and --incremental take whole numbers (see --help)');
    return 2;
  }

  const kit = generatorKit(loadLexicon());
  const work = await mkdtemp(join(tmpdir(), 'kravkart-bench-'));
  const say = (s: string) => process.stderr.write(`${s}\n`);
  const entry = await snapshot(work);
  const runBuild = (seeds: string, out: string, threads: number, cache: string | null): Promise<BuildChild> =>
    child<BuildRun['result']>(entry, ['build', seeds, out, String(threads), cache ?? '-']);
  const results: SizeResult[] = [];
  let real: SizeResult | null = null;
  let incremental: Incremental | null = null;
  try {
    if (args.corpus !== undefined) {
      say(`bench: floor and build on ${args.corpus}`);
      const fl = await child<FloorResult>(entry, ['floor', args.corpus]);
      const run = await runBuild(args.corpus, join(work, 'out-corpus'), workers, null);
      const why = failed(run);
      if (why !== null) throw new Error(`the build of ${args.corpus} failed: ${why}`);
      real = { documents: fl.result.documents, corpusBytes: fl.result.bytes, floor: { ...fl.result, ms: fl.ms }, build: { result: run.result, ms: run.ms, cpuMs: run.cpuMs, processMs: run.processMs, peakBytes: run.peakBytes } };
    }
    for (const n of [...new Set(sizes)].sort((a, b) => a - b)) {
      const corpus = join(work, `corpus-${n}`);
      say(`bench: generating ${n} documents (seed ${seed})`);
      const stats: CorpusStats = await writeCorpus(corpus, seed, n, kit);
      say(`bench: floor on ${n} documents`);
      const fl = await child<FloorResult>(entry, ['floor', corpus]);
      say(`bench: build of ${n} documents on ${workers} workers, no cache`);
      const run = await runBuild(corpus, join(work, `out-${n}`), workers, null);
      const why = failed(run);
      if (why !== null) throw new Error(`the build of ${n} documents failed: ${why}`);
      results.push({ documents: n, corpusBytes: stats.bytes, floor: { ...fl.result, ms: fl.ms }, build: { result: run.result, ms: run.ms, cpuMs: run.cpuMs, processMs: run.processMs, peakBytes: run.peakBytes } });

      if (n === incrementalSize) {
        const cache = join(work, `cache-${n}`);
        say(`bench: incremental check on ${n} documents: full build filling the cache`);
        const full = await runBuild(corpus, join(work, `out-${n}-cached`), workers, cache);
        const parallelVsCached = await differences(join(work, `out-${n}`), join(work, `out-${n}-cached`));
        // One document changes: the same file gets another revision of its text.
        const names = (await readdir(corpus)).filter((f) => f.endsWith('.txt')).sort();
        const index = Math.floor(n / 2);
        const changed = names[index] as string;
        await writeFile(join(corpus, changed), generateDocument(seed, index, kit, 1).text);
        say(`bench: incremental check: rebuild after changing ${changed}`);
        const again = await runBuild(corpus, join(work, `out-${n}-cached`), workers, cache);
        say('bench: incremental check: clean single-threaded build of the changed corpus');
        await runBuild(corpus, join(work, `out-${n}-clean`), 1, null);
        incremental = {
          documents: n,
          changed,
          clean: { ms: run.ms, processMs: run.processMs },
          full: { ms: full.ms, processMs: full.processMs },
          rebuild: { ms: again.ms, processMs: again.processMs, hits: again.result.cache?.hits ?? 0 },
          parallelVsCachedDiffers: parallelVsCached,
          cachedVsCleanDiffers: await differences(join(work, `out-${n}-cached`), join(work, `out-${n}-clean`)),
        };
      }
    }
  } finally {
    if (args.keep) say(`bench: corpora and outputs kept in ${work}`);
    else await rm(work, { recursive: true, force: true });
  }
  const corpus = real === null || args.corpus === undefined ? null : { dir: args.corpus, result: real };
  console.log(formatReport({ seed, workers, cores: availableParallelism(), node: process.version, sizes: results, corpus, incremental }));
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
