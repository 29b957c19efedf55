import type { Column } from '../schemas/columns.ts';
import { cellValue, excelSerial, isDateColumn, textElement, type DateLength } from './xlsx-cells.ts';
import { DATE_STYLE } from './xlsx-parts.ts';

/**
 * The cells of one column of a sheet, with what stays the same down the column worked out once: `xml` gives a
 * row's cell and leaves the length shown in `shown`, which sizes the column.
 */
export class ColumnCells {
  /** Shown length of the last cell made (0 for no cell). */
  shown = 0;
  // `<c r="` and the column's letters: a cell's reference is these, then the row number.
  private readonly open: string;
  // The style attribute of a cell that is not a date; a date's style follows its precision.
  private readonly styled: string;

  /** Cells of `column`, lettered `letter`, in `style` (null: none). */
  constructor(
    private readonly column: Column,
    letter: string,
    style: number | null,
  ) {
    this.open = `<c r="${letter}`;
    this.styled = isDateColumn(column) || style === null ? '' : ` s="${style}"`;
  }

  /** The cell of `raw` in row `row` (its number as text); empty when the value makes no cell. */
  xml(raw: unknown, row: string): string {
    const value = cellValue(raw, this.column);
    if (value === null) {
      this.shown = 0;
      return '';
    }
    if (value instanceof Date) {
      // A date keeps the precision it was given: "2025" shows as 2025, not as 2025-01-01.
      this.shown = 11;
      return `${this.open}${row}" s="${DATE_STYLE[(raw as string).length as DateLength]}"><v>${excelSerial(value)}</v></c>`;
    }
    if (typeof value === 'boolean') {
      this.shown = value ? 4 : 5;
      return `${this.open}${row}"${this.styled} t="b"><v>${value ? 1 : 0}</v></c>`;
    }
    if (typeof value === 'number' && Number.isFinite(value)) {
      const text = String(value);
      this.shown = text.length;
      return `${this.open}${row}"${this.styled}><v>${text}</v></c>`;
    }
    const text = String(value);
    this.shown = text.length;
    return `${this.open}${row}"${this.styled} t="inlineStr"><is>${textElement(text)}</is></c>`;
  }
}
