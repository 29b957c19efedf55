import { message, type Message } from '../messages.ts';
import { diffMetadata, type MetadataChange } from './metadata-diff.ts';
import { diffRecords, type RecordChange } from './record-diff.ts';
import { diffSchemas, type SchemaChange } from './schema-diff.ts';
import { FIRST_VERSION, nextVersion, strongest, type Bump } from './semver.ts';
import { tableOf, type Snapshot } from './snapshot.ts';

/** Records per table in both versions, and how many were added, removed or changed (by stable ID). */
export interface TableCount {
  table: string;
  previous: number;
  current: number;
  added: number;
  removed: number;
  changed: number;
}

/** What kind of release is due: the first one, a semantic bump, or none. */
export type ReleaseKind = 'first' | Bump;

/** The planner's decision and everything that led to it. */
export interface Plan {
  previousVersion: string | null;
  /** null: nothing changed since the previous release, so there is none. */
  kind: ReleaseKind | null;
  version: string | null;
  schema: SchemaChange[];
  records: RecordChange[];
  counts: TableCount[];
  metadata: MetadataChange[];
}

/**
 * Decide the next dataset version: MAJOR for a breaking schema change, MINOR when records were added,
 * removed or changed (or the schema only grew), PATCH when only metadata or documentation changed, none when
 * nothing did; `1.0.0` when there is no previous release.
 */
export function planRelease(previous: Snapshot | null, current: Snapshot): { plan: Plan; messages: Message[] } {
  // Tables in the current descriptor's order, then any the current build no longer has.
  const ordered = [...new Set([...current.descriptor.resources, ...(previous?.descriptor.resources ?? [])].map(tableOf))];
  const records = ordered.flatMap((t) => diffRecords(previous?.tables.get(t), current.tables.get(t)));
  const counts = ordered
    .filter((t) => previous?.tables.has(t) === true || current.tables.has(t))
    .map((t) => {
      const of = (kind: RecordChange['change']) => records.filter((r) => r.table === t && r.change === kind).length;
      return { table: t, previous: previous?.tables.get(t)?.rows.size ?? 0, current: current.tables.get(t)?.rows.size ?? 0, added: of('added'), removed: of('removed'), changed: of('changed') };
    });

  if (previous === null) {
    return { plan: { previousVersion: null, kind: 'first', version: FIRST_VERSION, schema: [], records, counts, metadata: [] }, messages: [] };
  }
  const schema = diffSchemas(previous.descriptor, current.descriptor);
  const loud = new Set([...records.map((r) => r.table), ...schema.filter((s) => s.bump !== 'patch').map((s) => s.table)]);
  const metadata = diffMetadata(previous, current, new Set(ordered.filter((t) => !loud.has(t))));

  let bump: Bump | null = null;
  for (const s of schema) bump = strongest(bump, s.bump);
  if (records.length > 0) bump = strongest(bump, 'minor');
  if (metadata.length > 0) bump = strongest(bump, 'patch');

  const previousVersion = previous.descriptor.version ?? null;
  const plan: Plan = { previousVersion, kind: bump, version: null, schema, records, counts, metadata };
  if (bump === null) return { plan, messages: [] };
  const version = previousVersion === null ? null : nextVersion(previousVersion, bump);
  if (version === null) {
    const reason = `the previous release's version is ${previousVersion === null ? 'missing' : `"${previousVersion}"`}, not X.Y.Z`;
    return { plan, messages: [message('release-version', reason, { stage: 'release', file: 'datapackage.json' })] };
  }
  return { plan: { ...plan, version }, messages: [] };
}
