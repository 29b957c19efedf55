import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadLexicon } from '../lexicon/load.ts';
import { writeCorpus, type CorpusStats } from './corpus.ts';
import { generateDocument, generatorKit } from './generate.ts';
import type { FloorResult } from './floor.ts';
import { formatReport, type BuildRun, type Incremental, type SizeResult } from './report.ts';
import { child, differences, failed, snapshot, snapshotAt, type BuildChild } from './processes.ts';
import { compareOn, formatComparison, type Compared } from './compare.ts';

const HELP = `Usage: npm run bench -- [--sizes 100,1000,10000] [--seed N] [--workers N] [--incremental N] [--corpus DIR] [--keep] [--tables-only]
                       [--against REV [--rounds N]]

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
  --keep            keep the generated corpora and outputs (their folder is printed)
  --tables-only     builds write only the tables (build --tables-only): what the workbook, the database and the
                    page cost is the difference to a full run (not with --against: older revisions lack it)
  --against REV     instead: compare the working tree with git revision REV (a commit, tag or branch): build
                    every corpus (--sizes, and --corpus) with both, taking turns, and print the medians, the
                    change and whether the outputs are byte-identical — on a shared machine whose speed drifts,
                    the only fair way to measure a change
  --rounds N        builds per pipeline and corpus with --against (default 3)`;

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
      'tables-only': { type: 'boolean', default: false },
      against: { type: 'string' },
      rounds: { type: 'string', default: '3' },
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
  const rounds = Number(args.rounds);
  if (sizes.some((n) => !Number.isInteger(n) || n < 1) || !Number.isInteger(seed) || !Number.isInteger(workers) || workers < 1 || !Number.isInteger(incrementalSize) || !Number.isInteger(rounds) || rounds < 1) {
    console.error('bench: --sizes, --seed, --workers, --incremental and --rounds take whole numbers (see --help)');
    return 2;
  }
  const tablesOnly = args['tables-only'];
  if (args.against !== undefined && tablesOnly) {
    console.error('bench: --tables-only cannot be used with --against (a revision before it would build every output)');
    return 2;
  }
  if (args.against !== undefined) return compareAgainst(args.against, { sizes, seed, workers, rounds, corpus: args.corpus ?? null, keep: args.keep });

  const kit = generatorKit(loadLexicon());
  const work = await mkdtemp(join(tmpdir(), 'kravkart-bench-'));
  const say = (s: string) => process.stderr.write(`${s}\n`);
  const entry = await snapshot(work);
  const runBuild = (seeds: string, out: string, threads: number, cache: string | null): Promise<BuildChild> =>
    child<BuildRun['result']>(entry, ['build', seeds, out, String(threads), cache ?? '-', tablesOnly ? 'tables' : 'all']);
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
  console.log(formatReport({ seed, workers, tablesOnly, cores: availableParallelism(), node: process.version, sizes: results, corpus, incremental }));
  return 0;
}

/** `--against REV`: every corpus built by the working tree and by the revision, taking turns. */
async function compareAgainst(ref: string, o: { sizes: number[]; seed: number; workers: number; rounds: number; corpus: string | null; keep: boolean }): Promise<number> {
  const work = await mkdtemp(join(tmpdir(), 'kravkart-bench-'));
  const say = (s: string) => process.stderr.write(`${s}\n`);
  try {
    const entries = { here: await snapshot(work), there: await snapshotAt(ref, work) };
    const opts = { work, rounds: o.rounds, workers: o.workers };
    const corpora: Compared[] = [];
    if (o.corpus !== null) {
      say(`bench: ${o.corpus}, ${o.rounds} rounds against ${ref}`);
      corpora.push(await compareOn(o.corpus, o.corpus, entries, opts));
    }
    const kit = generatorKit(loadLexicon());
    for (const n of [...new Set(o.sizes)].sort((a, b) => a - b)) {
      const corpus = join(work, `corpus-${n}`);
      say(`bench: generating ${n} documents (seed ${o.seed}); ${o.rounds} rounds against ${ref}`);
      await writeCorpus(corpus, o.seed, n, kit);
      corpora.push(await compareOn(corpus, String(n), entries, opts));
    }
    console.log(formatComparison({ ref, rounds: o.rounds, workers: o.workers, cores: availableParallelism(), node: process.version, corpora }));
    return 0;
  } finally {
    if (o.keep) say(`bench: corpora and outputs kept in ${work}`);
    else await rm(work, { recursive: true, force: true });
  }
}

process.exitCode = await main(process.argv.slice(2));
