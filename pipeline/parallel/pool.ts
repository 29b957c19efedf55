import type { Worker } from 'node:worker_threads';
import type { DocumentTask, WorkerReply, WorkerSetup } from './protocol.ts';
import { startThread, threadCode, type ThreadCode } from './thread-code.ts';

const WORKER = new URL('./worker.ts', import.meta.url);

interface Slot {
  worker: Worker;
  /** Tasks sent to this worker and not yet answered, by sequence number. */
  pending: Map<number, { resolve: (r: WorkerReply) => void; reject: (e: Error) => void; weight: number }>;
  /** Sum of the weights (characters) of the unanswered tasks: how much work the worker has queued. */
  load: number;
  /** Set once the worker died: every later task fails with this. */
  dead: Error | null;
}

/**
 * A fixed pool of worker threads that run documents through their stages. Each task goes to the worker with
 * the least queued work (by characters, so one long programme does not hold up a queue of short letters);
 * answers come back in any order (the caller restores document order).
 */
export class WorkerPool {
  private readonly slots: Slot[];

  private constructor(size: number, setup: WorkerSetup, code: ThreadCode) {
    this.slots = Array.from({ length: Math.max(1, size) }, () => this.spawn(setup, code));
  }

  /** Start `size` worker threads. */
  static async start(size: number, setup: WorkerSetup): Promise<WorkerPool> {
    return new WorkerPool(size, setup, await threadCode(WORKER));
  }

  get size(): number {
    return this.slots.length;
  }

  private spawn(setup: WorkerSetup, code: ThreadCode): Slot {
    const worker = startThread(code, { setup });
    const slot: Slot = { worker, pending: new Map(), load: 0, dead: null };
    worker.on('message', (reply: WorkerReply) => {
      const p = slot.pending.get(reply.seq);
      slot.pending.delete(reply.seq);
      slot.load -= p?.weight ?? 0;
      p?.resolve(reply);
    });
    const die = (e: Error) => {
      slot.dead ??= e;
      for (const p of slot.pending.values()) p.reject(e);
      slot.pending.clear();
      slot.load = 0;
    };
    worker.on('error', die);
    worker.on('exit', (code) => die(new Error(`a worker thread stopped (exit code ${code})`)));
    return slot;
  }

  /** Send one task to the least loaded worker; resolves with its reply, rejects when that worker dies. */
  run(task: DocumentTask): Promise<WorkerReply> {
    const alive = this.slots.filter((s) => s.dead === null);
    const slot = alive.reduce<Slot | null>((best, s) => (best === null || s.load < best.load ? s : best), null);
    if (slot === null) return Promise.reject(this.slots[0]?.dead ?? new Error('no worker threads'));
    const weight = task.doc.source.length;
    return new Promise((resolve, reject) => {
      slot.pending.set(task.seq, { resolve, reject, weight });
      slot.load += weight;
      slot.worker.postMessage(task);
    });
  }

  /** Stop every worker. */
  async close(): Promise<void> {
    await Promise.all(
      this.slots.map((s) => {
        s.dead ??= new Error('the worker pool was closed');
        return s.worker.terminate();
      }),
    );
  }
}
