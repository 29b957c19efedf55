import { crc32 } from 'node:zlib';
import type { DocumentPieces } from '../export/sink.ts';
import type { DocumentResult } from '../parallel/result.ts';
import type { DocumentOutcome } from '../stages.ts';
import type { Finding } from '../validate/report.ts';

// Bump when the entry layout or the result's shape changes, so old entries are never read as new ones.
export const ENTRY_FORMAT = 'kravkart-cache/2';

// The order of an entry's sections after the outcome and the findings: the text outputs' pieces.
const PIECES = [
  ['mentions', 'csv'],
  ['mentions', 'excel'],
  ['mentions', 'json'],
  ['demands', 'csv'],
  ['demands', 'excel'],
  ['demands', 'json'],
  ['dates', 'csv'],
  ['dates', 'excel'],
  ['dates', 'json'],
] as const;

/**
 * A result as one entry: a header line (format, key, the sections' byte lengths, a CRC-32 of the body), then the
 * sections — the outcome and findings as JSON, each piece as the UTF-8 bytes it adds to its output. The pieces
 * are read back as slices of the entry and written out without being decoded; the CRC lets a reader reject a
 * truncated or damaged entry. `key` is null for a result that is not cached.
 */
export function encodeEntry(key: string | null, result: DocumentResult): Buffer {
  const { tables, page } = result.pieces;
  const sections = [JSON.stringify(result.outcome), JSON.stringify(result.findings), ...PIECES.map(([t, f]) => tables[t][f]), page.demands, page.source];
  const lengths = sections.map((s) => (typeof s === 'string' ? Buffer.byteLength(s, 'utf8') : s.byteLength));
  // Each section is encoded straight into the one buffer, after room for the header; the header's CRC is known
  // only once the body is there, so the header is written last, ending where the body begins.
  const headerOf = (crc: number) => `${JSON.stringify({ format: ENTRY_FORMAT, key, sections: lengths, crc })}\n`;
  const room = Buffer.byteLength(headerOf(MAX_CRC), 'utf8');
  // A buffer of its own (not a slice of Node's shared pool), so posting the entry to another thread copies only it.
  const entry = Buffer.allocUnsafeSlow(room + lengths.reduce((a, b) => a + b, 0));
  let at = room;
  for (const s of sections) {
    if (typeof s === 'string') at += entry.write(s, at, 'utf8');
    else {
      entry.set(s, at);
      at += s.byteLength;
    }
  }
  const header = headerOf(crc32(entry.subarray(room)));
  const start = room - Buffer.byteLength(header, 'utf8');
  entry.write(header, start, 'utf8');
  return entry.subarray(start);
}

// The widest CRC-32, whose digits the header makes room for.
const MAX_CRC = 0xffffffff;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0;

/** The result in an entry's bytes, or null when the entry is not exactly what `key` (unless null) and `file` expect. */
export function decodeEntry(entry: Uint8Array, key: string | null, file: string): DocumentResult | null {
  const bytes = Buffer.from(entry.buffer, entry.byteOffset, entry.byteLength);
  const nl = bytes.indexOf(10);
  if (nl < 0) return null;
  try {
    const header: unknown = JSON.parse(bytes.toString('utf8', 0, nl));
    if (!isObject(header) || header['format'] !== ENTRY_FORMAT || (key !== null && header['key'] !== key)) return null;
    const lengths = header['sections'];
    const body = bytes.subarray(nl + 1);
    if (!Array.isArray(lengths) || lengths.length !== PIECES.length + 4 || !lengths.every(isCount)) return null;
    if (lengths.reduce((a: number, b: number) => a + b, 0) !== body.length || header['crc'] !== crc32(body)) return null;
    let at = 0;
    const sections = lengths.map((n: number) => body.subarray(at, (at += n)));
    const outcome: unknown = JSON.parse((sections[0] as Buffer).toString('utf8'));
    const findings: unknown = JSON.parse((sections[1] as Buffer).toString('utf8'));
    if (!isOutcome(outcome, file) || !Array.isArray(findings)) return null;
    const tables = {} as Record<string, Record<string, Uint8Array>>;
    PIECES.forEach(([t, f], i) => ((tables[t] ??= {})[f] = sections[i + 2] as Buffer));
    const pieces = { tables, page: { demands: sections[PIECES.length + 2], source: sections[PIECES.length + 3] } } as unknown as DocumentPieces;
    return { outcome, findings: findings as Finding[], pieces };
  } catch {
    return null;
  }
}

/** The shape check of a decoded outcome: enough that a wrong entry can never be mistaken for a right one. */
function isOutcome(v: unknown, file: string): v is DocumentOutcome {
  if (!isObject(v) || v['file'] !== file || !Array.isArray(v['messages']) || !isObject(v['stats'])) return false;
  const rows = v['rows'];
  if (!isObject(rows) || rows['file'] !== file || !isObject(rows['document'])) return false;
  return ['mentions', 'demands', 'dates', 'actors', 'uses', 'messages'].every((k) => Array.isArray(rows[k]));
}
