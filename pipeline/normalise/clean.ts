import type { MappedBuffer } from './buffer.ts';
import {
  isHighSurrogate,
  isInvisibleUnit,
  isLowSurrogate,
  isMarkCodePoint,
  isNfcStableUnit,
  isPlainVisibleUnit,
  isSpaceUnit,
} from './chars.ts';

/**
 * Append one source line [from, to) to `out`: NFC per base+combining-mark group, ligatures expanded, invisible
 * units dropped, whitespace runs collapsed to one space mapped to the whole run, no leading or trailing space.
 * Returns true when the line's last visible unit was a soft hyphen (a hyphenation point the PDF kept).
 */
export function cleanLine(src: string, from: number, to: number, out: MappedBuffer, ligatures: Map<number, string>): boolean {
  const begin = out.length;
  let spaceFrom = -1;
  let softHyphenAtEnd = false;
  let i = from;
  while (i < to) {
    const c = src.charCodeAt(i);
    // Most units are plainly visible: the space and invisible tests are for the rest.
    if (!isPlainVisibleUnit(c)) {
      if (isSpaceUnit(c)) {
        if (spaceFrom < 0) spaceFrom = i;
        i++;
        continue;
      }
      if (isInvisibleUnit(c)) {
        softHyphenAtEnd = c === 0xad;
        i++;
        continue;
      }
    }
    softHyphenAtEnd = false;
    if (spaceFrom >= 0) {
      if (out.length > begin) out.push(0x20, spaceFrom, i);
      spaceFrom = -1;
    }
    // Fast paths: nothing at or above U+0300 means no combining mark can follow and NFC cannot change the unit; a
    // run of plain visible units like that is copied in one go.
    if (c < 0x300) {
      const k = appendPlainRun(src, i, to, out);
      if (k > i) {
        i = k;
        continue;
      }
    }
    const next = i + 1 < to ? src.charCodeAt(i + 1) : 0;
    if (c < 0x300 && next < 0x300) {
      out.push(c, i, i + 1);
      i++;
      continue;
    }
    // A group is one base character (a surrogate pair counts as one) and the combining marks after it.
    let j = i + (isHighSurrogate(c) && isLowSurrogate(next) ? 2 : 1);
    while (j < to) {
      const cp = src.codePointAt(j) ?? 0;
      if (!isMarkCodePoint(cp)) break;
      j += cp > 0xffff ? 2 : 1;
    }
    // A ligature is a compatibility character, which NFC keeps: it is spelt out here, also with marks after it.
    const ligature = ligatures.get(c);
    if (j === i + 1) {
      if (ligature !== undefined) {
        for (let k = 0; k < ligature.length; k++) out.push(ligature.charCodeAt(k), i, j);
        i = j;
        continue;
      }
      if (isNfcStableUnit(c)) {
        out.push(c, i, j);
        i = j;
        continue;
      }
    }
    // Every unit of the group's NFC form maps to the whole group, so any span over it maps back exactly.
    const nfc = (ligature === undefined ? src.slice(i, j) : ligature + src.slice(i + 1, j)).normalize('NFC');
    for (let k = 0; k < nfc.length; k++) out.push(nfc.charCodeAt(k), i, j);
    i = j;
  }
  return softHyphenAtEnd;
}

/**
 * Append the plain visible units of src from `from` on, each mapped to itself, while the unit after each is below
 * U+0300 (or `to` comes); returns where it stopped. Such units are their own NFC form and nothing combines with them.
 */
function appendPlainRun(src: string, from: number, to: number, out: MappedBuffer): number {
  let k = from;
  while (k < to && isPlainVisibleUnit(src.charCodeAt(k))) k++;
  // The last unit stays out when a unit at or above U+0300 (a mark, perhaps) follows it.
  if (k > from && k < to && src.charCodeAt(k) >= 0x300) k--;
  out.reserve(k - from);
  const { units, start, end } = out;
  let w = out.length;
  for (let i = from; i < k; i++, w++) {
    units[w] = src.charCodeAt(i);
    start[w] = i;
    end[w] = i + 1;
  }
  out.length = w;
  return k;
}
