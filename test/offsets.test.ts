import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../pipeline/runner.ts';

// The data contract's promise, checked on a real build of the seeds the way a user would check it:
// Array.from(source).slice(start, end).join('') equals the row's quote (demands) or text (mentions, dates).

const seeds = fileURLToPath(new URL('../seeds/', import.meta.url));
let out = '';

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'kravkart-offsets-'));
  await build({ seeds, out: join(out, 'dist'), strict: false, sourceDateEpoch: null });
});
afterAll(() => rmSync(out, { recursive: true, force: true }));

type Row = Record<string, unknown>;
const table = (name: string) => JSON.parse(readFileSync(join(out, 'dist', `${name}.json`), 'utf8')) as Row[];

/** The source as the contract decodes it: UTF-8 without a leading BOM, split into code points. */
function codePoints(file: string): string[] {
  const text = readFileSync(join(seeds, file), 'utf8');
  return Array.from(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
}

describe('offsets of a seeds build are code points into the source files', () => {
  it('documents count their characters in code points', () => {
    for (const d of table('documents')) expect(d['characters'], String(d['source_file'])).toBe(codePoints(String(d['source_file'])).length);
  });

  for (const [name, column] of [['mentions', 'text'], ['demands', 'quote'], ['dates', 'text']] as const) {
    it(`${name}: the source slice [start, end) equals \`${column}\``, () => {
      const files = new Map(table('documents').map((d) => [d['document_id'], String(d['source_file'])]));
      const sources = new Map<string, string[]>();
      for (const row of table(name)) {
        const file = files.get(row['document_id']);
        expect(file, `document of ${String(row[`${name.slice(0, -1)}_id`])}`).toBeDefined();
        const f = file as string;
        if (!sources.has(f)) sources.set(f, codePoints(f));
        const slice = (sources.get(f) ?? []).slice(row['start'] as number, row['end'] as number).join('');
        expect(slice, `${f} [${String(row['start'])}, ${String(row['end'])})`).toBe(row[column]);
      }
    });
  }
});
