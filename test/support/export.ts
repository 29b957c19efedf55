import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Context } from '../../pipeline/context.ts';
import { Exporter, type ExportScope, type OutputFile } from '../../pipeline/export/index.ts';
import { documentBatches } from '../../pipeline/export/sink.ts';
import type { Dataset } from '../../pipeline/models/tables.ts';

/**
 * Export a dataset held in memory the way the build does, one document at a time through the Exporter, and return
 * every file with its content in the order written. `scope.people` false leaves out the workbook, database and page.
 */
async function exportInMemory(ds: Dataset, ctx: Context, sourceText: (file: string) => string | null = () => null, scope: ExportScope = { people: true }): Promise<OutputFile[]> {
  const root = mkdtempSync(join(tmpdir(), 'kravkart-export-'));
  try {
    const dirs = { out: join(root, 'out'), scratch: join(root, 'scratch') };
    const ex = await Exporter.open(dirs, ctx, scope);
    for (const b of documentBatches(ds)) ex.add(b, sourceText(b.document.source_file));
    const { written } = await ex.finish(ds.documents, ds.actors);
    return written.map((w) => ({ path: w.path, content: readFileSync(join(dirs.out, w.path), w.path.endsWith('.xlsx') || w.path.endsWith('.sqlite') ? undefined : 'utf8') }));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/** The machine-readable package of a dataset held in memory: tables (CSV, JSON, spreadsheet CSV), descriptor, codebook, checksums. */
export const exportDataset = (ds: Dataset, ctx: Context): Promise<OutputFile[]> => exportInMemory(ds, ctx, () => null, { people: false });

/** Every output of a dataset held in memory; `sources` give each document's text for the page. */
export const exportOutputs = (ds: Dataset, ctx: Context, sources: readonly { file: string; source: string }[]): Promise<OutputFile[]> => {
  const byFile = new Map(sources.map((s) => [s.file, s.source]));
  return exportInMemory(ds, ctx, (f) => byFile.get(f) ?? null);
};

