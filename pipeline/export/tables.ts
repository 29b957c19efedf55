import { stringify } from 'csv-stringify/sync';
import type { Dataset, TableName } from '../models/tables.ts';
import type { Column } from '../schemas/columns.ts';

/** Separator of multi-valued cells in CSV (JSON keeps real arrays). */
export const LIST_SEPARATOR = '; ';

/**
 * The CSV dialect every table is written in: RFC 4180 quoting (only fields holding `,`, `"`, CR or LF are
 * quoted; `"` is doubled), UTF-8 without BOM, a header row, and LF record ends — LF rather than RFC 4180's
 * CRLF because it survives git and Unix tools unchanged, and every CSV reader accepts it.
 */
export const CSV_DIALECT = { header: true, delimiter: ',', lineTerminator: '\n', quoteChar: '"', doubleQuote: true } as const;

type Row = Dataset[TableName][number];

/** One CSV cell: null → empty, lists `; `-joined, booleans `true`/`false`, numbers in JavaScript's shortest form. */
export function csvCell(value: unknown, column: Column): string {
  if (value === null || value === undefined) return '';
  if (column.list && Array.isArray(value)) return value.map((v) => csvCell(v, { ...column, list: false })).join(LIST_SEPARATOR);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return String(value);
}

/** A CSV dialect as declared in datapackage.json. */
export interface CsvDialect {
  delimiter: string;
  lineTerminator: string;
  quoteChar: string;
}

/**
 * A table as CSV text in a dialect, a header row then one record per row, each cell made by `cell`. csv-stringify's
 * own formula escaping stays off: the machine CSV is faithful, and the spreadsheet copy neutralises in its `cell`.
 */
export function writeCsv(rows: readonly Row[], columns: readonly Column[], cell: (value: unknown, column: Column) => string, dialect: CsvDialect, bom: boolean): string {
  const records = [columns.map((c) => c.name), ...rows.map((r) => columns.map((c) => cell((r as Record<string, unknown>)[c.name], c)))];
  return stringify(records, {
    delimiter: dialect.delimiter,
    record_delimiter: dialect.lineTerminator,
    quote: dialect.quoteChar,
    escape: dialect.quoteChar,
    bom,
    escape_formulas: false,
  });
}

/** A table as CSV text; every cell is written as is (no spreadsheet-formula escaping), so the data round-trips. */
export function tableCsv(rows: readonly Row[], columns: readonly Column[]): string {
  return writeCsv(rows, columns, csvCell, CSV_DIALECT, false);
}

/** A table as JSON text: an array of row objects with keys in column order, 2-space indent, final newline. */
export function tableJson(rows: readonly Row[], columns: readonly Column[]): string {
  const ordered = rows.map((r) => Object.fromEntries(columns.map((c) => [c.name, (r as Record<string, unknown>)[c.name]])));
  return `${JSON.stringify(ordered, null, 2)}\n`;
}
