import { TABLE_NAMES, type TableName } from '../models/tables.ts';
import { columns, type Column } from '../schemas/columns.ts';
import { tablePath } from './datapackage.ts';
import { excelCsvFormat, excelCsvPath } from './excel-csv.ts';
import { OutFile } from './out-file.ts';
import { STREAMED_TABLES, type CorpusTail, type DocumentRows, type OutputSink, type SinkDirs, type StreamedTable, type WrittenFile } from './sink.ts';
import { csvHeader, csvRecords, jsonPiece, jsonRecord, JsonArrayWriter, machineCsv, type CsvFormat } from './tables.ts';

export { STREAMED_TABLES, type StreamedTable } from './sink.ts';

/** Some rows of a table as they sit in its three files: machine CSV records, spreadsheet CSV records, JSON records. */
export interface TablePiece {
  csv: string | Uint8Array;
  excel: string | Uint8Array;
  json: string | Uint8Array;
}

/** One document's rows of every streamed table, as pieces of the tables' files. */
export type TablePieces = Record<StreamedTable, TablePiece>;

// How each table is written; `columns` derives them from the JSON Schema, far too slow to repeat per document.
const formats = new Map<TableName, { cols: readonly Column[]; machine: CsvFormat; sheet: CsvFormat }>();
function formatOf(table: TableName): { cols: readonly Column[]; machine: CsvFormat; sheet: CsvFormat } {
  let f = formats.get(table);
  if (f === undefined) {
    const cols = columns(table);
    f = { cols, machine: machineCsv(cols), sheet: excelCsvFormat(cols) };
    formats.set(table, f);
  }
  return f;
}

/** Some rows of a table as the pieces of its files: a pure function, so any thread can make them ahead of time. */
export function tablePiece(table: TableName, rows: readonly object[]): TablePiece {
  const f = formatOf(table);
  return { csv: csvRecords(rows, f.machine), excel: csvRecords(rows, f.sheet), json: jsonPiece(rows.map((r) => jsonRecord(r, f.cols))) };
}

/** One document's streamed rows as table pieces. */
export function tablePieces(rows: DocumentRows): TablePieces {
  return { mentions: tablePiece('mentions', rows.mentions), demands: tablePiece('demands', rows.demands), dates: tablePiece('dates', rows.dates) };
}

/** The three files of one table: machine CSV, JSON, and the spreadsheet CSV. */
class TableFiles {
  private readonly csv: OutFile;
  private readonly excel: OutFile;
  private readonly json: OutFile;
  private readonly jsonArray: JsonArrayWriter;

  constructor(dir: string, table: TableName) {
    const f = formatOf(table);
    this.csv = new OutFile(dir, tablePath(table, 'csv'));
    this.json = new OutFile(dir, tablePath(table, 'json'));
    this.excel = new OutFile(dir, excelCsvPath(table));
    this.jsonArray = new JsonArrayWriter((s) => this.json.write(s));
    this.csv.write(csvHeader(f.machine));
    this.excel.write(csvHeader(f.sheet));
  }

  add(piece: TablePiece): void {
    this.csv.write(piece.csv);
    this.excel.write(piece.excel);
    this.jsonArray.addPiece(piece.json);
  }

  close(): WrittenFile[] {
    this.jsonArray.end();
    return [this.csv.close(), this.json.close(), this.excel.close()];
  }
}

/**
 * Every table as `<table>.csv`, `<table>.json` and `excel/<table>.csv`: the row tables are appended document by
 * document as they arrive (from pieces made ahead of time when given), documents and actors (small, and final
 * only at the end) are written in `finish`.
 */
export class TablesSink implements OutputSink {
  private readonly files = new Map<TableName, TableFiles>();

  constructor(private readonly dirs: SinkDirs) {
    for (const t of STREAMED_TABLES) this.files.set(t, new TableFiles(dirs.out, t));
  }

  add(rows: DocumentRows, _source: string | null, pieces?: { tables: TablePieces }): void {
    const made = pieces?.tables ?? tablePieces(rows);
    for (const t of STREAMED_TABLES) this.files.get(t)?.add(made[t]);
  }

  async finish(tail: CorpusTail): Promise<WrittenFile[]> {
    const last = { documents: tail.documents, actors: tail.actors };
    for (const t of ['documents', 'actors'] as const) {
      const f = new TableFiles(this.dirs.out, t);
      f.add(tablePiece(t, last[t]));
      this.files.set(t, f);
    }
    return TABLE_NAMES.flatMap((t) => this.files.get(t)?.close() ?? []);
  }
}
