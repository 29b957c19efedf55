import type { PackageMeta } from './package.ts';
import { DATE_FORMATS, type DateLength, xmlAttr, xmlText } from './xlsx-cells.ts';

// The small, fixed parts of the workbook package (OOXML / ECMA-376): content types, relationships, the workbook
// with its sheet list, styles, and the document properties.

/** The XML declaration every part begins with. */
export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';

/** The root element's opening tag of a worksheet part. */
export const WORKSHEET_OPEN = `<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">`;

/** Cell style IDs (indexes into styles.xml's cellXfs). */
export const STYLE = {
  /** Excel's Text number format '@' (built-in format 49). */
  text: 1,
  bold: 2,
  boldText: 3,
  title: 7,
  heading: 8,
} as const;

/** Cell style ID of a date at each precision, showing it as DATE_FORMATS says. */
export const DATE_STYLE: Record<DateLength, number> = { 4: 4, 7: 5, 10: 6 };

// Custom number formats start at 164; the built-in ones are below.
const DATE_FORMAT_ID: Record<DateLength, number> = { 4: 164, 7: 165, 10: 166 };
const LENGTHS: DateLength[] = [4, 7, 10];

/** xl/styles.xml: fonts (normal, bold, bold 14 for the title, bold 12 for headings) and the cell styles of STYLE. */
export function stylesXml(): string {
  const xf = (numFmt: number, font: number) =>
    `<xf numFmtId="${numFmt}" fontId="${font}" fillId="0" borderId="0" xfId="0"${numFmt === 0 ? '' : ' applyNumberFormat="1"'}${font === 0 ? '' : ' applyFont="1"'}/>`;
  const xfs = [xf(0, 0), xf(49, 0), xf(0, 1), xf(49, 1), ...LENGTHS.map((l) => xf(DATE_FORMAT_ID[l], 0)), xf(0, 2), xf(0, 3)];
  return (
    `${XML_DECLARATION}<styleSheet xmlns="${MAIN_NS}">` +
    `<numFmts count="${LENGTHS.length}">${LENGTHS.map((l) => `<numFmt numFmtId="${DATE_FORMAT_ID[l]}" formatCode="${DATE_FORMATS[l]}"/>`).join('')}</numFmts>` +
    '<fonts count="4"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font>' +
    '<font><b/><sz val="14"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="12"/><name val="Calibri"/><family val="2"/></font></fonts>' +
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
    `<cellXfs count="${xfs.length}">${xfs.join('')}</cellXfs>` +
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>'
  );
}

/** Path of the n-th (1-based) worksheet part inside the package. */
export const sheetPath = (n: number): string => `xl/worksheets/sheet${n}.xml`;

/** [Content_Types].xml for a workbook of `sheets` sheets. */
export function contentTypesXml(sheets: number): string {
  const ct = 'application/vnd.openxmlformats-officedocument';
  const override = (part: string, type: string) => `<Override PartName="/${part}" ContentType="${type}"/>`;
  return (
    `${XML_DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
    override('xl/workbook.xml', `${ct}.spreadsheetml.sheet.main+xml`) +
    Array.from({ length: sheets }, (_, i) => override(sheetPath(i + 1), `${ct}.spreadsheetml.worksheet+xml`)).join('') +
    override('xl/styles.xml', `${ct}.spreadsheetml.styles+xml`) +
    override('docProps/core.xml', 'application/vnd.openxmlformats-package.core-properties+xml') +
    override('docProps/app.xml', `${ct}.extended-properties+xml`) +
    '</Types>'
  );
}

/** _rels/.rels: the package's workbook and document properties. */
export function rootRelsXml(): string {
  return (
    `${XML_DECLARATION}<Relationships xmlns="${PKG_REL_NS}">` +
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>' +
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
    '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>' +
    '</Relationships>'
  );
}

/** xl/workbook.xml: the sheets in order (sheet n is relationship rIdn); the first sheet is the one shown. */
export function workbookXml(names: readonly string[]): string {
  const sheets = names.map((name, i) => `<sheet name="${xmlAttr(name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('');
  return `${XML_DECLARATION}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><bookViews><workbookView activeTab="0"/></bookViews><sheets>${sheets}</sheets></workbook>`;
}

/** xl/_rels/workbook.xml.rels: each sheet, then the styles. */
export function workbookRelsXml(sheets: number): string {
  const rel = (id: number, type: string, target: string) => `<Relationship Id="rId${id}" Type="${REL_NS}/${type}" Target="${target}"/>`;
  const sheetRels = Array.from({ length: sheets }, (_, i) => rel(i + 1, 'worksheet', `worksheets/sheet${i + 1}.xml`)).join('');
  return `${XML_DECLARATION}<Relationships xmlns="${PKG_REL_NS}">${sheetRels}${rel(sheets + 1, 'styles', 'styles.xml')}</Relationships>`;
}

// W3CDTF time of the stamp, whole seconds in UTC, as Excel writes it.
const w3cdtf = (d: Date): string => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

/** docProps/core.xml: creator, title, description and keywords from package.yaml, created and modified at `stamp`. */
export function coreXml(meta: PackageMeta, stamp: Date): string {
  const author = xmlText(meta.contributors.map((c) => c.title).join(', '));
  const when = w3cdtf(stamp);
  return (
    `${XML_DECLARATION}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
    `<dc:creator>${author}</dc:creator><dc:title>${xmlText(meta.title)}</dc:title><dc:description>${xmlText(meta.description)}</dc:description>` +
    `<cp:keywords>${xmlText(meta.keywords.join(', '))}</cp:keywords><cp:lastModifiedBy>${author}</cp:lastModifiedBy>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}

/** docProps/app.xml: the application and the sheet titles, as Excel lists them. */
export function appXml(names: readonly string[]): string {
  const titles = names.map((n) => `<vt:lpstr>${xmlText(n)}</vt:lpstr>`).join('');
  return (
    `${XML_DECLARATION}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">` +
    `<Application>kravkart</Application><HeadingPairs><vt:vector size="2" baseType="variant"><vt:variant><vt:lpstr>Worksheets</vt:lpstr></vt:variant><vt:variant><vt:i4>${names.length}</vt:i4></vt:variant></vt:vector></HeadingPairs>` +
    `<TitlesOfParts><vt:vector size="${names.length}" baseType="lpstr">${titles}</vt:vector></TitlesOfParts></Properties>`
  );
}
