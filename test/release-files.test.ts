import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { loadPackageMeta } from '../pipeline/export/package.ts';
import { sha256 } from '../pipeline/ids.ts';
import { addToChangelog } from '../pipeline/release/changelog.ts';
import { citeAs, stampCitation } from '../pipeline/release/citation.ts';
import { readFolder } from '../pipeline/release/folder.ts';
import { plannerNeeds } from '../pipeline/release/host.ts';
import { dateOf } from '../pipeline/release/release.ts';
import { nextVersion, parseVersion } from '../pipeline/release/semver.ts';
import { stampVersion } from '../pipeline/release/stamp.ts';
import { zipFiles } from '../pipeline/release/zip.ts';

// The files that travel with a release, made from the committed build (dist/) and the repository's own files.
const ROOT = new URL('..', import.meta.url).pathname;
const DIST = await readFolder(join(ROOT, 'dist'));
const dec = (b: Uint8Array | undefined) => new TextDecoder().decode(b);
const CITATION = await readFile(join(ROOT, 'CITATION.cff'), 'utf8');
const temps: string[] = [];
afterAll(async () => {
  for (const t of temps) await rm(t, { recursive: true, force: true });
});

describe('versions', () => {
  it('bumps X.Y.Z and refuses anything else', () => {
    expect(['major', 'minor', 'patch'].map((b) => nextVersion('1.4.2', b as 'major'))).toEqual(['2.0.0', '1.5.0', '1.4.3']);
    expect(['1.0', '01.0.0', '1.0.0-rc.1', '0.0.0-unreleased'].map(parseVersion)).toEqual([null, null, null, null]);
  });

  it('dates a release by the commit time in UTC, not the clock', () => {
    expect(dateOf(1768003199)).toBe('2026-01-09');
    expect(dateOf(1768003200)).toBe('2026-01-10');
  });
});

describe('stamping the version into a build', () => {
  it('the build carries an unreleased placeholder that is not a release version', () => {
    const version = (JSON.parse(dec(DIST.get('datapackage.json'))) as { version: string }).version;
    expect(version).toBe(loadPackageMeta().version);
    expect(parseVersion(version)).toBeNull();
  });

  it('sets the version in datapackage.json and CODEBOOK.md, keeps the tables, and SHA256SUMS still holds', () => {
    const { files, messages } = stampVersion(DIST, '3.1.4');
    expect(messages).toEqual([]);
    expect((JSON.parse(dec(files.get('datapackage.json'))) as { version: string }).version).toBe('3.1.4');
    expect(dec(files.get('CODEBOOK.md'))).toMatch(/^Version 3\.1\.4\. /m);
    const changed = [...files].filter(([p, b]) => sha256(b) !== sha256(DIST.get(p) ?? new Uint8Array())).map(([p]) => p);
    expect(changed.sort()).toEqual(['CODEBOOK.md', 'SHA256SUMS', 'datapackage.json']);
    for (const line of dec(files.get('SHA256SUMS')).trimEnd().split('\n')) {
      const [hash, path] = line.split('  ') as [string, string];
      expect(sha256(files.get(path) ?? new Uint8Array()), path).toBe(hash);
    }
  });

  it('changes nothing but the version: stamping the same version gives the build back byte for byte', () => {
    const version = (JSON.parse(dec(DIST.get('datapackage.json'))) as { version: string }).version;
    const { files, messages } = stampVersion(DIST, version);
    expect(messages).toEqual([]);
    for (const [p, b] of DIST) expect(sha256(files.get(p) ?? new Uint8Array()), p).toBe(sha256(b));
  });

  it('refuses a build whose codebook has no version line', () => {
    const broken = new Map(DIST).set('CODEBOOK.md', new TextEncoder().encode('# codebook\n'));
    expect(stampVersion(broken, '1.0.0').messages.map((m) => [m.code, m.file])).toEqual([['release-stamp', 'CODEBOOK.md']]);
  });
});

describe('CITATION.cff', () => {
  const cff = parse(CITATION) as Record<string, unknown>;
  const meta = loadPackageMeta();

  it('describes the same dataset as package.yaml, for "Cite this repository"', () => {
    expect(cff['cff-version']).toBe('1.2.0');
    expect(cff['type']).toBe('dataset');
    expect(typeof cff['message']).toBe('string');
    expect(cff['title']).toBe(meta.title);
    expect(cff['license']).toBe(meta.licenses[0]?.name);
    expect(cff['authors']).toEqual(meta.contributors.map((c) => ({ name: c.title })));
    expect(cff['keywords']).toEqual(meta.keywords);
  });

  it('names no version in the repository; each release stamps its own, as strings', () => {
    expect(cff).not.toHaveProperty('version');
    expect(cff).not.toHaveProperty('date-released');
    const stamped = stampCitation(CITATION, '1.2.0', '2026-05-17');
    expect(stamped).toContain('version: "1.2.0"');
    expect(stamped).toContain('date-released: "2026-05-17"');
    expect(stamped).toContain('# Citation metadata'); // comments kept
    expect(citeAs(CITATION, '1.2.0', '2026-05-17')).toBe(`${meta.contributors[0]?.title} (2026). ${meta.title} (version 1.2.0) [Data set].`);
  });
});

describe('CHANGELOG.md', () => {
  const intro = '# Changelog\n\nNewest first.\n';
  it('adds each release above the older ones, once', () => {
    const one = addToChangelog(intro, '## 1.0.0 — 2026-01-10\n\nFirst.\n', '1.0.0');
    expect(one).toBe('# Changelog\n\nNewest first.\n\n## 1.0.0 — 2026-01-10\n\nFirst.\n');
    const two = addToChangelog(one, '## 1.1.0 — 2026-02-01\n\nMore.\n', '1.1.0');
    expect(two).toBe('# Changelog\n\nNewest first.\n\n## 1.1.0 — 2026-02-01\n\nMore.\n\n## 1.0.0 — 2026-01-10\n\nFirst.\n');
    expect(addToChangelog(two, '## 1.1.0 — 2026-02-01\n\nAgain.\n', '1.1.0')).toBe(two);
  });

  it("the repository's changelog starts with its introduction and no entry", async () => {
    const text = await readFile(join(ROOT, 'CHANGELOG.md'), 'utf8');
    expect(text.startsWith('# Changelog\n')).toBe(true);
    expect(text).not.toMatch(/^## /m);
  });
});

describe('the zip and the assets', () => {
  it('is byte-identical for the same files and date, in any time zone', async () => {
    const date = new Date(1768000000 * 1000);
    const tz = process.env.TZ;
    const a = await zipFiles(DIST, 'kravkart-1.0.0', date);
    process.env.TZ = 'Pacific/Kiritimati';
    const b = await zipFiles(new Map([...DIST].reverse()), 'kravkart-1.0.0', date);
    if (tz === undefined) delete process.env.TZ;
    else process.env.TZ = tz;
    expect(sha256(b)).toBe(sha256(a));
    const zip = await JSZip.loadAsync(a);
    expect(Object.keys(zip.files)).toEqual([...DIST.keys()].sort().map((p) => `kravkart-1.0.0/${p}`));
    expect(zip.files['kravkart-1.0.0/datapackage.json']?.date.toISOString()).toBe('2026-01-09T23:06:40.000Z');
  });

  it('downloads from the previous release only what the planner reads', () => {
    expect(['datapackage.json', 'demands.json', 'SHA256SUMS', 'CODEBOOK.md', 'CHANGELOG.md'].every(plannerNeeds)).toBe(true);
    expect(['demands.csv', 'kravkart-1.0.0.zip', 'kravkart.xlsx', 'CHANGES.csv', 'CITATION.cff'].some(plannerNeeds)).toBe(false);
  });
});

describe('npm run release:plan', () => {
  it('prints 1.0.0 and the notes for an empty previous folder, and writes the release files', async () => {
    const tmp = await mkdtemp(join(tmpdir(), 'kravkart-plan-'));
    temps.push(tmp);
    const out = join(tmp, 'out');
    const stdout = execFileSync(process.execPath, ['--import', 'tsx', 'pipeline/release/cli.ts', '--previous', tmp, '--current', 'dist', '--out', out], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, SOURCE_DATE_EPOCH: '1768000000' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    expect(stdout.split('\n').slice(0, 4)).toEqual(['1.0.0', '', '## 1.0.0 — 2026-01-09', '']);
    expect(stdout).toContain('First release of the dataset.');
    const written = await readFolder(out);
    expect([...written.keys()]).toEqual(expect.arrayContaining(['NOTES.md', 'CHANGES.csv', 'CITATION.cff', 'CHANGELOG.md', 'SHA256SUMS', 'kravkart-1.0.0.zip']));
    expect((JSON.parse(dec(written.get('datapackage.json'))) as { version: string }).version).toBe('1.0.0');
  });
});
