import { TABLES, TABLE_NAMES, type TableName } from '../models/tables.ts';
import { TOPICS } from '../models/vocab.ts';
import { columns, type Column } from '../schemas/columns.ts';
import { rowJsonSchema, schemaFile } from '../schemas/json-schemas.ts';
import type { PackageMeta } from './package.ts';
import { tablePath } from './datapackage.ts';

// A Markdown table cell: pipes escaped, line breaks flattened, so a description can never break the table.
const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
const code = (s: string) => `\`${s}\``;

/** `CODEBOOK.md`: every table and column, generated from the same zod models as the schemas and the datapackage. */
export function codebook(meta: PackageMeta): string {
  const out: string[] = [
    `# ${meta.title} — codebook`,
    '',
    `Version ${meta.version}. Data licence ${meta.licenses.map((l) => `[${l.name}](${l.path})`).join(', ')}; code licence ${meta.code_licence}.`,
    '',
    '_Generated from the zod models in `pipeline/models/` by the build; do not edit by hand._',
    '',
    '## Files',
    '',
    '| file | what it holds |',
    '| --- | --- |',
    ...TABLE_NAMES.map((t) => `| ${code(tablePath(t, 'csv'))}, ${code(tablePath(t, 'json'))} | ${cell(description(t))} |`),
    '| `datapackage.json` | Frictionless Data Package v2 descriptor: every field typed and described, keys, licence, sources, version. |',
    '| `CODEBOOK.md` | This file. |',
    '| `SHA256SUMS` | SHA-256 of every other file; check with `sha256sum -c SHA256SUMS`. |',
    '',
    '## Conventions',
    '',
    '- **CSV**: UTF-8 without byte-order mark, comma-separated, one header row, RFC 4180 quoting (a field holding `,`, `"`, CR or LF is enclosed in `"`, and `"` inside it is doubled); records end with LF (`\\n`). Cells are written exactly as the data are: a cell that begins with `=`, `+`, `-` or `@` is not escaped, so import the files into a spreadsheet as text.',
    '- **Missing values** are empty CSV cells and `null` in JSON. **Booleans** are `true`/`false`. **Lists** (columns of type "list of string") are joined with `; ` in CSV and are arrays in JSON; an empty list is an empty cell.',
    '- **JSON**: each table as an array of row objects with every column present, 2-space indented; it validates against `schemas/<table>.schema.json` (JSON Schema 2020-12).',
    '- **Offsets** `start`/`end` count Unicode code points in the source file decoded from UTF-8 without byte-order mark (CRLF counts as two): `Array.from(source).slice(start, end).join("")` in JavaScript, `source[start:end]` in Python, equals the row\'s `quote` (demands) or `text` (mentions, dates).',
    '- **IDs** are a prefix and 12 hex digits of a SHA-256 of the fewest stable fields (a document\'s file name; an actor\'s canonical name; a record\'s document, text and occurrence), never row numbers: they stay the same across builds unless the record itself changes.',
    '- **Order**: documents by file name, actors by name, other tables by document, then start offset, then ID.',
    '',
  ];
  for (const t of TABLE_NAMES) out.push(...tableSection(t));
  out.push(...topicSection());
  return `${out.join('\n').trimEnd()}\n`;
}

function description(t: TableName): string {
  const d = rowJsonSchema(t)['description'];
  return typeof d === 'string' ? d : '';
}

function tableSection(t: TableName): string[] {
  const spec = TABLES[t];
  const keys = spec.foreignKeys.map(
    (fk) => `${code(fk.field)} → ${code(`${fk.table}.${TABLES[fk.table].primaryKey}`)}${'many' in fk && fk.many ? ' (each item)' : ''}`,
  );
  return [
    `## ${t}`,
    '',
    description(t),
    '',
    `Files: ${code(tablePath(t, 'csv'))}, ${code(tablePath(t, 'json'))} · JSON Schema: ${code(`schemas/${schemaFile(t)}`)}`,
    '',
    `Primary key: ${code(spec.primaryKey)}${keys.length === 0 ? '' : ` · Foreign keys: ${keys.join(', ')}`}`,
    '',
    '| column | type | required | description | allowed values |',
    '| --- | --- | --- | --- | --- |',
    ...columns(t).map((c) => `| ${code(c.name)} | ${c.list ? `list of ${c.type}` : c.type} | ${c.nullable || c.list ? 'no' : 'yes'} | ${cell(c.description)} | ${cell(allowed(c))} |`),
    '',
  ];
}

function allowed(c: Column): string {
  const parts: string[] = [];
  if (c.enum !== null) parts.push(c.enum.map(code).join(', '));
  if (c.pattern !== null) parts.push(`${c.list ? 'each item matches' : 'matches'} ${code(c.pattern)}`);
  if (c.minimum !== null && c.maximum !== null) parts.push(`${c.minimum} to ${c.maximum}`);
  else if (c.minimum !== null) parts.push(`≥ ${c.minimum}`);
  else if (c.maximum !== null) parts.push(`≤ ${c.maximum}`);
  if (c.minLength === 1) parts.push(c.list ? 'items non-empty' : 'non-empty');
  else if (c.minLength !== null) parts.push(`at least ${c.minLength} characters`);
  if (c.nullable && parts.length > 0) parts.push('or empty');
  return parts.join('; ');
}

function topicSection(): string[] {
  return [
    '## Topics',
    '',
    '`demands.topic` is a Comparative Agendas Project (CAP) major topic; `demands.topic_code` is its CAP code.',
    '',
    '| topic | CAP code |',
    '| --- | --- |',
    ...Object.entries(TOPICS).map(([slug, n]) => `| ${code(slug)} | ${n === null ? '' : n} |`),
    '',
  ];
}
