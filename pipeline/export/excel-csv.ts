import type { TableName } from '../models/tables.ts';
import type { Column } from '../schemas/columns.ts';
import { LIST_SEPARATOR, type CsvFormat } from './tables.ts';

/**
 * The dialect of the spreadsheet copies in `excel/`: what Excel with a Norwegian locale reads correctly on
 * double-click — UTF-8 with a byte-order mark (else it guesses Windows-1252), `;` between fields (the comma
 * is the decimal separator there) and CRLF record ends.
 */
export const EXCEL_CSV_DIALECT = { header: true, delimiter: ';', lineTerminator: '\r\n', quoteChar: '"', doubleQuote: true } as const;

/** Decimal separator of non-integer numbers in the spreadsheet copies (Norwegian locale). */
export const EXCEL_DECIMAL_CHAR = ',';

/** File name of a table's spreadsheet copy in the output folder. */
export const excelCsvPath = (table: TableName): string => `excel/${table}.csv`;

// What a spreadsheet may read as the start of a formula (OWASP "CSV injection"), and what it reads as a number.
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?(?:\d+(?:[.,]\d+)?|[.,]\d+)$/;

/**
 * A text cell as a spreadsheet will not run it: a `'` before a formula-like first character (`=`, `+`, `-`,
 * `@`, tab, CR), unless the whole cell is a plain number such as "-5"; any other text is left exactly as is.
 */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

/** One cell of the spreadsheet copy: numbers with a decimal comma, text neutralised, lists `; `-joined. */
export function excelCell(value: unknown, column: Column): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return neutraliseFormula(value.map(String).join(LIST_SEPARATOR));
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return column.type === 'integer' ? String(value) : String(value).replace('.', EXCEL_DECIMAL_CHAR);
  return neutraliseFormula(String(value));
}

/** The spreadsheet CSV format of a table's columns. */
export const excelCsvFormat = (columns: readonly Column[]): CsvFormat => ({ columns, cell: excelCell, dialect: EXCEL_CSV_DIALECT, bom: true });
