import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeCorpus } from '../pipeline/bench/corpus.ts';
import { generateDocument, generatorKit } from '../pipeline/bench/generate.ts';
import { Random } from '../pipeline/bench/random.ts';
import { ingest } from '../pipeline/ingest/index.ts';
import { readCorpus } from '../pipeline/ingest/read.ts';
import { loadLexicon } from '../pipeline/lexicon/load.ts';

// The bench's synthetic document generator: deterministic from (seed, index, revision), varied like the real
// documents (genres, PDF line breaks, OCR misreadings, CRLF, web furniture, sidecars), and always valid input.

const kit = generatorKit(loadLexicon());
const docs = Array.from({ length: 50 }, (_, i) => generateDocument(7, i, kit));
const work = mkdtempSync(join(tmpdir(), 'kravkart-generator-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('Random', () => {
  it('gives the same sequence for the same seed and another for another seed', () => {
    const draw = (seed: number) => Array.from({ length: 5 }, ((r) => () => r.next())(new Random(seed)));
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
    for (const x of draw(1)) expect(x >= 0 && x < 1).toBe(true);
  });

  it('draws items of a list, and distinct ones in a sample', () => {
    const r = new Random(3);
    const items = ['a', 'b', 'c', 'd'];
    expect(items).toContain(r.pick(items));
    const s = r.sample(items, 3);
    expect(new Set(s).size).toBe(3);
    expect(r.sample(items, 10)).toHaveLength(4);
  });
});

describe('generateDocument', () => {
  it('is deterministic: the same seed and index give the same document, whatever was generated before', () => {
    expect(generateDocument(7, 12, kit)).toEqual(docs[12]);
    expect(generateDocument(8, 12, kit).text).not.toBe(docs[12]?.text);
  });

  it('changes the text of one document with a new revision', () => {
    expect(generateDocument(7, 12, kit, 1).text).not.toBe(docs[12]?.text);
    expect(generateDocument(7, 12, kit, 1)).toEqual(generateDocument(7, 12, kit, 1));
  });

  it('varies genre, layout and noise like real documents', () => {
    expect(new Set(docs.map((d) => d.genre)).size).toBeGreaterThanOrEqual(6);
    const texts = docs.map((d) => d.text);
    expect(texts.some((t) => / \n/.test(t)), 'PDF hard line breaks').toBe(true);
    expect(texts.some((t) => /\p{Ll}-\n\p{Ll}/u.test(t)), 'hyphenated line ends').toBe(true);
    expect(texts.some((t) => t.includes('\r\n')), 'Windows line ends').toBe(true);
    expect(texts.some((t) => /^(?:Meny|Gå til|Del artikkelen|Til toppen|Hopp til)/m.test(t)), 'web furniture').toBe(true);
    expect(texts.some((t) => /^[-•] /m.test(t)), 'bullet lists').toBe(true);
    expect(texts.some((t) => /\d{1,2}\. \p{Ll}+ \d{4}|\d{2}\.\d{2}\.\d{4}/u.test(t)), 'dates').toBe(true);
    expect(docs.some((d) => d.meta !== null), 'sidecars').toBe(true);
    const sizes = texts.map((t) => Buffer.byteLength(t));
    expect(Math.min(...sizes)).toBeGreaterThan(300);
    expect(Math.max(...sizes)).toBeGreaterThan(2 * Math.min(...sizes));
  });

  it('names organisations of the lexicon registry and people with titles', () => {
    const names = new Set(kit.claimants.map((a) => a.name));
    const all = docs.map((d) => d.text).join('\n');
    expect([...names].filter((n) => all.includes(n)).length).toBeGreaterThan(10);
    expect(kit.titles.some((t) => all.toLowerCase().includes(`${t} `))).toBe(true);
  });
});

describe('writeCorpus', () => {
  it('writes documents and sidecars that ingest accepts without a problem', async () => {
    const dir = join(work, 'corpus');
    const stats = await writeCorpus(dir, 7, 50, kit);
    const files = readdirSync(dir);
    expect(files.filter((f) => f.endsWith('.txt'))).toHaveLength(50);
    expect(stats.bytes).toBe(files.reduce((n, f) => n + readFileSync(join(dir, f)).length, 0));
    const ingested = ingest(await readCorpus(dir, dir));
    expect(ingested.messages).toEqual([]);
    expect(ingested.docs).toHaveLength(50);
    expect(ingested.docs.filter((d) => d.meta !== null).length).toBe(files.filter((f) => f.endsWith('.meta.yaml')).length);
  });
});
