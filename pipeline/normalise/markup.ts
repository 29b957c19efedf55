import type { MappedBuffer } from './buffer.ts';
import { isPunctUnit, isSpaceUnit } from './chars.ts';

const STAR = 0x2a;
const UNDERSCORE = 0x5f;
const BACKSLASH = 0x5c;
const HASH = 0x23;

/** Reusable deletion flags, so the per-line pass allocates nothing in the common case. */
export class MarkupScratch {
  flags = new Uint8Array(256);
  /** Cleared flags for a line of n units. */
  take(n: number): Uint8Array {
    if (this.flags.length < n) this.flags = new Uint8Array(Math.max(n, this.flags.length * 2));
    this.flags.fill(0, 0, n);
    return this.flags;
  }
}

const DELETE = 1;
const LITERAL = 2;

const isAsciiPunct = (c: number): boolean =>
  (c >= 0x21 && c <= 0x2f) || (c >= 0x3a && c <= 0x40) || (c >= 0x5b && c <= 0x60) || (c >= 0x7b && c <= 0x7e);

/**
 * Remove inline markdown that is not text from the line occupying [a, out.length) of `out`: emphasis delimiters
 * (`**x**`, `*x*`, `__x__`, `_x_`), link syntax (`[text](url)` keeps `text`; an orphan `](url)` tail goes too, so
 * that a slice starting inside a link normalises the same way), backslash escapes and `{#id}` heading attributes.
 * Line-start structure markers (`#`, `-`, `*` + space, `1.`) are kept. The line is compacted in place and its
 * spaces re-collapsed and trimmed.
 */
export function stripMarkup(out: MappedBuffer, a: number, scratch: MarkupScratch): void {
  const b = out.length;
  const n = b - a;
  if (n === 0) return;
  const u = out.units;
  // Cheap exit: most lines carry no markup characters at all.
  let any = false;
  for (let i = a; i < b; i++) {
    const c = u[i] ?? 0;
    if (c === STAR || c === UNDERSCORE || c === BACKSLASH || c === 0x5b || c === 0x5d || c === 0x7b) {
      any = true;
      break;
    }
  }
  if (!any) return;
  const f = scratch.take(n);

  // Escapes: "\*" is a literal asterisk; the backslash goes.
  for (let i = a; i + 1 < b; i++) {
    if ((u[i] ?? 0) === BACKSLASH && isAsciiPunct(u[i + 1] ?? 0)) {
      f[i - a] = DELETE;
      f[i + 1 - a] = LITERAL;
      i++;
    }
  }
  markHeadingAttributes(u, a, b, f);
  markLinks(u, a, b, f);
  markEmphasis(u, a, b, f);
  compact(out, a, f);
}

/** `## Title {#title}`: the attribute block at the end of a heading line. */
function markHeadingAttributes(u: Uint16Array, a: number, b: number, f: Uint8Array): void {
  if ((u[a] ?? 0) !== HASH || (u[b - 1] ?? 0) !== 0x7d) return;
  for (let i = b - 2; i > a; i--) {
    const c = u[i] ?? 0;
    if (c === 0x7b) {
      const k = u[i + 1] ?? 0;
      if ((k === HASH || k === 0x2e) && (u[i - 1] ?? 0) === 0x20) f.fill(DELETE, i - 1 - a, b - a);
      return;
    }
    if (c === 0x7d || c === 0x20) return;
  }
}

/** Find the `)` closing the `(` at p, allowing one level of nested parentheses; -1 if none. */
function closeParen(u: Uint16Array, p: number, b: number): number {
  let depth = 0;
  for (let i = p; i < b; i++) {
    const c = u[i] ?? 0;
    if (c === 0x28) depth++;
    else if (c === 0x29 && --depth === 0) return i;
  }
  return -1;
}

function hasSpace(u: Uint16Array, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (isSpaceUnit(u[i] ?? 0)) return true;
  return false;
}

function markLinks(u: Uint16Array, a: number, b: number, f: Uint8Array): void {
  let open = -1;
  for (let i = a; i < b; i++) {
    const c = u[i] ?? 0;
    if (f[i - a] === LITERAL) continue;
    if (c === 0x5b) open = i;
    else if (c === 0x5d && (u[i + 1] ?? 0) === 0x28) {
      const close = closeParen(u, i + 1, b);
      if (close < 0) continue;
      // An orphan tail `](url)` (no `[` on the line) only counts when the target looks like a URL (no spaces).
      if (open < 0 && hasSpace(u, i + 2, close)) continue;
      f.fill(DELETE, i - a, close + 1 - a);
      if (open >= 0) {
        f[open - a] = DELETE;
        if (open > a && (u[open - 1] ?? 0) === 0x21) f[open - 1 - a] = DELETE;
      }
      open = -1;
      i = close;
    }
  }
}

interface Run {
  at: number;
  len: number;
  ch: number;
}

/** CommonMark-style delimiter runs: a run opens when left-flanking and closes when right-flanking. */
function markEmphasis(u: Uint16Array, a: number, b: number, f: Uint8Array): void {
  const openers: Run[] = [];
  let i = a;
  while (i < b) {
    const ch = u[i] ?? 0;
    if ((ch !== STAR && ch !== UNDERSCORE) || f[i - a] !== 0) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < b && (u[j] ?? 0) === ch && f[j - a] === 0) j++;
    const len = j - i;
    const before = i > a ? (u[i - 1] ?? 0x20) : 0x20;
    const after = j < b ? (u[j] ?? 0x20) : 0x20;
    const spaceBefore = isSpaceUnit(before);
    const spaceAfter = isSpaceUnit(after);
    const punctBefore = isPunctUnit(before);
    const punctAfter = isPunctUnit(after);
    const left = !spaceAfter && (!punctAfter || spaceBefore || punctBefore);
    const right = !spaceBefore && (!punctBefore || spaceAfter || punctAfter);
    // `_` inside a word (snake_case, file_name) is never emphasis.
    const canOpen = ch === STAR ? left : left && (!right || punctBefore);
    const canClose = ch === STAR ? right : right && (!left || punctAfter);
    let closed = false;
    if (canClose && len <= 3) {
      for (let k = openers.length - 1; k >= 0; k--) {
        const o = openers[k];
        if (o === undefined || o.ch !== ch) continue;
        const m = Math.min(o.len, len);
        f.fill(DELETE, o.at + o.len - m - a, o.at + o.len - a);
        f.fill(DELETE, i - a, i + m - a);
        openers.length = k;
        closed = true;
        break;
      }
    }
    if (!closed && canOpen && len <= 3) openers.push({ at: i, len, ch });
    i = j;
  }
}

/** Drop deleted units, then collapse doubled spaces and trim (deletions can leave "a  b" or a leading space). */
function compact(out: MappedBuffer, a: number, f: Uint8Array): void {
  const u = out.units;
  const s = out.start;
  const e = out.end;
  const b = out.length;
  let w = a;
  for (let r = a; r < b; r++) {
    if (f[r - a] === DELETE) continue;
    const c = u[r] ?? 0;
    if (c === 0x20 && (w === a || (u[w - 1] ?? 0) === 0x20)) continue;
    u[w] = c;
    s[w] = s[r] ?? 0;
    e[w] = e[r] ?? 0;
    w++;
  }
  if (w > a && (u[w - 1] ?? 0) === 0x20) w--;
  out.length = w;
}
