import { crc32 } from 'node:zlib';
import { deflateSync } from 'fflate';
import type { OutFile } from './out-file.ts';
import { zipDateRange } from './stamp.ts';

/**
 * Part of an entry's deflated bytes: bytes in memory, or a scratch file of `bytes` bytes copied in on write. The
 * pieces of one entry are raw deflate streams, each non-final one ending on a byte boundary (a sync flush).
 */
export type ZipPiece = Uint8Array | { file: string; bytes: number };

/** An entry's facts the headers carry: CRC-32 and size of the uncompressed bytes. */
export interface ZipEntryFacts {
  crc: number;
  size: number;
}

/**
 * Deflate level of every entry. 2, not zlib's default 6: on the workbook's sheet XML it compresses about twice as
 * fast for an archive about 7 % larger, and the workbook is written on every build.
 */
export const DEFLATE_LEVEL = 2;

// Plain zip (no Zip64) holds sizes, offsets and entry counts up to these.
const MAX_32 = 0xffffffff;
const MAX_ENTRIES = 0xffff;
const VERSION = 20; // 2.0: deflate

interface Central {
  name: Buffer;
  flags: number;
  crc: number;
  compressed: number;
  size: number;
  offset: number;
}

/**
 * A zip archive written front to back into an OutFile: each entry's local header (with its real CRC and sizes,
 * so no data descriptors), its deflated bytes, then the central directory. Every entry carries the same DOS
 * date (`stamp`, in UTC) and no extra fields, so the same entries in the same order give the same bytes.
 */
export class ZipWriter {
  private readonly time: number;
  private readonly date: number;
  private readonly entries: Central[] = [];

  /** Write into `out`, dating every entry `stamp` (moved into 1980–2107, all a DOS date can hold). */
  constructor(
    private readonly out: OutFile,
    time: Date,
  ) {
    const stamp = zipDateRange(time);
    this.time = (stamp.getUTCHours() << 11) | (stamp.getUTCMinutes() << 5) | (stamp.getUTCSeconds() >> 1);
    this.date = ((stamp.getUTCFullYear() - 1980) << 9) | ((stamp.getUTCMonth() + 1) << 5) | stamp.getUTCDate();
  }

  /** Add an entry held whole in memory (a small part), deflated here. */
  addBytes(name: string, data: Uint8Array): void {
    this.addDeflated(name, { crc: crc32(data), size: data.length }, [deflateSync(data, { level: DEFLATE_LEVEL })]);
  }

  /** Add an entry whose deflated bytes are already made, as pieces in order; `facts` describe the uncompressed bytes. */
  addDeflated(name: string, facts: ZipEntryFacts, pieces: readonly ZipPiece[]): void {
    const compressed = pieces.reduce((n, p) => n + (p instanceof Uint8Array ? p.length : p.bytes), 0);
    const offset = this.out.size;
    const nameBytes = Buffer.from(name, 'utf8');
    // Bit 11: the name is UTF-8 (only needed past ASCII).
    const flags = nameBytes.length === name.length ? 0 : 0x0800;
    if (this.entries.length >= MAX_ENTRIES || [compressed, facts.size, offset].some((n) => n > MAX_32)) {
      throw new Error(`${name}: past the plain zip limits (4 GiB, 65 535 entries); Zip64 is not written`);
    }
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(VERSION, 4);
    header.writeUInt16LE(flags, 6);
    header.writeUInt16LE(8, 8); // deflate
    header.writeUInt16LE(this.time, 10);
    header.writeUInt16LE(this.date, 12);
    header.writeUInt32LE(facts.crc >>> 0, 14);
    header.writeUInt32LE(compressed, 18);
    header.writeUInt32LE(facts.size, 22);
    header.writeUInt16LE(nameBytes.length, 26);
    header.writeUInt16LE(0, 28); // no extra field
    this.out.write(header);
    this.out.write(nameBytes);
    for (const p of pieces) {
      if (p instanceof Uint8Array) this.out.write(p);
      else this.out.copyFrom(p.file, 0, p.bytes);
    }
    this.entries.push({ name: nameBytes, flags, crc: facts.crc >>> 0, compressed, size: facts.size, offset });
  }

  /** Write the central directory and the end record; the OutFile stays open for the caller to close. */
  finish(): void {
    const start = this.out.size;
    for (const e of this.entries) {
      const h = Buffer.alloc(46);
      h.writeUInt32LE(0x02014b50, 0);
      h.writeUInt16LE(VERSION, 4); // made by: MS-DOS attributes, version 2.0
      h.writeUInt16LE(VERSION, 6);
      h.writeUInt16LE(e.flags, 8);
      h.writeUInt16LE(8, 10);
      h.writeUInt16LE(this.time, 12);
      h.writeUInt16LE(this.date, 14);
      h.writeUInt32LE(e.crc, 16);
      h.writeUInt32LE(e.compressed, 20);
      h.writeUInt32LE(e.size, 24);
      h.writeUInt16LE(e.name.length, 28);
      // extra length, comment length, disk, internal and external attributes: all 0
      h.writeUInt32LE(e.offset, 42);
      this.out.write(h);
      this.out.write(e.name);
    }
    const size = this.out.size - start;
    if (start > MAX_32 || size > MAX_32) throw new Error('central directory past the plain zip limit of 4 GiB');
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.entries.length, 8);
    end.writeUInt16LE(this.entries.length, 10);
    end.writeUInt32LE(size, 12);
    end.writeUInt32LE(start, 16);
    this.out.write(end);
  }
}

