import { parentPort, workerData } from 'node:worker_threads';
import type { Context } from '../context.ts';
import { loadLexicon } from '../lexicon/load.ts';
import { BuildFailure } from '../messages.ts';
import type { DocumentTask, WorkerReply, WorkerSetup } from './protocol.ts';
import { runTask } from './task.ts';
import { keepCompiledValidators } from '../validate/index.ts';

// A worker thread of the document pool: loads the lexicon once, then processes documents as they arrive.
const setup = (workerData as { setup: WorkerSetup }).setup;
const port = parentPort;
if (port === null) throw new Error('pipeline/parallel/worker.ts runs only as a worker thread');

// Validators compiled from the schemas are kept in the document cache's folder, as on the main thread.
keepCompiledValidators(setup.validatorsDir);

let ctx: Context | null = null;
let failure: WorkerReply | null = null;
try {
  ctx = { options: setup.options, lexicon: loadLexicon() };
} catch (e) {
  // Answer every task with the reason, so the runner reports it once instead of hanging.
  failure = { seq: -1, ok: false, error: (e as Error).stack ?? String(e), messages: e instanceof BuildFailure ? e.messages : [] };
}

port.on('message', (task: DocumentTask) => {
  const reply = ctx === null ? { ...(failure as WorkerReply), seq: task.seq } : runTask(task, ctx, setup.cacheDir);
  // The entry's memory is its own (see encodeEntry): moved to the main thread rather than copied.
  port.postMessage(reply, reply.ok ? [reply.entry.buffer as ArrayBuffer] : []);
});
