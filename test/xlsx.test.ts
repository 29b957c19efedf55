import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { assemble } from '../pipeline/assemble/index.ts';
import type { Context } from '../pipeline/context.ts';
import { readCorpus } from '../pipeline/ingest/read.ts';
import { ingest } from '../pipeline/ingest/index.ts';
import { loadPackageMeta } from '../pipeline/export/package.ts';
import { outputStamp } from '../pipeline/export/stamp.ts';
import { DATE_FORMATS, XLSX_PATH, WorkbookSink, cellValue, excelText, isDateColumn, sheetNames } from '../pipeline/export/xlsx.ts';
import { citation } from '../pipeline/export/about.ts';
import { exportOutputs } from './support/export.ts';
import { documentBatches, type OutputSink } from '../pipeline/export/sink.ts';
import { crc32Combine } from '../pipeline/export/zip-crc.ts';
import { loadLexicon } from '../pipeline/lexicon/load.ts';
import { TABLE_NAMES, type Dataset } from '../pipeline/models/tables.ts';
import { columns } from '../pipeline/schemas/columns.ts';
import { processDocument } from '../pipeline/stages.ts';
import { hostileDoc } from './fixtures/hostile/doc.ts';
import { readCsv } from './support/csv.ts';
import { runSink } from './support/sink.ts';
import { tableCsv } from '../pipeline/export/tables.ts';

// The real seeds (dates at day and year precision, many actors) plus the hostile fixture (formula-like text, CRLF).
const SEEDS = fileURLToPath(new URL('../seeds/', import.meta.url));
const ctx: Context = { options: { strict: false, sourceDateEpoch: null }, lexicon: loadLexicon() };
const docs = [...ingest(await readCorpus(SEEDS, 'seeds')).docs.map((d) => processDocument(d, ctx)), hostileDoc()];
const ds: Dataset = assemble(docs, ctx).dataset;
const meta = loadPackageMeta();
const stamp = outputStamp(ds.documents, null);

/** The workbook of a dataset as the build makes it: the sink fed one document at a time. */
async function sinkXlsx(data: Dataset, maxRows?: number): Promise<Buffer> {
  const files = await runSink((dirs) => new WorkbookSink(dirs, { maxRows }), data, { meta, created: null, stamp, citation: citation({ meta, created: null }) });
  expect([...files.keys()]).toEqual([XLSX_PATH]);
  return files.get(XLSX_PATH) as Buffer;
}

async function readBook(data: Uint8Array): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(data) as unknown as ArrayBuffer);
  return book;
}

/**
 * A string cell's text as Excel shows it: ExcelJS decodes the OOXML `_xHHHH_` escape (ST_Xstring) only in shared
 * strings, not in the inline strings this workbook uses, where ECMA-376 defines it just the same.
 */
function shown(value: unknown): unknown {
  return typeof value === 'string' ? value.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : value;
}

const bytes = await sinkXlsx(ds);
const wb = await readBook(bytes);

/** An ISO date at the precision its Excel number format shows, from the UTC date ExcelJS reads back. */
function isoOf(d: Date, numFmt: string): string {
  const iso = d.toISOString().slice(0, 10);
  return numFmt === DATE_FORMATS[4] ? iso.slice(0, 4) : numFmt === DATE_FORMATS[7] ? iso.slice(0, 7) : iso;
}

// LibreOffice Calc, when installed (`apt-get install libreoffice-calc`), is a second, independent spreadsheet reader.
const soffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;

describe('kravkart.xlsx', () => {
  it.runIf(soffice)('opens in LibreOffice Calc with every cell shown as its CSV record (booleans as TRUE/FALSE, CRLF as LF)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kravkart-calc-'));
    try {
      writeFileSync(join(dir, 'book.xlsx'), bytes);
      // Every sheet to CSV, UTF-8, cells "as shown" (token 9), in a throwaway profile.
      const filter = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1';
      const run = spawnSync('soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', filter, '--outdir', dir, join(dir, 'book.xlsx')], { encoding: 'utf8', timeout: 120_000 });
      expect(run.status, run.stderr).toBe(0);
      const reading = { delimiter: ',', bom: false, recordEnd: 'lf-or-crlf', markQuotedEmpty: false } as const;
      for (const t of TABLE_NAMES) {
        // Calc keeps a line break in a cell as LF only: the hostile fixture's CRLF (stored as `_x000D_` + LF, which
        // Excel keeps) comes back as LF there.
        const asCalc = (c: string) => (c === 'true' ? 'TRUE' : c === 'false' ? 'FALSE' : c.replace(/\r\n/g, '\n'));
        const expected = readCsv(tableCsv(ds[t], columns(t)), reading).map((r) => r.map(asCalc));
        const got = readCsv(readFileSync(join(dir, `book-${t}.csv`), 'utf8'), reading);
        expect(got, t).toEqual(expected);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

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
          else if (Array.isArray(v)) expect(shown(cell.value), where).toBe(v.join('; '));
          else if (isDateColumn(c)) {
            expect(cell.value, where).toBeInstanceOf(Date);
            expect(isoOf(cell.value as Date, cell.numFmt), where).toBe(v);
            dates++;
          } else expect(shown(cell.value), where).toBe(v);
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
      texts.push(shown(row.getCell(textCol).value));
      quotes.push(shown(row.getCell(quoteCol).value));
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
    const smallBytes = await sinkXlsx(small);
    const book = await readBook(smallBytes);
    const col = columns('demands').findIndex((c) => c.name === 'text') + 1;
    expect(shown(book.getWorksheet('demands')?.getRow(2).getCell(col).value)).toBe(tricky);
    // The sheet's XML carries no raw control character, which no XML reader would accept.
    const sheet = await (await JSZip.loadAsync(smallBytes)).file('xl/worksheets/sheet5.xml')?.async('string');
    expect(sheet).toContain('Side 2_x000C_=krav_x000D_\nmed _x005F_x0041_ og _x0001_slutt');
    expect(sheet).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]|\r/);
  });

  it('keeps characters outside the BMP (surrogate pairs, 4 bytes in UTF-8) whole, also across compression chunks', async () => {
    const first = ds.demands[0] as Dataset['demands'][number];
    // Long enough that the rows cross the writer's chunk boundaries many times over.
    const astral = (i: number) => `${'𝄞'.repeat(i % 7)}krav ${i} 👍🏽 ${'𝔸'.repeat(3000 + i)} slutt`;
    const many: Dataset = { ...ds, demands: Array.from({ length: 40 }, (_, i) => ({ ...first, demand_id: `dem_${i.toString(16).padStart(12, '0')}`, text: astral(i) })) };
    const book = await readBook(await sinkXlsx(many));
    const ws = book.getWorksheet('demands') as ExcelJS.Worksheet;
    const col = columns('demands').findIndex((c) => c.name === 'text') + 1;
    many.demands.forEach((d, i) => expect(ws.getRow(i + 2).getCell(col).value).toBe(d.text));
  });

  it('continues a table too long for one sheet on "<table> (2)", … with every row kept in order', async () => {
    expect(sheetNames('mentions', 0)).toEqual(['mentions']);
    expect(sheetNames('mentions', 2_000_000)).toEqual(['mentions', 'mentions (2)']);
    expect(sheetNames('mentions', 80, 40)).toEqual(['mentions', 'mentions (2)']);
    const book = await readBook(await sinkXlsx(ds, 40));
    const names = sheetNames('mentions', ds.mentions.length, 40);
    expect(names.length).toBeGreaterThan(2);
    expect(book.worksheets.map((w) => w.name).filter((n) => n.startsWith('mentions'))).toEqual(names);
    const ids = names.flatMap((n, i) => {
      const ws = book.getWorksheet(n) as ExcelJS.Worksheet;
      expect(ws.getRow(1).getCell(1).value).toBe('mention_id');
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      const rows = Math.min(40, ds.mentions.length - i * 40);
      expect(ws.autoFilter).toBe(`A1:${ws.getColumn(columns('mentions').length).letter}${rows + 1}`);
      return (ws.getColumn(1).values as unknown[]).slice(2);
    });
    expect(ids).toEqual(ds.mentions.map((m) => m.mention_id));
    const readme: string[] = [];
    book.getWorksheet('Les meg')?.eachRow((r) => r.eachCell((c) => readme.push(String(c.value))));
    expect(readme.join('\n')).toContain(`${ds.mentions.length} rader, fortsetter på ${names.slice(1).map((n) => `«${n}»`).join(', ')}.`);
  });

  it('gives a table without rows one sheet with its header and filter', async () => {
    const book = await readBook(await sinkXlsx({ ...ds, dates: [] }));
    const ws = book.getWorksheet('dates') as ExcelJS.Worksheet;
    expect(ws.rowCount).toBe(1);
    expect(ws.getRow(1).getCell(1).value).toBe('date_id');
    expect(ws.autoFilter).toBe(`A1:${ws.getColumn(columns('dates').length).letter}1`);
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

  it('is byte-identical across runs, also in another time zone', async () => {
    expect((await sinkXlsx(ds)).equals(bytes)).toBe(true);
    const tz = process.env['TZ'];
    process.env['TZ'] = 'Pacific/Auckland';
    try {
      expect((await sinkXlsx(ds)).equals(bytes)).toBe(true);
    } finally {
      if (tz === undefined) delete process.env['TZ'];
      else process.env['TZ'] = tz;
    }
  });

  it('writes only kravkart.xlsx into the output folder and removes its scratch files', async () => {
    const root = mkdtempSync(join(tmpdir(), 'kravkart-xlsx-test-'));
    try {
      const dirs = { out: join(root, 'out'), scratch: join(root, 'scratch') };
      const sink: OutputSink = new WorkbookSink(dirs, { maxRows: 40 });
      for (const b of documentBatches(ds)) sink.add(b, null);
      expect(readdirSync(dirs.scratch).length).toBeGreaterThan(0); // the rows went out as they came
      const written = await sink.finish({ documents: ds.documents, actors: ds.actors, meta, created: null, stamp, citation: citation({ meta, created: null }) });
      expect(written.map((w) => w.path)).toEqual([XLSX_PATH]);
      expect(readdirSync(dirs.out)).toEqual([XLSX_PATH]);
      expect(readdirSync(dirs.scratch)).toEqual([]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('is a plain zip: fixed entry order, checked CRCs, no extra fields, every entry and the properties at the stamp', async () => {
    const zip = await JSZip.loadAsync(bytes, { checkCRC32: true });
    const entries = Object.values(zip.files);
    expect(entries.length).toBeGreaterThan(5);
    for (const e of entries) expect(e.dir).toBe(false);
    for (const e of entries) expect(e.date.toISOString(), e.name).toBe(stamp.toISOString());
    expect(wb.created.toISOString()).toBe(stamp.toISOString());
    expect(wb.modified.toISOString()).toBe(stamp.toISOString());
    expect(centralEntries(bytes).map((e) => e.name)).toEqual([
      '[Content_Types].xml',
      '_rels/.rels',
      'docProps/app.xml',
      'docProps/core.xml',
      'xl/workbook.xml',
      'xl/_rels/workbook.xml.rels',
      'xl/styles.xml',
      ...Array.from({ length: 1 + TABLE_NAMES.length }, (_, i) => `xl/worksheets/sheet${i + 1}.xml`),
    ]);
    for (const e of centralEntries(bytes)) {
      // Local header: no extra field, and the data inflates (with Node's zlib, another inflater than JSZip's) to its CRC.
      expect(bytes.readUInt32LE(e.offset), e.name).toBe(0x04034b50);
      expect(bytes.readUInt16LE(e.offset + 28), e.name).toBe(0);
      const start = e.offset + 30 + bytes.readUInt16LE(e.offset + 26);
      const data = inflateRawSync(bytes.subarray(start, start + e.compressed));
      expect(data.length, e.name).toBe(e.size);
      expect(crc32(data), e.name).toBe(e.crc);
    }
  });

  it('joins the CRC-32 of a sheet head and its streamed rows without reading them again', () => {
    const cases: [string, string][] = [['', ''], ['head', ''], ['', 'rows'], ['<sheetData>', 'å𝄞'.repeat(70_000)]];
    for (const [a, b] of cases) expect(crc32Combine(crc32(a), crc32(b), Buffer.byteLength(b))).toBe(crc32(a + b));
  });

  it('takes its stamp from SOURCE_DATE_EPOCH when set, else from the latest document date', async () => {
    expect(stamp.toISOString()).toBe(`${ds.documents.map((d) => d.date ?? '').sort().at(-1)}T00:00:00.000Z`);
    const pinned: Context = { ...ctx, options: { ...ctx.options, sourceDateEpoch: '1700000000' } };
    const files = await exportOutputs(ds, pinned, []);
    const book = await readBook(files.find((f) => f.path === XLSX_PATH)?.content as Uint8Array);
    expect(book.created.toISOString()).toBe('2023-11-14T22:13:20.000Z');
    const readme: string[] = [];
    book.getWorksheet('Les meg')?.eachRow((r) => r.eachCell((c) => readme.push(String(c.value))));
    expect(readme.join('\n')).toContain('The kravkart contributors (2023).');
  });
});

/** The central directory's entries of a zip archive, read from its end record. */
function centralEntries(zip: Buffer): { name: string; crc: number; compressed: number; size: number; offset: number }[] {
  const end = zip.length - 22;
  expect(zip.readUInt32LE(end)).toBe(0x06054b50);
  const count = zip.readUInt16LE(end + 10);
  let p = zip.readUInt32LE(end + 16);
  const entries = [];
  for (let i = 0; i < count; i++) {
    expect(zip.readUInt32LE(p)).toBe(0x02014b50);
    const nameLength = zip.readUInt16LE(p + 28);
    expect(zip.readUInt16LE(p + 30) + zip.readUInt16LE(p + 32)).toBe(0); // no extra field, no comment
    entries.push({
      name: zip.toString('utf8', p + 46, p + 46 + nameLength),
      crc: zip.readUInt32LE(p + 16),
      compressed: zip.readUInt32LE(p + 20),
      size: zip.readUInt32LE(p + 24),
      offset: zip.readUInt32LE(p + 42),
    });
    p += 46 + nameLength;
  }
  return entries;
}
