// CRC-32 (the zip polynomial, bit-reflected as zlib computes it) of two pieces joined, from the two pieces' CRCs:
// a streamed sheet's CRC is known before the head that precedes it in the file, whose content depends on the
// whole sheet. The method is zlib's crc32_combine: multiplication modulo the CRC polynomial over GF(2).

const POLY = 0xedb88320;
const TOP = 0x80000000; // x^0 in the reflected order

// a·b mod p(x); `a` is never 0 here (it is a power of x).
function multModP(a: number, b: number): number {
  let m = TOP;
  let p = 0;
  let bb = b >>> 0;
  for (;;) {
    if ((a & m) !== 0) {
      p ^= bb;
      if ((a & (m - 1)) === 0) break;
    }
    m >>>= 1;
    bb = bb & 1 ? (bb >>> 1) ^ POLY : bb >>> 1;
  }
  return p >>> 0;
}

// X2N[k] = x^(2^k) mod p(x); for this polynomial they repeat with period 32 in k, so 32 entries serve any k.
const X2N: number[] = [TOP >>> 1];
for (let k = 1; k < 32; k++) X2N.push(multModP(X2N[k - 1] as number, X2N[k - 1] as number));

// x^(n·2^k) mod p(x), for any n up to 2^53 (arithmetic, not 32-bit shifts, so pieces past 4 GiB stay right).
function x2nModP(n: number, k: number): number {
  let p = TOP;
  let rest = n;
  let i = k;
  while (rest > 0) {
    if (rest % 2 === 1) p = multModP(X2N[i % 32] as number, p);
    rest = Math.floor(rest / 2);
    i++;
  }
  return p;
}

/** CRC-32 of A followed by B, given `crcA`, `crcB` and the byte length of B — without reading either again. */
export function crc32Combine(crcA: number, crcB: number, lengthB: number): number {
  return (multModP(x2nModP(lengthB, 3), crcA) ^ crcB) >>> 0;
}
