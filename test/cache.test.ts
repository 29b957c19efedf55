import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeCorpus } from '../pipeline/bench/corpus.ts';
import { generateDocument, generatorKit } from '../pipeline/bench/generate.ts';
import { cacheKey, decodeEntry, encodeEntry, entryPath, versionFolder } from '../pipeline/cache/store.ts';
import { pipelineVersion } from '../pipeline/cache/version.ts';
import type { SourceDoc } from '../pipeline/document.ts';
import type { DocumentOutcome } from '../pipeline/stages.ts';
import { lexiconHash, loadLexicon } from '../pipeline/lexicon/load.ts';
import { build, type BuildResult } from '../pipeline/runner.ts';
import { PAGE_PATH } from '../pipeline/export/html/page.ts';
import { SQLITE_PATH } from '../pipeline/export/sqlite.ts';
import { XLSX_PATH } from '../pipeline/export/xlsx.ts';
import { outputFiles } from './support/output-files.ts';

// The content-addressed document cache: a rebuild reprocesses only what changed, writes the same bytes as a
// clean build, and never trusts an entry that fails its checks.

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const kit = generatorKit(loadLexicon());
const work = mkdtempSync(join(tmpdir(), 'kravkart-cache-'));
const seeds = join(work, 'seeds');
const cache = join(work, 'cache');
afterAll(() => rmSync(work, { recursive: true, force: true }));

const N = 24;
// What a tables-only build leaves out.
const PEOPLE_OUTPUTS = [PAGE_PATH, SQLITE_PATH, XLSX_PATH];
const files = outputFiles;
const expectSameOutput = (a: string, b: string) => {
  const x = files(join(work, a));
  const y = files(join(work, b));
  expect([...y.keys()]).toEqual([...x.keys()]);
  for (const [name, bytes] of x) expect(y.get(name)?.equals(bytes), `${a} vs ${b}: ${name}`).toBe(true);
};
const run = (out: string, withCache: boolean): Promise<BuildResult> =>
  build({ seeds, out: join(work, out), strict: false, sourceDateEpoch: null, cache: withCache ? cache : null });
const entries = () => readdirSync(cache, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.entry'));

beforeAll(async () => {
  await writeCorpus(seeds, 5, N, kit);
});

describe('document cache', () => {
  it('fills on the first build and serves every document on the next, with the same output', async () => {
    const first = await run('first', true);
    expect(first.cache).toEqual({ hits: 0, misses: N, corrupt: 0 });
    expect(entries()).toHaveLength(N);
    const second = await run('second', true);
    expect(second.cache).toEqual({ hits: N, misses: 0, corrupt: 0 });
    await run('clean', false);
    expectSameOutput('clean', 'first');
    expectSameOutput('clean', 'second');
  });

  it('reprocesses only the changed document, and the output equals a clean build of the changed corpus', async () => {
    const name = readdirSync(seeds).filter((f) => f.endsWith('.txt')).sort()[3] as string;
    writeFileSync(join(seeds, name), generateDocument(5, 3, kit, 1).text);
    const again = await run('changed', true);
    expect(again.cache).toEqual({ hits: N - 1, misses: 1, corrupt: 0 });
    await run('changed-clean', false);
    expectSameOutput('changed-clean', 'changed');
  });

  it('serves a tables-only build too, whose tables are byte for byte those of a full build', async () => {
    const full = await run('for-tables', true);
    const tables = await build({ seeds, out: join(work, 'tables-only'), strict: false, sourceDateEpoch: null, cache, tablesOnly: true });
    expect(tables.cache).toEqual({ hits: N, misses: 0, corrupt: 0 });
    const x = files(join(work, 'for-tables'));
    const y = files(join(work, 'tables-only'));
    const described = ['datapackage.json', 'SHA256SUMS'];
    expect([...y.keys()].sort()).toEqual([...x.keys()].filter((f) => !PEOPLE_OUTPUTS.includes(f)).sort());
    for (const [name, bytes] of y) if (!described.includes(name)) expect(x.get(name)?.equals(bytes), name).toBe(true);
    // The descriptor lists only what was written.
    const descriptor = JSON.parse((y.get('datapackage.json') as Buffer).toString('utf8')) as { resources: { path: string }[] };
    expect(descriptor.resources.map((r) => r.path).filter((p) => PEOPLE_OUTPUTS.includes(p))).toEqual([]);
    expect(tables.files.sort()).toEqual(full.files.filter((f) => !PEOPLE_OUTPUTS.includes(f)).sort());
  });

  it('ignores a corrupt entry, recomputes it and overwrites it', async () => {
    rmSync(cache, { recursive: true, force: true }); // only the entries of the current documents
    await run('refill', true);
    const [a, b, c] = entries().sort();
    const path = (p: string | undefined) => join(cache, p as string);
    writeFileSync(path(a), readFileSync(path(a), 'utf8').slice(0, 200)); // truncated
    const text = readFileSync(path(b), 'utf8');
    writeFileSync(path(b), text.replace(/"start":(\d+)/, (_, n: string) => `"start":${Number(n) + 1}`)); // altered
    writeFileSync(path(c), 'not json at all');
    const r = await run('repaired', true);
    expect(r.cache).toEqual({ hits: N - 3, misses: 0, corrupt: 3 });
    await run('repaired-clean', false);
    expectSameOutput('repaired-clean', 'repaired');
    expect((await run('repaired-again', true)).cache).toEqual({ hits: N, misses: 0, corrupt: 0 });
  });
});

describe('cache keys and entries', () => {
  const doc: SourceDoc = { id: 'doc_x', file: 'a.txt', source: 'Tekst.', sha256: 'ab', meta: null, messages: [] };
  const options = { strict: false, sourceDateEpoch: null };
  const key = cacheKey(doc, options, 'v1');

  it('change with the bytes, name, sidecar, options and pipeline version, and only with them', () => {
    expect(cacheKey({ ...doc, source: 'Other text, same hash.' }, options, 'v1')).toBe(key);
    for (const other of [
      cacheKey({ ...doc, sha256: 'cd' }, options, 'v1'),
      cacheKey({ ...doc, file: 'b.txt' }, options, 'v1'),
      cacheKey({ ...doc, meta: { date: 'undated' } }, options, 'v1'),
      cacheKey(doc, { ...options, strict: true }, 'v1'),
      cacheKey(doc, options, 'v2'),
    ])
      expect(other).not.toBe(key);
  });

  it('the pipeline version follows the lexicon hash, which the build reads off the files without parsing them', () => {
    expect(pipelineVersion('a')).toBe(pipelineVersion('a'));
    expect(pipelineVersion('a')).not.toBe(pipelineVersion('b'));
    expect(lexiconHash()).toBe(loadLexicon().hash);
  });

  it('an entry decodes only for its own key and file and with an intact body', () => {
    const outcome = { file: 'a.txt', messages: [], stats: {}, rows: { file: 'a.txt', document: {}, mentions: [], demands: [], dates: [], actors: [], uses: [], messages: [] } } as unknown as DocumentOutcome;
    const piece = { csv: 'm1,a\n', excel: 'm1;a\r\n', json: '{}' };
    const pieces = { tables: { mentions: piece, demands: piece, dates: piece }, page: { demands: '["d"]', source: '<script>"Tekst æøå"</script>' } };
    const result = { outcome, findings: [], pieces };
    const entry = encodeEntry(key, result);
    const back = decodeEntry(entry, key, 'a.txt');
    expect(back?.outcome).toEqual(outcome);
    expect(back?.findings).toEqual([]);
    // The pieces come back as the bytes of the same text.
    expect(Buffer.from(back?.pieces.page.source ?? '').toString('utf8')).toBe(pieces.page.source);
    expect(Buffer.from(back?.pieces.tables.dates.excel ?? '').toString('utf8')).toBe(piece.excel);
    expect(decodeEntry(entry, cacheKey(doc, options, 'v2'), 'a.txt')).toBeNull();
    expect(decodeEntry(entry, key, 'b.txt')).toBeNull();
    // A changed byte, a truncated entry and a malformed outcome are rejected.
    const flipped = Buffer.from(entry);
    flipped.writeUInt8((flipped.at(-3) ?? 0) ^ 1, flipped.length - 3);
    expect(decodeEntry(flipped, key, 'a.txt')).toBeNull();
    expect(decodeEntry(entry.subarray(0, entry.length - 1), key, 'a.txt')).toBeNull();
    expect(decodeEntry(encodeEntry(key, { ...result, outcome: { ...outcome, rows: null } as unknown as DocumentOutcome }), key, 'a.txt')).toBeNull();
    expect(entryPath('/c', key)).toBe(`/c/${key.slice(0, 2)}/${key}.entry`);
  });
});

describe('cache folders by pipeline version', () => {
  it('keep the entries of the three versions used last, remove older versions and the unversioned layout, and nothing else', () => {
    const root = join(work, 'versions');
    const folder = (c: string) => `v-${c.repeat(16)}`;
    // Four earlier versions, last used 1 to 4 days ago; an entry in the layout before versions; compiled validators.
    const day = 86_400;
    const now = Date.now() / 1000;
    ['a', 'b', 'c', 'd'].forEach((c, i) => {
      mkdirSync(join(root, folder(c), 'ab'), { recursive: true });
      writeFileSync(join(root, folder(c), 'ab', 'x.entry'), '');
      writeFileSync(join(root, folder(c), 'used'), '');
      utimesSync(join(root, folder(c), 'used'), now - (i + 1) * day, now - (i + 1) * day);
    });
    mkdirSync(join(root, 'ab'), { recursive: true });
    writeFileSync(join(root, 'ab', 'x.entry'), '');
    mkdirSync(join(root, 'validators'), { recursive: true });
    // What someone else keeps in the folder given as the cache stays, even under names like the cache's own.
    mkdirSync(join(root, 'db'), { recursive: true });
    writeFileSync(join(root, 'db', 'notes.txt'), 'mine');
    mkdirSync(join(root, folder('9')), { recursive: true });

    const current = versionFolder(root, 'e'.repeat(64));
    expect(current).toBe(join(root, folder('e')));
    expect(readdirSync(root).sort()).toEqual(['db', folder('9'), folder('a'), folder('b'), folder('e'), 'validators'].sort());
    rmSync(join(root, 'db'), { recursive: true });
    rmSync(join(root, folder('9')), { recursive: true });
    // Using an earlier version again keeps it, and the one used longest ago goes.
    versionFolder(root, 'b'.repeat(64));
    expect(readdirSync(root).sort()).toEqual([folder('b'), folder('e'), folder('a'), 'validators'].sort());
    versionFolder(root, 'f'.repeat(64));
    expect(readdirSync(root).sort()).toEqual([folder('b'), folder('e'), folder('f'), 'validators']);
  });

  it('a build reads and writes only its own version\'s folder', async () => {
    rmSync(cache, { recursive: true, force: true });
    await run('own-folder', true);
    const folders = readdirSync(cache).filter((f) => f.startsWith('v-'));
    expect(folders).toEqual([`v-${pipelineVersion(lexiconHash()).slice(0, 16)}`]);
    expect(entries().every((e) => e.startsWith(`${folders[0] as string}/`))).toBe(true);
  });
});

describe('command line', () => {
  it('--no-cache writes no cache; --tables-only skips the workbook, database and page; the default cache is .cache/kravkart in the working directory', () => {
    const cwd = join(work, 'cwd');
    const cli = (...args: string[]) =>
      spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'pipeline', 'cli.ts'), '--seeds', join(ROOT, 'seeds'), '--quiet', ...args], { cwd: ROOT, encoding: 'utf8' });
    const a = cli('--out', join(cwd, 'a'), '--no-cache', '--cache', join(cwd, 'never'));
    expect(a.status, a.stderr).toBe(0);
    expect(existsSync(join(cwd, 'never'))).toBe(false);
    const b = cli('--out', join(cwd, 'b'), '--cache', join(cwd, 'c'), '--workers', '2');
    expect(b.status, b.stderr).toBe(0);
    expect(readdirSync(join(cwd, 'c'), { recursive: true }).filter((f) => String(f).endsWith('.entry'))).toHaveLength(5);
    const tables = cli('--out', join(cwd, 't'), '--cache', join(cwd, 'c'), '--tables-only');
    expect(tables.status, tables.stderr).toBe(0);
    const full = readdirSync(join(cwd, 'b'));
    expect(readdirSync(join(cwd, 't')).filter((f) => !full.includes(f))).toEqual([]);
    expect(PEOPLE_OUTPUTS.filter((f) => existsSync(join(cwd, 't', f)))).toEqual([]);
    const bad = cli('--out', join(cwd, 'd'), '--workers', '0');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/usage --workers must be a whole number/);
  });
});
