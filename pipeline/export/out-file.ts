import { chmodSync, closeSync, fstatSync, mkdirSync, openSync, readSync, renameSync, writeSync } from 'node:fs';
import { createHash, type Hash } from 'node:crypto';
import { dirname, join } from 'node:path';
import type { WrittenFile } from './sink.ts';

// Bytes are gathered in one reusable buffer of this size before each write: few system calls, no garbage per row.
const FLUSH_BYTES = 1 << 20;

/**
 * A file being written in pieces: bytes go to disk in large writes and through a sha256 as they pass, so a
 * whole output never has to be in memory and its checksum needs no second read. Every write is copied at once,
 * so a caller may reuse its buffer.
 */
export class OutFile {
  private readonly fd: number;
  private readonly hash: Hash = createHash('sha256');
  private readonly buf = Buffer.allocUnsafe(FLUSH_BYTES);
  private used = 0;
  private bytes = 0;
  private closed = false;

  /** Create (or truncate) `path` under `root`, making its folders. */
  constructor(root: string, readonly path: string) {
    const full = join(root, path);
    mkdirSync(dirname(full), { recursive: true });
    this.fd = openSync(full, 'w');
  }

  /** Append text (as UTF-8) or bytes. */
  write(chunk: string | Uint8Array): void {
    if (this.closed) throw new Error(`${this.path} is closed`);
    if (typeof chunk === 'string') {
      // A UTF-16 unit never takes more than 3 UTF-8 bytes; a string that might not fit is encoded on its own.
      if (chunk.length * 3 > FLUSH_BYTES) return this.writeBytes(Buffer.from(chunk, 'utf8'));
      if (this.used + chunk.length * 3 > FLUSH_BYTES) this.flush();
      const n = this.buf.write(chunk, this.used, 'utf8');
      this.used += n;
      this.bytes += n;
      return;
    }
    this.writeBytes(chunk);
  }

  private writeBytes(b: Uint8Array): void {
    if (this.used + b.byteLength > FLUSH_BYTES) this.flush();
    if (b.byteLength >= FLUSH_BYTES) {
      this.hash.update(b);
      let off = 0;
      while (off < b.byteLength) off += writeSync(this.fd, b, off, b.byteLength - off);
      this.bytes += b.byteLength;
      return;
    }
    this.buf.set(b, this.used);
    this.used += b.byteLength;
    this.bytes += b.byteLength;
  }

  /**
   * Append `length` bytes of another file from `position` (default: all of it), read piece by piece through this
   * file's own buffer, so a scratch file of any size is copied in without being held in memory.
   */
  copyFrom(path: string, position = 0, length = Number.POSITIVE_INFINITY): void {
    const fd = openSync(path, 'r');
    try {
      let done = 0;
      while (done < length) {
        if (this.used === FLUSH_BYTES) this.flush();
        const want = Math.min(FLUSH_BYTES - this.used, length - done);
        const n = readSync(fd, this.buf, this.used, want, position + done);
        if (n === 0) break;
        this.used += n;
        this.bytes += n;
        done += n;
      }
      if (Number.isFinite(length) && done < length) throw new Error(`${path} ended after ${done} of ${length} bytes`);
    } finally {
      closeSync(fd);
    }
  }

  /** Bytes written so far. */
  get size(): number {
    return this.bytes;
  }

  /** Flush, close, and describe the file. */
  close(): WrittenFile {
    if (!this.closed) {
      this.flush();
      closeSync(this.fd);
      this.closed = true;
    }
    return { path: this.path, bytes: this.bytes, sha256: this.hash.copy().digest('hex') };
  }

  private flush(): void {
    if (this.used === 0) return;
    const view = this.buf.subarray(0, this.used);
    this.hash.update(view);
    let off = 0;
    while (off < view.length) off += writeSync(this.fd, view, off, view.length - off);
    this.used = 0;
  }
}

/**
 * Move a finished scratch file into the output folder as the output at `path`, and describe it: a rename (the
 * build's scratch folder sits beside the output folder) spares writing a large file a second time; across file
 * systems it is copied. It gets the mode every other output file gets (0666 less the umask).
 */
export function moveIntoOutput(file: string, root: string, path: string): WrittenFile {
  const target = join(root, path);
  mkdirSync(dirname(target), { recursive: true });
  const fd = openSync(target, 'w');
  const mode = fstatSync(fd).mode & 0o777;
  closeSync(fd);
  try {
    renameSync(file, target);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EXDEV') throw e;
    const out = new OutFile(root, path);
    out.copyFrom(file);
    return out.close();
  }
  chmodSync(target, mode);
  return { path, ...hashOf(target) };
}

// Size and sha256 of a file, read a piece at a time so that a file of any size is never held in memory.
function hashOf(file: string): { bytes: number; sha256: string } {
  const hash = createHash('sha256');
  const buf = Buffer.allocUnsafe(FLUSH_BYTES);
  const fd = openSync(file, 'r');
  let bytes = 0;
  try {
    for (let n = readSync(fd, buf, 0, buf.length, bytes); n > 0; n = readSync(fd, buf, 0, buf.length, bytes)) {
      hash.update(buf.subarray(0, n));
      bytes += n;
    }
  } finally {
    closeSync(fd);
  }
  return { bytes, sha256: hash.digest('hex') };
}
