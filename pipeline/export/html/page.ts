import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Dataset } from '../../models/tables.ts';
import type { PackageMeta } from '../package.ts';
import { documentBatches } from '../sink.ts';
import { PAGE_PATH, PageSink } from './page-sink.ts';

export { PAGE_PATH, PageSink } from './page-sink.ts';
export { escapeHtml, scriptJson } from './template.ts';

/** What the page shows: the dataset, the package metadata, and each document's source text by file name. */
export interface PageInput {
  ds: Dataset;
  meta: PackageMeta;
  citation: string;
  /**
   * Source text (decoded, without BOM) of a `documents.source_file`, or null: that document gets no document view.
   * Asked once per document while the page is built, so the texts can be read from their files one at a time.
   */
  sourceText: (file: string) => string | null;
}

/**
 * `index.html` for a caller that holds the whole dataset: streams it through `PageSink` in a temporary folder,
 * so the page is byte for byte the one the build writes. The build itself drives the sink.
 */
export function browsePage(input: PageInput): string {
  const root = mkdtempSync(join(tmpdir(), 'kravkart-page-'));
  try {
    const dirs = { out: join(root, 'out'), scratch: join(root, 'scratch') };
    const sink = new PageSink(dirs);
    for (const b of documentBatches(input.ds)) sink.add(b, input.sourceText(b.document.source_file));
    sink.finishNow({ documents: input.ds.documents, actors: input.ds.actors, meta: input.meta, citation: input.citation });
    return readFileSync(join(dirs.out, PAGE_PATH), 'utf8');
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
