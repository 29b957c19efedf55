import fc from 'fast-check';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { Deflate, inflateSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { DeflateFile } from '../pipeline/export/zip-deflate.ts';
import { DEFLATE_LEVEL } from '../pipeline/export/zip-writer.ts';

const root = mkdtempSync(join(tmpdir(), 'kravkart-deflate-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/**
 * The deflated bytes as the workbook has always had them: texts gathered as strings until 65 536 UTF-16 units,
 * then encoded and pushed to fflate in whole 65 536-byte slices, the rest carried to the next push. fflate's
 * output depends on where pushes split the bytes, so the staging buffer must split them in the same places.
 */
function reference(texts: readonly string[]): Buffer {
  const out: Uint8Array[] = [];
  const deflate = new Deflate({ level: DEFLATE_LEVEL }, (chunk) => out.push(chunk));
  let pending: string[] = [];
  let units = 0;
  let carry = Buffer.alloc(0);
  const push = (final: boolean) => {
    const all = Buffer.concat([carry, Buffer.from(pending.join(''), 'utf8')]);
    pending = [];
    units = 0;
    let off = 0;
    for (; all.length - off >= 65_536; off += 65_536) deflate.push(all.subarray(off, off + 65_536), final && off + 65_536 === all.length);
    carry = all.subarray(off);
    if (final && (carry.length > 0 || all.length === 0)) deflate.push(carry, true);
  };
  for (const t of texts) {
    pending.push(t);
    units += t.length;
    if (units >= 65_536) push(false);
  }
  push(true);
  return Buffer.concat(out);
}

let n = 0;
function deflated(texts: readonly string[]): { bytes: Buffer; crc: number; size: number } {
  const name = `piece-${n++}.deflate`;
  const file = new DeflateFile(root, name);
  for (const t of texts) file.write(t);
  const piece = file.close();
  return { bytes: readFileSync(join(root, name)), crc: piece.crc, size: piece.size };
}

function expectSame(texts: readonly string[]): void {
  const utf8 = Buffer.from(texts.join(''), 'utf8');
  const got = deflated(texts);
  expect(got.bytes.equals(reference(texts))).toBe(true);
  expect(Buffer.from(inflateSync(got.bytes)).equals(utf8)).toBe(true);
  expect({ crc: got.crc, size: got.size }).toEqual({ crc: crc32(utf8), size: utf8.length });
}

describe('DeflateFile', () => {
  it('pushes to fflate where the string-gathering writer did, at the edges of its chunks', () => {
    expectSame([]);
    expectSame(['<row/>']);
    // A push of exactly one slice, then nothing left for the final push; one unit short of it; one over.
    expectSame(['a'.repeat(65_536)]);
    expectSame(['a'.repeat(65_535), 'b']);
    expectSame(['a'.repeat(65_537)]);
    expectSame(['a'.repeat(65_536), 'b'.repeat(65_536)]);
    // Exactly one slice of bytes in fewer units: it is pushed only at the end, as the final one.
    expectSame(['ø'.repeat(32_768)]);
    expectSame(['a'.repeat(65_534), 'ø']);
    // Two- to four-byte characters: slices of 65 536 bytes fall inside characters, and units are not bytes.
    expectSame(['ø'.repeat(40_000), '€'.repeat(30_000), '😀'.repeat(20_000), 'x']);
    // One text larger than the staging buffer.
    expectSame(['€'.repeat(400_000)]);
  });

  it('gives the same bytes for any run of row-sized and larger texts', () => {
    const piece = fc.oneof(
      { weight: 8, arbitrary: fc.constantFrom('<row r="1"><c r="A1"><v>1</v></c></row>', 'ø', 'Krav 😀 æøå\r\n', '€€') },
      { weight: 1, arbitrary: fc.integer({ min: 1, max: 70_000 }).map((k) => 'p'.repeat(k)) },
    );
    const text = fc.tuple(piece, fc.integer({ min: 1, max: 2_000 })).map(([p, k]) => (p.length > 100 ? p : p.repeat(k)));
    fc.assert(
      fc.property(fc.array(text, { maxLength: 12 }), (texts) => expectSame(texts)),
      { seed: 6553, numRuns: 40 },
    );
  });
});
