import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { LOCAL_CACHE, writeLocal } from '../cache/local.ts';
import { sourceHash } from '../cache/version.ts';
import { sha256 } from '../ids.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PIPELINE_DIR = join(ROOT, 'pipeline');
// Inside the project's node_modules, so the bundle's imports of packages resolve as the sources' do.
const BUNDLES = join(LOCAL_CACHE, 'threads');
const BOOTSTRAP = new URL('./bootstrap.mjs', import.meta.url);

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
  if (!existsSync(file)) {
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
    if (!writeLocal(file, text, `${name}-`)) throw new Error(`cannot write ${file}`);
  }
  return { file: pathToFileURL(file), entry: null };
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
