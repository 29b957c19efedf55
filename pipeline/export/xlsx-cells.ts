import type { Column } from '../schemas/columns.ts';
import { startOf } from './stamp.ts';
import { LIST_SEPARATOR } from './tables.ts';

/** The pattern every ISO date column of the models carries; such columns become real dates in the workbook. */
export const ISO_DATE_PATTERN = String.raw`\d{4}(-\d{2}(-\d{2})?)?`;

/** Excel number format of a date at its precision, so a year stays "2025" while still sorting as a date. */
export const DATE_FORMATS = { 4: 'yyyy', 7: 'yyyy-mm', 10: 'yyyy-mm-dd' } as const;

/** Length of an ISO date at year, month or day precision: the keys of DATE_FORMATS. */
export type DateLength = keyof typeof DATE_FORMATS;

/** Whether a column holds ISO dates at year, month or day precision. */
export const isDateColumn = (c: Column): boolean => c.type === 'string' && !c.list && c.pattern === ISO_DATE_PATTERN;

/** Whether a column's cells carry Excel's Text format '@': every string column but the dates. */
export const isTextColumn = (c: Column): boolean => c.type === 'string' && !isDateColumn(c);

const NEEDS_ESCAPE = /_x[0-9A-Fa-f]{4}_|[\u0000-\u0008\u000B-\u001F\u007F\uFFFE\uFFFF]/;

/**
 * Text as the workbook stores it (OOXML ST_Xstring): characters XML cannot carry — CR, which XML readers turn
 * into LF, and other control characters, which the writer would silently drop — become `_xHHHH_`, and a
 * literal `_xHHHH_` in the text keeps its underscore as `_x005F_`; spreadsheet programs decode both.
 */
export function excelText(text: string): string {
  // Most text needs neither escape; one scan decides (the writer calls this for every text cell).
  if (!NEEDS_ESCAPE.test(text)) return text;
  return text
    .replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1')
    .replace(/[\u0000-\u0008\u000B-\u001F\u007F\uFFFE\uFFFF]/g, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`);
}

/** What a cell holds: null (no cell), text (already ST_Xstring-encoded), a number, a boolean or a UTC date. */
export type CellValue = string | number | boolean | Date | null;

/** A cell value: null and empty lists stay empty, lists `; `-joined, ISO dates as UTC dates, text encoded. */
export function cellValue(value: unknown, column: Column): CellValue {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.length === 0 ? null : excelText(value.map(String).join(LIST_SEPARATOR));
  if (isDateColumn(column) && typeof value === 'string' && value.length in DATE_FORMATS) return new Date(startOf(value));
  if (typeof value === 'string') return excelText(value);
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  return excelText(String(value));
}

// Days from Excel's day 0 (1899-12-30, in the 1900 date system) to 1970-01-01.
const EXCEL_EPOCH_DAYS = 25_569;
const DAY_MS = 86_400_000;

/** A UTC date as an Excel serial number (days since 1899-12-30). */
export const excelSerial = (d: Date): number => EXCEL_EPOCH_DAYS + d.getTime() / DAY_MS;

/** Text escaped for XML element content. */
export function xmlText(text: string): string {
  return /[&<>]/.test(text) ? text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;') : text;
}

/** Text escaped for an XML attribute value in double quotes. */
export function xmlAttr(text: string): string {
  return xmlText(text).replace(/"/g, '&quot;');
}

/** Column letters of a 0-based column index: A … Z, AA, … */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** An inline-string cell (no shared-strings table, which would grow with the corpus); `text` is already encoded. */
export function textCellXml(ref: string, text: string, style: number | null): string {
  return `<c r="${ref}"${style === null ? '' : ` s="${style}"`} t="inlineStr"><is>${textElement(text)}</is></c>`;
}

/** The `<t>` element of inline text (already encoded). */
export function textElement(text: string): string {
  // Excel trims leading and trailing spaces, and may fold line breaks, unless told to keep them.
  const space = /^\s|\n|\s$/.test(text) ? ' xml:space="preserve"' : '';
  return `<t${space}>${xmlText(text)}</t>`;
}
