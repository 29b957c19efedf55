import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatComparison, type Compared } from '../pipeline/bench/compare.ts';
import { snapshotAt, type BuildChild } from '../pipeline/bench/processes.ts';

// `npm run bench -- --against REV`: the working tree and a revision build the same corpora taking turns, and the
// report gives both medians, the change and whether their outputs agree byte for byte.

const work = mkdtempSync(join(tmpdir(), 'kravkart-compare-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const run = (ms: number, cpuMs: number, peakMb: number): BuildChild => ({
  result: { counts: {}, timings: {}, cache: null, threads: 2 },
  ms,
  cpuMs,
  peakBytes: peakMb * 1e6,
  processMs: ms + 500,
});

describe('bench --against', () => {
  it('reports medians and ranges of both pipelines, the change, and whether the outputs agree', () => {
    const corpora: Compared[] = [
      { corpus: '1000', here: [run(4000, 8000, 500), run(4400, 8800, 510), run(4200, 8400, 505)], there: [run(6000, 11000, 650), run(5000, 10000, 640), run(5500, 10500, 660)], differs: [] },
      { corpus: '100', here: [run(1300, 2000, 200)], there: [run(1000, 2000, 200)], differs: ['kravkart.xlsx', 'SHA256SUMS', 'datapackage.json', 'excel/demands.csv'] },
    ];
    const text = formatComparison({ ref: 'abc123', rounds: 3, workers: 2, cores: 2, node: 'v20.0.0', corpora });
    expect(text).toContain('the working tree against abc123 · 3 rounds, taking turns');
    const [first, second] = text.split('\n').slice(-2);
    // Medians 4.20 against 5.50 s: 24 % faster; CPU 8.4 against 10.5 s: 20 % less.
    expect(first).toMatch(/^1000\s+4\.20 \(4\.00–4\.40\)\s+5\.50 \(5\.00–6\.00\)\s+−24 %\s+8\.4 \(8\.0–8\.8\)\s+10\.5 \(10\.0–11\.0\)\s+−20 %\s+505\s+650\s+byte-identical$/);
    expect(second).toMatch(/^100\s+1\.30 \(1\.30–1\.30\)\s+1\.00 \(1\.00–1\.00\)\s+\+30 %.*±0 %.*4 files differ: kravkart\.xlsx, SHA256SUMS, datapackage\.json, …$/);
  });

  it('names a revision it cannot read', async () => {
    await expect(snapshotAt('no-such-revision-anywhere', work)).rejects.toThrow(/cannot read no-such-revision-anywhere from git/);
  });
});
