import { TABLE_NAMES, type TableName } from '../models/tables.ts';
import { columns, type Column } from '../schemas/columns.ts';
import { tablePath } from './datapackage.ts';
import { excelCsvFormat, excelCsvPath } from './excel-csv.ts';
import { OutFile } from './out-file.ts';
import type { CorpusTail, DocumentRows, OutputSink, SinkDirs, WrittenFile } from './sink.ts';
import { csvHeader, csvRecords, jsonRecord, JsonArrayWriter, machineCsv, type CsvFormat } from './tables.ts';

/** The tables whose rows arrive document by document; the others (documents, actors) are written in `finish`. */
export const STREAMED_TABLES = ['mentions', 'demands', 'dates'] as const satisfies readonly TableName[];

/** The three files of one table: machine CSV, JSON, and the spreadsheet CSV. */
class TableFiles {
  private readonly csv: OutFile;
  private readonly excel: OutFile;
  private readonly json: OutFile;
  private readonly jsonArray: JsonArrayWriter;
  private readonly machine: CsvFormat;
  private readonly sheet: CsvFormat;

  constructor(dir: string, table: TableName, private readonly cols: readonly Column[]) {
    this.machine = machineCsv(cols);
    this.sheet = excelCsvFormat(cols);
    this.csv = new OutFile(dir, tablePath(table, 'csv'));
    this.json = new OutFile(dir, tablePath(table, 'json'));
    this.excel = new OutFile(dir, excelCsvPath(table));
    this.jsonArray = new JsonArrayWriter((s) => this.json.write(s));
    this.csv.write(csvHeader(this.machine));
    this.excel.write(csvHeader(this.sheet));
  }

  add(rows: readonly object[]): void {
    if (rows.length === 0) return;
    this.csv.write(csvRecords(rows, this.machine));
    this.excel.write(csvRecords(rows, this.sheet));
    this.jsonArray.add(rows.map((r) => jsonRecord(r, this.cols)));
  }

  close(): WrittenFile[] {
    this.jsonArray.end();
    return [this.csv.close(), this.json.close(), this.excel.close()];
  }
}

/**
 * Every table as `<table>.csv`, `<table>.json` and `excel/<table>.csv`: the row tables are appended document by
 * document as they arrive, documents and actors (small, and final only at the end) are written in `finish`.
 */
export class TablesSink implements OutputSink {
  private readonly files = new Map<TableName, TableFiles>();

  constructor(private readonly dirs: SinkDirs) {
    for (const t of STREAMED_TABLES) this.files.set(t, new TableFiles(dirs.out, t, columns(t)));
  }

  add(rows: DocumentRows): void {
    for (const t of STREAMED_TABLES) this.files.get(t)?.add(rows[t]);
  }

  async finish(tail: CorpusTail): Promise<WrittenFile[]> {
    const last = { documents: tail.documents, actors: tail.actors };
    for (const t of ['documents', 'actors'] as const) {
      const f = new TableFiles(this.dirs.out, t, columns(t));
      f.add(last[t]);
      this.files.set(t, f);
    }
    return TABLE_NAMES.flatMap((t) => this.files.get(t)?.close() ?? []);
  }
}
