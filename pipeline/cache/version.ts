import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sha256 } from '../ids.ts';

const PIPELINE_DIR = fileURLToPath(new URL('../', import.meta.url));
// Tools that run beside or on a build and are never imported by one: editing them leaves every result valid.
const TOOLS = new Set(['bench', 'eval', 'release']);
const LOCKFILE = fileURLToPath(new URL('../../package-lock.json', import.meta.url));
// The committed JSON Schemas: each document's checks against them are cached with its result.
const SCHEMAS_DIR = fileURLToPath(new URL('../../schemas/', import.meta.url));

/** Every file under a folder, as paths relative to it, in code-unit order (the same on every machine). */
function filesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory() && d === dir && TOOLS.has(e.name)) continue;
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) out.push(relative(dir, p).split('\\').join('/'));
    }
  };
  walk(dir);
  return out.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

let cached: string | null = null;

/**
 * A hash of every file of the pipeline's source (code, lexicons, YAML; not the bench, eval and release tools), of
 * the committed JSON Schemas, the lockfile (dependency versions) and the Node version (its ICU segments sentences):
 * what the code that runs a build is made of.
 */
export function sourceHash(): string {
  if (cached === null) {
    const hashes = (dir: string, prefix: string) => filesUnder(dir).map((f) => `${prefix}${f}\u001f${sha256(readFileSync(join(dir, f)))}`);
    const parts = [...hashes(PIPELINE_DIR, ''), ...hashes(SCHEMAS_DIR, 'schemas/')];
    let lock = '';
    try {
      lock = sha256(readFileSync(LOCKFILE));
    } catch {
      // No lockfile next to the pipeline (an unusual install): the source hash alone then names the version.
    }
    cached = sha256([...parts, `lock\u001f${lock}`, `node\u001f${process.version}`].join('\n'));
  }
  return cached;
}

/**
 * The pipeline's own version for caches: the source hash and the lexicon's hash. Any change to either makes every
 * cached result stale.
 */
export function pipelineVersion(lexiconHash: string): string {
  return sha256(`${sourceHash()}\u001f${lexiconHash}`);
}
