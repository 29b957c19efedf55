/** What a strict CSV reader expects of a dialect. */
export interface CsvReading {
  delimiter: string;
  /** The text must begin with a byte-order mark (skipped). */
  bom: boolean;
  /** `crlf`: every record, the last included, ends with CRLF and a bare CR or LF is an error; `lf-or-crlf`: either ends a record, the last may end without one. */
  recordEnd: 'crlf' | 'lf-or-crlf';
  /** Mark an explicitly quoted empty cell (`""`) so a comparison notices it: the writers never quote an empty cell. */
  markQuotedEmpty: boolean;
}

/** A strict RFC 4180 reader for the given dialect: quoted fields, doubled quotes; throws on anything malformed. */
export function readCsv(input: string, d: CsvReading): string[][] {
  if (d.bom && !input.startsWith('\uFEFF')) throw new Error('no byte-order mark');
  const text = d.bom ? input.slice(1) : input;
  const crlfOnly = d.recordEnd === 'crlf';
  const recordEndAt = (i: number): number => (text.startsWith('\r\n', i) ? 2 : !crlfOnly && text[i] === '\n' ? 1 : 0);
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '"') {
      if (field !== '') throw new Error(`quote inside an unquoted field at ${i}`);
      i++;
      for (;;) {
        if (i >= text.length) throw new Error('unterminated quoted field');
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        field += text[i];
        i++;
      }
      const afterQuote = i === text.length || text[i] === d.delimiter || recordEndAt(i) > 0 || (!crlfOnly && text[i] === '\r');
      if (!afterQuote) throw new Error(`text after closing quote at ${i}`);
      if (field === '' && d.markQuotedEmpty) field = '\u0000quoted-empty';
      continue;
    }
    const end = recordEndAt(i);
    if (c === d.delimiter) {
      row.push(field);
      field = '';
      i++;
    } else if (end > 0) {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += end;
    } else if (crlfOnly && (c === '\n' || c === '\r')) {
      throw new Error(`bare ${JSON.stringify(c)} outside quotes at ${i}`);
    } else {
      field += c;
      i++;
    }
  }
  if (field !== '' || row.length > 0) {
    if (crlfOnly) throw new Error('last record does not end with CRLF');
    row.push(field);
    rows.push(row);
  }
  return rows;
}
