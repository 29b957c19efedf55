import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ghHost } from '../pipeline/release/gh-host.ts';
import { BuildFailure } from '../pipeline/messages.ts';

// The production host, offline: a stand-in `gh` on PATH records each call and answers like the GitHub CLI.
let dir: string;
let path: string | undefined;
const SHA = 'a'.repeat(40);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kravkart-gh-'));
  const script = `#!/usr/bin/env bash
printf '%s\\n' "$*" >> "${dir}/calls"
case "$*" in
  "release view --json tagName --jq .tagName") echo v1.2.0 ;;
  "api repos/{owner}/{repo}/commits/v1.2.0 --jq .sha") echo ${SHA} ;;
  "release view v1.2.0 --json tagName") echo '{"tagName":"v1.2.0"}' ;;
  "release view v1.3.0 --json tagName"|"release view v2.0.0 --json tagName") echo 'release not found' >&2; exit 1 ;;
  "api repos/{owner}/{repo}/git/matching-refs/tags/v1.3.0 --jq .[].ref") echo refs/tags/v1.3.0-rc.1 ;;
  "api repos/{owner}/{repo}/git/matching-refs/tags/v2.0.0 --jq .[].ref") echo refs/tags/v2.0.0 ;;
  "release download v1.2.0 "*|"release create "*) ;;
  *) echo "unexpected: $*" >&2; exit 2 ;;
esac
`;
  await writeFile(join(dir, 'gh'), script);
  await chmod(join(dir, 'gh'), 0o755);
  path = process.env.PATH;
  process.env.PATH = `${dir}${delimiter}${path ?? ''}`;
});
afterAll(async () => {
  process.env.PATH = path;
  await rm(dir, { recursive: true, force: true });
});
const calls = async () => (await readFile(join(dir, 'calls'), 'utf8')).trimEnd().split('\n');

it('finds the latest release and the commit its tag points to', async () => {
  expect(await ghHost.latestRelease()).toEqual({ tag: 'v1.2.0', commit: SHA });
});

it('counts a release, or a bare tag of the same name, as existing', async () => {
  expect(await ghHost.releaseExists('v1.2.0')).toBe(true);
  expect(await ghHost.releaseExists('v1.3.0')).toBe(false); // only a longer tag shares the prefix
  expect(await ghHost.releaseExists('v2.0.0')).toBe(true);
});

it('downloads only what the planner reads and creates the release at the commit, marked latest', async () => {
  await ghHost.download('v1.2.0', '/tmp/previous');
  await ghHost.createRelease({ tag: 'v1.3.0', commit: SHA, title: 'kravkart 1.3.0', notesFile: '/tmp/notes.md', assets: ['/tmp/a/demands.csv', '/tmp/a/kravkart-1.3.0.zip'] });
  expect((await calls()).slice(-2)).toEqual([
    'release download v1.2.0 --dir /tmp/previous --pattern *.json --pattern SHA256SUMS --pattern CODEBOOK.md --pattern CHANGELOG.md',
    `release create v1.3.0 /tmp/a/demands.csv /tmp/a/kravkart-1.3.0.zip --target ${SHA} --title kravkart 1.3.0 --notes-file /tmp/notes.md --latest`,
  ]);
});

it('reports a failing gh call as a coded message', async () => {
  const failure = await ghHost.download('v0.0.1', 'x').catch((e: unknown) => e);
  expect(failure).toBeInstanceOf(BuildFailure);
  expect((failure as BuildFailure).messages.map((m) => m.code)).toEqual(['release-host']);
});
