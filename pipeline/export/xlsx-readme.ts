import type ExcelJS from 'exceljs';
import { TABLE_NAMES, type TableName } from '../models/tables.ts';
import { columns } from '../schemas/columns.ts';
import { allowedValues, citation, tableDescription } from './about.ts';
import type { WorkbookInput } from './xlsx.ts';

/**
 * Fill the first sheet: what the data is, version, licence, how to cite, the sheets (`sheets`: each table's
 * sheet names), and a column dictionary.
 */
export function readmeSheet(ws: ExcelJS.Worksheet, input: WorkbookInput, sheets: Record<TableName, string[]>): void {
  const { ds, meta } = input;
  ws.columns = [{ width: 18 }, { width: 26 }, { width: 12 }, { width: 9 }, { width: 90 }, { width: 50 }];
  const title = ws.addRow([meta.title]);
  title.font = { bold: true, size: 14 };
  ws.addRow([]);
  const about: [string, string][] = [
    ['Hva dette er', 'Krav (hvem krever hva av hvem), aktører og datoer hentet ut av norske dokumenter om velferds- og arbeidslivspolitikk.'],
    ['', meta.description],
    ['Versjon', meta.version],
    ...meta.licenses.map((l): [string, string] => ['Datalisens', `${l.title} (${l.name}), ${l.path}`]),
    ['Kodelisens', meta.code_licence],
    ['Slik siterer du', citation(input)],
    ['Kilder', `${ds.documents.length} dokumenter; hvert krav, hver omtale og hver dato peker på sitt nøyaktige utdrag av kildeteksten (start/end i Unicode-kodepunkter).`],
    ['Tekst', 'Tekstceller er tekst (format @): en celle som begynner med =, +, - eller @ blir aldri en formel, heller ikke når du redigerer den.'],
    ['Datoer', 'Datoer er ekte datoer, vist med presisjonen de har: åååå, åååå-mm eller åååå-mm-dd.'],
    ['Lister', 'Flere verdier i én celle (f.eks. claimant_ids, aliases) er skilt med «; ».'],
    ...TABLE_NAMES.map((t): [string, string] => {
      const more = sheets[t].slice(1);
      return [`Ark ${t}`, `${tableDescription(t)} ${ds[t].length} rader${more.length === 0 ? '' : `, fortsetter på ${more.map((n) => `«${n}»`).join(', ')}`}.`];
    }),
  ];
  for (const [label, text] of about) ws.addRow([label, text]).getCell(1).font = { bold: true };

  ws.addRow([]);
  ws.addRow(['Kolonneordbok']).font = { bold: true, size: 12 };
  ws.addRow(['Ark', 'Kolonne', 'Type', 'Påkrevd', 'Beskrivelse', 'Tillatte verdier']).font = { bold: true };
  for (const t of TABLE_NAMES) {
    for (const c of columns(t)) {
      const type = c.list ? `liste av ${c.type}` : c.type;
      ws.addRow([t, c.name, type, c.nullable || c.list ? 'nei' : 'ja', c.description, allowedValues(c)]);
    }
  }
}
