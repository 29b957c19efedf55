import { sameJson } from './canonical.ts';
import { withCodebookVersion } from './stamp.ts';
import { tableOf, text, type Snapshot } from './snapshot.ts';

/** A change that only describes the data (metadata or documentation): always a PATCH. */
export interface MetadataChange {
  file: string;
  detail: string;
}

// Written by every build or by the release itself (version, created), or derived from the documents table
// (sources): never a reason for a release on their own.
const NOT_METADATA = new Set(['version', 'created', 'sources']);
const RESOURCE_COMPARED_ELSEWHERE = new Set(['schema', 'bytes', 'hash']);
const OWN_FILES = new Set(['datapackage.json', 'CODEBOOK.md', 'SHA256SUMS']);

/**
 * Metadata and documentation changes: descriptor properties (not the version, creation time or sources, not
 * the schemas, which diffSchemas compares), CODEBOOK.md (its version line aside), table files whose bytes changed
 * though no record or column did (`quietTables`), and files outside the descriptor that the build added or
 * dropped. Files that are not tables (workbook, database, page) are made from the tables and the descriptor and
 * carry the creation time, so their bytes are never compared: a new release of them follows from their sources.
 */
export function diffMetadata(previous: Snapshot, current: Snapshot, quietTables: ReadonlySet<string>): MetadataChange[] {
  const out: MetadataChange[] = [];
  const p = previous.descriptor as Record<string, unknown>;
  const c = current.descriptor as Record<string, unknown>;
  for (const k of new Set([...Object.keys(p), ...Object.keys(c)])) {
    if (k !== 'resources' && !NOT_METADATA.has(k) && !sameJson(p[k], c[k])) out.push({ file: 'datapackage.json', detail: `\`${k}\` changed` });
  }
  const before = new Map(previous.descriptor.resources.map((r) => [r.name, r as Record<string, unknown>]));
  for (const r of current.descriptor.resources) {
    const old = before.get(r.name);
    if (old === undefined) continue;
    const now = r as Record<string, unknown>;
    for (const k of new Set([...Object.keys(old), ...Object.keys(now)])) {
      if (!RESOURCE_COMPARED_ELSEWHERE.has(k) && !sameJson(old[k], now[k])) out.push({ file: 'datapackage.json', detail: `resource \`${r.name}\`: \`${k}\` changed` });
    }
    // Same records and columns, different bytes: the serialisation changed (quoting, order, number format).
    const table = tableOf(r);
    if (r.schema !== undefined && quietTables.has(table) && typeof old['hash'] === 'string' && typeof r['hash'] === 'string' && old['hash'] !== r['hash']) {
      out.push({ file: r.path, detail: 'file changed, though no record or column did' });
    }
  }

  const docs = [text(previous.files, 'CODEBOOK.md'), text(current.files, 'CODEBOOK.md')] as const;
  if (docs[0] === null || docs[1] === null) {
    if (docs[0] !== docs[1]) out.push({ file: 'CODEBOOK.md', detail: docs[0] === null ? 'added' : 'removed' });
  } else {
    // The version line differs between a release and the next build by design; the rest must not.
    const unversioned = (doc: string, v: string | undefined) => (v === undefined ? doc : (withCodebookVersion(doc, v, '{version}') ?? doc));
    if (unversioned(docs[0], previous.descriptor.version) !== unversioned(docs[1], current.descriptor.version)) {
      out.push({ file: 'CODEBOOK.md', detail: 'reworded' });
    }
  }

  const listed = (s: Snapshot) => {
    const sums = text(s.files, 'SHA256SUMS');
    if (sums === null) return null;
    const data = new Set(s.descriptor.resources.map((r) => r.path));
    const paths = sums.split('\n').filter((l) => l !== '').map((l) => l.replace(/^[0-9a-f]{64} [ *]/, ''));
    return new Set(paths.filter((x) => !OWN_FILES.has(x) && !data.has(x)));
  };
  const [pl, cl] = [listed(previous), listed(current)];
  if (pl !== null && cl !== null) {
    for (const f of cl) if (!pl.has(f)) out.push({ file: f, detail: 'added' });
    for (const f of pl) if (!cl.has(f)) out.push({ file: f, detail: 'removed' });
  }
  return out;
}
