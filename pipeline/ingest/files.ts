/** Which files of a seeds folder are documents, which are metadata sidecars, and which sidecar belongs to which document. */

const DOC_SUFFIX = '.txt';
const META_SUFFIX = '.meta.yaml';

/** A document file (`*.txt`). */
export const isDocumentName = (name: string): boolean => name.endsWith(DOC_SUFFIX);

/** A metadata sidecar (`NAME.txt.meta.yaml` or `NAME.meta.yaml`). */
export const isSidecarName = (name: string): boolean => name.endsWith(META_SUFFIX);

/**
 * The document names a sidecar may belong to, most specific first: `a.txt.meta.yaml` → `a.txt`
 * (then `a.txt.txt`), `a.meta.yaml` → `a.txt`.
 */
export function sidecarTargets(name: string): string[] {
  const base = name.slice(0, -META_SUFFIX.length);
  return base.endsWith(DOC_SUFFIX) ? [base, base + DOC_SUFFIX] : [base + DOC_SUFFIX];
}

/** `<dir>/<file>` as messages name files: the folder as the user wrote it, one slash. */
export function displayPath(dir: string, name: string): string {
  const trimmed = dir.replace(/[\\/]+$/, '');
  return trimmed === '' && dir === '' ? name : `${trimmed}/${name}`;
}
