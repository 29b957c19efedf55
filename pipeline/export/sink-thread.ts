import { serialize } from 'node:v8';
import type { Worker } from 'node:worker_threads';
import { BuildFailure } from '../messages.ts';
import { startThread, threadCode, type ThreadCode } from '../parallel/thread-code.ts';
import type { CorpusTail, DocumentRows, OutputSink, SinkDirs, WrittenFile } from './sink.ts';
import type { SinkKind, SinkReply, SinkRequest } from './sink-kinds.ts';

const SINK_WORKER = new URL('./sink-worker.ts', import.meta.url);

/**
 * An output sink run on a thread of its own: each document's rows are posted to it as they come, so the workbook's
 * compression and the database's inserts run beside the rest of the build instead of after it. The same sink code
 * writes the same bytes whichever thread runs it.
 */
export class ThreadedSink implements OutputSink {
  private readonly worker: Worker;
  private readonly answer: Promise<SinkReply>;

  private constructor(kind: SinkKind, dirs: SinkDirs, code: ThreadCode) {
    this.worker = startThread(code, { kind, dirs });
    this.answer = new Promise((resolve) => {
      this.worker.once('message', (r: SinkReply) => resolve(r));
      this.worker.once('error', (e: Error) => resolve({ type: 'failed', error: e.stack ?? String(e), messages: null }));
      this.worker.once('exit', (code) => resolve({ type: 'failed', error: `the ${kind} thread stopped (exit code ${code})`, messages: null }));
    });
  }

  /** Start the thread of a sink of a kind. */
  static async start(kind: SinkKind, dirs: SinkDirs): Promise<ThreadedSink> {
    return new ThreadedSink(kind, dirs, await threadCode(SINK_WORKER));
  }

  add(rows: DocumentRows, source: string | null): void {
    // Serialised by node:v8 (faster than postMessage's structured clone) into memory of its own, moved to the thread.
    const bytes = serialize(rows);
    this.post({ type: 'add', rows: bytes, source }, [bytes.buffer as ArrayBuffer]);
  }

  async finish(tail: CorpusTail): Promise<WrittenFile[]> {
    this.post({ type: 'finish', tail });
    const r = await this.answer;
    await this.worker.terminate();
    if (r.type === 'finished') return r.written;
    if (r.messages !== null) throw new BuildFailure(r.messages);
    throw new Error(r.error);
  }

  async abort(): Promise<void> {
    await this.worker.terminate();
  }

  private post(m: SinkRequest, transfer: ArrayBuffer[] = []): void {
    this.worker.postMessage(m, transfer);
  }
}
