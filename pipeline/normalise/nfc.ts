import { MappedBuffer } from './buffer.ts';

// Units that are starters NFC never changes nor composes with what precedes them (NFC_Quick_Check=Yes, combining
// class 0): everything below U+0300, general punctuation, currency symbols, arrows and technical symbols, box
// drawing to dingbats, private use. A text made only of them is NFC as it stands (a test holds the list to Unicode).
const MAY_NEED_NFC = /[^\u0000-\u02ff\u2010-\u205e\u20a0-\u20c0\u2190-\u2328\u2500-\u27ff\ue000-\uf8ff]/;

/** Whether `text` is in NFC; decided without normalising the text when every unit is a plain starter. */
export const isNfc = (text: string): boolean => !MAY_NEED_NFC.test(text) || text.normalize('NFC') === text;

/**
 * Re-compose where cleaning made new neighbours (a combining mark after a dropped zero-width space or markup, Hangul
 * jamo): runs that start at a unit below U+0300 (never the second half of a composition) are normalised again, and
 * the units of a changed run map to the union of its source ranges. Only called when the text is not NFC already.
 */
export function recompose(buf: MappedBuffer): MappedBuffer {
  const out = new MappedBuffer(buf.length);
  let i = 0;
  while (i < buf.length) {
    let j = i + 1;
    while (j < buf.length && buf.at(j) >= 0x300) j++;
    const run = buf.text(i, j);
    const nfc = run.normalize('NFC');
    if (nfc === run) out.copyFrom(buf, i, j);
    else {
      let from = Infinity;
      let to = -Infinity;
      for (let k = i; k < j; k++) {
        from = Math.min(from, buf.start[k] ?? 0);
        to = Math.max(to, buf.end[k] ?? 0);
      }
      for (let k = 0; k < nfc.length; k++) out.push(nfc.charCodeAt(k), from, to);
    }
    i = j;
  }
  return out;
}
