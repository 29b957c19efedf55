import type { Dataset, TableName } from '../models/tables.ts';
import type { Column } from '../schemas/columns.ts';
import { escapeRegExp } from '../regexp.ts';

/** Separator of multi-valued cells in CSV (JSON keeps real arrays). */
export const LIST_SEPARATOR = '; ';

/**
 * The CSV dialect every table is written in: RFC 4180 quoting (only fields holding `,`, `"`, CR or LF are quoted;
 * `"` is doubled), UTF-8 without BOM, a header row, and LF record ends — LF rather than RFC 4180's
 * CRLF because it survives git and Unix tools unchanged, and every CSV reader accepts it.
 */
export const CSV_DIALECT = { header: true, delimiter: ',', lineTerminator: '\n', quoteChar: '"', doubleQuote: true } as const;

type Row = Dataset[TableName][number];

/** One CSV cell: null → empty, lists `; `-joined, booleans `true`/`false`, numbers in JavaScript's shortest form. */
export function csvCell(value: unknown, column: Column): string {
  if (column.list && Array.isArray(value)) return value.map(scalarCell).join(LIST_SEPARATOR);
  return scalarCell(value);
}

// One value (or list item) as a CSV cell.
function scalarCell(value: unknown): string {
  if (value === null || value === undefined) return '';
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
 * arrive. No formula escaping here: the machine CSV is faithful, and the spreadsheet copy neutralises in its `cell`.
 */
export function csvRecords(rows: readonly object[], f: CsvFormat): string {
  if (rows.length === 0) return '';
  const { columns, cell, dialect } = f;
  const quoted = quotePattern(dialect);
  // Each record is built by appending; joining the records makes the piece one flat string, cheap to keep.
  const records: string[] = [];
  for (const row of rows) {
    const r = row as Record<string, unknown>;
    let record = '';
    for (let i = 0; i < columns.length; i++) {
      const c = columns[i] as Column;
      if (i > 0) record += dialect.delimiter;
      record += csvField(cell(r[c.name], c), dialect, quoted);
    }
    records.push(record);
  }
  return records.join(dialect.lineTerminator) + dialect.lineTerminator;
}

/** The start of a CSV file in a format: the BOM if any, then the header row. */
export function csvHeader(f: CsvFormat): string {
  const quoted = quotePattern(f.dialect);
  const header = f.columns.map((c) => csvField(c.name, f.dialect, quoted)).join(f.dialect.delimiter);
  return `${f.bom ? '\uFEFF' : ''}${header}${f.dialect.lineTerminator}`;
}

// A field as written: quoted, with its quote characters doubled, when a reader could take part of it for a
// quote, delimiter or record end; otherwise exactly as is (an empty field stays empty).
function csvField(text: string, d: CsvDialect, quoted: RegExp): string {
  if (!quoted.test(text)) return text;
  return d.quoteChar + text.replaceAll(d.quoteChar, d.quoteChar + d.quoteChar) + d.quoteChar;
}

// The fields to quote in each dialect, made once per dialect object (the formats' dialects are constants).
const quotePatterns = new WeakMap<CsvDialect, RegExp>();

/**
 * What makes a field quoted: the quote character, the delimiter, or any line break (CR or LF), as RFC 4180 asks.
 * A lone LF in a CRLF file would otherwise end the record for Excel, and a lone CR would for older readers.
 */
function quotePattern(d: CsvDialect): RegExp {
  let re = quotePatterns.get(d);
  if (re === undefined) {
    re = new RegExp([d.quoteChar, d.delimiter, '\r', '\n'].map(escapeRegExp).join('|'));
    quotePatterns.set(d, re);
  }
  return re;
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
  // The records as they sit inside `JSON.stringify(records, null, 2)`: that text without its "[\n  " and "\n]".
  return records.length === 0 ? '' : JSON.stringify(records, null, 2).slice(4, -2);
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
