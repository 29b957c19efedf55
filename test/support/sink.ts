import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Dataset } from '../../pipeline/models/tables.ts';
import { documentBatches, type CorpusTail, type OutputSink, type SinkDirs } from '../../pipeline/export/sink.ts';

/**
 * Run a sink over a dataset held in memory, in a temporary folder, and return every file it wrote by path —
 * the way the build drives it, one document at a time. `source` gives each document's text (default: none).
 */
export async function runSink(
  make: (dirs: SinkDirs) => OutputSink | Promise<OutputSink>,
  ds: Dataset,
  tail: Omit<CorpusTail, 'documents' | 'actors'>,
  source: (file: string) => string | null = () => null,
): Promise<Map<string, Buffer>> {
  const root = mkdtempSync(join(tmpdir(), 'kravkart-sink-'));
  try {
    const dirs = { out: join(root, 'out'), scratch: join(root, 'scratch') };
    const sink = await make(dirs);
    for (const b of documentBatches(ds)) sink.add(b, source(b.document.source_file));
    const written = await sink.finish({ ...tail, documents: ds.documents, actors: ds.actors });
    return new Map(written.map((w) => [w.path, readFileSync(join(dirs.out, w.path))]));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
