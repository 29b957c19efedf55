import { isMap, isScalar, isSeq, parseDocument, Scalar } from 'yaml';

const quoted = (value: string) => Object.assign(new Scalar(value), { type: Scalar.QUOTE_DOUBLE });

/** CITATION.cff with this release's `version` and `date-released` set; comments and everything else kept. */
export function stampCitation(cff: string, version: string, date: string): string {
  const doc = parseDocument(cff);
  doc.set('version', quoted(version));
  doc.set('date-released', quoted(date));
  return doc.toString({ lineWidth: 0 });
}

/** One line to cite this version, from CITATION.cff's authors and title: `Authors (year). Title (version X) [Data set].` */
export function citeAs(cff: string, version: string, date: string): string | null {
  const doc = parseDocument(cff);
  const title = doc.get('title');
  const authors = doc.get('authors');
  if (typeof title !== 'string' || !isSeq(authors)) return null;
  const names = authors.items.flatMap((a) => {
    if (!isMap(a)) return [];
    const get = (k: string) => {
      const v = a.get(k, true);
      return isScalar(v) && typeof v.value === 'string' ? v.value : null;
    };
    const person = [get('given-names'), get('family-names')].filter((x) => x !== null).join(' ');
    return [get('name') ?? person].filter((x) => x !== '');
  });
  const doi = doc.get('doi');
  const where = typeof doi === 'string' ? ` https://doi.org/${doi}` : '';
  return `${names.join(', ')} (${date.slice(0, 4)}). ${title} (version ${version}) [Data set].${where}`;
}
