// Entry of a worker thread when no bundle of its module could be made (see thread-code.ts): Node 20 does not pass
// the parent's `--import tsx` loader on to workers, so register tsx's TypeScript loader here, then load the worker
// module named in workerData.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
