import { stringify } from 'csv-stringify/sync';
import { byCodeUnits } from '../assemble/sort.ts';
import { LIST_SEPARATOR } from '../export/tables.ts';
import type { Plan, ReleaseKind } from './plan.ts';
import type { Row, Snapshot } from './snapshot.ts';

/** What the notes say besides the plan: the release's name, version, date, checksums and citation. */
export interface NotesInput {
  plan: Plan;
  version: string;
  /** Release date, `YYYY-MM-DD`, from the commit. */
  date: string;
  previous: Snapshot | null;
  current: Snapshot;
  /** The release's SHA256SUMS. */
  checksums: string;
  /** A ready citation of this version, or null. */
  cite: string | null;
}

const SUMMARY: Record<ReleaseKind, string> = {
  first: 'First release of the dataset.',
  major: '**Major** release: a table or column was removed or renamed, or a type, key or allowed value changed — readers of the previous version may need changes (see Schema).',
  minor: '**Minor** release: records were added, removed or changed (or tables and columns added); existing columns keep their meaning.',
  patch: '**Patch** release: only metadata, documentation or file formats changed; every record is as in the previous version.',
};

const code = (s: string) => `\`${s.replace(/`/g, "'")}\``;

/** The release notes in Markdown: the CHANGELOG.md entry and the GitHub release text. */
export function releaseNotes(input: NotesInput): string {
  const { plan } = input;
  const kind = plan.kind ?? 'patch';
  const out: string[] = [`## ${input.version} — ${input.date}`, '', SUMMARY[kind] + (plan.previousVersion === null ? '' : ` Previous version: ${plan.previousVersion}.`), ''];

  out.push('### Records', '', '| table | records | added | removed | changed |', '| --- | ---: | ---: | ---: | ---: |');
  for (const c of plan.counts) out.push(`| ${c.table} | ${c.current} | ${c.added} | ${c.removed} | ${c.changed} |`);
  out.push('', 'Each added, removed or changed record is listed by its stable ID in `CHANGES.csv` (`record_id`, `table`, `change`, `fields_changed`).', '');

  // Documents by file name, the way a reader finds them in the seeds folder.
  const docs = plan.records
    .filter((r) => r.table === 'documents')
    .map((d) => ({ d, row: (d.change === 'removed' ? input.previous : input.current)?.tables.get('documents')?.rows.get(d.id) }))
    .sort((a, b) => byCodeUnits(String(a.row?.['source_file'] ?? a.d.id), String(b.row?.['source_file'] ?? b.d.id)));
  out.push('### Documents', '');
  if (docs.length === 0) out.push('No document added, removed or changed.');
  for (const { d, row } of docs) {
    const fields = d.change === 'changed' ? ` (changed: ${d.fields.join(', ')})` : '';
    out.push(`- ${d.change}: ${row === undefined ? '' : `${describe(row)} `}${code(d.id)}${fields}`);
  }
  out.push('');

  if (kind !== 'first') {
    out.push('### Schema', '');
    if (plan.schema.length === 0) out.push('No schema changes.');
    for (const s of plan.schema) out.push(`- ${s.bump}: ${code(s.column === null ? s.table : `${s.table}.${s.column}`)} ${s.detail}`);
    out.push('', '### Metadata and documentation', '');
    if (plan.metadata.length === 0) out.push('No changes.');
    for (const m of plan.metadata) out.push(`- ${code(m.file)} ${m.detail}`);
    out.push('');
  }

  out.push('### Checksums', '', 'SHA-256 of every file of the dataset (`sha256sum -c SHA256SUMS`):', '', '```', input.checksums.trimEnd(), '```', '');
  if (input.cite !== null) out.push('### How to cite', '', `> ${input.cite}`, '');
  return `${out.join('\n').trimEnd()}\n`;
}

// A document by its file name and title, the two things a reader recognises it by.
function describe(row: Row): string {
  const file = typeof row['source_file'] === 'string' ? code(row['source_file']) : '';
  const title = typeof row['title'] === 'string' && row['title'] !== '' ? ` — ${row['title']}` : '';
  return `${file}${title}`;
}

/** `CHANGES.csv`: one row per added, removed or changed record, so a researcher can filter what moved. */
export function changesCsv(plan: Plan): string {
  const rows = plan.records.map((r) => [r.id, r.table, r.change, r.fields.join(LIST_SEPARATOR)]);
  return stringify([['record_id', 'table', 'change', 'fields_changed'], ...rows], { record_delimiter: '\n', bom: false, escape_formulas: false });
}
