import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, readdir, readFile, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BuildRun } from './report.ts';

// The bench's measurements run in child processes, each from a frozen copy of a pipeline: the working tree's, or
// another commit's for a comparison.

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Copy a folder tree (files and folders only). */
async function copyTree(from: string, to: string): Promise<void> {
  await mkdir(to, { recursive: true });
  for (const e of await readdir(from, { withFileTypes: true })) {
    if (e.isDirectory()) await copyTree(join(from, e.name), join(to, e.name));
    else if (e.isFile()) await copyFile(join(from, e.name), join(to, e.name));
  }
}

/**
 * A frozen copy of the pipeline to run every measurement from: editing the working tree while the bench runs
 * (which changes the pipeline's version and so empties the cache) cannot touch the figures.
 */
export async function snapshot(work: string): Promise<string> {
  const app = join(work, 'app');
  // The pipeline reads its own files and the committed JSON Schemas next to it.
  for (const d of ['pipeline', 'schemas']) await copyTree(join(ROOT, d), join(app, d));
  for (const f of ['package.json', 'package-lock.json']) await copyFile(join(ROOT, f), join(app, f)).catch(() => {});
  await symlink(join(ROOT, 'node_modules'), join(app, 'node_modules'), 'dir');
  return join(app, 'pipeline', 'bench', 'child.ts');
}

export interface ChildOutput<T> {
  result: T;
  /** Time of the measured call inside the child, without process start-up. */
  ms: number;
  /** CPU time (user and system, every thread) of the measured call. */
  cpuMs: number;
  peakBytes: number;
  /** Wall time of the whole child process. */
  processMs: number;
}

/** Run one measurement in a fresh Node process (its own peak memory) from the given child.ts, and read its JSON line. */
export function child<T>(entry: string, args: string[]): Promise<ChildOutput<T>> {
  const t = performance.now();
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, ['--import', 'tsx', entry, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    p.stdout.on('data', (d: Buffer) => (out += d.toString()));
    p.stderr.on('data', (d: Buffer) => (err += d.toString()));
    p.on('error', reject);
    p.on('close', (code) => {
      const last = out.trim().split('\n').pop() ?? '';
      if (code !== 0 || last === '') return reject(new Error(`bench child ${args.join(' ')} failed (${code}): ${err.slice(-2000)}`));
      resolve({ ...(JSON.parse(last) as Omit<ChildOutput<T>, 'processMs'>), processMs: performance.now() - t });
    });
  });
}

export type BuildChild = ChildOutput<BuildRun['result']>;

/** Why a child's build failed (its first coded errors), or null when it did not. */
export function failed(run: BuildChild): string | null {
  const r = run.result as { failed?: { reason: string; file: string | null }[] };
  return r.failed === undefined ? null : r.failed.map((m) => `${m.file ?? ''} ${m.reason}`).join('; ');
}

/** Every file under a folder with its bytes, for byte-for-byte comparison of two outputs. */
async function filesOf(dir: string): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  const walk = async (d: string, prefix: string) => {
    for (const e of await readdir(d, { withFileTypes: true })) {
      if (e.isDirectory()) await walk(join(d, e.name), `${prefix}${e.name}/`);
      else out.set(`${prefix}${e.name}`, await readFile(join(d, e.name)));
    }
  };
  await walk(dir, '');
  return out;
}

/** The files that differ between two output folders (empty when byte-identical). */
export async function differences(a: string, b: string): Promise<string[]> {
  const [x, y] = await Promise.all([filesOf(a), filesOf(b)]);
  const names = [...new Set([...x.keys(), ...y.keys()])].sort();
  return names.filter((n) => !(x.get(n)?.equals(y.get(n) ?? Buffer.alloc(0)) ?? false));
}

/**
 * A copy of the pipeline as it was at a git revision of this repository (its pipeline, schemas and package files,
 * with this install's node_modules), to compare the working tree against; the entry of its bench child.
 */
export async function snapshotAt(ref: string, work: string): Promise<string> {
  const app = join(work, 'against');
  await mkdir(app, { recursive: true });
  const archive = spawnSync('git', ['-C', ROOT, 'archive', '--format=tar', ref, 'pipeline', 'schemas', 'package.json', 'package-lock.json'], { maxBuffer: 1 << 30 });
  if (archive.status !== 0) throw new Error(`cannot read ${ref} from git: ${archive.stderr.toString().trim()}`);
  const untar = spawnSync('tar', ['-x', '-C', app], { input: archive.stdout });
  if (untar.status !== 0) throw new Error(`cannot unpack ${ref}: ${untar.stderr.toString().trim()}`);
  await symlink(join(ROOT, 'node_modules'), join(app, 'node_modules'), 'dir');
  const entry = join(app, 'pipeline', 'bench', 'child.ts');
  if (!existsSync(entry)) throw new Error(`${ref} has no pipeline/bench/child.ts to measure with`);
  return entry;
}
