import type { OffsetMap } from '../document.ts';

const CHUNK = 8192;
const UTF16 = new TextDecoder('utf-16le');

/** Whether [from, to) holds a surrogate that is not part of a pair (TextDecoder would turn it into U+FFFD). */
function hasLoneSurrogate(units: Uint16Array, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = units[i] ?? 0;
    if (c < 0xd800 || c > 0xdfff) continue;
    if (c <= 0xdbff && i + 1 < to) {
      const d = units[i + 1] ?? 0;
      if (d >= 0xdc00 && d <= 0xdfff) {
        i++;
        continue;
      }
    }
    return true;
  }
  return false;
}

/** Build a string from a range of UTF-16 units, unit for unit (lone surrogates included). */
export function unitsToString(units: Uint16Array, from: number, to: number): string {
  if (to <= from) return '';
  if (!hasLoneSurrogate(units, from, to)) return UTF16.decode(units.subarray(from, to));
  const parts: string[] = [];
  for (let i = from; i < to; i += CHUNK) {
    parts.push(String.fromCharCode.apply(null, units.subarray(i, Math.min(to, i + CHUNK)) as unknown as number[]));
  }
  return parts.join('');
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

  /** The finished offset map (copies, so the buffer's spare capacity is not kept alive). */
  toMap(): OffsetMap {
    return { start: this.start.slice(0, this.length), end: this.end.slice(0, this.length) };
  }
}
