import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { sourceHash } from '../cache/version.ts';
import { sha256 } from '../ids.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PIPELINE_DIR = join(ROOT, 'pipeline');
// Inside the project's node_modules, so the bundle's imports of packages resolve as the sources' do.
const BUNDLES = join(ROOT, 'node_modules', '.cache', 'kravkart', 'threads');
const BOOTSTRAP = new URL('./bootstrap.mjs', import.meta.url);
// Bundles of earlier versions of the source are removed once this old: a build that started from one is long done.
const STALE_MS = 60 * 60 * 1000;

/** What a thread starts from: a bundle of its module, or (`entry` set) the bootstrap that loads it with tsx. */
export interface ThreadCode {
  file: URL;
  entry: string | null;
}

const made = new Map<string, Promise<ThreadCode>>();

/**
 * The code to start a thread running a pipeline module with: one JavaScript file bundled from the module and
 * everything of the pipeline it imports (packages stay imports), made once per version of the pipeline's source
 * with esbuild (the compiler tsx itself runs on). Node 20 gives worker threads no loader, so each would otherwise
 * register tsx, start its loader thread and compile every module again: about a second of CPU per thread, four
 * threads per large build. When no bundle can be made (esbuild missing, node_modules read-only) the thread loads
 * the module with tsx as before: slower, the same results.
 */
export function threadCode(module: URL): Promise<ThreadCode> {
  let code = made.get(module.href);
  if (code === undefined) {
    code = bundled(module).catch(() => ({ file: BOOTSTRAP, entry: module.href }));
    made.set(module.href, code);
  }
  return code;
}

/** Start a worker thread from its code; `data` becomes its workerData (with `entry` for the bootstrap). */
export function startThread(code: ThreadCode, data: Record<string, unknown>): Worker {
  return new Worker(code.file, { workerData: { ...data, entry: code.entry } });
}

async function bundled(module: URL): Promise<ThreadCode> {
  const name = basename(fileURLToPath(module), '.ts');
  // The bundle names the files it reads by their place, so a copy of the pipeline elsewhere gets its own.
  const file = join(BUNDLES, `${name}-${sha256(`${sourceHash()}\u001f${ROOT}`).slice(0, 16)}.mjs`);
  const exists = await stat(file).then((s) => s.isFile(), () => false);
  if (!exists) {
    const { build } = await import('esbuild');
    const result = await build({
      entryPoints: [fileURLToPath(module)],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      write: false,
      logLevel: 'silent',
      plugins: [{ name: 'source-urls', setup: (b) => b.onLoad({ filter: /\.ts$/ }, sourceWithOwnUrl) }],
    });
    const text = result.outputFiles[0]?.contents;
    if (text === undefined) throw new Error(`esbuild wrote nothing for ${name}`);
    await mkdir(BUNDLES, { recursive: true });
    // Written aside and renamed, so a build running beside this one never starts a half-written bundle.
    const aside = `${file}.${process.pid}.tmp`;
    await writeFile(aside, text);
    await rename(aside, file);
    await removeStale(name, file);
  }
  return { file: pathToFileURL(file), entry: null };
}

/** Remove the bundles of a module made from earlier versions of the source, once nothing can be starting from them. */
async function removeStale(name: string, keep: string): Promise<void> {
  const now = Date.now();
  for (const f of await readdir(BUNDLES)) {
    const path = join(BUNDLES, f);
    if (path === keep || !f.startsWith(`${name}-`)) continue;
    const old = await stat(path).then((s) => now - s.mtimeMs > STALE_MS, () => false);
    if (old) await rm(path, { force: true });
  }
}

/**
 * A pipeline module's source with `import.meta.url` replaced by the module's own URL: the pipeline reads its
 * lexicons, schemas and templates relative to the module, which the bundle must not move.
 */
async function sourceWithOwnUrl(args: { path: string }): Promise<{ contents: string; loader: 'ts' }> {
  const contents = await readFile(args.path, 'utf8');
  if (!args.path.startsWith(PIPELINE_DIR)) return { contents, loader: 'ts' };
  return { contents: contents.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)), loader: 'ts' };
}
