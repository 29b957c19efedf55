import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { assemble } from '../pipeline/assemble/index.ts';
import type { Context } from '../pipeline/context.ts';
import { citation } from '../pipeline/export/about.ts';
import { loadPackageMeta } from '../pipeline/export/package.ts';
import { ThreadedSink } from '../pipeline/export/sink-thread.ts';
import type { OutputSink, SinkDirs } from '../pipeline/export/sink.ts';
import { DatabaseSink } from '../pipeline/export/sqlite.ts';
import { outputStamp } from '../pipeline/export/stamp.ts';
import { WorkbookSink } from '../pipeline/export/xlsx.ts';
import { ingest } from '../pipeline/ingest/index.ts';
import { readCorpus } from '../pipeline/ingest/read.ts';
import { loadLexicon } from '../pipeline/lexicon/load.ts';
import { BuildFailure } from '../pipeline/messages.ts';
import type { Dataset } from '../pipeline/models/tables.ts';
import { processDocument } from '../pipeline/stages.ts';
import { hostileDoc } from './fixtures/hostile/doc.ts';
import { runSink } from './support/sink.ts';

// The workbook and the database on threads of their own (large builds): the same bytes as on the calling thread,
// and a failure on the thread reaches the build with its coded messages.

const SEEDS = fileURLToPath(new URL('../seeds/', import.meta.url));
const ctx: Context = { options: { strict: false, sourceDateEpoch: null }, lexicon: loadLexicon() };
const docs = [...ingest(await readCorpus(SEEDS, 'seeds')).docs.map((d) => processDocument(d, ctx)), hostileDoc()];
const ds: Dataset = assemble(docs, ctx).dataset;
const meta = loadPackageMeta();
const tail = { meta, created: null, stamp: outputStamp(ds.documents, null), citation: citation({ meta, created: null }) };

describe('sinks on threads of their own', () => {
  it('write the same workbook and database as on the calling thread', async () => {
    const pairs: [(dirs: SinkDirs) => OutputSink | Promise<OutputSink>, (dirs: SinkDirs) => Promise<OutputSink>][] = [
      [(dirs: SinkDirs) => new WorkbookSink(dirs), (dirs: SinkDirs) => ThreadedSink.start('workbook', dirs)],
      [(dirs: SinkDirs) => DatabaseSink.open(dirs), (dirs: SinkDirs) => ThreadedSink.start('database', dirs)],
    ];
    for (const [here, threaded] of pairs) {
      const a = await runSink(here, ds, tail);
      const b = await runSink(threaded, ds, tail);
      expect([...b.keys()]).toEqual([...a.keys()]);
      for (const [name, bytes] of a) expect(b.get(name)?.equals(bytes), name).toBe(true);
    }
  });

  it('reports a failure on the thread as the same coded failure the calling thread would raise', async () => {
    // Two documents with the same ID break the database's primary key.
    const broken: Dataset = { ...ds, documents: [...ds.documents, ...ds.documents.slice(0, 1)] };
    const here = await runSink((dirs) => DatabaseSink.open(dirs), broken, tail).catch((e: unknown) => e);
    const threaded = await runSink((dirs) => ThreadedSink.start('database', dirs), broken, tail).catch((e: unknown) => e);
    expect(here).toBeInstanceOf(Error);
    expect(threaded).toBeInstanceOf(Error);
    if (here instanceof BuildFailure) {
      expect(threaded).toBeInstanceOf(BuildFailure);
      expect((threaded as BuildFailure).messages).toEqual(here.messages);
    } else {
      expect((threaded as Error).message).toContain((here as Error).message.split('\n')[0]);
    }
  });
});
