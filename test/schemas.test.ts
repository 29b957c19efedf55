import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assemble } from '../pipeline/assemble/index.ts';
import type { Context } from '../pipeline/context.ts';
import { exportDataset } from './support/export.ts';
import type { Lexicon } from '../pipeline/lexicon/load.ts';
import { build } from '../pipeline/runner.ts';
import { jsonSchemas } from '../pipeline/schemas/json-schemas.ts';
import { hostileDoc } from './fixtures/hostile/doc.ts';

const addFormats = addFormatsModule.default;
const root = new URL('../', import.meta.url);
const schemasDir = new URL('schemas/', root);
const vendor = new URL('../shared/vendor/frictionless-profiles-2.0/', root);
const readJson = (url: URL): unknown => JSON.parse(readFileSync(url, 'utf8'));

/** The official Data Package v2 profile (draft-07), as committed in schemas/frictionless/. */
function profileValidator() {
  // strict:false because the profile uses keywords ("propertyOrder", "options") and a "textarea" format ajv does not know.
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addFormat('textarea', true);
  return ajv.compile(readJson(new URL('frictionless/datapackage.json', schemasDir)) as object);
}

describe('schemas/ is fresh', () => {
  it('equals what `npm run schemas` generates from the zod models', () => {
    const fresh = jsonSchemas();
    const committed = readdirSync(schemasDir).filter((f) => f.endsWith('.schema.json')).sort();
    expect(committed).toEqual(Object.keys(fresh).sort());
    for (const [name, text] of Object.entries(fresh)) expect(readFileSync(new URL(name, schemasDir), 'utf8'), name).toBe(text);
  });

  it('holds valid JSON Schema 2020-12 documents', () => {
    const ajv = new Ajv2020({ strict: true });
    addFormats(ajv);
    for (const name of Object.keys(jsonSchemas())) expect(() => ajv.compile(readJson(new URL(name, schemasDir)) as object), name).not.toThrow();
  });

  it.skipIf(!existsSync(vendor))('holds the Frictionless profiles unchanged from the vendored copy', () => {
    for (const name of readdirSync(vendor)) {
      expect(readFileSync(new URL(`frictionless/${name}`, schemasDir)).equals(readFileSync(new URL(name, vendor))), name).toBe(true);
    }
  });
});

describe('datapackage.json validates against the Frictionless Data Package v2 profile', () => {
  const validateProfile = profileValidator();
  let out = '';
  beforeAll(() => {
    out = mkdtempSync(join(tmpdir(), 'kravkart-schemas-'));
  });
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('for a build of the seeds', async () => {
    await build({ seeds: fileURLToPath(new URL('seeds', root)), out: join(out, 'dist'), strict: false, sourceDateEpoch: null });
    const ok = validateProfile(JSON.parse(readFileSync(join(out, 'dist', 'datapackage.json'), 'utf8')));
    expect(validateProfile.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('for the hostile fixture, where every table has rows', async () => {
    const ctx: Context = { options: { strict: false, sourceDateEpoch: '1700000000' }, lexicon: {} as unknown as Lexicon };
    const files = await exportDataset(assemble([hostileDoc()], ctx).dataset, ctx);
    const dp = files.find((f) => f.path === 'datapackage.json');
    const ok = validateProfile(JSON.parse(dp?.content as string));
    expect(validateProfile.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });
});
