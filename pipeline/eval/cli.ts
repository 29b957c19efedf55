import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { formatMessage, hasErrors, message, type Message } from '../messages.ts';
import { checkGoldsAgainstDocuments } from './gold-parse.ts';
import { readBuildOutput, readDocumentsFolder, readGoldFolder } from './load.ts';
import { formatReport } from './report.ts';
import { score } from './score.ts';

const HELP = `Usage: npm run eval -- [--gold DIR] [--docs DIR] [--out DIR] [--json]

Builds the documents folder into a temporary folder, then scores the build's tables against the gold
annotations (actors, demands and dates: P/R/F1; claimant accuracy; addressee and metadata as info).
A measurement, not a gate: exits 0 unless the build fails or a gold file is malformed.

  --gold DIR   folder of gold files NAME.txt.yaml (default test/gold)
  --docs DIR   folder of the documents they annotate (default seeds)
  --out DIR    score an existing build output folder instead of building
  --json       print the report as JSON
  --help       this text`;

const STAGE = 'eval';
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PIPELINE_CLI = fileURLToPath(new URL('../cli.ts', import.meta.url));

/** Run the pipeline CLI on `docs` into `out`; returns a coded message when the build fails. */
function runBuild(docs: string, out: string): Message | null {
  const run = spawnSync(process.execPath, ['--import', 'tsx', PIPELINE_CLI, '--seeds', docs, '--out', out, '--quiet'], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status === 0) return null;
  const why = (run.stderr || run.stdout || String(run.error ?? `exit ${run.status}`)).trim();
  return message('eval-build-failed', `pipeline exited with ${run.status ?? run.signal}:\n${why}`, { stage: STAGE, file: docs });
}

const print = (messages: readonly Message[]) => {
  for (const m of messages) console.error(formatMessage(m));
};

/** Command-line edge: read gold and documents, build (or reuse --out), score, print; returns the exit code. */
async function main(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      options: {
        gold: { type: 'string', default: 'test/gold' },
        docs: { type: 'string', default: 'seeds' },
        out: { type: 'string' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (e) {
    print([message('usage', `${(e as Error).message} (see npm run eval -- --help)`, { stage: STAGE })]);
    return 2;
  }
  if (args.help) {
    console.log(HELP);
    return 0;
  }
  const goldDir = resolve(args.gold);
  const docsDir = resolve(args.docs);

  const gold = await readGoldFolder(goldDir);
  const documents = await readDocumentsFolder(docsDir);
  const messages: Message[] = [...gold.messages];
  if (documents === null) messages.push(message('gold-orphan', `documents folder ${args.docs} cannot be read`, { stage: STAGE, file: docsDir }));
  else messages.push(...checkGoldsAgainstDocuments(gold.golds, documents));
  if (hasErrors(messages)) {
    print(messages);
    console.error(`eval stopped: the gold in ${args.gold} is malformed`);
    return 1;
  }

  let tmp: string | null = null;
  try {
    let outDir: string;
    if (args.out !== undefined) {
      outDir = resolve(args.out);
    } else {
      tmp = await mkdtemp(join(tmpdir(), 'kravkart-eval-'));
      outDir = join(tmp, 'out');
      const failed = runBuild(docsDir, outDir);
      if (failed !== null) {
        print([failed]);
        return 1;
      }
    }
    const output = await readBuildOutput(outDir);
    print(output.messages);
    if (hasErrors(output.messages)) return 1;
    const report = score(gold.golds.map((g) => g.gold), output.predicted);
    if (args.json) console.log(JSON.stringify(report, null, 2));
    else console.log(formatReport(report, `kravkart eval: ${report.documents.length} gold documents (gold ${args.gold}, docs ${args.docs}${args.out === undefined ? '' : `, output ${args.out}`})`));
    return 0;
  } finally {
    if (tmp !== null) await rm(tmp, { recursive: true, force: true });
  }
}

process.exitCode = await main(process.argv.slice(2));
