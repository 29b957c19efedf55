import fc from 'fast-check';
import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { EXCEL_CSV_DIALECT, excelCsvFormat } from '../pipeline/export/excel-csv.ts';
import { CSV_DIALECT, csvHeader, csvRecords, jsonPiece, machineCsv, type CsvDialect } from '../pipeline/export/tables.ts';
import type { Column } from '../pipeline/schemas/columns.ts';

// The hand-written CSV writer must give exactly the bytes csv-stringify 6 gives with the same dialect and RFC 4180's
// rule that a field holding any line break is quoted (csv-stringify alone quotes only the whole record end).
const reference = (records: string[][], d: CsvDialect): string =>
  stringify(records, { delimiter: d.delimiter, record_delimiter: d.lineTerminator, quote: d.quoteChar, escape: d.quoteChar, escape_formulas: false, quoted_match: /[\r\n]/ });

const column = (name: string, type: Column['type'] = 'string', list = false): Column => ({
  name,
  type,
  list,
  nullable: true,
  description: '',
  enum: null,
  pattern: null,
  minimum: null,
  maximum: null,
  minLength: null,
});
const cols = [column('a'), column('b'), column('c', 'string', true), column('d', 'number'), column('e', 'boolean')];

// Text made of what the quoting rules care about, so the rare cases come up often.
const tricky = fc.array(fc.constantFrom('a', 'ø', ' ', ',', ';', '"', "'", '\r', '\n', '\r\n', '=', '-', '+', '@', '\t', '1', '.', '😀'), { maxLength: 8 }).map((parts) => parts.join(''));
const value = fc.oneof(tricky, fc.constant(null), fc.integer({ min: -5, max: 5 }), fc.double({ noNaN: true, min: -10, max: 10 }), fc.boolean(), fc.array(tricky, { maxLength: 3 }));
const row = fc.record({ a: value, b: value, c: value, d: value, e: value });

describe('csvRecords', () => {
  for (const [name, format, dialect] of [
    ['machine CSV', machineCsv(cols), CSV_DIALECT],
    ['spreadsheet CSV', excelCsvFormat(cols), EXCEL_CSV_DIALECT],
  ] as const) {
    it(`writes the ${name} byte for byte as csv-stringify did`, () => {
      fc.assert(
        fc.property(fc.array(row, { maxLength: 4 }), (rows) => {
          const cells = rows.map((r) => cols.map((c) => format.cell((r as Record<string, unknown>)[c.name], c)));
          expect(csvRecords(rows, format)).toBe(rows.length === 0 ? '' : reference(cells, dialect));
        }),
        { seed: 4181, numRuns: 2000 },
      );
    });
  }

  it('quotes a field for its quote, its delimiter or any line break, a lone CR or LF included', () => {
    const f = machineCsv([column('x')]);
    expect(csvRecords([{ x: 'a,b' }, { x: 'si "ja"' }, { x: 'to\nlinjer' }, { x: 'cr\r' }, { x: '' }], f)).toBe('"a,b"\n"si ""ja"""\n"to\nlinjer"\n"cr\r"\n\n');
    const e = excelCsvFormat([column('x')]);
    expect(csvRecords([{ x: 'a;b' }, { x: 'a,b' }, { x: 'to\r\nlinjer' }, { x: 'lf\n' }], e)).toBe('"a;b"\r\na,b\r\n"to\r\nlinjer"\r\n"lf\n"\r\n');
  });

  it('writes the header row after the BOM of a format that has one', () => {
    expect(csvHeader(machineCsv(cols))).toBe('a,b,c,d,e\n');
    expect(csvHeader(excelCsvFormat([column('a;b'), column('c')]))).toBe('\uFEFF"a;b";c\r\n');
  });
});

describe('jsonPiece', () => {
  it('gives the records as they sit in JSON.stringify(rows, null, 2)', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ a: value, b: fc.array(fc.string(), { maxLength: 2 }), c: fc.constant(undefined) }), { maxLength: 4 }), (records) => {
        const expected = records.map((r) => JSON.stringify(r, null, 2).replace(/\n/g, '\n  ')).join(',\n  ');
        expect(jsonPiece(records)).toBe(expected);
      }),
      { seed: 4182, numRuns: 500 },
    );
  });
});
