import { readFile, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { BuildFailure, formatMessage, message, type Message } from '../messages.ts';
import { readFolder, writeFolder } from './folder.ts';
import { commitEpoch } from './git.ts';
import { prepareRelease, releaseAssets } from './release.ts';
import { text } from './snapshot.ts';

const HELP = `Usage: npm run release:plan -- --previous DIR [--current DIR] [--changelog FILE] [--out DIR]

Compares the previous release (its datapackage.json and JSON tables; an empty folder for none) with a
build (default dist/) and prints the next dataset version — MAJOR for a breaking schema change, MINOR
when records changed, PATCH when only metadata or documentation did, "no release" when nothing did —
followed by the release notes. The release date is the commit's (SOURCE_DATE_EPOCH, else git HEAD).

  --previous DIR    the latest release's files (e.g. gh release download vX.Y.Z --dir DIR)
  --current DIR     a fresh build (default dist)
  --changelog FILE  add the notes to this changelog (e.g. CHANGELOG.md)
  --out DIR         write every release file there: stamped dataset, CHANGES.csv, CITATION.cff,
                    CHANGELOG.md, the zip, and NOTES.md (the release text)`;

const isFolder = (p: string) => stat(p).then((s) => s.isDirectory(), () => false);

/** Command-line edge of the planner: read the two folders, print the decision and notes, optionally write files. */
async function main(argv: string[]): Promise<number> {
  const report = (messages: readonly Message[]) => {
    for (const m of messages) console.error(formatMessage(m));
    return 1;
  };
  let args;
  try {
    args = parseArgs({
      args: argv,
      options: { previous: { type: 'string' }, current: { type: 'string', default: 'dist' }, changelog: { type: 'string' }, out: { type: 'string' }, help: { type: 'boolean', default: false } },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (e) {
    return report([message('usage', (e as Error).message, { stage: 'release' })]);
  }
  if (args.help) {
    console.log(HELP);
    return 0;
  }
  if (args.previous === undefined) return report([message('usage', '--previous DIR is required (an empty folder before the first release)', { stage: 'release' })]);
  for (const dir of [args.previous, args.current]) {
    if (!(await isFolder(dir))) return report([message('release-input', 'not a folder', { stage: 'release', file: dir })]);
  }
  const source = process.env.SOURCE_DATE_EPOCH;
  let epoch: number;
  try {
    epoch = source !== undefined && source !== '' ? Number(source) : commitEpoch(process.cwd());
  } catch (e) {
    return report([message('release-date', `no SOURCE_DATE_EPOCH and no git commit here: ${(e as Error).message.split('\n')[0]}`, { stage: 'release' })]);
  }
  if (!Number.isSafeInteger(epoch) || epoch < 0) return report([message('release-date', `SOURCE_DATE_EPOCH must be whole seconds since 1970, got "${source}"`, { stage: 'release' })]);

  const previous = await readFolder(args.previous);
  const own = (name: string) => readFile(name, 'utf8').catch(() => null);
  const changelog = args.changelog === undefined ? (text(previous, 'CHANGELOG.md') ?? (await own('CHANGELOG.md')) ?? '# Changelog\n') : ((await own(args.changelog)) ?? '# Changelog\n');
  const prepared = prepareRelease({ previous, current: await readFolder(args.current), epoch, citation: await own('CITATION.cff'), changelog });
  if (prepared.messages.length > 0) return report(prepared.messages);
  const release = prepared.release;
  if (release === null) {
    console.log(`no release: nothing changed since ${prepared.plan?.previousVersion ?? 'the previous release'}`);
    return 0;
  }
  console.log(release.version);
  console.log('');
  process.stdout.write(release.notes);
  if (args.changelog !== undefined) await writeFile(args.changelog, release.changelog);
  if (args.out !== undefined) {
    const { assets, body, messages } = await releaseAssets(release);
    if (messages.length > 0) return report(messages);
    await writeFolder(resolve(args.out), new Map([...assets.map((a) => [a.name, a.bytes] as const), ['NOTES.md', new TextEncoder().encode(body)]]));
    console.error(`wrote ${assets.length + 1} files to ${join(args.out)}`);
  }
  return 0;
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (e) {
  if (e instanceof BuildFailure) {
    for (const m of e.messages) console.error(formatMessage(m));
  } else console.error(formatMessage(message('internal', (e as Error).stack ?? String(e), { stage: 'release' })));
  process.exitCode = 1;
}
