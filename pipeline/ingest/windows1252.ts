/**
 * Windows-1252 bytes 0x80–0x9F (the rest of the upper half is Latin-1, i.e. the byte value is the code point).
 * 0 marks the five bytes Windows-1252 leaves undefined. Written out rather than asking `TextDecoder`,
 * because Node builds without full ICU do not know the encoding.
 */
const HIGH_C1 = [
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0,
  0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
];

/** The character a Windows-1252 byte stands for, or null for the five undefined bytes. */
export function windows1252Char(byte: number): string | null {
  if (byte < 0x80 || byte > 0x9f) return String.fromCharCode(byte);
  const cp = HIGH_C1[byte - 0x80] as number;
  return cp === 0 ? null : String.fromCharCode(cp);
}

const LETTER = /^\p{L}$/u;

/**
 * Whether bytes read as Windows-1252 give plausible text: every byte above 0x7F is a defined character and
 * most of them are letters (æ, ø, å, é, ü …), as in a Norwegian text saved by an old editor.
 */
export function looksLikeWindows1252(bytes: Uint8Array): boolean {
  let high = 0;
  let letters = 0;
  for (const b of bytes) {
    if (b < 0x80) continue;
    const ch = windows1252Char(b);
    if (ch === null) return false;
    high++;
    if (LETTER.test(ch)) letters++;
  }
  return high > 0 && letters * 2 >= high;
}

/** The word around a byte, read as Windows-1252, so the user can recognise the spot (e.g. "lønnsøkning"). */
export function windows1252WordAt(bytes: Uint8Array, at: number, max = 40): string {
  const isWordByte = (i: number): boolean => {
    const b = bytes[i];
    if (b === undefined) return false;
    const ch = windows1252Char(b);
    return ch !== null && (LETTER.test(ch) || ch === '-');
  };
  let start = at;
  let end = at;
  while (start > 0 && at - start < max && isWordByte(start - 1)) start--;
  while (end < bytes.length && end - at < max && isWordByte(end)) end++;
  let word = '';
  for (let i = start; i < end; i++) word += windows1252Char(bytes[i] as number) ?? '';
  return word;
}
