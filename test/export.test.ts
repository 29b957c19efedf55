import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assemble } from '../pipeline/assemble/index.ts';
import type { Context } from '../pipeline/context.ts';
import { createdFrom, type OutputFile } from '../pipeline/export/index.ts';
import { exportDataset } from './support/export.ts';
import { loadPackageMeta } from '../pipeline/export/package.ts';
import { sha256 } from '../pipeline/ids.ts';
import type { Lexicon } from '../pipeline/lexicon/load.ts';
import { BuildFailure } from '../pipeline/messages.ts';
import { TABLES, TABLE_NAMES } from '../pipeline/models/tables.ts';
import { TOPICS } from '../pipeline/models/vocab.ts';
import { validate } from '../pipeline/validate/index.ts';
import { hostileDoc } from './fixtures/hostile/doc.ts';
import { readCsv } from './support/csv.ts';

// Neither assemble nor export reads the lexicon; an empty one keeps the test independent of it.
/** The machine dialect, read strictly: LF or CRLF records, and an explicitly quoted empty cell would be a bug to notice. */
const parseCsv = (text: string): string[][] => readCsv(text, { delimiter: ',', bom: false, recordEnd: 'lf-or-crlf', markQuotedEmpty: true });

const ctx: Context = { options: { strict: false, sourceDateEpoch: null }, lexicon: {} as unknown as Lexicon };


const expectedCell = (v: unknown): string => (v === null ? '' : Array.isArray(v) ? v.join('; ') : String(v));

async function build(env: { SOURCE_DATE_EPOCH?: string } = {}): Promise<{ files: OutputFile[]; get: (path: string) => string }> {
  const { dataset } = assemble([hostileDoc()], ctx);
  const files = await exportDataset(dataset, { ...ctx, options: { ...ctx.options, sourceDateEpoch: env.SOURCE_DATE_EPOCH ?? null } });
  const get = (path: string) => {
    const f = files.find((x) => x.path === path);
    if (!f || typeof f.content !== 'string') throw new Error(`no text file ${path}`);
    return f.content;
  };
  return { files, get };
}

const built = await build();

describe('CSV: RFC 4180, faithful to the JSON rows', () => {
  const { get } = built;

  it('round-trips every cell of every table, hostile texts included', () => {
    for (const t of TABLE_NAMES) {
      const csv = get(`${t}.csv`);
      const json = JSON.parse(get(`${t}.json`)) as Record<string, unknown>[];
      const [header, ...rows] = parseCsv(csv);
      expect(header).toEqual(Object.keys(TABLES[t].model.shape));
      expect(rows).toHaveLength(json.length);
      rows.forEach((r, i) => expect(r).toEqual((header ?? []).map((col) => expectedCell(json[i]?.[col] ?? null))));
    }
  });

  it('keeps formula-like starts, quotes, semicolons, tabs and CRLF exactly', () => {
    const [header, ...rows] = parseCsv(get('demands.csv'));
    const col = (name: string) => (header ?? []).indexOf(name);
    const texts = rows.map((r) => r[col('text')]);
    const quotes = rows.map((r) => r[col('quote')]);
    for (const start of ['=', '+', '-', '@', '\t']) expect(texts.some((t) => t?.startsWith(start))).toBe(true);
    expect(texts).toContain('=SUM(A1:A9) skal betales av staten; ikke av kommunene.');
    expect(texts).toContain('\t-Tab først, """tre""" anførselstegn.');
    expect(quotes).toContain('Vi krever at linjen\r\nbrytes her, med "sitat" og ; semikolon\r\n');
    expect(get('demands.csv')).not.toMatch(/'[=+\-@]/);
    const [dh, ...docs] = parseCsv(get('documents.csv'));
    expect(docs[0]?.[(dh ?? []).indexOf('url')]).toBe('https://example.org/a,b?c="d"');
  });

  it('writes UTF-8 without BOM, a header row, LF record ends, quotes only where needed, booleans and lists as documented', () => {
    const csv = get('dates.csv');
    expect(csv.charCodeAt(0)).not.toBe(0xfeff);
    expect(csv.startsWith('date_id,document_id,text,value,')).toBe(true);
    expect(csv.endsWith('false\n')).toBe(true);
    expect(csv).not.toContain('"');
    const actors = parseCsv(get('actors.csv'));
    expect(actors.every((r) => r.length === Object.keys(TABLES.actors.model.shape).length)).toBe(true);
    expect(get('demands.csv')).toContain(',labour,5,');
  });
});

describe('JSON: the same rows with arrays and nulls', () => {
  it('is an indented array ending in a newline, equal to the dataset', async () => {
    const { dataset } = assemble([hostileDoc()], ctx);
    const { get } = await build();
    for (const t of TABLE_NAMES) {
      const text = get(`${t}.json`);
      expect(text.endsWith(']\n')).toBe(true);
      expect(JSON.parse(text)).toEqual(dataset[t]);
    }
    expect(get('demands.json')).toContain('\n  {\n    "demand_id": ');
  });
});

describe('datapackage.json', () => {
  const { get } = built;
  const dp = JSON.parse(get('datapackage.json')) as {
    $schema: string;
    name: string;
    version: string;
    created?: string;
    licenses: { name: string }[];
    sources: { title: string; sha256: string }[];
    resources: {
      name: string;
      path: string;
      format: string;
      mediatype: string;
      bytes: number;
      hash: string;
      schema: { fields: { name: string; type: string; description: string; constraints?: Record<string, unknown> }[]; primaryKey: string[]; foreignKeys?: { fields: string[]; reference: { resource?: string; fields: string[] } }[] };
    }[];
  };

  it('declares the v2 profile, name, licence, version and sources', () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(dp.$schema).toBe('https://datapackage.org/profiles/2.0/datapackage.json');
    expect(dp.name).toBe('kravkart');
    expect(dp.version).toBe(pkg.version);
    expect(loadPackageMeta().version).toBe(pkg.version);
    expect(dp.licenses.map((l) => l.name)).toEqual(['CC-BY-4.0']);
    expect(dp.sources).toEqual([expect.objectContaining({ sha256: sha256(hostileDoc().source) })]);
    expect(dp.created).toBeUndefined();
  });

  it('has one typed, described resource per table and format, with size and hash of the file', () => {
    expect(dp.resources.map((r) => r.path)).toEqual([...TABLE_NAMES.map((t) => `${t}.csv`), ...TABLE_NAMES.map((t) => `${t}.json`), ...TABLE_NAMES.map((t) => `excel/${t}.csv`)]);
    for (const r of dp.resources) {
      const content = get(r.path);
      expect(r.bytes).toBe(Buffer.byteLength(content));
      expect(r.hash).toBe(`sha256:${sha256(content)}`);
      for (const f of r.schema.fields) {
        expect(f.description.length).toBeGreaterThan(0);
        expect(['string', 'integer', 'number', 'boolean', 'array']).toContain(f.type);
      }
    }
    const demands = dp.resources.find((r) => r.name === 'demands');
    expect(demands).toMatchObject({ format: 'csv', mediatype: 'text/csv', schema: { primaryKey: ['demand_id'] } });
    const field = (name: string) => demands?.schema.fields.find((f) => f.name === name);
    expect(field('claimant_ids')).toMatchObject({ type: 'string', description: expect.stringContaining('`; `') });
    expect(field('topic')?.constraints?.['enum']).toEqual(Object.keys(TOPICS));
    expect(field('demand_id')?.constraints).toMatchObject({ required: true, pattern: 'dem_[0-9a-f]{12}' });
    expect(field('addressee_id')).toMatchObject({ missingValues: [''] });
    expect(field('addressee_id')?.constraints?.['required']).toBeUndefined();
  });

  it('declares foreign keys from the table registry; a self-reference has no resource; lists are not keys', () => {
    const keys = (name: string) => dp.resources.find((r) => r.name === name)?.schema.foreignKeys ?? [];
    expect(keys('actors')).toEqual([{ fields: ['affiliation_id'], reference: { fields: ['actor_id'] } }]);
    expect(keys('demands').map((k) => k.fields[0])).toEqual(['document_id', 'addressee_id']);
    expect(keys('mentions-json')).toContainEqual({ fields: ['actor_id'], reference: { resource: 'actors-json', fields: ['actor_id'] } });
  });

  it('takes `created` only from SOURCE_DATE_EPOCH', async () => {
    const withEpoch = JSON.parse((await build({ SOURCE_DATE_EPOCH: '1700000000' })).get('datapackage.json')) as { created: string };
    expect(withEpoch.created).toBe('2023-11-14T22:13:20Z');
    expect(createdFrom(undefined)).toBeNull();
    expect(() => createdFrom('yesterday')).toThrow(BuildFailure);
  });
});

describe('CODEBOOK.md and SHA256SUMS', () => {
  const { files, get } = built;

  it('documents every table and column from the models, and the topic codes', () => {
    const book = get('CODEBOOK.md');
    for (const t of TABLE_NAMES) {
      expect(book).toContain(`\n## ${t}\n`);
      expect(book).toContain(`Primary key: \`${TABLES[t].primaryKey}\``);
      for (const col of Object.keys(TABLES[t].model.shape)) expect(book).toContain(`| \`${col}\` |`);
    }
    expect(book).toContain('| `demand_id` | string | yes |');
    expect(book).toContain('| `claimant_ids` | list of string | no |');
    expect(book).toContain('`publisher_id` → `actors.actor_id`');
    expect(book).toContain('| `labour` | 5 |');
    expect(book.endsWith('\n')).toBe(true);
  });

  it('lists every other file with its sha256, sorted, in `sha256sum -c` format', () => {
    const lines = get('SHA256SUMS').trimEnd().split('\n');
    const others = files.filter((f) => f.path !== 'SHA256SUMS');
    expect(lines).toHaveLength(others.length);
    const paths = lines.map((l) => l.slice(66));
    expect(paths).toEqual([...paths].sort());
    for (const f of others) expect(lines).toContain(`${sha256(f.content)}  ${f.path}`);
  });

  it('is byte-identical on every run, and the export passes validation', async () => {
    const again = (await build()).files;
    expect(again).toEqual(files);
    const v = validate(files, [hostileDoc()], ctx);
    expect(v.messages.filter((m) => m.severity === 'error')).toEqual([]);
  });
});
