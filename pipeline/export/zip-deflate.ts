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
// Room for what a push leaves over (less than PUSH_BYTES) and a TEXT_CHUNK of text at up to 3 bytes a unit, with
// some to spare for the write that crosses TEXT_CHUNK.
const STAGED_BYTES = PUSH_BYTES + 4 * TEXT_CHUNK;
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
  // The UTF-8 bytes not yet pushed: what was left over from the last push, then the text written since.
  private staged = Buffer.allocUnsafeSlow(STAGED_BYTES);
  private used = 0;
  // Where the text written since the last push starts in `staged`, and its length in UTF-16 units.
  private fresh = 0;
  private pendingUnits = 0;
  private crc = 0;
  private size = 0;

  /** Deflate into `dir`/`name`. */
  constructor(
    private readonly dir: string,
    private readonly name: string,
  ) {
    const file = new OutFile(dir, name);
    this.file = file;
    this.deflate = new Deflate({ level: DEFLATE_LEVEL }, (chunk) => file.write(chunk));
  }

  /**
   * Append text (as UTF-8). Each text is encoded on its own, straight into the staging buffer, so a surrogate
   * pair must not be split between two writes (a sheet writes whole rows).
   */
  write(text: string): void {
    // A UTF-16 unit never takes more than 3 UTF-8 bytes.
    if (this.used + text.length * 3 > this.staged.length) this.grow(text.length * 3);
    this.used += this.staged.write(text, this.used, 'utf8');
    this.pendingUnits += text.length;
    if (this.pendingUnits >= TEXT_CHUNK) this.push(false);
  }

  /** End the deflate stream, close the file, and describe the piece. */
  close(): DeflatedPiece {
    this.push(true);
    const written = this.file.close();
    return { piece: { file: join(this.dir, this.name), bytes: written.bytes }, crc: this.crc, size: this.size };
  }

  // Push every whole PUSH_BYTES slice of what is staged (and, at the end, the rest), keeping the rest for the
  // next text. The slices fall where they did when the text was gathered as strings: fflate's bytes depend on it.
  private push(final: boolean): void {
    const all = this.staged.subarray(0, this.used);
    const bytes = all.subarray(this.fresh);
    this.crc = crc32(bytes, this.crc);
    this.size += bytes.length;
    this.pendingUnits = 0;
    let off = 0;
    for (; all.length - off >= PUSH_BYTES; off += PUSH_BYTES) {
      // fflate copies what it is given, so the staging buffer can be reused at once.
      this.deflate.push(all.subarray(off, off + PUSH_BYTES), final && off + PUSH_BYTES === all.length);
    }
    if (final && (off < all.length || all.length === 0)) this.deflate.push(all.subarray(off), true);
    this.staged.copyWithin(0, off, this.used);
    this.used -= off;
    this.fresh = this.used;
  }

  // Make room for `more` bytes after what is staged (a text longer than the staging buffer was made for).
  private grow(more: number): void {
    const bigger = Buffer.allocUnsafeSlow(Math.max(2 * this.staged.length, this.used + more));
    this.staged.copy(bigger, 0, 0, this.used);
    this.staged = bigger;
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
