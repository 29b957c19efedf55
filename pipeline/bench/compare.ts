import { join } from 'node:path';
import { child, differences, failed, type BuildChild } from './processes.ts';
import type { BuildRun } from './report.ts';

/** One corpus built by both pipelines, taking turns. */
export interface Compared {
  /** The corpus: its size in documents, or its folder. */
  corpus: string;
  /** The builds of the working tree and of the revision, in the order they ran. */
  here: BuildChild[];
  there: BuildChild[];
  /** Files whose bytes differ between the two pipelines' outputs. */
  differs: string[];
}

/** A comparison of the working tree with an earlier revision. */
export interface Comparison {
  ref: string;
  rounds: number;
  workers: number;
  cores: number;
  node: string;
  corpora: Compared[];
}

/**
 * Build a corpus `rounds` times with each of two pipelines (the entries of their bench children), taking turns and
 * changing who goes first each round: on a shared machine whose speed drifts within minutes, only builds made side
 * by side can be compared. Then compare the two outputs byte for byte.
 */
export async function compareOn(corpus: string, label: string, entries: { here: string; there: string }, opts: { work: string; rounds: number; workers: number }): Promise<Compared> {
  const runs: Compared = { corpus: label, here: [], there: [], differs: [] };
  const out = (side: 'here' | 'there') => join(opts.work, `compare-${side}`);
  for (let round = 0; round < opts.rounds; round++) {
    const order: ('here' | 'there')[] = round % 2 === 0 ? ['here', 'there'] : ['there', 'here'];
    for (const side of order) {
      const run = await child<BuildRun['result']>(entries[side], ['build', corpus, out(side), String(opts.workers), '-']);
      const why = failed(run);
      if (why !== null) throw new Error(`the ${side === 'here' ? 'working tree' : 'revision'}'s build of ${label} failed: ${why}`);
      runs[side].push(run);
    }
  }
  runs.differs = await differences(out('here'), out('there'));
  return runs;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};

/** "median (min–max)" of a measure, scaled and fixed to `digits`. */
const spread = (xs: number[], scale: number, digits: number): string => {
  const v = xs.map((x) => x / scale);
  return `${median(v).toFixed(digits)} (${Math.min(...v).toFixed(digits)}–${Math.max(...v).toFixed(digits)})`;
};

const change = (here: number[], there: number[]): string => {
  const c = median(here) / median(there) - 1;
  const size = Math.abs(100 * c).toFixed(0);
  return `${size === '0' ? '±' : c < 0 ? '−' : '+'}${size} %`;
};

/** The printed comparison: per corpus, the medians and ranges of both pipelines, the change, and whether the bytes agree. */
export function formatComparison(r: Comparison): string {
  const head = ['corpus', 'build s (this)', 'build s (ref)', 'change', 'CPU s (this)', 'CPU s (ref)', 'change', 'peak MB (this)', 'peak MB (ref)', 'outputs'];
  const rows = r.corpora.map((c) => {
    const ms = (runs: BuildChild[]) => runs.map((x) => x.ms);
    const cpu = (runs: BuildChild[]) => runs.map((x) => x.cpuMs);
    const peak = (runs: BuildChild[]) => runs.map((x) => x.peakBytes);
    return [
      c.corpus,
      spread(ms(c.here), 1000, 2),
      spread(ms(c.there), 1000, 2),
      change(ms(c.here), ms(c.there)),
      spread(cpu(c.here), 1000, 1),
      spread(cpu(c.there), 1000, 1),
      change(cpu(c.here), cpu(c.there)),
      median(peak(c.here).map((b) => b / 1e6)).toFixed(0),
      median(peak(c.there).map((b) => b / 1e6)).toFixed(0),
      c.differs.length === 0 ? 'byte-identical' : `${c.differs.length} files differ: ${c.differs.slice(0, 3).join(', ')}${c.differs.length > 3 ? ', …' : ''}`,
    ];
  });
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] as string).length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 || i === cells.length - 1 ? c.padEnd(widths[i] as number) : c.padStart(widths[i] as number))).join('  ').trimEnd();
  return [
    `kravkart bench · the working tree against ${r.ref} · ${r.rounds} rounds, taking turns · ${r.workers} worker threads on ${r.cores} cores · Node ${r.node}`,
    'Medians (and ranges) of the build call without process start-up; CPU is user and system time over every thread;',
    'change is this against ref. Outputs compares the two builds byte for byte.',
    '',
    line(head),
    ...rows.map(line),
  ].join('\n');
}
