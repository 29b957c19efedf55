import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { OutFile } from '../pipeline/export/out-file.ts';

const root = mkdtempSync(join(tmpdir(), 'kravkart-outfile-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('OutFile', () => {
  it('writes text and bytes of any size exactly, across its buffer, with size and sha256 of what is on disk', () => {
    const f = new OutFile(root, 'a/b/out.txt');
    const expected: Buffer[] = [];
    const put = (chunk: string | Uint8Array) => {
      f.write(chunk);
      expected.push(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk));
    };
    // Astral characters, æøå, CRLF; pieces from one byte to several times the buffer.
    const text = 'Krav 𝔸 æøå\r\n';
    for (let i = 0; i < 2000; i++) put(text.repeat(i % 37));
    put('x'.repeat(3 << 20));
    const reused = Buffer.from('reused buffer ');
    put(reused);
    reused.fill(0); // a caller may reuse its buffer at once
    put(new Uint8Array(2 << 20).fill(65));
    const w = f.close();
    const disk = readFileSync(join(root, 'a/b/out.txt'));
    expect(disk.equals(Buffer.concat(expected))).toBe(true);
    expect(w).toEqual({ path: 'a/b/out.txt', bytes: disk.length, sha256: sha(disk) });
  });

  it('copies another file in, whole or a range of it', () => {
    const src = join(root, 'src.bin');
    const bytes = Buffer.from(Array.from({ length: (3 << 20) + 17 }, (_, i) => i % 251));
    writeFileSync(src, bytes);
    const f = new OutFile(root, 'copy.bin');
    f.write('head');
    f.copyFrom(src);
    f.copyFrom(src, 5, 1000);
    const w = f.close();
    const expected = Buffer.concat([Buffer.from('head'), bytes, bytes.subarray(5, 1005)]);
    expect(readFileSync(join(root, 'copy.bin')).equals(expected)).toBe(true);
    expect(w.sha256).toBe(sha(expected));
    expect(() => new OutFile(root, 'short.bin').copyFrom(src, bytes.length - 10, 20)).toThrow(/ended after 10 of 20 bytes/);
  });
});
