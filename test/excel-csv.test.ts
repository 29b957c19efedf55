import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assemble } from '../pipeline/assemble/index.ts';
import type { Context } from '../pipeline/context.ts';
import { EXCEL_CSV_DIALECT, excelCsvPath, neutraliseFormula } from '../pipeline/export/excel-csv.ts';
import type { OutputFile } from '../pipeline/export/index.ts';
import { exportOutputs } from './support/export.ts';
import { sha256 } from '../pipeline/ids.ts';
import type { Lexicon } from '../pipeline/lexicon/load.ts';
import { TABLES, TABLE_NAMES } from '../pipeline/models/tables.ts';
import { columns } from '../pipeline/schemas/columns.ts';
import { validate } from '../pipeline/validate/index.ts';
import { hostileDoc } from './fixtures/hostile/doc.ts';
import { readCsv } from './support/csv.ts';

// The hostile fixture holds what breaks spreadsheets: formula starts, quotes, semicolons, CRLF and tabs in cells.
/** The spreadsheet dialect, read strictly: BOM, `;`, CRLF after every record, RFC 4180 quotes. */
const parseExcelCsv = (csv: string): string[][] => readCsv(csv, { delimiter: ';', bom: true, recordEnd: 'crlf', markQuotedEmpty: false });

const ctx: Context = { options: { strict: false, sourceDateEpoch: null }, lexicon: {} as unknown as Lexicon };
const doc = hostileDoc();
const { dataset } = assemble([doc], ctx);
const files = await exportOutputs(dataset, ctx, [doc]);
const text = (path: string): string => {
  const f = files.find((x) => x.path === path);
  if (!f || typeof f.content !== 'string') throw new Error(`no text file ${path}`);
  return f.content;
};


describe('neutraliseFormula', () => {
  it('prefixes a quote only where a spreadsheet would start a formula', () => {
    expect(neutraliseFormula('=SUM(A1:A9) skal betales')).toBe("'=SUM(A1:A9) skal betales");
    expect(neutraliseFormula('+47 ekstra stillinger')).toBe("'+47 ekstra stillinger");
    expect(neutraliseFormula('-Arbeidsgivere må')).toBe("'-Arbeidsgivere må");
    expect(neutraliseFormula('@Regjeringen må')).toBe("'@Regjeringen må");
    expect(neutraliseFormula('\t-Tab først')).toBe("'\t-Tab først");
    expect(neutraliseFormula('\rlinje')).toBe("'\rlinje");
    expect(neutraliseFormula('- 5 prosent')).toBe("'- 5 prosent");
  });

  it('leaves plain numbers and ordinary text exactly as they are', () => {
    for (const s of ['-5', '+47', '-0,5', '12.5', 'Vi krever 5 % mer', 'e-post', "O'Neill", 'a=b', '', ' =ikke først']) expect(neutraliseFormula(s)).toBe(s);
  });
});

describe('excel/<table>.csv', () => {
  it('is UTF-8 with BOM, `;`-separated, CRLF, with the header of the model', () => {
    for (const t of TABLE_NAMES) {
      const csv = text(excelCsvPath(t));
      expect(csv.charCodeAt(0)).toBe(0xfeff);
      expect(csv.startsWith(`\uFEFF${Object.keys(TABLES[t].model.shape).join(';')}\r\n`)).toBe(true);
      expect(csv.endsWith('\r\n')).toBe(true);
    }
  });

  it('holds the same records as the JSON, neutralised and with decimal commas, and nothing else changed', () => {
    for (const t of TABLE_NAMES) {
      const [header, ...rows] = parseExcelCsv(text(excelCsvPath(t)));
      const json = JSON.parse(text(`${t}.json`)) as Record<string, unknown>[];
      expect(header).toEqual(columns(t).map((c) => c.name));
      expect(rows).toHaveLength(json.length);
      rows.forEach((r, i) => {
        const expected = columns(t).map((c) => {
          const v = json[i]?.[c.name] ?? null;
          if (v === null) return '';
          if (Array.isArray(v)) return neutraliseFormula(v.join('; '));
          if (typeof v === 'number') return String(v).replace('.', ',');
          if (typeof v === 'boolean') return String(v);
          return neutraliseFormula(String(v));
        });
        expect(r).toEqual(expected);
      });
    }
  });

  it('neutralises each hostile demand and keeps quotes, semicolons and line breaks inside the cell', () => {
    const [header, ...rows] = parseExcelCsv(text(excelCsvPath('demands')));
    const col = (name: string) => (header ?? []).indexOf(name);
    const texts = rows.map((r) => r[col('text')]);
    expect(texts).toContain("'=SUM(A1:A9) skal betales av staten; ikke av kommunene.");
    expect(texts).toContain("'+47 ekstra stillinger i \"Nav-kontor\", sier 𝔸-gruppa.");
    expect(texts).toContain("'\t-Tab først, \"\"\"tre\"\"\" anførselstegn.");
    expect(rows.map((r) => r[col('quote')])).toContain('Vi krever at linjen\r\nbrytes her, med "sitat" og ; semikolon\r\n');
    expect(rows.map((r) => r[col('confidence')])).toContain('0,9');
    const [dh, ...docs] = parseExcelCsv(text(excelCsvPath('documents')));
    expect(docs[0]?.[(dh ?? []).indexOf('title')]).toBe('\'=HYPERLINK("http://example.org","Hostile Forbund"): uttalelse');
    // The machine CSV stays faithful.
    expect(text('demands.csv')).not.toContain("'=SUM");
  });
});

describe('the published spreadsheet copies (dist/)', () => {
  // The seeds' quotes span source lines: each line break must stay inside its quoted cell, or Excel starts a new
  // record there. The strict reader throws on a bare CR or LF outside quotes.
  it('read back strictly, one record per JSON record, with every line break inside its cell', () => {
    for (const t of TABLE_NAMES) {
      const rows = parseExcelCsv(readFileSync(new URL(`../dist/${excelCsvPath(t)}`, import.meta.url), 'utf8'));
      const json = JSON.parse(readFileSync(new URL(`../dist/${t}.json`, import.meta.url), 'utf8')) as unknown[];
      expect(rows.length - 1).toBe(json.length);
    }
  });
});

describe('the package lists the spreadsheet copies and the files for people', () => {
  const dp = JSON.parse(text('datapackage.json')) as { resources: Record<string, unknown>[] };
  const byName = new Map(dp.resources.map((r) => [r['name'], r]));

  it('declares each copy with its dialect, decimal comma, size, hash and keys into the other copies', () => {
    for (const t of TABLE_NAMES) {
      const r = byName.get(`${t}-excel`) as { path: string; dialect: unknown; bytes: number; hash: string; schema: { fields: { name: string; type: string; decimalChar?: string }[]; foreignKeys?: { reference: { resource?: string } }[] } };
      expect(r.path).toBe(excelCsvPath(t));
      expect(r.dialect).toEqual(EXCEL_CSV_DIALECT);
      expect(r.bytes).toBe(Buffer.byteLength(text(r.path), 'utf8'));
      expect(r.hash).toBe(`sha256:${sha256(text(r.path))}`);
      for (const f of r.schema.fields) expect(f.decimalChar).toBe(f.type === 'number' ? ',' : undefined);
      for (const fk of r.schema.foreignKeys ?? []) if (fk.reference.resource !== undefined) expect(fk.reference.resource).toMatch(/-excel$/);
    }
  });

  it('lists workbook, database and page with media type, size and hash, and in SHA256SUMS', () => {
    const sums = text('SHA256SUMS');
    for (const [name, path, mediatype] of [
      ['kravkart-xlsx', 'kravkart.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      ['kravkart-sqlite', 'kravkart.sqlite', 'application/vnd.sqlite3'],
      ['kravkart-page', 'index.html', 'text/html'],
    ] as const) {
      const f = files.find((x) => x.path === path) as OutputFile;
      const r = byName.get(name) as { path: string; mediatype: string; bytes: number; hash: string };
      expect(r).toMatchObject({ path, mediatype, hash: `sha256:${sha256(f.content)}` });
      expect(r.bytes).toBe(typeof f.content === 'string' ? Buffer.byteLength(f.content) : f.content.byteLength);
      expect(sums).toContain(`${sha256(f.content)}  ${path}\n`);
    }
    for (const t of TABLE_NAMES) expect(sums).toContain(`  ${excelCsvPath(t)}\n`);
  });

  it('passes validation against the Frictionless profile and the data assertions', () => {
    expect(validate(files, [doc], ctx).messages.filter((m) => m.severity === 'error')).toEqual([]);
  });
});
