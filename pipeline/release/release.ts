import { sha256 } from '../ids.ts';
import { message, type Message } from '../messages.ts';
import { addToChangelog } from './changelog.ts';
import { citeAs, stampCitation } from './citation.ts';
import { changesCsv, releaseNotes } from './notes.ts';
import { planRelease, type Plan } from './plan.ts';
import { readSnapshot, text, type FileMap } from './snapshot.ts';
import { stampVersion } from './stamp.ts';
import { zipFiles } from './zip.ts';

/** Everything a release is made from; files are read by the caller (the edge). */
export interface ReleaseInput {
  /** The latest release's downloaded files; empty when there is none. */
  previous: FileMap;
  /** A fresh build (the version in it is the build's placeholder). */
  current: FileMap;
  /** Commit time in whole seconds since 1970: the release date, never the clock. */
  epoch: number;
  /** The repository's CITATION.cff, or null. */
  citation: string | null;
  /** The changelog to add the entry to: the latest release's, or the repository's for the first release. */
  changelog: string;
}

/** A release ready to write: the stamped dataset and the files that travel with it. */
export interface PreparedRelease {
  version: string;
  tag: string;
  /** Release date, `YYYY-MM-DD` (UTC) of the commit time. */
  date: string;
  epoch: number;
  /** The dataset's name, for the zip (`<name>-<version>.zip`). */
  name: string;
  /** The build's files with the version stamped in. */
  dataset: Map<string, Uint8Array>;
  /** CHANGES.csv: one row per record added, removed or changed. */
  changes: string;
  /** The changelog with this release's entry. */
  changelog: string;
  /** CITATION.cff with this version and date, or null when the repository has none. */
  citation: string | null;
  notes: string;
}

const utf8 = (s: string) => new TextEncoder().encode(s);

/** The UTC calendar date of a time in seconds since 1970. */
export const dateOf = (epoch: number): string => new Date(epoch * 1000).toISOString().slice(0, 10);

/** Plan the release and, when one is due, stamp the version and write its notes, CHANGES.csv, changelog and citation. */
export function prepareRelease(input: ReleaseInput): { plan: Plan | null; release: PreparedRelease | null; messages: Message[] } {
  const previous = readSnapshot(input.previous, 'previous');
  const current = readSnapshot(input.current, 'current');
  const messages = [...previous.messages, ...current.messages];
  if (input.current.size === 0) messages.push(message('release-input', 'the build folder is empty', { stage: 'release', file: 'current' }));
  if (current.snapshot === null || messages.length > 0) return { plan: null, release: null, messages };
  const planned = planRelease(previous.snapshot, current.snapshot);
  const { plan } = planned;
  if (planned.messages.length > 0 || plan.version === null) return { plan, release: null, messages: planned.messages };

  const version = plan.version;
  const date = dateOf(input.epoch);
  const stamped = stampVersion(input.current, version);
  if (stamped.messages.length > 0) return { plan, release: null, messages: stamped.messages };
  const checksums = text(stamped.files, 'SHA256SUMS') ?? [...stamped.files].map(([p, b]) => `${sha256(b)}  ${p}\n`).join('');
  const cite = input.citation === null ? null : citeAs(input.citation, version, date);
  const notes = releaseNotes({ plan, version, date, previous: previous.snapshot, current: current.snapshot, checksums, cite });

  const release: PreparedRelease = {
    version,
    tag: `v${version}`,
    date,
    epoch: input.epoch,
    name: current.snapshot.descriptor.name ?? 'dataset',
    dataset: stamped.files,
    changes: changesCsv(plan),
    changelog: addToChangelog(input.changelog, notes, version),
    citation: input.citation === null ? null : stampCitation(input.citation, version, date),
    notes,
  };
  return { plan, release, messages: [] };
}

/** A release asset: its name on GitHub (flat: `excel/x.csv` becomes `excel-x.csv`) and its bytes. */
export interface Asset {
  name: string;
  bytes: Uint8Array;
}

/**
 * Every asset of a release: each dataset file, CHANGES.csv, CITATION.cff, CHANGELOG.md, and one zip of all
 * of them under `<name>-<version>/`; plus the release text, which adds the checksums of the zip and extras.
 */
export async function releaseAssets(r: PreparedRelease): Promise<{ assets: Asset[]; body: string; messages: Message[] }> {
  const extras = new Map([
    ['CHANGES.csv', utf8(r.changes)],
    ['CHANGELOG.md', utf8(r.changelog)],
    ...(r.citation === null ? [] : [['CITATION.cff', utf8(r.citation)] as const]),
  ]);
  const all = new Map([...r.dataset, ...extras]);
  const zipName = `${r.name}-${r.version}.zip`;
  const zip = await zipFiles(all, `${r.name}-${r.version}`, new Date(r.epoch * 1000));
  const assets: Asset[] = [...all].map(([path, bytes]) => ({ name: path.replaceAll('/', '-'), bytes }));
  assets.push({ name: zipName, bytes: zip });
  const messages: Message[] = [];
  const seen = new Set<string>();
  for (const a of assets) {
    if (seen.has(a.name)) messages.push(message('release-stamp', `two files would be attached as ${a.name}`, { stage: 'release', file: a.name }));
    seen.add(a.name);
  }
  const extra = [...extras, [zipName, zip] as const].map(([n, bytes]) => `${sha256(bytes)}  ${n}`);
  const body = [
    r.notes,
    '### Release files',
    '',
    `\`${zipName}\` holds every file of this release under \`${r.name}-${r.version}/\`. SHA-256 of the files that SHA256SUMS does not list:`,
    '',
    '```',
    ...extra,
    '```',
    '',
  ].join('\n');
  return { assets, body, messages };
}
