import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * End to end through the real command line: every kind of bad input stops the build with a coded message
 * naming the file, and the previous output folder stays exactly as it was.
 */

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLI = join(ROOT, 'pipeline', 'cli.ts');
const SEEDS = join(ROOT, 'seeds');
const SEED_NAMES = readdirSync(SEEDS).filter((n) => n.endsWith('.txt')).sort();
const GOOD = SEED_NAMES[SEED_NAMES.length - 1] as string;
const GOOD_STEM = GOOD.slice(0, -'.txt'.length);

const work = mkdtempSync(join(tmpdir(), 'kravkart-bad-input-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Every file under a folder (relative path → sha256), plus the folder's inode, which a swap would change. */
function snapshot(dir: string): { inode: number; files: Record<string, string> } {
  const files: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else files[relative(dir, p)] = createHash('sha256').update(readFileSync(p)).digest('hex');
    }
  };
  walk(dir);
  return { inode: statSync(dir).ino, files };
}

/** A fresh case folder: `seeds/` with one good seed plus the given files, and a previous `out/` build. */
function setUp(name: string, files: Record<string, string | Uint8Array>): { seeds: string; out: string; parent: string } {
  const parent = join(work, name);
  const seeds = join(parent, 'seeds');
  const out = join(parent, 'out');
  mkdirSync(seeds, { recursive: true });
  copyFileSync(join(SEEDS, GOOD), join(seeds, GOOD));
  for (const [file, content] of Object.entries(files)) writeFileSync(join(seeds, file), content);
  mkdirSync(join(out, 'data'), { recursive: true });
  writeFileSync(join(out, 'SENTINEL'), 'previous build — must survive a failed build\n');
  writeFileSync(join(out, 'data', 'documents.csv'), 'document_id,source_file\r\ndoc_000000000000,old.txt\r\n');
  return { seeds, out, parent };
}

function runCli(seeds: string, out: string, ...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', CLI, '--seeds', seeds, '--out', out, '--quiet', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60_000,
  });
}

// Temporary output and scratch folders: a finished build, failed or not, leaves neither behind.
const leftovers = (parent: string) => readdirSync(parent).filter((n) => n.startsWith('.kravkart-'));

interface BadCase {
  name: string;
  files: Record<string, string | Uint8Array>;
  /** The file the message must name (inside the seeds folder), or null for the folder itself. */
  file: string | null;
  code: string;
  /** The YAML line the message must point at. */
  line?: number;
  /** Something the reason must say. */
  says?: RegExp;
  /** Run on a seeds folder that does not exist. */
  missingFolder?: boolean;
}

const CASES: BadCase[] = [
  { name: 'empty-file', files: { 'tom.txt': '' }, file: 'tom.txt', code: 'empty-file' },
  { name: 'whitespace-only', files: { 'blank.txt': '  \r\n\t\n   \n' }, file: 'blank.txt', code: 'whitespace-only' },
  {
    name: 'binary-file',
    files: { 'bilde.txt': new Uint8Array(Array.from({ length: 512 }, (_, i) => (i * 37) % 256)) },
    file: 'bilde.txt',
    code: 'binary-file',
  },
  {
    name: 'latin-1',
    files: { 'latin1.txt': new Uint8Array(Buffer.from('Vi krever bedre bemanning.\nFagforbundet mener lønnsøkning må til.\n', 'latin1')) },
    file: 'latin1.txt',
    code: 'invalid-utf8',
    line: 2,
    says: /Latin-1\/Windows-1252/,
  },
  {
    name: 'meta-yaml-syntax',
    files: { [`${GOOD_STEM}.meta.yaml`]: '# kuratert\ntitle: LO krever: tillitsreform\npublisher: LO\n' },
    file: `${GOOD_STEM}.meta.yaml`,
    code: 'meta-yaml-syntax',
    line: 2,
  },
  {
    name: 'meta-schema',
    files: { [`${GOOD}.meta.yaml`]: 'title: LO krever tillitsreform\ngenre: statement\ndate: 29.10.2021\n' },
    file: `${GOOD}.meta.yaml`,
    code: 'meta-schema',
    line: 3,
    says: /date/,
  },
  { name: 'duplicate-document', files: { 'zz-kopi.txt': readFileSync(join(SEEDS, GOOD)) }, file: 'zz-kopi.txt', code: 'duplicate-document', says: new RegExp(GOOD) },
  { name: 'seeds-folder-missing', files: {}, file: null, code: 'seeds-folder-missing', missingFolder: true },
];

describe('bad input stops the build and leaves the previous output untouched', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const { seeds: real, out, parent } = setUp(c.name, c.files);
      const seeds = c.missingFolder === true ? join(parent, 'no-such-folder') : real;
      const before = snapshot(out);

      const run = runCli(seeds, out);

      expect(run.status, run.stderr).not.toBe(0);
      expect(run.status, run.stderr).not.toBeNull();
      const place = c.file === null ? seeds : `${seeds}/${c.file}${c.line === undefined ? '' : `:${c.line}:`}`;
      const line = run.stderr.split('\n').find((l) => l.startsWith(place) && l.includes(` error ${c.code} `));
      expect(line, run.stderr).toBeDefined();
      if (c.says) expect(line).toMatch(c.says);
      expect(snapshot(out)).toEqual(before);
      expect(leftovers(parent)).toEqual([]);
    });
  }
});

describe('a build that fails after its rows were written', () => {
  it('leaves the previous output untouched and no temporary or scratch folder behind', () => {
    // A statement that states no date of its own: under --strict a coverage error, known only once its rows were
    // validated and written with every other document's.
    const undated = 'LO krever at regjeringen styrker arbeidsmiljøloven.\n\nLandsorganisasjonen i Norge\n';
    const { seeds, out, parent } = setUp('late-failure', { 'udatert.txt': undated });
    const before = snapshot(out);
    const run = runCli(seeds, out, '--strict');
    expect(run.status, run.stderr).toBe(1);
    expect(run.stderr).toMatch(/udatert\.txt error coverage document has no date of its own/);
    expect(snapshot(out)).toEqual(before);
    expect(leftovers(parent)).toEqual([]);
  });
});

describe('a good seeds folder builds', () => {
  it('exits 0 and replaces the previous output', () => {
    const { seeds, out, parent } = setUp('good', {});
    for (const n of SEED_NAMES) copyFileSync(join(SEEDS, n), join(seeds, n));
    const run = runCli(seeds, out);
    expect(run.status, run.stderr).toBe(0);
    expect(readdirSync(out)).not.toContain('SENTINEL');
    expect(leftovers(parent)).toEqual([]);
  });
});
