import { chmod, mkdtemp, rename, rm, mkdir, writeFile, stat } from 'node:fs/promises';
import { dirname, basename, join, resolve } from 'node:path';
import type { Context } from './context.ts';
import type { ExtractedDoc } from './document.ts';
import { BuildFailure, hasErrors, message, type Message } from './messages.ts';
import { readCorpus } from './ingest/read.ts';
import { ingest } from './ingest/index.ts';
import { processDocument, DOCUMENT_STAGES } from './stages.ts';
import { assemble } from './assemble/index.ts';
import { exportDataset, type OutputFile } from './export/index.ts';
import { validate } from './validate/index.ts';
import { loadLexicon } from './lexicon/load.ts';

export interface BuildRequest {
  seeds: string;
  out: string;
  strict: boolean;
  /** SOURCE_DATE_EPOCH, read by the command-line edge; null when unset. */
  sourceDateEpoch: string | null;
  /** Receives one line of progress per stage; omit for none. */
  progress?: (line: string) => void;
}

export interface BuildResult {
  messages: Message[];
  files: string[];
  counts: Record<string, number>;
}

const line = (stage: string, what: string, ms: number) => `${stage.padEnd(10)} ${what.padEnd(44)} ${ms.toFixed(0).padStart(6)} ms`;

/**
 * Build the dataset from a seeds folder into an output folder, atomically: everything is built and
 * validated in memory and a temporary folder, and only then swapped in. Throws BuildFailure with coded
 * messages when anything fails; the previous output is then untouched.
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

  let t = performance.now();
  const raw = await readCorpus(resolve(req.seeds), req.seeds);
  const ingested = ingest(raw);
  messages.push(...ingested.messages);
  for (const d of ingested.docs) names.add(d.file);
  say(line('ingest', `${ingested.docs.length} documents`, performance.now() - t));
  if (hasErrors(messages)) fail();

  // Loaded after ingest, so a problem in the lexicon never hides problems in the documents.
  const ctx: Context = { options: { strict: req.strict, sourceDateEpoch: req.sourceDateEpoch }, lexicon: loadLexicon() };
  const stageMs = Object.fromEntries(DOCUMENT_STAGES.map((s) => [s, 0])) as Record<(typeof DOCUMENT_STAGES)[number], number>;
  const docs: ExtractedDoc[] = ingested.docs.map((d) => processDocument(d, ctx, (stage, ms) => (stageMs[stage] += ms)));
  for (const d of docs) messages.push(...d.messages);
  const sum = (f: (d: ExtractedDoc) => number) => docs.reduce((n, d) => n + f(d), 0);
  say(line('normalise', `${sum((d) => d.text.length)} characters`, stageMs.normalise));
  say(line('segment', `${sum((d) => d.blocks.length)} blocks, ${sum((d) => d.sentences.length)} sentences`, stageMs.segment));
  say(line('extract', `${sum((d) => d.demands.length)} demands, ${sum((d) => d.mentions.length)} mentions, ${sum((d) => d.dates.length)} dates`, stageMs.extract));

  t = performance.now();
  const assembled = assemble(docs, ctx);
  messages.push(...assembled.messages);
  const ds = assembled.dataset;
  say(line('assemble', `${ds.documents.length} documents, ${ds.actors.length} actors`, performance.now() - t));

  t = performance.now();
  const files: OutputFile[] = exportDataset(ds, ctx);
  say(line('export', `${files.length} files`, performance.now() - t));

  t = performance.now();
  const report = validate(files, docs, ctx);
  messages.push(...report.messages);
  const problems = report.messages.filter((m) => m.severity !== 'info').length;
  say(line('validate', problems === 0 ? 'all outputs valid' : `${problems} problems`, performance.now() - t));
  if (hasErrors(messages)) fail();

  t = performance.now();
  await writeAtomically(resolve(req.out), files, messages);
  if (hasErrors(messages)) fail();
  say(line('write', resolve(req.out), performance.now() - t));

  return {
    messages: messages.map(inFolder),
    files: files.map((f) => f.path),
    counts: Object.fromEntries(Object.entries(ds).map(([k, v]) => [k, v.length])),
  };
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
