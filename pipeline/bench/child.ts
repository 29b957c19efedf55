import { build } from '../runner.ts';
import { BuildFailure } from '../messages.ts';
import { floor } from './floor.ts';

/**
 * One measurement in a fresh process, so each gets its own peak memory: `floor DIR` or `build SEEDS OUT WORKERS
 * CACHE|- [all|tables]` (`tables`: a tables-only build). Prints one JSON line: the result, the time and CPU time (all
 * threads) of the measured call and the process's peak resident memory.
 */
async function main(argv: string[]): Promise<void> {
  const [what, a, b, workers, cache, outputs] = argv;
  const t = performance.now();
  const cpu = process.cpuUsage();
  let result: unknown;
  if (what === 'floor' && a !== undefined) {
    result = await floor(a);
  } else if (what === 'build' && a !== undefined && b !== undefined) {
    try {
      const r = await build({ seeds: a, out: b, strict: false, sourceDateEpoch: null, workers: Number(workers ?? 1), cache: cache === undefined || cache === '-' ? null : cache, tablesOnly: outputs === 'tables' });
      result = { counts: r.counts, timings: r.timings, cache: r.cache, threads: r.threads };
    } catch (e) {
      if (!(e instanceof BuildFailure)) throw e;
      result = { failed: e.messages.filter((m) => m.severity === 'error').slice(0, 5) };
    }
  } else {
    throw new Error(`usage: child.ts floor DIR | build SEEDS OUT WORKERS CACHE|- [all|tables] (got ${argv.join(' ')})`);
  }
  const ms = performance.now() - t;
  // CPU time and maxRSS count every thread of the process, workers included (microseconds, kilobytes).
  const used = process.cpuUsage(cpu);
  process.stdout.write(`${JSON.stringify({ result, ms, cpuMs: (used.user + used.system) / 1000, peakBytes: process.resourceUsage().maxRSS * 1024 })}\n`);
}

await main(process.argv.slice(2));
