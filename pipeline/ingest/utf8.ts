/** What a strict scan of UTF-8 bytes found. */
export interface Utf8Scan {
  /** Byte offset of the first byte that starts an invalid sequence, or -1 when the bytes are valid UTF-8. */
  firstInvalid: number;
  /** Number of invalid sequences (each would decode to one U+FFFD). */
  invalid: number;
  /** Number of valid multi-byte sequences (non-ASCII characters correctly encoded). */
  multibyte: number;
}

/**
 * Scan bytes as UTF-8 the way the WHATWG decoder does (no overlongs, no surrogates, nothing above U+10FFFF).
 * `TextDecoder` only says *that* bytes are invalid; users need *where*, and whether the file is mixed.
 */
export function scanUtf8(bytes: Uint8Array): Utf8Scan {
  let firstInvalid = -1;
  let invalid = 0;
  let multibyte = 0;
  const bad = (at: number) => {
    if (firstInvalid < 0) firstInvalid = at;
    invalid++;
  };
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      i++;
      continue;
    }
    // Length of the sequence and the allowed range of its second byte (the first continuation byte).
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0; // overlong
      if (b === 0xed) hi = 0x9f; // surrogates
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90; // overlong
      if (b === 0xf4) hi = 0x8f; // above U+10FFFF
    } else {
      bad(i);
      i++;
      continue;
    }
    let j = 1;
    for (; j <= need; j++) {
      const c = bytes[i + j];
      if (c === undefined || c < (j === 1 ? lo : 0x80) || c > (j === 1 ? hi : 0xbf)) break;
    }
    if (j > need) {
      multibyte++;
      i += need + 1;
    } else {
      // Resume at the byte that broke the sequence, as the decoder does (maximal subpart).
      bad(i);
      i += j;
    }
  }
  return { firstInvalid, invalid, multibyte };
}
