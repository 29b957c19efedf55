import { Buffer } from 'node:buffer';
import type { OffsetMap } from '../document.ts';

/**
 * Build a string from a range of UTF-16 units, unit for unit (lone surrogates included): Node's UTF-16LE decoding
 * copies units as they are (TextDecoder would turn a lone surrogate into U+FFFD) and is the cheapest way to a string.
 * It reads the units' bytes as little-endian, the byte order of every platform the pipeline runs on.
 */
export function unitsToString(units: Uint16Array, from: number, to: number): string {
  if (to <= from) return '';
  return Buffer.from(units.buffer, units.byteOffset + 2 * from, 2 * (to - from)).toString('utf16le');
}

/**
 * A growable UTF-16 text in typed arrays where every unit remembers the source range it came from;
 * normalise writes into it instead of concatenating strings character by character.
 */
export class MappedBuffer {
  units: Uint16Array;
  start: Int32Array;
  end: Int32Array;
  length = 0;

  constructor(capacity: number) {
    const n = Math.max(16, capacity);
    this.units = new Uint16Array(n);
    this.start = new Int32Array(n);
    this.end = new Int32Array(n);
  }

  /**
   * Empty the buffer for the next document with room for `capacity` units, as zeroed as a new one: the arrays are
   * kept when they fit and are not far too large, since allocating them anew cost more than clearing them.
   */
  reset(capacity: number): this {
    const n = Math.max(16, capacity);
    if (this.units.length < n || this.units.length > Math.max(4 * n, 1 << 16)) {
      this.units = new Uint16Array(n);
      this.start = new Int32Array(n);
      this.end = new Int32Array(n);
    } else {
      this.units.fill(0);
      this.start.fill(0);
      this.end.fill(0);
    }
    this.length = 0;
    return this;
  }

  private grow(min: number): void {
    const n = Math.max(min, this.units.length * 2);
    const u = new Uint16Array(n);
    const s = new Int32Array(n);
    const e = new Int32Array(n);
    u.set(this.units.subarray(0, this.length));
    s.set(this.start.subarray(0, this.length));
    e.set(this.end.subarray(0, this.length));
    this.units = u;
    this.start = s;
    this.end = e;
  }

  /** Append one unit that came from source [from, to). */
  push(unit: number, from: number, to: number): void {
    if (this.length === this.units.length) this.grow(this.length + 1);
    const i = this.length++;
    this.units[i] = unit;
    this.start[i] = from;
    this.end[i] = to;
  }

  /** Make room for `n` more units, so a caller may write them straight into the arrays. */
  reserve(n: number): void {
    if (this.length + n > this.units.length) this.grow(this.length + n);
  }

  /** Append units [a, b) of another buffer with their source ranges. */
  copyFrom(other: MappedBuffer, a: number, b: number): void {
    const n = b - a;
    if (n <= 0) return;
    if (this.length + n > this.units.length) this.grow(this.length + n);
    this.units.set(other.units.subarray(a, b), this.length);
    this.start.set(other.start.subarray(a, b), this.length);
    this.end.set(other.end.subarray(a, b), this.length);
    this.length += n;
  }

  /** The unit at i (caller keeps i in range). */
  at(i: number): number {
    return this.units[i] ?? 0;
  }

  /** Text of units [a, b). */
  text(a = 0, b = this.length): string {
    return unitsToString(this.units, a, b);
  }

  /**
   * The finished offset map: a copy (the buffer is reused, and its spare capacity should not be kept alive), both
   * halves in one allocation.
   */
  toMap(): OffsetMap {
    const n = this.length;
    const both = new Int32Array(2 * n);
    both.set(this.start.subarray(0, n));
    both.set(this.end.subarray(0, n), n);
    return { start: both.subarray(0, n), end: both.subarray(n) };
  }
}
