/**
 * The one catalogue of message codes. Codes are stable kebab-case identifiers (tests compare codes, not text);
 * `hint` tells the user what to do about it.
 */
export const CATALOGUE = {
  // ingest: files and folders
  'seeds-folder-missing': { severity: 'error', title: 'Seeds folder missing', hint: 'Pass an existing folder with --seeds DIR.' },
  'seeds-folder-empty': { severity: 'error', title: 'No documents', hint: 'Put at least one UTF-8 .txt document in the seeds folder.' },
  'empty-file': { severity: 'error', title: 'Empty document', hint: 'Remove the file or give it text.' },
  'whitespace-only': { severity: 'error', title: 'Document has no text', hint: 'The file holds only whitespace: remove it or give it text.' },
  'binary-file': { severity: 'error', title: 'Binary file', hint: 'Only plain-text documents can be read: export the text (e.g. `pdftotext -enc UTF-8`, or Save as → Plain text, UTF-8) into the .txt file.' },
  'invalid-utf8': { severity: 'error', title: 'Invalid UTF-8', hint: 'Re-save the file as UTF-8, or convert it from the encoding the message names, e.g. `iconv -f WINDOWS-1252 -t UTF-8 in.txt > out.txt`.' },
  'duplicate-document': { severity: 'error', title: 'Duplicate document', hint: 'Two files have byte-identical content; remove one of them.' },
  'meta-yaml-syntax': { severity: 'error', title: 'Broken metadata YAML', hint: 'Fix the YAML syntax of the sidecar .meta.yaml file.' },
  'meta-schema': { severity: 'error', title: 'Invalid metadata', hint: 'Fix the field in the sidecar .meta.yaml file (allowed: title, publisher, date, url, licence, genre).' },
  'meta-orphan': { severity: 'warning', title: 'Metadata without document', hint: 'Rename the .meta.yaml to match a .txt document, or remove it.' },
  'meta-conflict': { severity: 'error', title: 'Two metadata files for one document', hint: 'Keep one sidecar per document: NAME.meta.yaml or NAME.txt.meta.yaml, not both.' },
  'file-unreadable': { severity: 'error', title: 'File cannot be read', hint: 'Check that the file or folder is readable (permissions, broken link).' },
  // extract
  'no-document-date': { severity: 'warning', title: 'No document date', hint: 'Add `date:` to a sidecar .meta.yaml if the text does not state it.' },
  'no-publisher': { severity: 'warning', title: 'No publisher', hint: 'Add `publisher:` to a sidecar .meta.yaml if the text does not name it.' },
  'ocr-date-recovered': { severity: 'info', title: 'OCR-garbled date recovered', hint: 'Check the recovered value against the original document.' },
  'layout-interleaved': { severity: 'warning', title: 'Two text columns interleaved', hint: 'The PDF text alternates the lines of two columns, so only whole one-line sentences there give demands; re-extract the PDF with `pdftotext -layout` (or copy the columns apart) for full coverage.' },
  // validate
  'schema-violation': { severity: 'error', title: 'Record violates schema', hint: 'A pipeline bug: the record does not match its JSON Schema.' },
  'duplicate-id': { severity: 'error', title: 'Duplicate ID', hint: 'A pipeline bug: two records share one ID.' },
  'foreign-key': { severity: 'error', title: 'Unresolved foreign key', hint: 'A pipeline bug: a record points to an ID that does not exist.' },
  'offset-mismatch': { severity: 'error', title: 'Offsets do not match quote', hint: 'A pipeline bug: the source slice differs from the quoted text.' },
  'coverage': { severity: 'warning', title: 'Coverage below expectation', hint: 'Check the documents, or lower the expectation in pipeline/validate/assertions.yaml.' },
  // export and runner
  'output-write': { severity: 'error', title: 'Cannot write output', hint: 'Check that the output folder is writable.' },
  'usage': { severity: 'error', title: 'Bad command line', hint: 'Run `npm run build -- --help`.' },
  'internal': { severity: 'error', title: 'Internal error', hint: 'A pipeline bug: please report it with the message above.' },
  // assemble
  'invalid-span': { severity: 'error', title: 'Record span outside the text', hint: 'A pipeline bug: an extraction rule produced an empty or out-of-range span; the record was dropped.' },
  'unknown-actor': { severity: 'error', title: 'Actor without a record', hint: 'A pipeline bug: a record names an actor key that no document describes; add it to the document actors.' },
  // eval (npm run eval)
  'gold-yaml-syntax': { severity: 'error', title: 'Broken gold YAML', hint: 'Fix the YAML syntax of the gold file.' },
  'gold-schema': { severity: 'error', title: 'Gold file violates the annotation format', hint: 'Fix the field named in the message; the format is in ../shared/ANNOTATION-GUIDE.md.' },
  'gold-reference': { severity: 'error', title: 'Gold annotation does not fit its document', hint: 'Quotes, date texts and actor forms must occur in the document; claimants, addressee and publisher must name listed actors.' },
  'gold-orphan': { severity: 'error', title: 'Gold file without document', hint: 'Name an existing .txt file in `document:`, or pass the matching folder with --docs DIR.' },
  'eval-build-failed': { severity: 'error', title: 'Build for evaluation failed', hint: 'Run `npm run build -- --seeds DIR` on the same folder to see why.' },
  'eval-output-missing': { severity: 'warning', title: 'Output table missing', hint: 'The build wrote no such table; it is scored as empty.' },
  'eval-output-invalid': { severity: 'error', title: 'Unreadable build output', hint: 'The table must be a JSON array of rows with the columns of pipeline/models/tables.ts.' },
  // release (npm run release:plan, pipeline/release/publish.ts)
  'release-input': { severity: 'error', title: 'Unreadable build or release folder', hint: 'Pass a folder holding datapackage.json and every table\'s JSON file (what `npm run build` writes and a release attaches), or an empty folder for the first release.' },
  'release-version': { severity: 'error', title: 'Previous version is not X.Y.Z', hint: 'The latest release\'s datapackage.json must carry a plain semantic version; fix that release or pass another --previous folder.' },
  'release-stamp': { severity: 'error', title: 'Release files cannot be made', hint: 'A release-tooling bug: the build\'s files are not in the shape pipeline/release/ expects (version line, SHA256SUMS, file names).' },
  'release-date': { severity: 'error', title: 'No release date', hint: 'Run inside a git checkout (the date is the commit\'s) or set SOURCE_DATE_EPOCH to whole seconds since 1970.' },
  'release-stale': { severity: 'error', title: 'Commit is not newer than the latest release', hint: 'Release only from a commit that contains the latest release\'s commit (fetch the full history: `fetch-depth: 0`).' },
  'release-tag-exists': { severity: 'error', title: 'Tag already exists', hint: 'A tag or release with this version exists without being the latest release; delete it or publish it, then re-run.' },
  'release-plan-changed': { severity: 'error', title: 'Plan differs from the planning job', hint: 'The latest release or the build changed while the workflow ran; re-run the workflow.' },
  'release-host': { severity: 'error', title: 'GitHub request failed', hint: 'Check that `gh` is installed and GH_TOKEN (and GH_REPO) are set; see the message above.' },
  // runner: parallel and incremental builds
} as const satisfies Record<string, { severity: Severity; title: string; hint: string }>;

export type Severity = 'error' | 'warning' | 'info';
export type Code = keyof typeof CATALOGUE;
