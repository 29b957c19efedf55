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

/** How one table is written as CSV: the columns, how a cell is made, the dialect and whether a BOM starts the file. */
export interface CsvFormat {
  columns: readonly Column[];
  cell: (value: unknown, column: Column) => string;
  dialect: CsvDialect;
  bom: boolean;
}

/**
 * CSV records of some rows (no header), in a format — a piece of a table, so a table can be written as its rows
 * arrive. csv-stringify's own formula escaping stays off: the machine CSV is faithful, and the spreadsheet copy
 * neutralises in its `cell`.
 */
export function csvRecords(rows: readonly object[], f: CsvFormat): string {
  if (rows.length === 0) return '';
  const records = rows.map((r) => f.columns.map((c) => f.cell((r as Record<string, unknown>)[c.name], c)));
  return stringify(records, { delimiter: f.dialect.delimiter, record_delimiter: f.dialect.lineTerminator, quote: f.dialect.quoteChar, escape: f.dialect.quoteChar, escape_formulas: false });
}

/** The start of a CSV file in a format: the BOM if any, then the header row. */
export function csvHeader(f: CsvFormat): string {
  const header = stringify([f.columns.map((c) => c.name)], { delimiter: f.dialect.delimiter, record_delimiter: f.dialect.lineTerminator, quote: f.dialect.quoteChar, escape: f.dialect.quoteChar, escape_formulas: false });
  return `${f.bom ? '\uFEFF' : ''}${header}`;
}

/** The machine CSV format of a table: every cell written as is (no spreadsheet-formula escaping), so the data round-trips. */
export const machineCsv = (columns: readonly Column[]): CsvFormat => ({ columns, cell: csvCell, dialect: CSV_DIALECT, bom: false });

/** A table as CSV text; every cell is written as is (no spreadsheet-formula escaping), so the data round-trips. */
export function tableCsv(rows: readonly Row[], columns: readonly Column[]): string {
  const f = machineCsv(columns);
  return csvHeader(f) + csvRecords(rows, f);
}

/** A row as its JSON record: a plain object with exactly the table's columns, in column order. */
export function jsonRecord(row: object, columns: readonly Column[]): Record<string, unknown> {
  const r = row as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const c of columns) out[c.name] = r[c.name];
  return out;
}

/** A run of JSON records as they sit in a table's file: each indented by two, `,` and a new line between them. */
export function jsonPiece(records: readonly object[]): string {
  return records.map((r) => JSON.stringify(r, null, 2).replace(/\n/g, '\n  ')).join(',\n  ');
}

/**
 * Writes a JSON table in pieces, byte for byte what `JSON.stringify(rows, null, 2)` gives for the whole array
 * (plus a final newline): `[`, each record indented by two, `,` between them, `]`.
 */
export class JsonArrayWriter {
  private started = false;
  constructor(private readonly out: (s: string | Uint8Array) => void) {}

  /** Append records. */
  add(records: readonly object[]): void {
    this.addPiece(jsonPiece(records));
  }

  /** Append records already made into a piece by `jsonPiece` (as text or its UTF-8 bytes). */
  addPiece(piece: string | Uint8Array): void {
    if (piece.length === 0) return;
    this.out(this.started ? ',\n  ' : '[\n  ');
    this.out(piece);
    this.started = true;
  }

  /** Close the array. */
  end(): void {
    this.out(this.started ? '\n]\n' : '[]\n');
  }
}
