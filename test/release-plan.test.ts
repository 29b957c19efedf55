import { describe, expect, it } from 'vitest';
import { readFolder } from '../pipeline/release/folder.ts';
import { changesCsv } from '../pipeline/release/notes.ts';
import { planRelease, type Plan } from '../pipeline/release/plan.ts';
import { prepareRelease } from '../pipeline/release/release.ts';
import { readSnapshot, type FileMap, type Snapshot } from '../pipeline/release/snapshot.ts';
import { stampVersion } from '../pipeline/release/stamp.ts';

// Fixture pairs: `base/` is a small released version (1.0.0); each case is the next build, made from it by
// one named edit — the way a pipeline or seed change would produce it, with the build's placeholder version.
const BASE = await readFolder(new URL('./fixtures/release/base', import.meta.url).pathname);
const PLACEHOLDER = '0.0.0-unreleased';
const enc = (s: string) => new TextEncoder().encode(s);
const dec = (b: Uint8Array | undefined) => new TextDecoder().decode(b);

// Just enough of the descriptor's shape to edit it in a test.
interface FieldJson {
  name: string;
  type?: string;
  description?: string;
  constraints?: { required?: boolean; enum?: string[]; [k: string]: unknown };
  [k: string]: unknown;
}
interface ResourceJson {
  name: string;
  path: string;
  format?: string;
  hash?: string;
  schema: { fields: FieldJson[]; primaryKey: string[]; [k: string]: unknown };
  [k: string]: unknown;
}
interface DescriptorJson {
  version: string;
  created?: string;
  description: string;
  resources: ResourceJson[];
  [k: string]: unknown;
}
type RowJson = Record<string, unknown>;
interface Editable {
  descriptor: DescriptorJson;
  tables: Record<string, RowJson[]>;
  codebook: string;
  sums: string;
}

/** The next build: base with a placeholder version, another creation time, and the edit applied. */
function build(edit: (b: Editable) => void = () => {}): FileMap {
  const b: Editable = {
    descriptor: JSON.parse(dec(BASE.get('datapackage.json'))) as DescriptorJson,
    tables: { documents: JSON.parse(dec(BASE.get('documents.json'))) as RowJson[], demands: JSON.parse(dec(BASE.get('demands.json'))) as RowJson[] },
    codebook: dec(BASE.get('CODEBOOK.md')).replace('Version 1.0.0.', `Version ${PLACEHOLDER}.`),
    sums: dec(BASE.get('SHA256SUMS')),
  };
  b.descriptor.version = PLACEHOLDER;
  b.descriptor.created = '2026-03-01T08:00:00Z';
  edit(b);
  const files = new Map(BASE);
  files.set('datapackage.json', enc(`${JSON.stringify(b.descriptor, null, 2)}\n`));
  for (const [t, rows] of Object.entries(b.tables)) files.set(`${t}.json`, enc(`${JSON.stringify(rows, null, 2)}\n`));
  files.set('CODEBOOK.md', enc(b.codebook));
  files.set('SHA256SUMS', enc(b.sums));
  return files;
}

const snap = (files: FileMap): Snapshot => {
  const { snapshot, messages } = readSnapshot(files, 'fixture');
  expect(messages).toEqual([]);
  if (snapshot === null) throw new Error('fixture has no snapshot');
  return snapshot;
};
const plan = (current: FileMap, previous: FileMap = BASE): Plan => {
  const result = planRelease(snap(previous), snap(current));
  expect(result.messages).toEqual([]);
  return result.plan;
};
const resources = (d: DescriptorJson, table: string): ResourceJson[] => d.resources.filter((r) => r.path.startsWith(`${table}.`));
const fields = (d: DescriptorJson, table: string): FieldJson[][] => resources(d, table).map((r) => r.schema.fields);
/** The column in the table's CSV and JSON resources. */
const field = (d: DescriptorJson, table: string, name: string): FieldJson[] => fields(d, table).flatMap((fs) => fs.filter((f) => f.name === name));
const constraints = (f: FieldJson) => (f.constraints ??= {});
const schemaSummary = (p: Plan) => p.schema.map((s) => `${s.bump} ${s.table}${s.column === null ? '' : `.${s.column}`} ${s.kind}`);

describe('first release', () => {
  it('is 1.0.0 with every record added', () => {
    const result = planRelease(null, snap(build()));
    expect(result.plan.kind).toBe('first');
    expect(result.plan.version).toBe('1.0.0');
    expect(result.plan.counts).toEqual([
      { table: 'documents', previous: 0, current: 2, added: 2, removed: 0, changed: 0 },
      { table: 'demands', previous: 0, current: 3, added: 3, removed: 0, changed: 0 },
    ]);
  });

  it('treats an empty previous folder as no release and refuses a folder that is not a build', () => {
    expect(readSnapshot(new Map(), 'previous')).toEqual({ snapshot: null, messages: [] });
    const notBuild = readSnapshot(new Map([['notes.txt', enc('hei')]]), 'previous');
    expect(notBuild.messages.map((m) => [m.code, m.file])).toEqual([['release-input', 'previous/datapackage.json']]);
  });
});

describe('no release', () => {
  it('when only the version, the creation time and the codebook version line differ', () => {
    const p = plan(build());
    expect(p.kind).toBeNull();
    expect(p.version).toBeNull();
    expect([p.schema, p.records, p.metadata]).toEqual([[], [], []]);
  });

  it('when an enum lists the same values in another order', () => {
    expect(plan(build((b) => field(b.descriptor, 'demands', 'topic').forEach((f) => constraints(f).enum?.reverse()))).kind).toBeNull();
  });
});

describe('PATCH: only metadata, documentation or file formats changed', () => {
  it('package description', () => {
    const p = plan(build((b) => (b.descriptor.description = 'A better description.')));
    expect([p.kind, p.version]).toEqual(['patch', '1.0.1']);
    expect(p.metadata).toEqual([{ file: 'datapackage.json', detail: '`description` changed' }]);
  });

  it('a column description reworded', () => {
    const p = plan(build((b) => field(b.descriptor, 'demands', 'text').forEach((f) => (f.description = 'The demand as clean text.'))));
    expect([p.kind, p.version]).toEqual(['patch', '1.0.1']);
    expect(schemaSummary(p)).toEqual(['patch demands.text description-changed']);
  });

  it('the codebook reworded', () => {
    const p = plan(build((b) => (b.codebook = b.codebook.replace('One row per demand.', 'One row per demand, with its source.'))));
    expect(p.metadata).toEqual([{ file: 'CODEBOOK.md', detail: 'reworded' }]);
    expect(p.version).toBe('1.0.1');
  });

  it('a new file outside the descriptor, listed in SHA256SUMS', () => {
    const p = plan(build((b) => (b.sums += `${'a'.repeat(64)}  kravkart.xlsx\n`)));
    expect(p.metadata).toEqual([{ file: 'kravkart.xlsx', detail: 'added' }]);
    expect(p.version).toBe('1.0.1');
  });

  it('a new file made from the tables (a workbook), described in the descriptor', () => {
    const workbook = { name: 'kravkart-xlsx', path: 'kravkart.xlsx', format: 'xlsx', hash: `sha256:${'b'.repeat(64)}` };
    const p = plan(build((b) => b.descriptor.resources.push(workbook as ResourceJson)));
    expect([p.kind, p.version, schemaSummary(p)]).toEqual(['patch', '1.0.1', ['patch kravkart file-added']]);
    // Its bytes (which carry the creation time) are never compared; removing it breaks downloads.
    const previous = stampVersion(build((b) => b.descriptor.resources.push(workbook as ResourceJson)), '1.0.0').files;
    expect(plan(build((b) => b.descriptor.resources.push({ ...workbook, hash: `sha256:${'c'.repeat(64)}` } as ResourceJson)), previous).kind).toBeNull();
    expect(plan(build(), previous).kind).toBe('major');
  });

  it('a spreadsheet copy of a table is another format (PATCH); its records are read from the JSON file', () => {
    const p = plan(
      build((b) => {
        const copy = resources(b.descriptor, 'demands')[0] as ResourceJson;
        b.descriptor.resources.push({ ...copy, name: 'demands-excel', path: 'excel/demands.csv' });
      }),
    );
    expect([p.kind, schemaSummary(p), p.records]).toEqual(['patch', ['patch demands file-added'], []]);
  });

  it('a table file serialised differently, with the same records', () => {
    const hashed = (hash: string) => (b: Editable) => resources(b.descriptor, 'demands').forEach((r) => (r.hash = `sha256:${hash}`));
    const previous = build(hashed('1'.repeat(64)));
    const p = plan(build(hashed('2'.repeat(64))), stampVersion(previous, '1.0.0').files);
    expect(p.metadata.map((m) => m.file)).toEqual(['demands.csv', 'demands.json']);
    expect(p.kind).toBe('patch');
  });
});

describe('MINOR: records added, removed or changed, or the schema only grew', () => {
  const edited = build((b) => {
    const demands = b.tables['demands'] ?? [];
    demands.splice(2, 1); // dem_333… removed
    Object.assign(demands[0] ?? {}, { text: 'Regjeringen må styrke Nav-kontorene i hele landet.', confidence: 0.95 });
    demands.push({ demand_id: 'dem_444444444444', document_id: 'doc_2b3c4d5e6f70', text: 'Staten må finansiere reformen.', topic: 'labour', claimant_ids: [], confidence: 0.7 });
    b.tables['documents']?.push({ document_id: 'doc_2b3c4d5e6f70', source_file: 'ny-uttalelse.txt', title: 'Ny uttalelse', sha256: '3'.repeat(64) });
  });

  it('bumps the minor version and counts by stable ID', () => {
    const p = plan(edited);
    expect([p.kind, p.version, p.schema]).toEqual(['minor', '1.1.0', []]);
    expect(p.counts).toEqual([
      { table: 'documents', previous: 2, current: 3, added: 1, removed: 0, changed: 0 },
      { table: 'demands', previous: 3, current: 3, added: 1, removed: 1, changed: 1 },
    ]);
  });

  it('lists each moved record in CHANGES.csv and writes the notes (golden files)', async () => {
    const p = plan(edited);
    await expect(changesCsv(p)).toMatchFileSnapshot('./fixtures/release/expected/minor.CHANGES.csv');
    const prepared = prepareRelease({ previous: BASE, current: edited, epoch: 1772352000, citation: null, changelog: '# Changelog\n' });
    expect(prepared.messages).toEqual([]);
    await expect(prepared.release?.notes).toMatchFileSnapshot('./fixtures/release/expected/minor.notes.md');
  });

  it('a column added, an allowed value added, a table added', () => {
    const p = plan(
      build((b) => {
        fields(b.descriptor, 'demands').forEach((fs) => fs.push({ name: 'section', type: 'string', description: 'Heading above the demand.' }));
        field(b.descriptor, 'demands', 'topic').forEach((f) => constraints(f).enum?.push('education'));
        for (const row of b.tables['demands'] ?? []) row['section'] = null;
        b.descriptor.resources.push({ name: 'notes-json', path: 'notes.json', format: 'json', schema: { fields: [{ name: 'note_id', type: 'string' }], primaryKey: ['note_id'] } });
        b.tables['notes'] = [{ note_id: 'n1' }];
      }),
    );
    expect([p.kind, p.version]).toEqual(['minor', '1.1.0']);
    expect(schemaSummary(p)).toEqual(['minor demands.section column-added', 'minor demands.topic constraint-changed', 'minor notes table-added']);
    // The new column is a schema change, not a change of every record; the new table's rows are added.
    expect(p.records).toEqual([{ id: 'n1', table: 'notes', change: 'added', fields: [] }]);
  });
});

describe('MAJOR: a table or column removed or renamed, or a type, key or meaning changed', () => {
  const major = (name: string, edit: (b: Editable) => void, expected: string[]) =>
    it(name, () => {
      const p = plan(build(edit));
      expect([p.kind, p.version]).toEqual(['major', '2.0.0']);
      expect(schemaSummary(p)).toEqual(expected);
    });

  major('column removed', (b) => {
    fields(b.descriptor, 'demands').forEach((fs) => fs.splice(fs.findIndex((f) => f.name === 'confidence'), 1));
    for (const row of b.tables['demands'] ?? []) delete row['confidence'];
  }, ['major demands.confidence column-removed']);

  major('column renamed', (b) => {
    field(b.descriptor, 'demands', 'text').forEach((f) => (f.name = 'demand_text'));
    for (const row of b.tables['demands'] ?? []) {
      row['demand_text'] = row['text'];
      delete row['text'];
    }
  }, ['major demands.text column-removed', 'minor demands.demand_text column-added']);

  major('type changed', (b) => field(b.descriptor, 'demands', 'confidence').forEach((f) => (f.type = 'string')), ['major demands.confidence type-changed']);

  major('an allowed value removed (its meaning is gone)', (b) => {
    field(b.descriptor, 'demands', 'topic').forEach((f) => (constraints(f).enum = ['labour', 'social_welfare']));
  }, ['major demands.topic constraint-changed']);

  major('a required column may now be empty', (b) => {
    field(b.descriptor, 'demands', 'document_id').forEach((f) => delete constraints(f).required);
  }, ['major demands.document_id constraint-changed']);

  major('table removed', (b) => {
    b.descriptor.resources = b.descriptor.resources.filter((r) => !r.path.startsWith('demands.'));
  }, ['major demands table-removed', 'major demands table-removed']);

  major('primary key changed', (b) => resources(b.descriptor, 'documents').forEach((r) => (r.schema.primaryKey = ['source_file'])), [
    'major documents key-changed',
  ]);

  it('reports the removed table once per file and every record as removed', () => {
    const p = plan(build((b) => (b.descriptor.resources = b.descriptor.resources.filter((r) => !r.path.startsWith('demands.')))));
    expect(p.schema.map((s) => s.detail)).toEqual(['demands.csv removed', 'demands.json removed']);
    expect(p.counts.find((c) => c.table === 'demands')).toEqual({ table: 'demands', previous: 3, current: 0, added: 0, removed: 3, changed: 0 });
  });
});

describe('bad input gives coded messages', () => {
  it('a previous version that is not X.Y.Z', () => {
    const previous = build((b) => (b.descriptor.version = 'draft'));
    const result = planRelease(snap(previous), snap(build((b) => (b.descriptor.description = 'x'))));
    expect(result.messages.map((m) => m.code)).toEqual(['release-version']);
  });

  it('a broken descriptor, a missing table file, duplicate IDs', () => {
    const broken = new Map(BASE).set('datapackage.json', enc('{'));
    expect(readSnapshot(broken, 'p').messages.map((m) => [m.code, m.file])).toEqual([['release-input', 'p/datapackage.json']]);
    const missing = new Map(BASE);
    missing.delete('demands.json');
    expect(readSnapshot(missing, 'p').messages.map((m) => [m.code, m.file])).toEqual([['release-input', 'p/demands.json']]);
    const twice = build((b) => b.tables['demands']?.push({ ...b.tables['demands']?.[0], text: 'same ID, other text' }));
    expect(readSnapshot(twice, 'p').messages.map((m) => m.reason)).toEqual(['two records share the ID dem_111111111111']);
  });
});
