import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { build } from './runner.ts';
import { BuildFailure, formatMessage, message } from './messages.ts';
import { DEFAULT_CACHE_DIR } from './cache/store.ts';
import { Progress } from './parallel/progress.ts';

const HELP = `Usage: npm run build -- [--seeds DIR] [--out DIR] [--strict] [--quiet] [--workers N] [--cache DIR | --no-cache] [--tables-only]
                        [--dataset-version X.Y.Z]

Reads every .txt document in the seeds folder (default seeds/) and writes the validated
dataset to the output folder (default dist/). A failed build leaves the output folder untouched.

  --seeds DIR   folder of UTF-8 .txt documents, with optional NAME.meta.yaml sidecars
  --out DIR     output folder, replaced only after everything validated
  --strict      coverage assertions are errors, not warnings (CI and releases)
  --quiet       no progress lines (problems are still printed)
  --dataset-version X.Y.Z
                the dataset version to write (release builds; default: pipeline/export/package.yaml)
  --workers N   worker threads for the per-document stages (default: the number of cores;
                1 = everything on the main thread); the output is the same for any N
  --cache DIR   cache of per-document results (default ${DEFAULT_CACHE_DIR}); a rebuild
                reprocesses only documents whose bytes, metadata or pipeline changed
  --no-cache    clean build: neither read nor write the cache
  --tables-only write only the tables (CSV, excel/ CSV, JSON) with datapackage.json, CODEBOOK.md and
                SHA256SUMS, not the workbook, the database and the page: about a third quicker on a
                large corpus, for working on one (dist/ and releases are full builds)
  --help        this text`;

/** Command-line edge: parse arguments, run the build, print messages, set the exit code. */
async function main(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      options: {
        seeds: { type: 'string', default: 'seeds' },
        out: { type: 'string', default: 'dist' },
        strict: { type: 'boolean', default: false },
        quiet: { type: 'boolean', default: false },
        workers: { type: 'string' },
        'dataset-version': { type: 'string' },
        cache: { type: 'string', default: DEFAULT_CACHE_DIR },
        'no-cache': { type: 'boolean', default: false },
        'tables-only': { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (e) {
    console.error(formatMessage(message('usage', (e as Error).message, { stage: 'cli' })));
    return 2;
  }
  if (args.help) {
    console.log(HELP);
    return 0;
  }
  const workers = args.workers === undefined ? availableParallelism() : Number(args.workers);
  if (!Number.isInteger(workers) || workers < 1) {
    console.error(formatMessage(message('usage', `--workers must be a whole number of at least 1, got "${args.workers ?? ''}"`, { stage: 'cli' })));
    return 2;
  }
  const datasetVersion = args['dataset-version'];
  if (datasetVersion !== undefined && !/^\d+\.\d+\.\d+$/.test(datasetVersion)) {
    console.error(formatMessage(message('usage', `--dataset-version must be X.Y.Z, got "${datasetVersion}"`, { stage: 'cli' })));
    return 2;
  }
  const bar = args.quiet ? null : new Progress(process.stderr);
  try {
    const result = await build({
      seeds: args.seeds,
      out: args.out,
      strict: args.strict,
      sourceDateEpoch: process.env.SOURCE_DATE_EPOCH ?? null,
      workers,
      ...(datasetVersion === undefined ? {} : { datasetVersion }),
      cache: args['no-cache'] ? null : args.cache,
      tablesOnly: args['tables-only'],
      ...(bar === null
        ? {}
        : {
            progress: (l: string) => {
              bar.end();
              console.log(l);
            },
            onDocument: (done: number, total: number) => bar.update(done, total),
          }),
    });
    // Warnings always; notes (info) only with progress on.
    for (const m of result.messages) if (m.severity !== 'info' || !args.quiet) console.error(formatMessage(m));
    if (!args.quiet) console.log(`built ${args.out}: ${Object.entries(result.counts).map(([k, v]) => `${v} ${k}`).join(', ')}`);
    return 0;
  } catch (e) {
    bar?.end();
    if (e instanceof BuildFailure) {
      for (const m of e.messages) console.error(formatMessage(m));
      console.error(`build failed: ${e.messages.filter((m) => m.severity === 'error').length} error(s); ${args.out} was left untouched`);
      return 1;
    }
    console.error(formatMessage(message('internal', (e as Error).stack ?? String(e), { stage: 'cli' })));
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
