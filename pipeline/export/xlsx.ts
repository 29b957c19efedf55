import ExcelJS from 'exceljs';
import { TABLE_NAMES, type Dataset, type TableName } from '../models/tables.ts';
import { columns, type Column } from '../schemas/columns.ts';
import type { PackageMeta } from './package.ts';
import { LIST_SEPARATOR } from './tables.ts';
import { readmeSheet } from './xlsx-readme.ts';
import { startOf } from './stamp.ts';
import { restampZip } from './zip-stamp.ts';

/** File name of the workbook in the output folder. */
export const XLSX_PATH = 'kravkart.xlsx';

/** The pattern every ISO date column of the models carries; such columns become real dates in the workbook. */
export const ISO_DATE_PATTERN = String.raw`\d{4}(-\d{2}(-\d{2})?)?`;

/** Excel number format of a date at its precision, so a year stays "2025" while still sorting as a date. */
export const DATE_FORMATS = { 4: 'yyyy', 7: 'yyyy-mm', 10: 'yyyy-mm-dd' } as const;

// Excel's "Text" number format: what a user types into such a cell stays text, so an edit never makes a formula.
const TEXT_FORMAT = '@';
const MIN_WIDTH = 8;
const MAX_WIDTH = 60;

/** What the workbook is made of: the dataset, the package metadata, and the one time it may carry. */
export interface WorkbookInput {
  ds: Dataset;
  meta: PackageMeta;
  /** Creation time from SOURCE_DATE_EPOCH, or null; only for the citation year. */
  created: string | null;
  /** The workbook's created/modified time and its zip entries' date (see stamp.ts). */
  stamp: Date;
  /** Data rows per sheet before a table continues on "<table> (2)", …; Excel's limit unless a test sets it. */
  maxRows?: number;
}

/** Rows a sheet holds under its header: Excel's limit of 1 048 576 rows, less one. */
export const MAX_SHEET_ROWS = 1_048_575;

/** Sheet names of a table with `rows` rows: the table's name, then "<table> (2)", "<table> (3)", … as needed. */
export function sheetNames(table: TableName, rows: number, maxRows = MAX_SHEET_ROWS): string[] {
  const sheets = Math.max(1, Math.ceil(rows / maxRows));
  return Array.from({ length: sheets }, (_, i) => (i === 0 ? table : `${table} (${i + 1})`));
}

/**
 * `kravkart.xlsx`: a "Les meg" sheet, then one sheet per table with a frozen, filterable header row, sized
 * columns, dates as dates, numbers as numbers and text as text (string cells are never formulas) — byte-identical
 * for the same input.
 */
export async function workbookXlsx(input: WorkbookInput): Promise<Uint8Array> {
  const { ds, meta, stamp } = input;
  const wb = new ExcelJS.Workbook();
  const author = meta.contributors.map((c) => c.title).join(', ');
  wb.creator = author;
  wb.lastModifiedBy = author;
  // ExcelJS would take the clock for both.
  wb.created = stamp;
  wb.modified = stamp;
  wb.title = meta.title;
  wb.keywords = meta.keywords.join(', ');
  wb.description = meta.description;

  const maxRows = input.maxRows ?? MAX_SHEET_ROWS;
  const sheets = Object.fromEntries(TABLE_NAMES.map((t) => [t, sheetNames(t, ds[t].length, maxRows)])) as Record<TableName, string[]>;
  readmeSheet(wb.addWorksheet('Les meg'), input, sheets);
  for (const t of TABLE_NAMES) {
    sheets[t].forEach((name, i) => tableSheet(wb.addWorksheet(name), ds[t].slice(i * maxRows, (i + 1) * maxRows), columns(t)));
  }

  // Stored uncompressed first: the re-pack that fixes the entry dates compresses once, not twice.
  const written = await wb.xlsx.writeBuffer({ zip: { compression: 'STORE' } });
  return restampZip(new Uint8Array(written as ArrayBuffer), stamp);
}

type Row = Dataset[TableName][number];
type CellValue = string | number | boolean | Date | null;

/** Whether a column holds ISO dates at year, month or day precision. */
export const isDateColumn = (c: Column): boolean => c.type === 'string' && !c.list && c.pattern === ISO_DATE_PATTERN;

function tableSheet(ws: ExcelJS.Worksheet, rows: readonly Row[], cols: readonly Column[]): void {
  ws.views = [{ state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }];
  const widths = cols.map((c) => c.name.length + 3);
  ws.columns = cols.map((c) => ({ key: c.name, ...(c.type === 'string' && !isDateColumn(c) ? { style: { numFmt: TEXT_FORMAT } } : {}) }));
  const header = ws.addRow(cols.map((c) => c.name));
  header.font = { bold: true };

  for (const r of rows) {
    const values: CellValue[] = [];
    cols.forEach((c, i) => {
      const v = cellValue((r as Record<string, unknown>)[c.name], c);
      values.push(v);
      const shown = v === null ? 0 : v instanceof Date ? 11 : String(v).length;
      if (shown > (widths[i] ?? 0)) widths[i] = shown;
    });
    const row = ws.addRow(values);
    // A date keeps the precision it was given: "2025" shows as 2025, not as 2025-01-01.
    cols.forEach((c, i) => {
      const raw = (r as Record<string, unknown>)[c.name];
      if (isDateColumn(c) && typeof raw === 'string') row.getCell(i + 1).numFmt = DATE_FORMATS[raw.length as keyof typeof DATE_FORMATS];
    });
  }
  cols.forEach((_, i) => (ws.getColumn(i + 1).width = Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, (widths[i] ?? 0) + 1))));
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: rows.length + 1, column: cols.length } };
}

/**
 * Text as the workbook stores it (OOXML ST_Xstring): characters XML cannot carry — CR, which XML readers turn
 * into LF, and other control characters, which the writer would silently drop — become `_xHHHH_`, and a
 * literal `_xHHHH_` in the text keeps its underscore as `_x005F_`; spreadsheet programs decode both.
 */
export function excelText(text: string): string {
  return text
    .replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1')
    .replace(/[\u0000-\u0008\u000B-\u001F\u007F\uFFFE\uFFFF]/g, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`);
}

/** A cell value: null and empty lists stay empty, lists `; `-joined, ISO dates as UTC dates, text encoded. */
export function cellValue(value: unknown, column: Column): CellValue {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.length === 0 ? null : excelText(value.map(String).join(LIST_SEPARATOR));
  if (isDateColumn(column) && typeof value === 'string') return new Date(startOf(value));
  if (typeof value === 'string') return excelText(value);
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  return excelText(String(value));
}
