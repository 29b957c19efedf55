import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { assemble } from '../pipeline/assemble/index.ts';
import type { Context } from '../pipeline/context.ts';
import { readCorpus } from '../pipeline/ingest/read.ts';
import { ingest } from '../pipeline/ingest/index.ts';
import { loadPackageMeta } from '../pipeline/export/package.ts';
import { BuildFailure } from '../pipeline/messages.ts';
import { DatabaseSink, SQLITE_PATH, openSqlite, sqlValue, type SqliteDb } from '../pipeline/export/sqlite.ts';
import { RowInserter } from '../pipeline/export/sqlite-insert.ts';
import { openSqliteFile } from '../pipeline/export/sqlite-runtime.ts';
import { LINK_TABLES, createTable } from '../pipeline/export/sqlite-schema.ts';
import { OutFile } from '../pipeline/export/out-file.ts';
import { documentBatches } from '../pipeline/export/sink.ts';
import { loadLexicon } from '../pipeline/lexicon/load.ts';
import { TABLES, TABLE_NAMES, type Dataset } from '../pipeline/models/tables.ts';
import { columns } from '../pipeline/schemas/columns.ts';
import { processDocument } from '../pipeline/stages.ts';
import { hostileDoc } from './fixtures/hostile/doc.ts';
import { runSink } from './support/sink.ts';

// The real seeds plus the hostile fixture (quotes, semicolons, CRLF, astral characters in text).
const SEEDS = fileURLToPath(new URL('../seeds/', import.meta.url));
const ctx: Context = { options: { strict: false, sourceDateEpoch: null }, lexicon: loadLexicon() };
const docs = [...ingest(await readCorpus(SEEDS, 'seeds')).docs.map((d) => processDocument(d, ctx)), hostileDoc()];
const ds: Dataset = assemble(docs, ctx).dataset;
const meta = loadPackageMeta();
const tail = { meta, citation: 'kravkart contributors. Test citation.', created: null, stamp: new Date(0) };
// Built the way the build drives it: one document at a time through the sink, written into a folder.
const build = async (data: Dataset = ds): Promise<Buffer> => {
  const files = await runSink((dirs) => DatabaseSink.open(dirs), data, tail);
  expect([...files.keys()]).toEqual([SQLITE_PATH]);
  return files.get(SQLITE_PATH) as Buffer;
};
const bytes = await build();
const db = openSqlite(bytes);
afterAll(() => db.close());

const rows = (sql: string, bind: (string | number)[] = []) => db.prepare(sql).all(...bind) as Record<string, unknown>[];
// The first column of the first row (undefined when there is none), and every row as an array of values.
const value = (sql: string, bind: (string | number)[] = [], on: SqliteDb = db): unknown => on.prepare(sql).pluck().get(...bind);
const arrays = (sql: string, on: SqliteDb = db) => on.prepare(sql).raw().all() as unknown[][];

describe('kravkart.sqlite', () => {
  it('is a valid SQLite file with a fixed page size and every foreign key resolved', () => {
    expect(Buffer.from(bytes.subarray(0, 16)).toString('latin1')).toBe('SQLite format 3\u0000');
    expect(Buffer.from(bytes).readUInt16BE(16)).toBe(4096); // the page size, as every reader sees it in the header
    expect(value('PRAGMA integrity_check')).toBe('ok');
    expect(arrays('PRAGMA foreign_key_check')).toEqual([]);
  });

  it('holds every row of every table equal to the records, in their published order', () => {
    for (const t of TABLE_NAMES) {
      const cols = columns(t);
      const got = arrays(`SELECT ${cols.map((c) => `"${c.name}"`).join(', ')} FROM ${t} ORDER BY rowid`);
      const want = ds[t].map((r) => cols.map((c) => sqlValue((r as Record<string, unknown>)[c.name], c)));
      expect(got, t).toEqual(want);
    }
    const hostile = rows("SELECT quote FROM demands WHERE quote LIKE 'Vi krever at linjen%'")[0];
    expect(hostile?.['quote']).toBe('Vi krever at linjen\r\nbrytes her, med "sitat" og ; semikolon\r\n');
  });

  it('declares the primary and foreign keys of the models, with an index on each foreign key', () => {
    for (const t of TABLE_NAMES) {
      const pk = rows(`SELECT name FROM pragma_table_info('${t}') WHERE pk > 0`).map((r) => r['name']);
      expect(pk).toEqual([TABLES[t].primaryKey]);
      const fks = rows(`SELECT "from", "table", "to" FROM pragma_foreign_key_list('${t}') ORDER BY "from"`);
      const want = TABLES[t].foreignKeys
        .filter((fk) => !('many' in fk && fk.many))
        .map((fk) => ({ from: fk.field, table: fk.table, to: TABLES[fk.table].primaryKey }))
        .sort((a, b) => (a.from < b.from ? -1 : 1));
      expect(fks).toEqual(want);
      for (const fk of want) {
        const indexed = rows(`SELECT il.name FROM pragma_index_list('${t}') AS il JOIN pragma_index_info(il.name) AS ii WHERE ii.name = ?`, [fk.from]);
        expect(indexed.length, `${t}.${fk.from}`).toBeGreaterThan(0);
      }
    }
  });

  it('links each claimant of a demand in `demand_claimants`, in list order', () => {
    expect(LINK_TABLES.map((l) => l.name)).toEqual(['demand_claimants']);
    const links = arrays('SELECT demand_id, actor_id, ordinal FROM demand_claimants ORDER BY demand_id, ordinal');
    const want = ds.demands.flatMap((d) => d.claimant_ids.map((a, i) => [d.demand_id, a, i + 1])).sort((a, b) => (String(a[0]) < String(b[0]) ? -1 : String(a[0]) > String(b[0]) ? 1 : Number(a[2]) - Number(b[2])));
    expect(links).toEqual(want);
    expect(links.length).toBeGreaterThan(ds.demands.length / 2);
  });

  it('reports a broken reference through PRAGMA foreign_key_check', async () => {
    const copy = openSqlite(bytes, { writable: true });
    try {
      copy.exec("INSERT INTO demand_claimants (demand_id, actor_id, ordinal) SELECT demand_id, 'act_000000000000', 9 FROM demands LIMIT 1");
      expect(arrays('PRAGMA foreign_key_check', copy).map((r) => [r[0], r[2]])).toEqual([['demand_claimants', 'actors']]);
    } finally {
      copy.close();
    }
  });

  it('carries the codebook: `_columns` for every column, comments in the schema, `_package` with the version', () => {
    for (const t of TABLE_NAMES) {
      const described = rows('SELECT column_name, description FROM _columns WHERE table_name = ? ORDER BY ordinal', [t]);
      expect(described).toEqual(columns(t).map((c) => ({ column_name: c.name, description: c.description })));
      const sql = String(value("SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = ?", [t]));
      for (const c of columns(t)) expect(sql).toContain(`-- ${c.description}`);
    }
    expect(value("SELECT value FROM _package WHERE key = 'version'")).toBe(meta.version);
    expect(value("SELECT value FROM _package WHERE key = 'citation'")).toBe('kravkart contributors. Test citation.');
    const counts = Object.fromEntries(rows('SELECT table_name, row_count FROM _tables').map((r) => [r['table_name'], r['row_count']]));
    for (const t of TABLE_NAMES) expect(counts[t]).toBe(ds[t].length);
  });

  it('finds demands by full text (FTS5), Norwegian letters kept distinct', () => {
    const hits = rows("SELECT d.demand_id, d.text FROM demands_fts JOIN demands AS d USING (demand_id) WHERE demands_fts MATCH 'tillitsreform' ORDER BY rank");
    // FTS matches whole words: "tillitsreformen" is another token.
    const want = ds.demands.filter((d) => /(^|[^\p{L}\p{N}])tillitsreform($|[^\p{L}\p{N}])/iu.test(`${d.text} ${d.section ?? ''}`)).length;
    expect(hits.length).toBe(want);
    expect(hits.length).toBeGreaterThan(0);
    expect(rows("SELECT demand_id FROM demands_fts WHERE demands_fts MATCH 'semikolon'")).toHaveLength(1);
    expect(value("SELECT count(*) FROM demands_fts WHERE demands_fts MATCH 'får'")).toBe(value("SELECT count(*) FROM demands WHERE ' ' || lower(text) || ' ' LIKE '% får %'"));
  });

  it('runs every example query of the README and each returns rows', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const section = readme.split('\n## Spreadsheets, SQLite and the browsable page\n')[1]?.split('\n## ')[0] ?? '';
    const sql = [...section.matchAll(/```sql\n([\s\S]*?)```/g)].map((m) => m[1] ?? '').join('\n');
    const statements = sql
      .split(/;\s*\n/)
      .map((s) => s.replace(/^--.*$/gm, '').trim())
      .filter(Boolean);
    expect(statements.length).toBeGreaterThanOrEqual(4);
    for (const s of statements) expect(arrays(s).length, s).toBeGreaterThan(0);
  });

  it('is byte-identical when built again, also in another time zone', async () => {
    const tz = process.env['TZ'];
    process.env['TZ'] = 'Pacific/Auckland';
    try {
      expect((await build()).equals(bytes)).toBe(true);
    } finally {
      if (tz === undefined) delete process.env['TZ'];
      else process.env['TZ'] = tz;
    }
  });

  it('counts every table in `_tables`, leaves no free pages, and carries planner statistics', () => {
    const counts = Object.fromEntries(rows('SELECT table_name, row_count FROM _tables').map((r) => [r['table_name'], r['row_count']]));
    for (const name of [...LINK_TABLES.map((l) => l.name), 'demands_fts']) expect(counts[name], name).toBe(value(`SELECT count(*) FROM ${name}`));
    // No VACUUM: the pages the full-text merge frees are reused by the indexes built after it.
    expect(value('PRAGMA freelist_count')).toBe(0);
    expect(rows("SELECT tbl FROM sqlite_stat1 WHERE idx = 'demands_document_id'")).toHaveLength(1);
  });

  it('fails the build when a row breaks a foreign key or a CHECK, though checks are off while rows stream in', async () => {
    const [m, ...rest] = ds.mentions;
    if (!m) throw new Error('no mentions');
    const orphan = { ...ds, mentions: [{ ...m, actor_id: 'act_000000000000' }, ...rest] };
    await expect(build(orphan)).rejects.toThrow(BuildFailure);
    await expect(build(orphan)).rejects.toThrow(/1 rows break a foreign key \(mentions row 1 → actors\)/);
    const [d, ...others] = ds.demands;
    if (!d) throw new Error('no demands');
    const offVocabulary = { ...ds, demands: [{ ...d, topic: 'astrology' as typeof d.topic }, ...others] };
    await expect(build(offVocabulary)).rejects.toThrow(/demands rows 1 break a CHECK constraint/);
  });
});

describe('RowInserter', () => {
  // A database of two tables as the sink starts it, with an inserter for each.
  const fresh = () => {
    const on = openSqliteFile(':memory:');
    on.exec(`${createTable('mentions')}; ${createTable('dates')}`);
    const ins = (t: 'mentions' | 'dates') => new RowInserter(on, t, columns(t).map((c) => c.name));
    return { on, mentions: ins('mentions'), dates: ins('dates') };
  };

  it('stores queued rows as rows inserted one at a time: the same values, types, rowids and bytes', () => {
    const one = fresh();
    const many = fresh();
    try {
      // Document by document, each table's rows before the next table's, as the sink sends them; the seeds have a
      // document of 35 mentions, more than one statement takes, and one of exactly as many.
      for (const b of documentBatches(ds)) {
        for (const t of ['mentions', 'dates'] as const) {
          const cols = columns(t);
          for (const r of b[t]) one[t].insertRecord(r, cols);
          for (const r of b[t]) many[t].queueRecord(r, cols);
          many[t].flush();
        }
      }
      expect(Math.max(...[...documentBatches(ds)].map((b) => b.mentions.length))).toBeGreaterThan(32);
      for (const t of ['mentions', 'dates'] as const) {
        const cols = columns(t).map((c) => `"${c.name}", typeof("${c.name}")`).join(', ');
        const got = arrays(`SELECT rowid, ${cols} FROM ${t} ORDER BY rowid`, many.on);
        expect(got, t).toEqual(arrays(`SELECT rowid, ${cols} FROM ${t} ORDER BY rowid`, one.on));
        expect(got, t).toHaveLength(ds[t].length);
      }
      expect(Buffer.from(many.on.serialize()).equals(one.on.serialize())).toBe(true);
    } finally {
      one.on.close();
      many.on.close();
    }
  });

  it('refuses a queued row that breaks NOT NULL or the primary key, as a single insert does', () => {
    const { on, mentions } = fresh();
    try {
      const cols = columns('mentions');
      const [m, n] = ds.mentions;
      if (!m || !n) throw new Error('too few mentions');
      mentions.queueRecord(m, cols);
      mentions.queueRecord({ ...n, document_id: null }, cols);
      expect(() => mentions.flush()).toThrow(/NOT NULL/);
      // The failed statement's rows are dropped, not sent again with the next flush.
      mentions.queueRecord(n, cols);
      mentions.queueRecord(n, cols);
      expect(() => mentions.flush()).toThrow(/UNIQUE/);
      mentions.flush();
    } finally {
      on.close();
    }
  });
});

describe('DatabaseSink output', () => {
  it('moves the database into the output folder with the mode of the other outputs and its own checksum', async () => {
    const root = mkdtempSync(join(tmpdir(), 'kravkart-sqlite-'));
    try {
      const dirs = { out: join(root, 'out'), scratch: join(root, 'scratch') };
      const sink = await DatabaseSink.open(dirs);
      for (const b of documentBatches(ds)) sink.add(b);
      const [written] = await sink.finish({ ...tail, documents: ds.documents, actors: ds.actors });
      const file = readFileSync(join(dirs.out, SQLITE_PATH));
      expect(file.equals(bytes)).toBe(true);
      expect(written).toEqual({ path: SQLITE_PATH, bytes: file.length, sha256: createHash('sha256').update(file).digest('hex') });
      const other = new OutFile(dirs.out, 'other.txt');
      other.write('x');
      other.close();
      expect(statSync(join(dirs.out, SQLITE_PATH)).mode).toBe(statSync(join(dirs.out, 'other.txt')).mode);
      expect(readdirSync(dirs.scratch)).toEqual([]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
