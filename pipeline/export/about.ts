import type { TableName } from '../models/tables.ts';
import type { Column } from '../schemas/columns.ts';
import { rowJsonSchema } from '../schemas/json-schemas.ts';
import type { PackageMeta } from './package.ts';

/** The citation of this version of the dataset, as the workbook, the database and the page give it. */
export function citation(input: { meta: PackageMeta; created: string | null }): string {
  const { meta, created } = input;
  const who = meta.contributors.map((c) => c.title).join(', ');
  const year = created === null ? '' : ` (${created.slice(0, 4)})`;
  return `${who}${year}. ${meta.title} (datasett, versjon ${meta.version}). Datalisens ${meta.licenses.map((l) => l.name).join(', ')}.`;
}

/** What one row of a table is, from its model (the codebook's words). */
export function tableDescription(table: TableName): string {
  const d = rowJsonSchema(table)['description'];
  return typeof d === 'string' ? d : '';
}

/** "Allowed values" of a column in a few words: its vocabulary, pattern or range. */
export function allowedValues(c: Column): string {
  if (c.enum !== null) return c.enum.join(', ');
  if (c.pattern !== null) return `${c.list ? 'hvert element: ' : ''}${c.pattern}`;
  if (c.minimum !== null && c.maximum !== null) return `${c.minimum}–${c.maximum}`;
  if (c.minimum !== null) return `≥ ${c.minimum}`;
  return '';
}
