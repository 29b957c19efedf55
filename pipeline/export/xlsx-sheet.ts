import type { TableName } from '../models/tables.ts';
import { columns, type Column } from '../schemas/columns.ts';
import { columnLetter, isTextColumn, textCellXml } from './xlsx-cells.ts';
import { ColumnCells } from './xlsx-column.ts';
import { STYLE, WORKSHEET_OPEN, XML_DECLARATION } from './xlsx-parts.ts';
import { crc32Combine } from './zip-crc.ts';
import { DeflateFile, storedPiece, type DeflatedPiece } from './zip-deflate.ts';
import type { ZipEntryFacts, ZipPiece } from './zip-writer.ts';

const MIN_WIDTH = 8;
const MAX_WIDTH = 60;

/** Name of a table's n-th (0-based) sheet: the table's name, then "<table> (2)", "<table> (3)", … */
export const sheetName = (table: TableName, index: number): string => (index === 0 ? table : `${table} (${index + 1})`);

/** A finished sheet of a table: its name, data rows, and the zip entry that holds it. */
export interface TableSheet {
  name: string;
  rows: number;
  facts: ZipEntryFacts;
  pieces: ZipPiece[];
}

// How a column's cells are written.
interface SheetColumn {
  column: Column;
  letter: string;
  /** Style of its cells: Text for string columns, the date's own for dates (per cell), none for numbers. */
  style: number | null;
  cells: ColumnCells;
}

// A sheet being written: its rows go straight into a deflate stream in a scratch file.
interface OpenSheet {
  body: DeflateFile;
  rows: number;
  /** Widest shown value per column so far, the header's name included. */
  widths: number[];
}

/**
 * One table written as rows arrive, into one sheet or — past `maxRows` data rows — several: each sheet's rows
 * are deflated into a scratch file as they come, and only the column widths are kept, so memory does not grow
 * with the rows. Each sheet has a bold header row, frozen, and an autofilter over the data.
 */
export class TableSheets {
  private readonly cols: SheetColumn[];
  private readonly done: TableSheet[] = [];
  private open: OpenSheet | null = null;

  /** Write `table`'s sheets, their scratch files in `scratch`. */
  constructor(
    private readonly table: TableName,
    private readonly scratch: string,
    private readonly maxRows: number,
  ) {
    this.cols = columns(table).map((column, i) => {
      const letter = columnLetter(i);
      const style = isTextColumn(column) ? STYLE.text : null;
      return { column, letter, style, cells: new ColumnCells(column, letter, style) };
    });
  }

  /** The next row, in published order. */
  add(row: object): void {
    let sheet = this.open;
    if (sheet !== null && sheet.rows === this.maxRows) {
      this.closeSheet(sheet);
      sheet = null;
    }
    sheet ??= this.openSheet();
    const r = String(sheet.rows + 2);
    let xml = `<row r="${r}">`;
    const record = row as Record<string, unknown>;
    for (let i = 0; i < this.cols.length; i++) {
      const { column, cells } = this.cols[i] as SheetColumn;
      xml += cells.xml(record[column.name], r);
      if (cells.shown > (sheet.widths[i] as number)) sheet.widths[i] = cells.shown;
    }
    sheet.body.write(`${xml}</row>`);
    sheet.rows++;
  }

  /** Close the last sheet (a table without rows still gets one, with its header) and return every sheet in order. */
  close(): TableSheet[] {
    const sheet = this.open ?? (this.done.length === 0 ? this.openSheet() : null);
    if (sheet !== null) this.closeSheet(sheet);
    return this.done;
  }

  private openSheet(): OpenSheet {
    const index = this.done.length;
    const body = new DeflateFile(this.scratch, `xlsx-${this.table}-${index + 1}.deflate`);
    this.open = { body, rows: 0, widths: this.cols.map((c) => c.column.name.length + 3) };
    return this.open;
  }

  // The sheet's head (which needs the widths) is stored uncompressed before its deflated rows: a few hundred bytes.
  private closeSheet(sheet: OpenSheet): void {
    const lastRef = `${this.cols.at(-1)?.letter ?? 'A'}${sheet.rows + 1}`;
    sheet.body.write(`</sheetData><autoFilter ref="A1:${lastRef}"/><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`);
    const body: DeflatedPiece = sheet.body.close();
    const head = storedPiece(this.head(sheet, lastRef));
    this.done.push({
      name: sheetName(this.table, this.done.length),
      rows: sheet.rows,
      facts: { crc: crc32Combine(head.crc, body.crc, body.size), size: head.size + body.size },
      pieces: [head.piece, body.piece],
    });
    this.open = null;
  }

  private head(sheet: OpenSheet, lastRef: string): string {
    const cols = this.cols
      .map((c, i) => {
        const width = Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, (sheet.widths[i] as number) + 1));
        return `<col min="${i + 1}" max="${i + 1}" width="${width}" customWidth="1"${c.style === null ? '' : ` style="${c.style}"`}/>`;
      })
      .join('');
    const header = this.cols.map((c) => textCellXml(`${c.letter}1`, c.column.name, c.style === STYLE.text ? STYLE.boldText : STYLE.bold)).join('');
    return (
      `${XML_DECLARATION}${WORKSHEET_OPEN}<dimension ref="A1:${lastRef}"/>` +
      '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>' +
      `<sheetFormatPr defaultRowHeight="15"/><cols>${cols}</cols><sheetData><row r="1" s="${STYLE.bold}" customFormat="1">${header}</row>`
    );
  }
}
