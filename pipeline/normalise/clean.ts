import type { MappedBuffer } from './buffer.ts';
import {
  isHighSurrogate,
  isInvisibleUnit,
  isLowSurrogate,
  isMarkCodePoint,
  isNfcStableUnit,
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
    softHyphenAtEnd = false;
    if (spaceFrom >= 0) {
      if (out.length > begin) out.push(0x20, spaceFrom, i);
      spaceFrom = -1;
    }
    const next = i + 1 < to ? src.charCodeAt(i + 1) : 0;
    // Fast path: nothing at or above U+0300 means no combining mark can follow and NFC cannot change the unit.
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
