import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { stableId } from '../pipeline/ids.ts';
import { ingest } from '../pipeline/ingest/index.ts';
import { readCorpus, type RawCorpus } from '../pipeline/ingest/read.ts';
import { scanUtf8 } from '../pipeline/ingest/utf8.ts';
import type { Message } from '../pipeline/messages.ts';

// Ingest reads no lexicon; loading it here would tie these tests to lexicon edits.
const utf8 = (s: string) => new TextEncoder().encode(s);
const latin1 = (s: string) => new Uint8Array(Buffer.from(s, 'latin1'));
const corpus = (files: Record<string, Uint8Array | string>, dir = 'seeds'): RawCorpus => ({
  dir,
  exists: true,
  files: Object.entries(files)
    .map(([name, b]) => ({ name, bytes: typeof b === 'string' ? utf8(b) : b }))
    .sort((a, b) => (a.name < b.name ? -1 : 1)),
});
/** What tests compare: file, line, column, code — never the wording. */
const where = (ms: Message[]) => ms.map((m) => [m.file, m.position?.line ?? null, m.position?.column ?? null, m.code]);

const SEEDS = new URL('../seeds/', import.meta.url);
const seedName = readdirSync(SEEDS).filter((n) => n.endsWith('.txt')).sort()[0] as string;
const seedBytes = new Uint8Array(readFileSync(new URL(seedName, SEEDS)));

describe('ingest: decoding', () => {
  it('reads a real seed unchanged, with the sha256 of its bytes and an ID from its file name', () => {
    const { docs, messages } = ingest(corpus({ [seedName]: seedBytes }));
    expect(messages).toEqual([]);
    expect(docs).toHaveLength(1);
    const doc = docs[0];
    expect(doc?.source).toBe(new TextDecoder().decode(seedBytes));
    expect(doc?.sha256).toBe(createHash('sha256').update(seedBytes).digest('hex'));
    expect(doc?.id).toBe(stableId('doc', seedName));
    expect(doc?.meta).toBeNull();
  });

  it('strips one leading BOM, keeps CRLF, and hashes the bytes as they are (BOM included)', () => {
    const bytes = utf8('\uFEFF\uFEFFLO krever:\r\n- bedre lønn\r\n');
    const { docs } = ingest(corpus({ 'a.txt': bytes }));
    expect(docs[0]?.source).toBe('\uFEFFLO krever:\r\n- bedre lønn\r\n');
    expect(docs[0]?.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
  });

  it('keeps a document\'s ID when its text is edited (the ID hashes the file name only)', () => {
    const a = ingest(corpus({ 'uttalelse.txt': 'Første versjon.' })).docs[0];
    const b = ingest(corpus({ 'uttalelse.txt': 'Andre versjon, rettet.' })).docs[0];
    expect(a?.id).toBe(b?.id);
    expect(a?.sha256).not.toBe(b?.sha256);
  });

  it('ignores files that are neither documents nor sidecars, and keeps file-name order', () => {
    const { docs, messages } = ingest(corpus({ 'b.txt': 'To.', 'a.txt': 'En.', 'notes.md': '# x', '.DS_Store': new Uint8Array([0, 1, 2]) }));
    expect(messages).toEqual([]);
    expect(docs.map((d) => d.file)).toEqual(['a.txt', 'b.txt']);
  });
});

describe('ingest: sidecar metadata', () => {
  it('reads NAME.meta.yaml as curated values, every value as text (date: 2021 and title: 1984 stay strings)', () => {
    const meta = 'title: 1984\npublisher: LO\ndate: 2021\nurl: https://www.lo.no/uttalelse\nlicence: CC-BY-4.0\ngenre: statement\n';
    const { docs, messages } = ingest(corpus({ 'a.txt': 'Tekst.', 'a.meta.yaml': meta }));
    expect(messages).toEqual([]);
    expect(docs[0]?.meta).toEqual({ title: '1984', publisher: 'LO', date: '2021', url: 'https://www.lo.no/uttalelse', licence: 'CC-BY-4.0', genre: 'statement' });
  });

  it('reads NAME.txt.meta.yaml too, with a BOM and CRLF, and accepts month and day precision', () => {
    const { docs, messages } = ingest(corpus({ 'a.txt': 'Tekst.', 'a.txt.meta.yaml': '\uFEFFdate: 2022-02\r\n', 'b.txt': 'Mer.', 'b.meta.yaml': 'date: "2024-02-29"' }));
    expect(messages).toEqual([]);
    expect(docs.map((d) => d.meta)).toEqual([{ date: '2022-02' }, { date: '2024-02-29' }]);
  });

  it('treats a sidecar with only comments as no facts, not as an error', () => {
    const { docs, messages } = ingest(corpus({ 'a.txt': 'Tekst.', 'a.meta.yaml': '# fylles inn senere\n' }));
    expect(messages).toEqual([]);
    expect(docs[0]?.meta).toEqual({});
  });
});

describe('ingest: every problem is a coded message with its place', () => {
  it('seeds-folder-missing names the folder', () => {
    const { docs, messages } = ingest({ dir: 'mine/seeds', exists: false, files: [] });
    expect(docs).toEqual([]);
    expect(where(messages)).toEqual([['mine/seeds', null, null, 'seeds-folder-missing']]);
  });

  it('seeds-folder-empty when there is no .txt, and says what is there instead', () => {
    const { messages } = ingest(corpus({ 'rapport.pdf': '%PDF-1.4' }, 'seeds/'));
    expect(where(messages)).toEqual([['seeds/', null, null, 'seeds-folder-empty']]);
    expect(messages[0]?.reason).toContain('rapport.pdf');
  });

  it('empty-file, whitespace-only, binary-file (NUL bytes, control characters, a PDF renamed .txt)', () => {
    const { docs, messages } = ingest(
      corpus({
        'a.txt': new Uint8Array(),
        'b.txt': ' \r\n\t\n\u00a0\n',
        'c.txt': new Uint8Array([0x4c, 0x4f, 0x00, 0x01, 0x02]),
        'd.txt': new Uint8Array([0x4c, 0x4f, 0x01, 0x02, 0x03, 0x1b, 0x0a]),
        'e.txt': '%PDF-1.7\n%âãÏÓ\n',
        'f.txt': 'God tekst med en form feed\f og en tab\t.',
      }),
    );
    expect(where(messages)).toEqual([
      ['seeds/a.txt', null, null, 'empty-file'],
      ['seeds/b.txt', null, null, 'whitespace-only'],
      ['seeds/c.txt', null, null, 'binary-file'],
      ['seeds/d.txt', null, null, 'binary-file'],
      ['seeds/e.txt', null, null, 'binary-file'],
    ]);
    expect(messages[4]?.reason).toContain('PDF');
    expect(docs.map((d) => d.file)).toEqual(['f.txt']);
  });

  it('invalid-utf8 at the line and column of the first bad byte, and says Latin-1/Windows-1252 when it looks so', () => {
    const text = 'Vi krever bedre bemanning.\nFagforbundet mener lønnsøkning må til.\n';
    const { docs, messages } = ingest(corpus({ 'a.txt': latin1(text) }));
    expect(docs).toEqual([]);
    expect(where(messages)).toEqual([['seeds/a.txt', 2, 21, 'invalid-utf8']]);
    expect(messages[0]?.reason).toMatch(/Latin-1\/Windows-1252/);
    expect(messages[0]?.reason).toContain('lønnsøkning');
    expect(messages[0]?.reason).toContain('0xF8');
  });

  it('invalid-utf8 columns count code points after the BOM (an emoji is one column)', () => {
    const bytes = new Uint8Array([...utf8('\uFEFFOK\n😀 a'), 0xe5, ...utf8('b\n')]);
    expect(where(ingest(corpus({ 'a.txt': bytes })).messages)).toEqual([['seeds/a.txt', 2, 4, 'invalid-utf8']]);
  });

  it('invalid-utf8 does not claim Latin-1 for bytes Windows-1252 leaves undefined, and tells a mixed file apart', () => {
    const { messages } = ingest(
      corpus({ 'a.txt': new Uint8Array([0x41, 0x81, 0x8d, 0x42]), 'b.txt': new Uint8Array([...utf8('Blåbær og '), 0xf8, ...utf8('l\n')]) }),
    );
    expect(where(messages)).toEqual([
      ['seeds/a.txt', 1, 2, 'invalid-utf8'],
      ['seeds/b.txt', 1, 11, 'invalid-utf8'],
    ]);
    expect(messages[0]?.reason).not.toMatch(/Latin-1/);
    expect(messages[1]?.reason).toMatch(/mixes UTF-8 with Latin-1\/Windows-1252/);
  });

  it('invalid-utf8 names UTF-16 (Windows "Unicode" files), with or without a byte-order mark', () => {
    const withBom = new Uint8Array(Buffer.from('\uFEFFVi krever', 'utf16le'));
    const withoutBom = new Uint8Array(Buffer.from('Vi krever lønn', 'utf16le'));
    const { messages } = ingest(corpus({ 'a.txt': withBom, 'b.txt': withoutBom }));
    expect(where(messages)).toEqual([
      ['seeds/a.txt', null, null, 'invalid-utf8'],
      ['seeds/b.txt', null, null, 'invalid-utf8'],
    ]);
    expect(messages.every((m) => m.reason.includes('UTF-16LE'))).toBe(true);
  });

  it('duplicate-document names both files; the first copy is kept', () => {
    const { docs, messages } = ingest(corpus({ 'a.txt': seedBytes, 'b.txt': 'Annet.', 'c.txt': seedBytes }));
    expect(where(messages)).toEqual([['seeds/c.txt', null, null, 'duplicate-document']]);
    expect(messages[0]?.reason).toContain('seeds/a.txt');
    expect(docs.map((d) => d.file)).toEqual(['a.txt', 'b.txt', 'c.txt']);
  });

  it('meta-yaml-syntax at the YAML line and column', () => {
    const meta = '# metadata\ntitle: LO krever: tillitsreform\npublisher: LO\n';
    const { docs, messages } = ingest(corpus({ 'a.txt': 'Tekst.', 'a.meta.yaml': meta }));
    expect(where(messages)).toEqual([['seeds/a.meta.yaml', 2, 8, 'meta-yaml-syntax']]);
    expect(messages[0]?.reason).toContain('quotes');
    expect(docs[0]?.meta).toBeNull();
  });

  it('meta-yaml-syntax for a duplicated key, at the second one', () => {
    const { messages } = ingest(corpus({ 'a.txt': 'Tekst.', 'a.meta.yaml': 'title: A\ndate: 2021\ntitle: B\n' }));
    expect(where(messages)).toEqual([['seeds/a.meta.yaml', 3, 1, 'meta-yaml-syntax']]);
  });

  it('meta-schema at the line of each offending key: unknown key (with a suggestion), bad date, bad genre, bad URL, empty value', () => {
    const meta = 'title: Uttalelse\nlicense: CC-BY-4.0\ndate: 29.10.2021\ngenre: pamphlet\nurl: www.lo.no\npublisher: ""\nforfatter: Ola\n';
    const { docs, messages } = ingest(corpus({ 'a.txt': 'Tekst.', 'a.meta.yaml': meta }));
    expect(where(messages)).toEqual([
      ['seeds/a.meta.yaml', 2, 1, 'meta-schema'],
      ['seeds/a.meta.yaml', 3, 1, 'meta-schema'],
      ['seeds/a.meta.yaml', 4, 1, 'meta-schema'],
      ['seeds/a.meta.yaml', 5, 1, 'meta-schema'],
      ['seeds/a.meta.yaml', 6, 1, 'meta-schema'],
      ['seeds/a.meta.yaml', 7, 1, 'meta-schema'],
    ]);
    expect(messages[0]?.reason).toContain('did you mean "licence"');
    expect(messages[1]?.reason).toContain('29.10.2021');
    expect(messages[2]?.reason).toContain('pamphlet');
    expect(docs[0]?.meta).toBeNull();
  });

  it('meta-schema for dates that are not on the calendar, and for a sidecar that is not a mapping', () => {
    const { messages } = ingest(
      corpus({ 'a.txt': 'A.', 'a.meta.yaml': 'date: 2023-02-29\n', 'b.txt': 'B.', 'b.meta.yaml': 'date: 2023-13\n', 'c.txt': 'C.', 'c.meta.yaml': '- title: C\n' }),
    );
    expect(where(messages)).toEqual([
      ['seeds/a.meta.yaml', 1, 1, 'meta-schema'],
      ['seeds/b.meta.yaml', 1, 1, 'meta-schema'],
      ['seeds/c.meta.yaml', 1, 1, 'meta-schema'],
    ]);
  });

  it('meta-orphan is a warning; meta-conflict when a document has both kinds of sidecar', () => {
    const { docs, messages } = ingest(
      corpus({ 'a.txt': 'A.', 'a.meta.yaml': 'title: A\n', 'a.txt.meta.yaml': 'title: A2\n', 'b.meta.yaml': 'title: B\n' }),
    );
    expect(where(messages)).toEqual([
      ['seeds/a.txt', null, null, 'meta-conflict'],
      ['seeds/b.meta.yaml', null, null, 'meta-orphan'],
    ]);
    expect(messages.map((m) => m.severity)).toEqual(['error', 'warning']);
    expect(docs[0]?.meta).toBeNull();
  });

  it('file-unreadable for documents and sidecars that exist but cannot be read; unrelated files are not reported', () => {
    const raw: RawCorpus = {
      ...corpus({ 'a.txt': 'A.' }),
      unreadable: [
        { name: 'b.txt', reason: 'EACCES' },
        { name: 'b.meta.yaml', reason: 'EACCES' },
        { name: 'x.bin', reason: 'EACCES' },
      ],
    };
    expect(where(ingest(raw).messages)).toEqual([
      ['seeds/b.meta.yaml', null, null, 'file-unreadable'],
      ['seeds/b.txt', null, null, 'file-unreadable'],
    ]);
  });

  it('collects all problems of all files, in file-name order, and still decodes the good ones', () => {
    const { docs, messages } = ingest(
      corpus({
        'a.txt': new Uint8Array(),
        'b.txt': latin1('Blåbær\n'),
        'b.meta.yaml': 'genre: roman\n',
        'c.txt': seedBytes,
        'd.txt': seedBytes,
        'e.meta.yaml': 'title: E\n',
      }),
    );
    expect(where(messages)).toEqual([
      ['seeds/a.txt', null, null, 'empty-file'],
      ['seeds/b.meta.yaml', 1, 1, 'meta-schema'],
      ['seeds/b.txt', 1, 3, 'invalid-utf8'],
      ['seeds/d.txt', null, null, 'duplicate-document'],
      ['seeds/e.meta.yaml', null, null, 'meta-orphan'],
    ]);
    expect(docs.map((d) => d.file)).toEqual(['c.txt', 'd.txt']);
  });
});

describe('scanUtf8', () => {
  it('agrees with the WHATWG decoder on arbitrary bytes: valid iff it decodes, one U+FFFD per invalid sequence', () => {
    const lenient = new TextDecoder('utf-8', { ignoreBOM: true });
    const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
    // Bias towards the interesting range: lead and continuation bytes.
    const byte = fc.oneof(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0x80, max: 0xf5 }));
    fc.assert(
      fc.property(fc.array(byte, { maxLength: 40 }), (arr) => {
        const bytes = new Uint8Array(arr);
        const decoded = lenient.decode(bytes);
        const scan = scanUtf8(bytes);
        const genuine = decoded.length - decoded.replaceAll('\uFFFD', '').length - scan.invalid;
        // Every U+FFFD is an invalid sequence, except U+FFFD correctly encoded in the input.
        expect(genuine).toBeGreaterThanOrEqual(0);
        expect(Buffer.from(bytes).toString('hex').split('efbfbd').length - 1).toBe(genuine);
        let valid = true;
        try {
          strict.decode(bytes);
        } catch {
          valid = false;
        }
        expect(scan.firstInvalid === -1).toBe(valid);
        if (!valid) strict.decode(bytes.subarray(0, scan.firstInvalid));
      }),
      { numRuns: 2000, seed: 20240601 },
    );
  });
});

describe('readCorpus', () => {
  it('reads the regular files directly in the folder, in code-unit order, following links to files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kravkart-read-'));
    try {
      for (const n of ['b.txt', 'B.txt', 'a.txt', 'å.txt', 'z.txt']) writeFileSync(join(dir, n), n);
      mkdirSync(join(dir, 'under'));
      writeFileSync(join(dir, 'under', 'deep.txt'), 'read only through the link: no recursion');
      symlinkSync(join(dir, 'under', 'deep.txt'), join(dir, 'lenke.txt'));
      symlinkSync(join(dir, 'missing.txt'), join(dir, 'brutt.txt'));
      const raw = await readCorpus(dir, 'mine');
      expect(raw.exists).toBe(true);
      expect(raw.dir).toBe('mine');
      expect(raw.files.map((f) => f.name)).toEqual(['B.txt', 'a.txt', 'b.txt', 'lenke.txt', 'z.txt', 'å.txt']);
      expect(new TextDecoder().decode(raw.files[3]?.bytes)).toBe('read only through the link: no recursion');
      expect(raw.unreadable?.map((u) => u.name)).toEqual(['brutt.txt']);
      expect(where(ingest(raw).messages)).toEqual([['mine/brutt.txt', null, null, 'file-unreadable']]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('says the folder does not exist when it is missing or a file', async () => {
    const missing = await readCorpus(join(tmpdir(), 'kravkart-no-such-folder-7f3a'), 'x');
    expect(missing).toEqual({ dir: 'x', exists: false, files: [] });
    const file = await readCorpus(fileURLToPath(new URL(seedName, SEEDS)), 'y');
    expect(file.exists).toBe(false);
  });
});
