import type { FloorResult } from './floor.ts';

/** One measured build as the bench child reports it. */
export interface BuildRun {
  result: {
    counts: Record<string, number>;
    timings: Record<string, number>;
    cache: { hits: number; misses: number; corrupt: number } | null;
    threads: number;
  };
  /** Time of the build call, without process start-up. */
  ms: number;
  /** CPU time of the build call (user and system, every thread): steadier than wall time on a shared machine. */
  cpuMs: number;
  /** Wall time of the whole process, start-up included. */
  processMs: number;
  /** Peak resident memory of the process, every thread included. */
  peakBytes: number;
}

/** The measurements of one corpus size. */
export interface SizeResult {
  documents: number;
  /** Bytes of the generated documents and sidecars. */
  corpusBytes: number;
  floor: FloorResult;
  build: BuildRun;
}

/** The incremental check: a rebuild after one changed document, and the byte-for-byte comparisons. */
export interface Incremental {
  documents: number;
  changed: string;
  clean: { ms: number; processMs: number };
  full: { ms: number; processMs: number };
  rebuild: { ms: number; processMs: number; hits: number };
  /** Files that differ between the parallel clean build and the parallel build that filled the cache. */
  parallelVsCachedDiffers: string[];
  /** Files that differ between the incremental rebuild and a clean single-threaded build of the changed corpus. */
  cachedVsCleanDiffers: string[];
}

export interface BenchReport {
  seed: number;
  workers: number;
  /** Builds wrote only the tables (`--tables-only`): no workbook, database or page. */
  tablesOnly: boolean;
  cores: number;
  node: string;
  sizes: SizeResult[];
  /** A folder of real documents measured the same way, when asked for. */
  corpus: { dir: string; result: SizeResult } | null;
  incremental: Incremental | null;
}

const STAGES = ['ingest', 'normalise', 'segment', 'extract', 'assemble', 'export', 'validate', 'write'] as const;

const mb = (bytes: number) => bytes / 1e6;
const fixed = (x: number, digits: number, width: number) => x.toFixed(digits).padStart(width);
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const row = (cells: string[], widths: number[]) => cells.map((c, i) => c.padStart(widths[i] ?? 8)).join('  ');

/** The bench's printed report: throughput against the floor, stage shares, scaling, memory and incremental rebuilds. */
export function formatReport(r: BenchReport): string {
  const out: string[] = [];
  out.push(`kravkart bench · seed ${r.seed} · ${r.workers} worker threads on ${r.cores} cores · Node ${r.node}${r.tablesOnly ? ' · tables only (no workbook, database or page)' : ''}`);
  out.push('Build time is the build call without process start-up; CPU is its user and system time over every thread;');
  out.push('MB counts document bytes (.txt) only.');
  out.push('');
  const w1 = [9, 9, 7, 8, 8, 11, 8, 7, 10, 8, 8, 9];
  out.push(row(['documents', 'input MB', 'threads', 'build s', 'CPU s', 'CPU ms/doc', 'docs/s', 'MB/s', 'floor MB/s', 'vs floor', 'peak MB', 'process s'], w1));
  const all = r.corpus === null ? r.sizes : [...r.sizes, r.corpus.result];
  for (const s of all) {
    const secs = s.build.ms / 1000;
    const mbs = mb(s.floor.bytes) / secs;
    const floorMbs = mb(s.floor.bytes) / (s.floor.ms / 1000);
    out.push(
      row(
        [
          s === r.corpus?.result ? `${s.documents} real` : String(s.documents),
          fixed(mb(s.floor.bytes), 2, 9),
          String(s.build.result.threads),
          fixed(secs, 2, 8),
          fixed(s.build.cpuMs / 1000, 2, 8),
          fixed(s.build.cpuMs / s.documents, 2, 11),
          fixed(s.documents / secs, 1, 8),
          fixed(mbs, 3, 7),
          fixed(floorMbs, 2, 10),
          fixed(mbs / floorMbs, 3, 8),
          fixed(s.build.peakBytes / 2 ** 20, 0, 8),
          fixed(s.build.processMs / 1000, 2, 9),
        ],
        w1,
      ),
    );
  }
  out.push('');
  out.push('Share of stage time and seconds (per-document stages summed over worker threads):');
  const w2 = [9, ...STAGES.map((s) => Math.max(s.length, 13))];
  out.push(row(['documents', ...STAGES], w2));
  for (const s of all) {
    const t = s.build.result.timings;
    const sum = STAGES.reduce((n, k) => n + (t[k] ?? 0), 0);
    out.push(row([s === r.corpus?.result ? `${s.documents} real` : String(s.documents), ...STAGES.map((k) => `${pct((t[k] ?? 0) / sum)} ${fixed((t[k] ?? 0) / 1000, 1, 0)}s`)], w2));
  }
  if (r.corpus !== null) out.push(`(real: ${r.corpus.dir})`);
  const bySize = [...r.sizes].sort((a, b) => a.documents - b.documents);
  const big = bySize[bySize.length - 1];
  const base = [...bySize].reverse().find((s) => big !== undefined && s.documents * 10 <= big.documents) ?? bySize[0];
  if (base !== undefined && big !== undefined && base !== big) {
    const n = big.documents / base.documents;
    out.push('');
    out.push(
      `Scaling ${base.documents} → ${big.documents} documents (×${n}): time ×${(big.build.ms / base.build.ms).toFixed(2)} (linear: ≤ ${(n * 1.1).toFixed(1)}), ` +
        `peak memory ×${(big.build.peakBytes / base.build.peakBytes).toFixed(2)} (bounded: ≤ 2)`,
    );
  }
  const inc = r.incremental;
  if (inc !== null) {
    out.push('');
    out.push(
      `Incremental: ${inc.documents} documents, ${inc.changed} changed, ${inc.rebuild.hits} from the cache: rebuild ${(inc.rebuild.ms / 1000).toFixed(2)} s ` +
        `= ${pct(inc.rebuild.ms / inc.clean.ms)} of the clean build's ${(inc.clean.ms / 1000).toFixed(2)} s (target < 10%); ` +
        `with process start-up ${(inc.rebuild.processMs / 1000).toFixed(2)} s = ${pct(inc.rebuild.processMs / inc.clean.processMs)}.`,
    );
    out.push(`Filling the cache cost ${(inc.full.ms / 1000).toFixed(2)} s (clean: ${(inc.clean.ms / 1000).toFixed(2)} s).`);
    const same = (d: string[]) => (d.length === 0 ? 'byte-identical' : `DIFFERENT (${d.join(', ')})`);
    out.push(`Parallel clean build vs parallel cache-filling build: ${same(inc.parallelVsCachedDiffers)}.`);
    out.push(`Incremental rebuild vs clean single-threaded build of the changed corpus: ${same(inc.cachedVsCleanDiffers)}.`);
  }
  return out.join('\n');
}
