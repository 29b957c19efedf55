import { TABLE_NAMES, type TableName } from '../models/tables.ts';
import { columns } from '../schemas/columns.ts';
import { allowedValues, tableDescription } from './about.ts';
import type { PackageMeta } from './package.ts';
import { columnLetter, excelText, textCellXml } from './xlsx-cells.ts';
import { STYLE, WORKSHEET_OPEN, XML_DECLARATION } from './xlsx-parts.ts';

/** What the "Les meg" sheet tells: the package facts, and each table's row count and sheet names. */
export interface ReadmeFacts {
  meta: PackageMeta;
  citation: string;
  rows: Record<TableName, number>;
  sheets: Record<TableName, readonly string[]>;
}

const WIDTHS = [18, 26, 12, 9, 90, 50];

// One row of the sheet: its cells' text, the style of the whole row, and of its first cell (a label) if other.
interface ReadmeRow {
  cells: readonly string[];
  style?: number;
  labelStyle?: number;
}

/**
 * The first sheet, as a whole worksheet part: what the data is, version, licence, how to cite, the sheets, and a
 * column dictionary. It is small and fixed in size, so it is built in memory.
 */
export function readmeSheetXml(facts: ReadmeFacts): string {
  const { meta, rows, sheets } = facts;
  const about: [string, string][] = [
    ['Hva dette er', 'Krav (hvem krever hva av hvem), aktører og datoer hentet ut av norske dokumenter om velferds- og arbeidslivspolitikk.'],
    ['', meta.description],
    ['Versjon', meta.version],
    ...meta.licenses.map((l): [string, string] => ['Datalisens', `${l.title} (${l.name}), ${l.path}`]),
    ['Kodelisens', meta.code_licence],
    ['Slik siterer du', facts.citation],
    ['Kilder', `${rows.documents} dokumenter; hvert krav, hver omtale og hver dato peker på sitt nøyaktige utdrag av kildeteksten (start/end i Unicode-kodepunkter).`],
    ['Tekst', 'Tekstceller er tekst (format @): en celle som begynner med =, +, - eller @ blir aldri en formel, heller ikke når du redigerer den.'],
    ['Datoer', 'Datoer er ekte datoer, vist med presisjonen de har: åååå, åååå-mm eller åååå-mm-dd.'],
    ['Lister', 'Flere verdier i én celle (f.eks. claimant_ids, aliases) er skilt med «; ».'],
    ...TABLE_NAMES.map((t): [string, string] => {
      const more = sheets[t].slice(1);
      return [`Ark ${t}`, `${tableDescription(t)} ${rows[t]} rader${more.length === 0 ? '' : `, fortsetter på ${more.map((n) => `«${n}»`).join(', ')}`}.`];
    }),
  ];
  const lines: ReadmeRow[] = [
    { cells: [meta.title], style: STYLE.title },
    { cells: [] },
    ...about.map(([label, text]): ReadmeRow => ({ cells: [label, text], labelStyle: STYLE.bold })),
    { cells: [] },
    { cells: ['Kolonneordbok'], style: STYLE.heading },
    { cells: ['Ark', 'Kolonne', 'Type', 'Påkrevd', 'Beskrivelse', 'Tillatte verdier'], style: STYLE.bold },
    ...TABLE_NAMES.flatMap((t) =>
      columns(t).map((c): ReadmeRow => ({ cells: [t, c.name, c.list ? `liste av ${c.type}` : c.type, c.nullable || c.list ? 'nei' : 'ja', c.description, allowedValues(c)] })),
    ),
  ];

  const cols = WIDTHS.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('');
  const rowXml = lines.map((line, i) => {
    const r = i + 1;
    const attrs = line.style === undefined ? '' : ` s="${line.style}" customFormat="1"`;
    const cells = line.cells
      .map((text, k) => (text === '' ? '' : textCellXml(`${columnLetter(k)}${r}`, excelText(text), (k === 0 ? line.labelStyle : undefined) ?? line.style ?? null)))
      .join('');
    return `<row r="${r}"${attrs}>${cells}</row>`;
  });
  return `${XML_DECLARATION}${WORKSHEET_OPEN}<dimension ref="A1:F${lines.length}"/><sheetFormatPr defaultRowHeight="15"/><cols>${cols}</cols><sheetData>${rowXml.join('')}</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`;
}
