import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { assemble } from '../pipeline/assemble/index.ts';
import type { Context } from '../pipeline/context.ts';
import type { OutputFile } from '../pipeline/export/index.ts';
import { exportDataset } from './support/export.ts';
import type { Lexicon } from '../pipeline/lexicon/load.ts';
import type { Message } from '../pipeline/messages.ts';
import { loadAssertions } from '../pipeline/validate/assertions.ts';
import { DatasetValidator, validate } from '../pipeline/validate/index.ts';
import { checkOffsets } from '../pipeline/validate/integrity.ts';
import { compileSchema } from '../pipeline/validate/schemas.ts';
import { TABLE_NAMES } from '../pipeline/models/tables.ts';
import { schemaFile } from '../pipeline/schemas/json-schemas.ts';
import { hostileDoc } from './fixtures/hostile/doc.ts';

// Validation reads no lexicon; an empty one keeps this test independent of the lexicon files.
const ctx = (strict = false): Context => ({ options: { strict, sourceDateEpoch: null }, lexicon: {} as unknown as Lexicon });

const doc = hostileDoc();
const clean = await exportDataset(assemble([doc], ctx()).dataset, ctx());

type Row = Record<string, unknown>;

/** The exported files with one JSON file's rows changed, as a buggy pipeline might have written them. */
function tamper(path: string, change: (rows: Row[]) => unknown): OutputFile[] {
  return clean.map((f) => {
    if (f.path !== path) return f;
    const rows = JSON.parse(f.content as string) as Row[];
    return { path, content: JSON.stringify(change(rows) ?? rows) };
  });
}

/** `[code, file, record, field]` of each message: what a user needs to find the problem, not the wording. */
const where = (ms: Message[]) =>
  ms.map((m) => {
    const hit = /record (\S+)(?: field (\S+?):)?/.exec(m.reason);
    return [m.code, m.file, hit?.[1] ?? null, hit?.[2] ?? null];
  });

const rowsOf = (path: string) => JSON.parse(clean.find((f) => f.path === path)?.content as string) as Row[];
const demands = rowsOf('demands.json');
const mentions = rowsOf('mentions.json');
const firstDemand = demands[0]?.['demand_id'];

describe('validate', () => {
  it('accepts a clean export with no messages', () => {
    expect(validate(clean, [doc], ctx(true)).messages).toEqual([]);
  });

  it('reports schema violations by record ID and field, against the committed schemas/', () => {
    const files = tamper('demands.json', (rows) => {
      Object.assign(rows[0] as Row, { start: -1, topic: 'weather', extra: 1 });
      delete (rows[1] as Row)['quote'];
    });
    const got = where(validate(files, [doc], ctx()).messages.filter((m) => m.code === 'schema-violation'));
    expect(got).toEqual(
      expect.arrayContaining([
        ['schema-violation', 'demands.json', firstDemand, 'start'],
        ['schema-violation', 'demands.json', firstDemand, 'topic'],
        ['schema-violation', 'demands.json', firstDemand, 'extra'],
        ['schema-violation', 'demands.json', demands[1]?.['demand_id'], 'quote'],
      ]),
    );
  });

  it('reports duplicate IDs and unresolved foreign keys (each item of a list)', () => {
    let files = tamper('mentions.json', (rows) => [...rows, rows[0]]);
    const dup = validate(files, [doc], ctx()).messages.filter((m) => m.code === 'duplicate-id');
    expect(dup.map((m) => [m.code, m.file])).toEqual([['duplicate-id', 'mentions.json']]);
    expect(dup[0]?.reason).toContain(String(mentions[0]?.['mention_id']));

    files = tamper('demands.json', (rows) => {
      Object.assign(rows[0] as Row, { addressee_id: 'act_000000000000', claimant_ids: [(rows[0] as Row)['claimant_ids'], 'act_111111111111'].flat() });
    });
    expect(where(validate(files, [doc], ctx()).messages)).toEqual([
      ['foreign-key', 'demands.json', firstDemand, 'claimant_ids'],
      ['foreign-key', 'demands.json', firstDemand, 'addressee_id'],
    ]);
  });

  it('checks that the source slice in code points equals the quote or text', () => {
    const files = tamper('mentions.json', (rows) => {
      const m = rows[0] as Row;
      m['start'] = (m['start'] as number) + 1;
    });
    const got = validate(files, [doc], ctx()).messages;
    expect(where(got)).toEqual([['offset-mismatch', 'mentions.json', mentions[0]?.['mention_id'], 'text']]);
    expect(got[0]?.severity).toBe('error');
  });

  it('reports coverage as warnings, and as errors with --strict', async () => {
    const bare = hostileDoc();
    bare.info = { ...bare.info, date: null, publisher: null };
    bare.demands = [];
    const files = await exportDataset(assemble([bare], ctx()).dataset, ctx());
    const loose = validate(files, [bare], ctx()).messages;
    // Per document as the documents pass, then the row counts of the whole dataset.
    expect(loose.map((m) => [m.code, m.severity, m.file])).toEqual([
      ['coverage', 'warning', 'hostile.txt'],
      ['coverage', 'warning', 'hostile.txt'],
      ['coverage', 'warning', 'hostile.txt'],
      ['coverage', 'warning', 'demands.json'],
    ]);
    expect(validate(files, [bare], ctx(true)).messages.every((m) => m.severity === 'error')).toBe(true);
  });

  it('does not expect a date from a document a curator marked `date: undated`', async () => {
    const undated = hostileDoc();
    undated.info = { ...undated.info, date: null };
    undated.meta = { date: 'undated' };
    const files = await exportDataset(assemble([undated], ctx()).dataset, ctx());
    expect(validate(files, [undated], ctx(true)).messages).toEqual([]);
    expect(validate(files, [{ ...undated, meta: null }], ctx(true)).messages.map((m) => [m.code, m.reason])).toEqual([['coverage', 'document has no date of its own']]);
  });

  it('shows the first N messages of an assertion and counts the rest', () => {
    const limit = loadAssertions().report_limit;
    const files = tamper('mentions.json', (rows) => Array.from({ length: limit + 5 }, (_, i) => ({ ...(rows[0] as Row), mention_id: `men_${String(i).padStart(12, '0')}`, actor_id: 'act_000000000000' })));
    const fk = validate(files, [doc], ctx()).messages.filter((m) => m.code === 'foreign-key');
    expect(fk).toHaveLength(limit + 1);
    expect(fk[limit]?.reason).toMatch(/^5 more foreign-key mentions\.actor_id problem\(s\) not shown \(25 in all\)/);
  });

  it('validates datapackage.json against the Frictionless profile', () => {
    const files = clean.map((f) => {
      if (f.path !== 'datapackage.json') return f;
      const dp = JSON.parse(f.content as string) as { resources: Row[] };
      (dp.resources[0] as Row)['path'] = '../outside.csv';
      return { path: f.path, content: JSON.stringify(dp) };
    });
    const got = validate(files, [doc], ctx()).messages;
    expect(got.length).toBeGreaterThan(0);
    expect(got.every((m) => m.code === 'schema-violation' && m.file === 'datapackage.json')).toBe(true);
  });
});

describe('DatasetValidator, as the build streams documents into it', () => {
  const ds = assemble([doc], ctx()).dataset;
  const rowsOf = (id: unknown) => ({
    mentions: ds.mentions.filter((r) => r.document_id === id) as unknown as Row[],
    demands: ds.demands.filter((r) => r.document_id === id) as unknown as Row[],
    dates: ds.dates.filter((r) => r.document_id === id) as unknown as Row[],
  });
  const d = ds.documents[0] as unknown as Row;
  const declared = new Set(ds.actors.map((a) => a.actor_id));
  const source = { file: doc.file, source: doc.source, undated: false };

  it('finds an ID used again by a later document, and accepts a clean stream', () => {
    const clean = new DatasetValidator(ctx(true));
    clean.add({ document: d, ...rowsOf(d['document_id']), actorIds: declared }, source);
    clean.finish(ds.documents as unknown as Row[], ds.actors as unknown as Row[]);
    expect(clean.messages()).toEqual([]);

    // The same rows again under a second document: every mention, demand and date ID is a duplicate.
    const twice = new DatasetValidator(ctx());
    const other = { ...d, document_id: 'doc_000000000001', source_file: 'other.txt' };
    twice.add({ document: d, ...rowsOf(d['document_id']), actorIds: declared }, source);
    twice.add({ document: other, ...rowsOf(d['document_id']), actorIds: declared }, null);
    twice.finish([d, other], ds.actors as unknown as Row[]);
    const dup = twice.messages().filter((m) => m.code === 'duplicate-id').map((m) => m.file);
    expect(new Set(dup)).toEqual(new Set(['mentions.json', 'demands.json', 'dates.json']));
  });

  it('checks a reference the document did not declare against the final actor table, and a declared one too', () => {
    const v = new DatasetValidator(ctx());
    const rows = rowsOf(d['document_id']);
    const first = rows.mentions[0] as Row;
    // Undeclared and unknown: reported when the actor table is final.
    const stray = { ...first, mention_id: 'men_999999999999', actor_id: 'act_999999999999' };
    v.add({ document: d, ...rows, mentions: [...rows.mentions, stray], actorIds: declared }, source);
    // Declared by the document but missing from the actor table (an assemble bug): reported too.
    const actors = (ds.actors as unknown as Row[]).filter((a) => a['actor_id'] !== first['actor_id']);
    v.finish(ds.documents as unknown as Row[], actors);
    expect(where(v.messages().filter((m) => m.code === 'foreign-key'))).toEqual(
      expect.arrayContaining([
        ['foreign-key', 'mentions.json', 'men_999999999999', 'actor_id'],
        ['foreign-key', 'mentions.json', first['mention_id'], 'actor_id'],
      ]),
    );
  });
});

describe('validators kept between builds', () => {
  it('the kept standalone code of every schema judges records exactly as the schema compiled afresh', () => {
    const keep = mkdtempSync(join(tmpdir(), 'kravkart-validators-'));
    try {
      const dist = fileURLToPath(new URL('../dist/', import.meta.url));
      const cases: [string, unknown[]][] = TABLE_NAMES.map((t) => {
        const rows = JSON.parse(readFileSync(join(dist, `${t}.json`), 'utf8')) as Record<string, unknown>[];
        const first = rows[0] ?? {};
        // Valid records, then broken ones: a wrong type, a missing key, an unknown key, a bad pattern.
        const broken = Object.keys(first).flatMap((k) => [{ ...first, [k]: 12.5 }, { ...first, [k]: 'x' }]);
        const { [Object.keys(first)[0] ?? '']: _gone, ...missing } = first;
        return [schemaFile(t), [rows, [...broken.map((b) => [b]), [missing], [{ ...first, extra: 1 }]]]];
      });
      const descriptor = JSON.parse(readFileSync(join(dist, 'datapackage.json'), 'utf8')) as Record<string, unknown>;
      cases.push(['frictionless/datapackage.json', [[descriptor], [{ ...descriptor, resources: 'none' }], [{ ...descriptor, name: 'Not A Name!' }]]]);
      for (const [file, inputs] of cases) {
        const fresh = compileSchema(file, null);
        const written = compileSchema(file, keep);
        const loaded = compileSchema(file, keep);
        for (const input of inputs) {
          const data = file.startsWith('frictionless/') ? (input as unknown[])[0] : input;
          const verdicts = [fresh, written, loaded].map((v) => [v(data), v.errors ?? null]);
          expect(verdicts[1], file).toEqual(verdicts[0]);
          expect(verdicts[2], file).toEqual(verdicts[0]);
        }
      }
      expect(readdirSync(keep).filter((f) => f.endsWith('.cjs'))).toHaveLength(cases.length);
    } finally {
      rmSync(keep, { recursive: true, force: true });
    }
  });
});

describe('offset checks, in code points of the source', () => {
  const source = 'a😀b\ud800c d';
  const cps = Array.from(source);
  const tables = (mentions: Row[]) => ({ documents: [{ document_id: 'doc_1', source_file: 'x.txt' }], actors: [], mentions, demands: [], dates: [] });
  const check = (mentions: Row[], docs = [{ file: 'x.txt', source }]) => {
    const found: Message[] = [];
    checkOffsets(tables(mentions), docs, { mentions: 'text' }, { add: (_a, m) => found.push(m) });
    return found.map((m) => m.reason);
  };

  it('counts an astral character and a lone surrogate as one code point each, as Array.from does', () => {
    const rows: Row[] = [];
    for (let s = 0; s <= cps.length; s++) for (let e = s; e <= cps.length; e++) rows.push({ mention_id: `m${s}-${e}`, document_id: 'doc_1', start: s, end: e, text: cps.slice(s, e).join('') });
    expect(check(rows)).toEqual([]);
    const wrong = rows.map((r) => ({ ...r, text: `${String(r['text'])}x` }));
    expect(check(wrong.slice(4, 5))).toEqual([`record m0-4 field text: source slice [0, 4) of x.txt is ${JSON.stringify(cps.slice(0, 4).join(''))}, not ${JSON.stringify(`${cps.slice(0, 4).join('')}x`)}`]);
  });

  it('reports spans outside the source, bad numbers and unknown sources', () => {
    const row = { mention_id: 'm', document_id: 'doc_1', start: 0, end: 8, text: '' };
    expect(check([row, { ...row, end: 1.5 }, { ...row, start: -1 }])).toEqual([
      'record m field text: [0, 8) is outside x.txt (7 code points)',
      'record m field text: start and end must be integers',
      'record m field text: [-1, 8) is outside x.txt (7 code points)',
    ]);
    expect(check([row], [])).toEqual(['record m field text: source x.txt is not among the documents read']);
  });
});
