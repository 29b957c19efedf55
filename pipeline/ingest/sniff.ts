/**
 * What raw bytes look like before decoding: a known non-text file format, UTF-16, or binary data.
 * Naming the format ("a PDF document") tells the user what to convert far better than "binary".
 */

/** File signatures of formats people save as `.txt` by mistake (exported or renamed documents). */
const SIGNATURES: { bytes: number[]; format: string }[] = [
  { bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], format: 'a PDF document' }, // %PDF-
  { bytes: [0x50, 0x4b, 0x03, 0x04], format: 'a ZIP archive (a .docx or .odt document is one)' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], format: 'an old Microsoft Office document (.doc)' },
  { bytes: [0x7b, 0x5c, 0x72, 0x74, 0x66], format: 'an RTF document' }, // {\rtf
  { bytes: [0x89, 0x50, 0x4e, 0x47], format: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], format: 'a JPEG image' },
];

/** The known file format the bytes start with, or null. */
export function knownFormat(bytes: Uint8Array): string | null {
  for (const s of SIGNATURES) if (s.bytes.every((b, i) => bytes[i] === b)) return s.format;
  return null;
}

/**
 * `UTF-16LE` / `UTF-16BE` when the bytes are UTF-16 text (Windows "Unicode" files): a byte-order mark, or
 * (without one) nearly every other byte zero, as Latin-script text in UTF-16 is.
 */
export function utf16Encoding(bytes: Uint8Array): 'UTF-16LE' | 'UTF-16BE' | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'UTF-16LE';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'UTF-16BE';
  const pairs = Math.min(bytes.length >> 1, 4096);
  if (pairs < 2) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < pairs; i++) {
    if (bytes[2 * i] === 0) evenZero++;
    if (bytes[2 * i + 1] === 0) oddZero++;
  }
  if (oddZero >= pairs * 0.9 && evenZero === 0) return 'UTF-16LE';
  if (evenZero >= pairs * 0.9 && oddZero === 0) return 'UTF-16BE';
  return null;
}

/**
 * Share of control characters above which a file is binary data rather than text with a few stray controls
 * (PDF extraction leaves the odd vertical tab or form feed; real binary data is full of them).
 */
export const BINARY_CONTROL_SHARE = 0.1;

/** Why the bytes are binary data rather than text, or null when they may be text. */
export function binaryReason(bytes: Uint8Array): string | null {
  const nul = bytes.indexOf(0);
  if (nul >= 0) return `it contains NUL bytes (the first at byte ${nul}), which text never does`;
  let controls = 0;
  for (const b of bytes) {
    // C0 controls and DEL, except tab, line feed, form feed and carriage return, which text uses.
    if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d) || b === 0x7f) controls++;
  }
  const share = controls / bytes.length;
  if (share > BINARY_CONTROL_SHARE) return `${Math.round(share * 100)}% of its bytes are control characters`;
  return null;
}
