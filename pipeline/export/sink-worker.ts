import { deserialize } from 'node:v8';
import { parentPort, workerData } from 'node:worker_threads';
import { BuildFailure } from '../messages.ts';
import type { CorpusTail, DocumentRows, OutputSink, SinkDirs } from './sink.ts';
import { openThreadedSink, type SinkKind, type SinkReply, type SinkRequest } from './sink-kinds.ts';

// A thread that runs one output sink: rows arrive as messages, in order; `finish` answers with the files written.
const { kind, dirs } = workerData as { kind: SinkKind; dirs: SinkDirs };
const port = parentPort;
if (port === null) throw new Error('pipeline/export/sink-worker.ts runs only as a worker thread');

const reply = (r: SinkReply) => port.postMessage(r);
const failed = (e: unknown): SinkReply => ({ type: 'failed', error: (e as Error).stack ?? String(e), messages: e instanceof BuildFailure ? e.messages : null });

let sink: Promise<OutputSink> = openThreadedSink(kind, dirs);
// The first failure while adding rows is kept and answered at `finish`: the thread does not stop on its own.
let failure: SinkReply | null = null;
sink.catch((e: unknown) => (failure ??= failed(e)));

port.on('message', (m: SinkRequest) => {
  if (m.type === 'add') {
    sink = sink.then((s) => {
      if (failure === null) s.add(deserialize(m.rows) as DocumentRows, m.source);
      return s;
    });
    sink.catch((e: unknown) => (failure ??= failed(e)));
    return;
  }
  sink
    .then(async (s) => {
      if (failure !== null) return reply(failure);
      reply({ type: 'finished', written: await s.finish(m.tail as CorpusTail) });
    })
    .catch((e: unknown) => reply(failure ?? failed(e)));
});
