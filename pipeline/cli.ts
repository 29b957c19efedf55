import { parseArgs } from 'node:util';
import { build } from './runner.ts';
import { BuildFailure, formatMessage, message } from './messages.ts';

const HELP = `Usage: npm run build -- [--seeds DIR] [--out DIR] [--strict] [--quiet]

Reads every .txt document in the seeds folder (default seeds/) and writes the validated
dataset to the output folder (default dist/). A failed build leaves the output folder untouched.

  --seeds DIR   folder of UTF-8 .txt documents, with optional NAME.meta.yaml sidecars
  --out DIR     output folder, replaced only after everything validated
  --strict      coverage assertions are errors, not warnings (CI and releases)
  --quiet       no progress lines (problems are still printed)
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
  try {
    const result = await build({
      seeds: args.seeds,
      out: args.out,
      strict: args.strict,
      sourceDateEpoch: process.env.SOURCE_DATE_EPOCH ?? null,
      ...(args.quiet ? {} : { progress: (l: string) => console.log(l) }),
    });
    // Warnings always; notes (info) only with progress on.
    for (const m of result.messages) if (m.severity !== 'info' || !args.quiet) console.error(formatMessage(m));
    if (!args.quiet) console.log(`built ${args.out}: ${Object.entries(result.counts).map(([k, v]) => `${v} ${k}`).join(', ')}`);
    return 0;
  } catch (e) {
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
