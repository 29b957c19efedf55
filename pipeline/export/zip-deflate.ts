import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { Deflate } from 'fflate';
import { OutFile } from './out-file.ts';
import { DEFLATE_LEVEL, type ZipEntryFacts, type ZipPiece } from './zip-writer.ts';

// fflate's stream keeps a 96 KiB window buffer and grows it for good when one push brings more than 64 KiB, so
// text is gathered to about this many UTF-16 units and pushed in slices of at most PUSH_BYTES. Each push costs a
// pass over fflate's block set-up: pushes of 64 KiB deflate a sheet twice as fast as pushes of 16 KiB.
const TEXT_CHUNK = 65_536;
const PUSH_BYTES = 65_536;
// A stored deflate block holds at most this many bytes.
const STORED_MAX = 65_535;

/** A deflated piece of an entry with the facts (CRC-32, size) of the bytes it holds uncompressed. */
export interface DeflatedPiece extends ZipEntryFacts {
  piece: ZipPiece;
}

/**
 * Text deflated as it arrives into a scratch file, with the CRC-32 and size of its UTF-8 bytes: the rest of a zip
 * entry whose beginning is only known at the end (a sheet's column widths come before its rows). `close` ends the
 * deflate stream, so this piece is the last of its entry. fflate is pure JavaScript: the same text pushed in the
 * same pieces gives the same bytes on every machine, which a native zlib does not promise.
 */
export class DeflateFile {
  private readonly file: OutFile;
  private readonly deflate: Deflate;
  private pending: string[] = [];
  private pendingUnits = 0;
  private crc = 0;
  private size = 0;
  private carry: Buffer = Buffer.alloc(0);

  /** Deflate into `dir`/`name`. */
  constructor(
    private readonly dir: string,
    private readonly name: string,
  ) {
    const file = new OutFile(dir, name);
    this.file = file;
    this.deflate = new Deflate({ level: DEFLATE_LEVEL }, (chunk) => file.write(chunk));
  }

  /** Append text (as UTF-8). */
  write(text: string): void {
    this.pending.push(text);
    this.pendingUnits += text.length;
    if (this.pendingUnits >= TEXT_CHUNK) this.push(false);
  }

  /** End the deflate stream, close the file, and describe the piece. */
  close(): DeflatedPiece {
    this.push(true);
    const written = this.file.close();
    return { piece: { file: join(this.dir, this.name), bytes: written.bytes }, crc: this.crc, size: this.size };
  }

  private push(final: boolean): void {
    // Whole rows are joined before encoding, so a surrogate pair is never split between two encodings.
    const bytes = Buffer.from(this.pending.join(''), 'utf8');
    this.pending = [];
    this.pendingUnits = 0;
    this.crc = crc32(bytes, this.crc);
    this.size += bytes.length;
    // Only whole PUSH_BYTES slices go in before the end: the rest waits for the next text.
    const all = this.carry.length === 0 ? bytes : Buffer.concat([this.carry, bytes]);
    let off = 0;
    for (; all.length - off >= PUSH_BYTES; off += PUSH_BYTES) {
      this.deflate.push(all.subarray(off, off + PUSH_BYTES), final && off + PUSH_BYTES === all.length);
    }
    this.carry = all.subarray(off);
    if (final && (this.carry.length > 0 || all.length === 0)) {
      this.deflate.push(this.carry, true);
      this.carry = Buffer.alloc(0);
    }
  }
}

/**
 * Text as stored (uncompressed), non-final deflate blocks: a piece that may begin an entry and be followed by a
 * deflate stream. Stored blocks end on a byte boundary by construction, so nothing needs flushing — fflate 0.8's
 * own sync flush writes a broken block header, and a sheet's head is only a few hundred bytes.
 */
export function storedPiece(text: string): DeflatedPiece {
  const bytes = Buffer.from(text, 'utf8');
  const blocks: Buffer[] = [];
  for (let off = 0; off < bytes.length; off += STORED_MAX) {
    const data = bytes.subarray(off, off + STORED_MAX);
    const header = Buffer.alloc(5);
    header[0] = 0; // BFINAL 0, BTYPE 00 (stored), then padding to the byte boundary
    header.writeUInt16LE(data.length, 1);
    header.writeUInt16LE(~data.length & 0xffff, 3);
    blocks.push(header, data);
  }
  return { piece: Buffer.concat(blocks), crc: crc32(bytes), size: bytes.length };
}
