import { message, positionAt, type Message } from '../messages.ts';
import { binaryReason, knownFormat, utf16Encoding } from './sniff.ts';
import { scanUtf8 } from './utf8.ts';
import { looksLikeWindows1252, windows1252WordAt } from './windows1252.ts';

const STAGE = 'ingest';
const BOM = '\uFEFF';
const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Decoded text (null when the bytes cannot be used) and the problems found on the way. */
export interface Decoded {
  text: string | null;
  messages: Message[];
}

const hex = (b: number): string => `0x${b.toString(16).toUpperCase().padStart(2, '0')}`;

/** Why bytes are not UTF-8, with where the first bad byte is and which encoding they look like. */
function invalidUtf8(bytes: Uint8Array, file: string): Message {
  const scan = scanUtf8(bytes);
  const at = scan.firstInvalid;
  // Everything before the first bad byte is valid, so it decodes and gives the line and column.
  const before = strictUtf8.decode(bytes.subarray(0, at));
  const prefix = before.startsWith(BOM) ? before.slice(1) : before;
  const count = scan.invalid === 1 ? 'the only invalid sequence' : `the first of ${scan.invalid} invalid sequences`;
  let reason = `byte ${hex(bytes[at] as number)} is not valid UTF-8 (${count} in the file)`;
  if (looksLikeWindows1252(bytes)) {
    const word = windows1252WordAt(bytes, at);
    const spot = word.length > 0 ? `; read so, it says "${word}"` : '';
    reason +=
      scan.multibyte > 0
        ? `; the file mixes UTF-8 with Latin-1/Windows-1252 text${spot} — fix those places by hand, converting the whole file would garble the UTF-8 parts`
        : `; it looks like Latin-1/Windows-1252 text${spot}`;
  } else {
    reason += '; the encoding is not recognised';
  }
  return message('invalid-utf8', reason, { stage: STAGE, file, position: positionAt(prefix, prefix.length) });
}

/**
 * Decode a file's bytes as strict UTF-8 and strip one leading byte-order mark (CRLF is kept as is).
 * Documents must hold text; sidecars (`allowBlank`) may be empty.
 */
export function decodeText(bytes: Uint8Array, file: string, options: { allowBlank: boolean }): Decoded {
  const fail = (m: Message): Decoded => ({ text: null, messages: [m] });
  if (bytes.length === 0) {
    return options.allowBlank ? { text: '', messages: [] } : fail(message('empty-file', 'the file is empty (0 bytes)', { stage: STAGE, file }));
  }
  const utf16 = utf16Encoding(bytes);
  if (utf16 !== null) {
    return fail(message('invalid-utf8', `the file is ${utf16} text, not UTF-8; convert it with \`iconv -f ${utf16} -t UTF-8\``, { stage: STAGE, file }));
  }
  const format = knownFormat(bytes);
  if (format !== null) return fail(message('binary-file', `the file is ${format}, not plain text`, { stage: STAGE, file }));
  const binary = binaryReason(bytes);
  if (binary !== null) return fail(message('binary-file', `the file is not text: ${binary}`, { stage: STAGE, file }));

  let text: string;
  try {
    text = strictUtf8.decode(bytes);
  } catch {
    return fail(invalidUtf8(bytes, file));
  }
  if (text.startsWith(BOM)) text = text.slice(1);
  if (!options.allowBlank && text.trim() === '') {
    return fail(message('whitespace-only', `the file holds only whitespace (${bytes.length} bytes), no text`, { stage: STAGE, file }));
  }
  return { text, messages: [] };
}
