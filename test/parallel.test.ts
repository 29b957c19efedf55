import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeCorpus } from '../pipeline/bench/corpus.ts';
import { generatorKit } from '../pipeline/bench/generate.ts';
import { loadLexicon } from '../pipeline/lexicon/load.ts';
import { Progress } from '../pipeline/parallel/progress.ts';
import { threadCode } from '../pipeline/parallel/thread-code.ts';
import { sourceHash } from '../pipeline/cache/version.ts';
import { sha256 } from '../pipeline/ids.ts';
import { build, type BuildResult } from '../pipeline/runner.ts';
import { outputFiles } from './support/output-files.ts';

// The worker pool: a build on worker threads writes exactly the bytes of a single-threaded build, because
// outcomes are merged in file-name order whatever order the workers finish in.

const work = mkdtempSync(join(tmpdir(), 'kravkart-parallel-'));
const seeds = join(work, 'seeds');
afterAll(() => rmSync(work, { recursive: true, force: true }));

const files = outputFiles;
const run = (out: string, workers: number): Promise<BuildResult> =>
  build({ seeds, out: join(work, out), strict: false, sourceDateEpoch: null, workers, minParallelChars: 0 });

let single: BuildResult;
let parallel: BuildResult;
beforeAll(async () => {
  await writeCorpus(seeds, 11, 30, generatorKit(loadLexicon()));
  single = await run('single', 1);
  parallel = await run('parallel', 3);
});

describe('parallel build', () => {
  it('runs the documents on the worker threads asked for', () => {
    expect(single.threads).toBe(1);
    expect(parallel.threads).toBe(3);
  });

  it('writes byte-identical output to a single-threaded build', () => {
    const a = files(join(work, 'single'));
    const b = files(join(work, 'parallel'));
    expect([...b.keys()]).toEqual([...a.keys()]);
    for (const [name, bytes] of a) expect(b.get(name)?.equals(bytes), name).toBe(true);
  });

  it('reports the same counts and messages', () => {
    expect(parallel.counts).toEqual(single.counts);
    expect(parallel.counts['documents']).toBe(30);
    expect(parallel.counts['demands']).toBeGreaterThan(30);
    expect(parallel.messages).toEqual(single.messages);
  });

  it('starts its threads from a bundle of the pipeline made once per version of its source', async () => {
    const code = await threadCode(new URL('../pipeline/parallel/worker.ts', import.meta.url));
    expect(code.entry).toBeNull();
    expect(code.file.pathname).toContain('/node_modules/.cache/kravkart/threads/');
    const root = fileURLToPath(new URL('../', import.meta.url));
    expect(code.file.pathname.endsWith(`/worker-${sha256(`${sourceHash()}\u001f${root}`).slice(0, 16)}.mjs`)).toBe(true);
    // The threads of the builds above ran from it, and wrote what the calling thread wrote.
    expect(parallel.threads).toBe(3);
  });

  it('falls back to loading a module with tsx when it cannot be bundled', async () => {
    const missing = new URL('../pipeline/parallel/no-such-module.ts', import.meta.url);
    const code = await threadCode(missing);
    expect(code.entry).toBe(missing.href);
    expect(code.file.pathname.endsWith('/pipeline/parallel/bootstrap.mjs')).toBe(true);
  });

  it('stays on one thread when there is too little to process for workers to pay off', async () => {
    const r = await build({ seeds, out: join(work, 'small'), strict: false, sourceDateEpoch: null, workers: 4 });
    expect(r.threads).toBe(1);
  });
});

describe('Progress', () => {
  const stream = (isTTY: boolean) => {
    const chunks: string[] = [];
    return { chunks, s: { isTTY, columns: 80, write: (t: string) => chunks.push(t) } };
  };

  it('prints a plain line at every tenth of a long build when not on a terminal', () => {
    const { chunks, s } = stream(false);
    const p = new Progress(s);
    for (let i = 1; i <= 200; i++) p.update(i, 200);
    p.end();
    expect(chunks).toHaveLength(10);
    expect(chunks[0]).toMatch(/^documents {2}20\/200 \(10%\) after \d+:\d\d, about \d+:\d\d left\n$/);
    expect(chunks[9]).toMatch(/200\/200 \(100%\)/);
  });

  it('stays quiet for short builds off a terminal', () => {
    const { chunks, s } = stream(false);
    const p = new Progress(s);
    for (let i = 1; i <= 20; i++) p.update(i, 20);
    expect(chunks).toEqual([]);
  });

  it('draws one bar in place on a terminal once the build runs long enough, and clears it', async () => {
    const { chunks, s } = stream(true);
    const p = new Progress(s);
    p.update(1, 10);
    expect(chunks).toEqual([]); // too early: short builds never flash a bar
    await new Promise((r) => setTimeout(r, 600));
    p.update(5, 10);
    expect(chunks[0]).toMatch(/^\r\[#+\.+\] 5\/10 documents 50% · \d+\/s · \d+:\d\d left\u001b\[K$/);
    p.end();
    expect(chunks[chunks.length - 1]).toBe('\r\u001b[K');
  });
});
