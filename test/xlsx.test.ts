import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { assemble } from '../pipeline/assemble/index.ts';
import type { Context } from '../pipeline/context.ts';
import { readCorpus } from '../pipeline/ingest/read.ts';
import { ingest } from '../pipeline/ingest/index.ts';
import { loadPackageMeta } from '../pipeline/export/package.ts';
import { outputStamp } from '../pipeline/export/stamp.ts';
import { DATE_FORMATS, XLSX_PATH, cellValue, excelText, isDateColumn, sheetNames, workbookXlsx } from '../pipeline/export/xlsx.ts';
import { exportOutputs } from '../pipeline/export/index.ts';
import { loadLexicon } from '../pipeline/lexicon/load.ts';
import { TABLE_NAMES, type Dataset } from '../pipeline/models/tables.ts';
import { columns } from '../pipeline/schemas/columns.ts';
import { processDocument } from '../pipeline/stages.ts';
import { hostileDoc } from './fixtures/hostile/doc.ts';

// The real seeds (dates at day and year precision, many actors) plus the hostile fixture (formula-like text, CRLF).
const SEEDS = fileURLToPath(new URL('../seeds/', import.meta.url));
const ctx: Context = { options: { strict: false, sourceDateEpoch: null }, lexicon: loadLexicon() };
const docs = [...ingest(await readCorpus(SEEDS, 'seeds')).docs.map((d) => processDocument(d, ctx)), hostileDoc()];
const ds: Dataset = assemble(docs, ctx).dataset;
const meta = loadPackageMeta();
const stamp = outputStamp(ds.documents, null);
const bytes = await workbookXlsx({ ds, meta, created: null, stamp });

const wb = new ExcelJS.Workbook();
await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);

/** An ISO date at the precision its Excel number format shows, from the UTC date ExcelJS reads back. */
function isoOf(d: Date, numFmt: string): string {
  const iso = d.toISOString().slice(0, 10);
  return numFmt === DATE_FORMATS[4] ? iso.slice(0, 4) : numFmt === DATE_FORMATS[7] ? iso.slice(0, 7) : iso;
}

describe('kravkart.xlsx', () => {
  it('has a "Les meg" sheet first, then one sheet per table', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Les meg', ...TABLE_NAMES]);
  });

  it('reads back every cell equal to the record: numbers as numbers, dates as dates, text as exact text', () => {
    let dates = 0;
    for (const t of TABLE_NAMES) {
      const ws = wb.getWorksheet(t) as ExcelJS.Worksheet;
      const cols = columns(t);
      expect(ws.getRow(1).values).toEqual([undefined, ...cols.map((c) => c.name)]);
      expect(ws.rowCount).toBe(ds[t].length + 1);
      ds[t].forEach((record, i) => {
        const row = ws.getRow(i + 2);
        cols.forEach((c, k) => {
          const cell = row.getCell(k + 1);
          const v = (record as Record<string, unknown>)[c.name];
          const where = `${t} row ${i + 2} ${c.name}`;
          expect(cell.type, where).not.toBe(ExcelJS.ValueType.Formula);
          if (v === null || (Array.isArray(v) && v.length === 0)) expect(cell.value ?? null, where).toBeNull();
          else if (Array.isArray(v)) expect(cell.value, where).toBe(v.join('; '));
          else if (isDateColumn(c)) {
            expect(cell.value, where).toBeInstanceOf(Date);
            expect(isoOf(cell.value as Date, cell.numFmt), where).toBe(v);
            dates++;
          } else expect(cell.value, where).toBe(v);
          if (c.type === 'string' && !isDateColumn(c)) expect(cell.numFmt, where).toBe('@');
        });
      });
    }
    expect(dates).toBeGreaterThan(3);
  });

  it('keeps formula-like text, quotes and CRLF exactly (string cells, never formulas)', () => {
    const ws = wb.getWorksheet('demands') as ExcelJS.Worksheet;
    const textCol = columns('demands').findIndex((c) => c.name === 'text') + 1;
    const quoteCol = columns('demands').findIndex((c) => c.name === 'quote') + 1;
    const texts: unknown[] = [];
    const quotes: unknown[] = [];
    ws.eachRow((row) => {
      texts.push(row.getCell(textCol).value);
      quotes.push(row.getCell(quoteCol).value);
    });
    expect(texts).toContain('=SUM(A1:A9) skal betales av staten; ikke av kommunene.');
    expect(texts).toContain('\t-Tab først, """tre""" anførselstegn.');
    expect(quotes).toContain('Vi krever at linjen\r\nbrytes her, med "sitat" og ; semikolon\r\n');
  });

  it('round-trips control characters and literal `_xHHHH_` through the OOXML escape', async () => {
    expect(excelText('a\r\nb\fc_x0041_d\te')).toBe('a_x000D_\nb_x000C_c_x005F_x0041_d\te');
    const tricky = 'Side 2\f=krav\r\nmed _x0041_ og \u0001slutt';
    const first = ds.demands[0] as Dataset['demands'][number];
    const small: Dataset = { ...ds, demands: [{ ...first, text: tricky, quote: tricky }] };
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await workbookXlsx({ ds: small, meta, created: null, stamp })) as unknown as ArrayBuffer);
    const col = columns('demands').findIndex((c) => c.name === 'text') + 1;
    expect(book.getWorksheet('demands')?.getRow(2).getCell(col).value).toBe(tricky);
  });

  it('continues a table too long for one sheet on "<table> (2)", … with every row kept in order', async () => {
    expect(sheetNames('mentions', 0)).toEqual(['mentions']);
    expect(sheetNames('mentions', 2_000_000)).toEqual(['mentions', 'mentions (2)']);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await workbookXlsx({ ds, meta, created: null, stamp, maxRows: 40 })) as unknown as ArrayBuffer);
    const names = sheetNames('mentions', ds.mentions.length, 40);
    expect(names.length).toBeGreaterThan(1);
    expect(book.worksheets.map((w) => w.name).filter((n) => n.startsWith('mentions'))).toEqual(names);
    const ids = names.flatMap((n) => {
      const ws = book.getWorksheet(n) as ExcelJS.Worksheet;
      expect(ws.getRow(1).getCell(1).value).toBe('mention_id');
      return (ws.getColumn(1).values as unknown[]).slice(2);
    });
    expect(ids).toEqual(ds.mentions.map((m) => m.mention_id));
  });

  it('shows a year as a year and a day as a day', () => {
    const value = columns('dates').find((c) => c.name === 'value');
    if (value === undefined) throw new Error('dates.value missing');
    expect(cellValue('2023', value)).toEqual(new Date(Date.UTC(2023, 0, 1)));
    expect(cellValue('2023-04', value)).toEqual(new Date(Date.UTC(2023, 3, 1)));
    const ws = wb.getWorksheet('dates') as ExcelJS.Worksheet;
    const valueCol = columns('dates').findIndex((c) => c.name === 'value') + 1;
    const formats = new Map<string, string>();
    ws.eachRow((row, n) => {
      if (n > 1) formats.set(String(ds.dates[n - 2]?.precision), row.getCell(valueCol).numFmt);
    });
    expect(formats.get('day')).toBe('yyyy-mm-dd');
    expect(formats.get('year')).toBe('yyyy');
  });

  it('freezes and filters the header row and sizes the columns', () => {
    for (const t of TABLE_NAMES) {
      const ws = wb.getWorksheet(t) as ExcelJS.Worksheet;
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      const last = ws.getColumn(columns(t).length).letter;
      expect(ws.autoFilter).toBe(`A1:${last}${ds[t].length + 1}`);
      expect(ws.getRow(1).font?.bold).toBe(true);
      for (let k = 1; k <= columns(t).length; k++) {
        const w = ws.getColumn(k).width ?? 9; // 9 is ExcelJS's default, written as no width at all
        expect(w).toBeGreaterThanOrEqual(8);
        expect(w).toBeLessThanOrEqual(60);
      }
    }
    const demands = wb.getWorksheet('demands') as ExcelJS.Worksheet;
    expect(demands.getColumn(columns('demands').findIndex((c) => c.name === 'text') + 1).width).toBe(60);
  });

  it('says what the data is, its version, licence and citation, and describes every column', () => {
    const ws = wb.getWorksheet('Les meg') as ExcelJS.Worksheet;
    const cells: string[] = [];
    ws.eachRow((row) => row.eachCell((c) => cells.push(String(c.value))));
    const all = cells.join('\n');
    expect(all).toContain(meta.title);
    expect(all).toContain(meta.version);
    expect(all).toContain('CC-BY-4.0');
    expect(all).toContain(`versjon ${meta.version}`);
    expect(all).toContain('Kolonneordbok');
    for (const t of TABLE_NAMES) for (const c of columns(t)) expect(all).toContain(c.description);
    expect(wb.creator).toBe('The kravkart contributors');
  });

  it('is byte-identical in another time zone, with every zip entry and the document properties at the stamp', async () => {
    const tz = process.env['TZ'];
    process.env['TZ'] = 'Pacific/Auckland';
    try {
      expect(Buffer.from(await workbookXlsx({ ds, meta, created: null, stamp })).equals(Buffer.from(bytes))).toBe(true);
    } finally {
      if (tz === undefined) delete process.env['TZ'];
      else process.env['TZ'] = tz;
    }
    const zip = await JSZip.loadAsync(bytes);
    const entries = Object.values(zip.files);
    expect(entries.length).toBeGreaterThan(5);
    for (const e of entries) expect(e.dir).toBe(false);
    for (const e of entries) expect(e.date.toISOString(), e.name).toBe(stamp.toISOString());
    expect(wb.created.toISOString()).toBe(stamp.toISOString());
    expect(wb.modified.toISOString()).toBe(stamp.toISOString());
  });

  it('takes its stamp from SOURCE_DATE_EPOCH when set, else from the latest document date', async () => {
    expect(stamp.toISOString()).toBe(`${ds.documents.map((d) => d.date ?? '').sort().at(-1)}T00:00:00.000Z`);
    const pinned: Context = { ...ctx, options: { ...ctx.options, sourceDateEpoch: '1700000000' } };
    const files = await exportOutputs(ds, pinned, []);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(files.find((f) => f.path === XLSX_PATH)?.content as Uint8Array) as unknown as ArrayBuffer);
    expect(book.created.toISOString()).toBe('2023-11-14T22:13:20.000Z');
    const readme: string[] = [];
    book.getWorksheet('Les meg')?.eachRow((r) => r.eachCell((c) => readme.push(String(c.value))));
    expect(readme.join('\n')).toContain('The kravkart contributors (2023).');
  });
});
