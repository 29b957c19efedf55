import { execFileSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tableCsv } from '../pipeline/export/tables.ts';
import { sha256 } from '../pipeline/ids.ts';
import { BuildFailure } from '../pipeline/messages.ts';
import { TABLE_NAMES, type TableName } from '../pipeline/models/tables.ts';
import { readFolder, writeFolder } from '../pipeline/release/folder.ts';
import { plannerNeeds, type NewRelease, type ReleaseHost, type ReleaseRef } from '../pipeline/release/host.ts';
import { publish, strictBuild, type BuildFn, type PublishResult } from '../pipeline/release/publish.ts';
import { resum } from '../pipeline/release/stamp.ts';
import { columns } from '../pipeline/schemas/columns.ts';

// The release workflow end to end, offline: publish() — the function `npm run release:publish` runs in
// .github/workflows/release.yml — in a temporary git repository through four commits, with GitHub
// replaced by an in-memory host that keeps each release's files.

const ROOT = new URL('..', import.meta.url).pathname;
const SEEDS = ['000_5a5a9dd8414b2836', '001_b441e9899145808b', '002_af8b77ca12160c2f', '003_d45b690d49d9b0ed'];
const NEW_SEED = '004_e0cccef0050d78d9';

/** GitHub as the workflow sees it, in memory: releases with their commit and files, the last created being latest. */
class FakeHost implements ReleaseHost {
  readonly releases: { tag: string; commit: string; title: string; notes: string; files: Map<string, Uint8Array> }[] = [];
  async latestRelease(): Promise<ReleaseRef | null> {
    const last = this.releases.at(-1);
    return last === undefined ? null : { tag: last.tag, commit: last.commit };
  }
  async download(tag: string, dir: string): Promise<void> {
    const release = this.releases.find((r) => r.tag === tag);
    if (release === undefined) throw new Error(`no release ${tag}`);
    await writeFolder(dir, new Map([...release.files].filter(([name]) => plannerNeeds(name))));
  }
  async releaseExists(tag: string): Promise<boolean> {
    return this.releases.some((r) => r.tag === tag);
  }
  async createRelease(r: NewRelease): Promise<void> {
    if (await this.releaseExists(r.tag)) throw new Error(`${r.tag} created twice`);
    const files = new Map<string, Uint8Array>();
    for (const path of r.assets) files.set(path.split('/').at(-1) ?? path, new Uint8Array(await readFile(path)));
    this.releases.push({ tag: r.tag, commit: r.commit, title: r.title, notes: await readFile(r.notesFile, 'utf8'), files });
  }
}

let tmp: string;
let repo: string;
let runs = 0;
const host = new FakeHost();

function git(args: string[], date = '2026-01-10T12:00:00Z'): string {
  const env = { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' };
  const identity = ['-c', 'user.name=kravkart test', '-c', 'user.email=test@example.org', '-c', 'commit.gpgsign=false', '-c', 'init.defaultBranch=main'];
  return execFileSync('git', [...identity, '-C', repo, ...args], { env, encoding: 'utf8' }).trim();
}
function commit(message: string, date: string): void {
  git(['add', '-A']);
  git(['commit', '-q', '-m', message], date);
}
async function copySeed(name: string) {
  for (const ext of ['.txt', '.meta.yaml']) if (existsSync(join(ROOT, 'seeds', name + ext))) await cp(join(ROOT, 'seeds', name + ext), join(repo, 'seeds', name + ext));
}

/**
 * The pipeline's strict build, and then what a model change in pipeline/ would do: the columns listed in the
 * repository's pipeline/removed-columns.txt (`table.column`) are gone from the tables, the descriptor and SHA256SUMS.
 */
const buildAtHead: BuildFn = async (seeds, out, epoch, version) => {
  await strictBuild(seeds, out, epoch, version);
  const list = join(repo, 'pipeline', 'removed-columns.txt');
  if (!existsSync(list)) return;
  const files = await readFolder(out);
  const descriptor = JSON.parse(new TextDecoder().decode(files.get('datapackage.json'))) as { resources: { path: string; bytes?: number; hash?: string; schema: { fields: { name: string }[] } }[] };
  for (const entry of (await readFile(list, 'utf8')).split('\n').filter((l) => l !== '')) {
    const [table, column] = entry.split('.') as [TableName, string];
    const rows = (JSON.parse(new TextDecoder().decode(files.get(`${table}.json`))) as Record<string, unknown>[]).map((r) => Object.fromEntries(Object.entries(r).filter(([k]) => k !== column)));
    const kept = columns(table).filter((c) => c.name !== column);
    files.set(`${table}.json`, new TextEncoder().encode(`${JSON.stringify(rows, null, 2)}\n`));
    files.set(`${table}.csv`, new TextEncoder().encode(tableCsv(rows as never, kept)));
    for (const r of descriptor.resources.filter((x) => x.path.startsWith(`${table}.`))) {
      r.schema.fields = r.schema.fields.filter((f) => f.name !== column);
      const bytes = files.get(r.path) ?? new Uint8Array();
      [r.bytes, r.hash] = [bytes.length, `sha256:${sha256(bytes)}`];
    }
  }
  files.set('datapackage.json', new TextEncoder().encode(`${JSON.stringify(descriptor, null, 2)}\n`));
  files.set('SHA256SUMS', new TextEncoder().encode(resum(new TextDecoder().decode(files.get('SHA256SUMS')), files).text));
  await writeFolder(out, files);
};

async function run(options: { dryRun?: boolean; expectTag?: string } = {}): Promise<PublishResult> {
  const work = join(tmp, `work-${++runs}`);
  await mkdir(work);
  return publish({ repo, work, host, dryRun: options.dryRun ?? false, build: buildAtHead, ...(options.expectTag === undefined ? {} : { expectTag: options.expectTag }) });
}
const text = (tag: string, name: string) => new TextDecoder().decode(host.releases.find((r) => r.tag === tag)?.files.get(name));

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'kravkart-release-test-'));
  repo = join(tmp, 'repo');
  await mkdir(join(repo, 'seeds'), { recursive: true });
  git(['init', '-q']);
  for (const f of ['CITATION.cff', 'CHANGELOG.md']) await cp(join(ROOT, f), join(repo, f));
  for (const s of SEEDS) await copySeed(s);
  commit('First seeds', '2026-01-10T12:00:00Z');
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('three commits, three releases, then none', () => {
  it('commit 1, the first seeds: 1.0.0 with every file of the build, stamped', async () => {
    const result = await run();
    expect([result.status, result.tag]).toEqual(['released', 'v1.0.0']);
    const release = host.releases[0];
    expect(release?.commit).toBe(git(['rev-parse', 'HEAD']));
    expect(release?.title).toBe('kravkart 1.0.0');

    const build = await readFolder(join(tmp, 'work-1', 'build'));
    const expected = [...build.keys(), 'CHANGES.csv', 'CHANGELOG.md', 'CITATION.cff', 'kravkart-1.0.0.zip'].map((p) => p.replaceAll('/', '-'));
    expect([...(release?.files.keys() ?? [])].sort()).toEqual(expected.sort());
    // Tables are attached as built; the descriptor carries the version and the commit's date.
    for (const t of TABLE_NAMES) expect(release?.files.get(`${t}.json`)).toEqual(build.get(`${t}.json`));
    const descriptor = JSON.parse(text('v1.0.0', 'datapackage.json')) as { version: string; created: string };
    expect([descriptor.version, descriptor.created]).toEqual(['1.0.0', '2026-01-10T12:00:00Z']);
    expect(text('v1.0.0', 'CODEBOOK.md')).toContain('\nVersion 1.0.0.');
    // Outputs that print the version carry the release's, not the placeholder: the release is built with it.
    expect(text('v1.0.0', 'index.html')).toContain('versjon 1.0.0');
    expect(text('v1.0.0', 'index.html')).not.toContain('0.0.0-unreleased');
    const citation = parse(text('v1.0.0', 'CITATION.cff')) as Record<string, unknown>;
    expect([citation['version'], citation['date-released']]).toEqual(['1.0.0', '2026-01-10']);
    // SHA256SUMS holds for the attached files.
    for (const line of text('v1.0.0', 'SHA256SUMS').trimEnd().split('\n')) {
      const [hash, path] = line.split('  ') as [string, string];
      expect(sha256(release?.files.get(path.replaceAll('/', '-')) ?? new Uint8Array()), path).toBe(hash);
    }
    expect(text('v1.0.0', 'CHANGES.csv').split('\n').filter((l) => l.endsWith(',added,')).length).toBe(
      Object.values(result.plan?.counts ?? []).reduce((n, c) => n + c.current, 0),
    );
    expect(release?.notes).toMatch(/^## 1\.0\.0 — 2026-01-10\n\nFirst release of the dataset\./);
    expect(release?.notes).toContain('kravkart-1.0.0.zip');
  });

  it('the zip holds every file of the release under one folder', async () => {
    const release = host.releases[0];
    const zip = await JSZip.loadAsync(release?.files.get('kravkart-1.0.0.zip') ?? new Uint8Array());
    const names = Object.keys(zip.files).sort();
    expect(names.every((n) => n.startsWith('kravkart-1.0.0/'))).toBe(true);
    expect(names.length).toBe((release?.files.size ?? 0) - 1);
    expect(await zip.file('kravkart-1.0.0/datapackage.json')?.async('string')).toBe(text('v1.0.0', 'datapackage.json'));
  });

  it('re-running the same commit makes no second release', async () => {
    const again = await run();
    expect(again.status).toBe('none');
    expect(again.reason).toContain('already released as v1.0.0');
    expect(host.releases.length).toBe(1);
  });

  it('commit 2, a new seed: a dry run plans 1.1.0 and creates nothing; the real run releases it', async () => {
    await copySeed(NEW_SEED);
    commit('Add a seed', '2026-02-14T09:30:00Z');
    const planned = await run({ dryRun: true });
    expect([planned.status, planned.tag]).toEqual(['planned', 'v1.1.0']);
    expect(host.releases.length).toBe(1);

    // As in the workflow: the publishing job repeats the plan and must reach the planning job's tag.
    const result = await run({ expectTag: planned.tag ?? '' });
    expect([result.status, result.tag, result.plan?.kind]).toEqual(['released', 'v1.1.0', 'minor']);
    expect(result.plan?.counts.find((c) => c.table === 'documents')).toMatchObject({ previous: 4, current: 5, added: 1, removed: 0 });
    expect(result.plan?.schema).toEqual([]);
    expect(host.releases[1]?.notes).toContain(`added: \`${NEW_SEED}.txt\``);
    expect(text('v1.1.0', 'CHANGES.csv')).toMatch(/^doc_[0-9a-f]{12},documents,added,$/m);
    // The changelog is carried from release to release, newest first.
    const changelog = text('v1.1.0', 'CHANGELOG.md');
    expect(changelog.indexOf('## 1.1.0 — 2026-02-14')).toBeGreaterThan(0);
    expect(changelog.indexOf('## 1.1.0')).toBeLessThan(changelog.indexOf('## 1.0.0 — 2026-01-10'));
  });

  it('commit 3, a column removed by a pipeline change: 2.0.0', async () => {
    await mkdir(join(repo, 'pipeline'));
    await writeFile(join(repo, 'pipeline', 'removed-columns.txt'), 'dates.ocr_recovered\n');
    commit('Drop dates.ocr_recovered', '2026-03-02T15:00:00Z');
    const result = await run();
    expect([result.status, result.tag, result.plan?.kind]).toEqual(['released', 'v2.0.0', 'major']);
    expect(result.plan?.schema.map((s) => [s.bump, `${s.table}.${s.column}`, s.kind])).toEqual([['major', 'dates.ocr_recovered', 'column-removed']]);
    expect(result.plan?.records).toEqual([]);
    expect(host.releases[2]?.notes).toContain('- major: `dates.ocr_recovered` column removed (or renamed)');
  });

  it('commit 4, nothing in the data changed: no release', async () => {
    await writeFile(join(repo, 'README.md'), 'Notes only.\n');
    commit('Docs only', '2026-03-03T10:00:00Z');
    const result = await run();
    expect(result.status).toBe('none');
    expect(result.reason).toBe('nothing changed since v2.0.0');
    expect(host.releases.map((r) => r.tag)).toEqual(['v1.0.0', 'v1.1.0', 'v2.0.0']);
    // A publishing job whose planning job saw another plan stops instead of guessing.
    const failure = await run({ expectTag: 'v2.0.1' }).catch((e: unknown) => e);
    expect((failure as BuildFailure).messages.map((m) => m.code)).toEqual(['release-plan-changed']);
  });

  it('refuses a commit that does not contain the latest release (a re-run of an old workflow run)', async () => {
    git(['checkout', '-q', '-b', 'old', host.releases[0]?.commit ?? 'HEAD']);
    await writeFile(join(repo, 'README.md'), 'Old branch.\n');
    commit('On an old commit', '2026-03-04T10:00:00Z');
    const failure = await run().catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(BuildFailure);
    expect((failure as BuildFailure).messages.map((m) => m.code)).toEqual(['release-stale']);
    expect(host.releases.length).toBe(3);
    expect(await readdir(join(tmp, `work-${runs}`))).toEqual([]); // refused before building anything
  });
});
