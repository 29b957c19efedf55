import { rmSync } from 'node:fs';
import { TABLE_NAMES, type TableName } from '../models/tables.ts';
import { OutFile } from './out-file.ts';
import { STREAMED_TABLES, type StreamedTable, type CorpusTail, type DocumentRows, type OutputSink, type SinkDirs, type WrittenFile } from './sink.ts';
import { appXml, contentTypesXml, coreXml, rootRelsXml, sheetPath, stylesXml, workbookRelsXml, workbookXml } from './xlsx-parts.ts';
import { readmeSheetXml } from './xlsx-readme.ts';
import { TableSheets, sheetName, type TableSheet } from './xlsx-sheet.ts';
import { ZipWriter } from './zip-writer.ts';

export { DATE_FORMATS, ISO_DATE_PATTERN, cellValue, excelText, isDateColumn } from './xlsx-cells.ts';

/** File name of the workbook in the output folder. */
export const XLSX_PATH = 'kravkart.xlsx';

/** Rows a sheet holds under its header: Excel's limit of 1 048 576 rows, less one. */
export const MAX_SHEET_ROWS = 1_048_575;

/** Sheet names of a table with `rows` rows: the table's name, then "<table> (2)", "<table> (3)", … as needed. */
export function sheetNames(table: TableName, rows: number, maxRows = MAX_SHEET_ROWS): string[] {
  const sheets = Math.max(1, Math.ceil(rows / maxRows));
  return Array.from({ length: sheets }, (_, i) => sheetName(table, i));
}

/** Options of the workbook sink. */
export interface WorkbookOptions {
  /** Data rows per sheet before a table continues on "<table> (2)", …; Excel's limit unless a test sets it. */
  maxRows?: number | undefined;
}


/**
 * `kravkart.xlsx`, written as the documents stream past: a "Les meg" sheet, then one sheet per table with a
 * frozen, filterable header row, sized columns, dates as dates, numbers as numbers and text as text (inline
 * strings in Text format, never formulas). Mentions, demands and dates are deflated into scratch files as they
 * arrive, so memory stays flat however large the corpus; `finish` assembles the zip. The same input gives the
 * same bytes in any time zone or locale.
 */
export class WorkbookSink implements OutputSink {
  private readonly maxRows: number;
  private readonly streamed: Record<StreamedTable, TableSheets>;

  /** Write into `dirs.out`, with scratch files in `dirs.scratch`. */
  constructor(
    private readonly dirs: SinkDirs,
    options: WorkbookOptions = {},
  ) {
    this.maxRows = options.maxRows ?? MAX_SHEET_ROWS;
    this.streamed = {
      mentions: new TableSheets('mentions', dirs.scratch, this.maxRows),
      demands: new TableSheets('demands', dirs.scratch, this.maxRows),
      dates: new TableSheets('dates', dirs.scratch, this.maxRows),
    };
  }

  /** Write one document's mentions, demands and dates into their sheets. */
  add(rows: DocumentRows): void {
    for (const t of STREAMED_TABLES) for (const r of rows[t]) this.streamed[t].add(r);
  }

  /** Write documents and actors, then assemble the workbook from its parts and the scratch files (then removed). */
  async finish(tail: CorpusTail): Promise<WrittenFile[]> {
    const small = { documents: tail.documents, actors: tail.actors };
    const tables = {} as Record<TableName, TableSheet[]>;
    for (const t of TABLE_NAMES) {
      if (t === 'documents' || t === 'actors') {
        const sheets = new TableSheets(t, this.dirs.scratch, this.maxRows);
        for (const r of small[t]) sheets.add(r);
        tables[t] = sheets.close();
      } else tables[t] = this.streamed[t].close();
    }
    const sheets = TABLE_NAMES.flatMap((t) => tables[t]);
    try {
      const names = ['Les meg', ...sheets.map((s) => s.name)];
      const readme = readmeSheetXml({
        meta: tail.meta,
        citation: tail.citation,
        rows: Object.fromEntries(TABLE_NAMES.map((t) => [t, tables[t].reduce((n, s) => n + s.rows, 0)])) as Record<TableName, number>,
        sheets: Object.fromEntries(TABLE_NAMES.map((t) => [t, tables[t].map((s) => s.name)])) as Record<TableName, string[]>,
      });

      const out = new OutFile(this.dirs.out, XLSX_PATH);
      const zip = new ZipWriter(out, tail.stamp);
      const text = (name: string, xml: string) => zip.addBytes(name, Buffer.from(xml, 'utf8'));
      text('[Content_Types].xml', contentTypesXml(names.length));
      text('_rels/.rels', rootRelsXml());
      text('docProps/app.xml', appXml(names));
      text('docProps/core.xml', coreXml(tail.meta, tail.stamp));
      text('xl/workbook.xml', workbookXml(names));
      text('xl/_rels/workbook.xml.rels', workbookRelsXml(names.length));
      text('xl/styles.xml', stylesXml());
      text(sheetPath(1), readme);
      sheets.forEach((s, i) => zip.addDeflated(sheetPath(i + 2), s.facts, s.pieces));
      zip.finish();
      return [out.close()];
    } finally {
      for (const s of sheets) for (const p of s.pieces) if (!(p instanceof Uint8Array)) rmSync(p.file, { force: true });
    }
  }
}
