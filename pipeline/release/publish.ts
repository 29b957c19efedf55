import { appendFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { build } from '../runner.ts';
import { BuildFailure, formatMessage, message } from '../messages.ts';
import { readFolder } from './folder.ts';
import { commitEpoch, containsCommit, headCommit } from './git.ts';
import { ghHost } from './gh-host.ts';
import type { ReleaseHost } from './host.ts';
import type { Plan } from './plan.ts';
import { prepareRelease, releaseAssets } from './release.ts';
import { text } from './snapshot.ts';

/**
 * Builds the dataset from a seeds folder into an output folder, stamping `created` from the commit time and, for the
 * release build, writing `version` into every output that names it (datapackage, codebook, workbook, database, page).
 */
export type BuildFn = (seeds: string, out: string, sourceDateEpoch: string, version?: string) => Promise<void>;

/** The pipeline's own build, strict as on CI: what the release workflow runs. */
export const strictBuild: BuildFn = async (seeds, out, sourceDateEpoch, version) => {
  await build({ seeds, out, strict: true, sourceDateEpoch, ...(version === undefined ? {} : { datasetVersion: version }) });
};

/** What to release from where. */
export interface PublishOptions {
  /** The git checkout: its HEAD is released; seeds/, CITATION.cff and CHANGELOG.md are read from it. */
  repo: string;
  /** An empty scratch folder for the build, the previous release and the assets. */
  work: string;
  host: ReleaseHost;
  /** Plan and write the assets, but create nothing. */
  dryRun: boolean;
  /** Refuse unless the plan gives this tag (the publishing job repeats the planning job's decision). */
  expectTag?: string;
  /** SOURCE_DATE_EPOCH when set; otherwise the commit time of HEAD. */
  sourceDateEpoch?: string | null;
  build?: BuildFn;
  log?: (line: string) => void;
}

/** What happened: a release made, one planned (dry run), or none and why. */
export interface PublishResult {
  status: 'released' | 'planned' | 'none';
  reason: string;
  tag: string | null;
  version: string | null;
  plan: Plan | null;
  /** The release text (also in `<work>/notes.md`), when a release is due. */
  body: string | null;
}

const none = (reason: string, plan: Plan | null = null): PublishResult => ({ status: 'none', reason, tag: null, version: null, plan, body: null });
const fail = (code: 'release-stale' | 'release-tag-exists' | 'release-date' | 'release-plan-changed', reason: string) =>
  new BuildFailure([message(code, reason, { stage: 'release' })]);

/**
 * The release workflow's logic: build HEAD, compare it with the latest release, and when the data changed,
 * create tag `vX.Y.Z` at HEAD and a release with every file. Safe to re-run: a commit already released, or an
 * unchanged dataset, makes no release; a commit older than the latest release is refused.
 */
export async function publish(opts: PublishOptions): Promise<PublishResult> {
  const say = opts.log ?? (() => {});
  // --- load inputs
  const head = headCommit(opts.repo);
  const epochText = opts.sourceDateEpoch ?? String(commitEpoch(opts.repo));
  if (!/^\d+$/.test(epochText)) throw fail('release-date', `SOURCE_DATE_EPOCH must be whole seconds since 1970, got "${epochText}"`);
  const latest = await opts.host.latestRelease();
  say(`latest release: ${latest === null ? 'none' : `${latest.tag} at ${latest.commit}`}; HEAD ${head}`);
  if (latest !== null && latest.commit === head) return none(`${head} is already released as ${latest.tag}`);
  if (latest !== null) {
    const contains = containsCommit(opts.repo, latest.commit);
    if (contains !== true) {
      throw fail('release-stale', `HEAD ${head} ${contains === false ? 'does not contain' : 'cannot be compared with (unknown commit)'} ${latest.tag}'s commit ${latest.commit}`);
    }
  }
  const buildDir = join(opts.work, 'build');
  const previousDir = join(opts.work, 'previous');
  await mkdir(previousDir, { recursive: true });
  await (opts.build ?? strictBuild)(join(opts.repo, 'seeds'), buildDir, epochText);
  if (latest !== null) await opts.host.download(latest.tag, previousDir);
  const previous = await readFolder(previousDir);
  const repoFile = (name: string) => readFile(join(opts.repo, name), 'utf8').catch(() => null);
  const citation = await repoFile('CITATION.cff');
  // The latest release's changelog has every entry so far; the repository's is the start for the first.
  const changelog = text(previous, 'CHANGELOG.md') ?? (await repoFile('CHANGELOG.md')) ?? '# Changelog\n';

  // --- process
  const planned = prepareRelease({ previous, current: await readFolder(buildDir), epoch: Number(epochText), citation, changelog });
  if (planned.messages.length > 0) throw new BuildFailure(planned.messages);
  // A release is built once more with its version, so the outputs that print it (workbook, database, page) carry it
  // too; the version is no data change, so the plan must come out the same.
  let prepared = planned;
  if (planned.release !== null) {
    const releaseDir = join(opts.work, 'release-build');
    await (opts.build ?? strictBuild)(join(opts.repo, 'seeds'), releaseDir, epochText, planned.release.version);
    prepared = prepareRelease({ previous, current: await readFolder(releaseDir), epoch: Number(epochText), citation, changelog });
    if (prepared.messages.length > 0) throw new BuildFailure(prepared.messages);
    if (prepared.release?.tag !== planned.release.tag) {
      throw fail('release-plan-changed', `the versioned build plans ${prepared.release?.tag ?? 'no release'}, the first build ${planned.release.tag}`);
    }
  }
  const release = prepared.release;
  const tag = release?.tag ?? '';
  if (opts.expectTag !== undefined && opts.expectTag !== tag) {
    throw fail('release-plan-changed', `this run plans ${tag || 'no release'}, the planning job ${opts.expectTag || 'no release'}`);
  }
  if (release === null) return none(`nothing changed since ${latest?.tag ?? 'the last release'}`, prepared.plan);
  if (await opts.host.releaseExists(release.tag)) throw fail('release-tag-exists', `${release.tag} exists but is not the latest release`);
  const { assets, body, messages } = await releaseAssets(release);
  if (messages.length > 0) throw new BuildFailure(messages);

  // --- save outputs
  const assetDir = join(opts.work, 'assets');
  await mkdir(assetDir, { recursive: true });
  for (const a of assets) await writeFile(join(assetDir, a.name), a.bytes);
  const notesFile = join(opts.work, 'notes.md');
  await writeFile(notesFile, body);
  const result = { tag: release.tag, version: release.version, plan: prepared.plan, body };
  if (opts.dryRun) return { status: 'planned', reason: `${release.tag} is due (dry run)`, ...result };
  await opts.host.createRelease({
    tag: release.tag,
    commit: head,
    title: `${release.name} ${release.version}`,
    notesFile,
    assets: assets.map((a) => join(assetDir, a.name)),
  });
  return { status: 'released', reason: `released ${release.tag} at ${head}`, ...result };
}

const HELP = `Usage: npm run release:publish -- [--dry-run] [--expect-tag vX.Y.Z] [--work DIR]

Builds the dataset from seeds/ at HEAD, plans the next version against the latest GitHub release,
and creates tag vX.Y.Z and the release with every file when the data changed (gh, GH_TOKEN, GH_REPO).

  --dry-run          plan and write the assets, create nothing
  --expect-tag TAG   refuse unless the plan gives TAG (empty: no release)
  --work DIR         scratch folder (default: a new temporary folder)`;

/** Command-line edge of the release workflow: options and environment in, step outputs and exit code out. */
async function main(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs({ args: argv, options: { 'dry-run': { type: 'boolean', default: false }, 'expect-tag': { type: 'string' }, work: { type: 'string' }, help: { type: 'boolean', default: false } }, strict: true, allowPositionals: false }).values;
  } catch (e) {
    console.error(formatMessage(message('usage', (e as Error).message, { stage: 'release' })));
    return 2;
  }
  if (args.help) {
    console.log(HELP);
    return 0;
  }
  const work = args.work === undefined ? await mkdtemp(join(process.env.RUNNER_TEMP ?? tmpdir(), 'kravkart-release-')) : resolve(args.work);
  try {
    const result = await publish({
      repo: process.cwd(),
      work,
      host: ghHost,
      dryRun: args['dry-run'],
      ...(args['expect-tag'] === undefined ? {} : { expectTag: args['expect-tag'] }),
      sourceDateEpoch: process.env.SOURCE_DATE_EPOCH ?? null,
      log: (l) => console.log(l),
    });
    console.log(result.reason);
    // Step outputs for the workflow: an empty tag means no release is due.
    if (process.env.GITHUB_OUTPUT) await appendFile(process.env.GITHUB_OUTPUT, `tag=${result.tag ?? ''}\nversion=${result.version ?? ''}\n`);
    if (process.env.GITHUB_STEP_SUMMARY) await appendFile(process.env.GITHUB_STEP_SUMMARY, result.body ?? `No release: ${result.reason}\n`);
    return 0;
  } catch (e) {
    if (e instanceof BuildFailure) {
      for (const m of e.messages) console.error(formatMessage(m));
      return 1;
    }
    console.error(formatMessage(message('internal', (e as Error).stack ?? String(e), { stage: 'release' })));
    return 1;
  } finally {
    if (args.work === undefined) await rm(work, { recursive: true, force: true });
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) process.exitCode = await main(process.argv.slice(2));
