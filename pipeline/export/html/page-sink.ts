import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { DemandRow } from '../../models/tables.ts';
import { OutFile } from '../out-file.ts';
import type { CorpusTail, DocumentPieces, DocumentRows, OutputSink, SinkDirs, WrittenFile } from '../sink.ts';
import { MODALITY_LABELS, TOPIC_LABELS } from './labels.ts';
import { DATA_CLOSE, dataOpen, pageEnd, pageStart, scriptJson } from './template.ts';

/** File name of the browsable page in the output folder. */
export const PAGE_PATH = 'index.html';

/** What of the corpus tail the page shows. */
export type PageTail = Pick<CorpusTail, 'documents' | 'actors' | 'meta' | 'citation'>;

// Scratch files, named for this sink so they cannot collide with another sink's in the shared scratch folder.
const DEMANDS_SCRATCH = 'page-demands.json';
const SOURCES_SCRATCH = 'page-sources.html';

/**
 * A demand as `page.js` reads it (its `D` table): an array, not an object, so 40 000 demands stay compact.
 * Actors and the document are referred to by ID because the actor list is known only at the end.
 */
const pageDemand = (d: DemandRow): unknown[] => [d.demand_id, d.document_id, d.text, d.start, d.end, d.claimant_ids, d.addressee_id, d.topic, d.modality, d.section];

/** ID of the data element holding a document's source text; `page.js` parses it only when the document is opened. */
const sourceElementId = (documentId: string): string => `kilde-${documentId}`;

/** One document's share of the page: its demands (JSON arrays, `,` and a new line between them) and its source element. */
export interface PagePiece {
  demands: string | Uint8Array;
  source: string | Uint8Array;
}

/** A document's share of the page: a pure function, so any thread can make it ahead of time. */
export function pagePiece(rows: DocumentRows, source: string | null): PagePiece {
  const demands = rows.demands.map((d) => scriptJson(pageDemand(d))).join(',\n');
  const element = source === null ? '' : `${dataOpen(sourceElementId(rows.document.document_id))}${scriptJson(source)}${DATA_CLOSE}`;
  return { demands, source: element };
}

/**
 * Builds `index.html` as the documents stream past: each document's demands and source text go straight to
 * scratch files, and `finish` writes the page around them, copying the scratch files in piece by piece. Memory holds
 * only a count, whatever the size of the corpus.
 */
export class PageSink implements OutputSink {
  private readonly demands: OutFile;
  private readonly sources: OutFile;
  private demandCount = 0;
  private finished = false;

  constructor(private readonly dirs: SinkDirs) {
    this.demands = new OutFile(dirs.scratch, DEMANDS_SCRATCH);
    this.sources = new OutFile(dirs.scratch, SOURCES_SCRATCH);
  }

  /** The document's demands, one JSON array each, and its source text as one data element of its own. */
  add(rows: DocumentRows, source: string | null, pieces?: DocumentPieces): void {
    const piece = pieces?.page ?? pagePiece(rows, source);
    if (piece.demands.length > 0) {
      if (this.demandCount > 0) this.demands.write(',\n');
      this.demands.write(piece.demands);
    }
    this.demandCount += rows.demands.length;
    this.sources.write(piece.source);
  }

  /** Write the page into the output folder. */
  async finish(tail: CorpusTail): Promise<WrittenFile[]> {
    if (this.finished) throw new Error('PageSink.finish called twice');
    this.finished = true;
    this.demands.close();
    this.sources.close();
    const page = new OutFile(this.dirs.out, PAGE_PATH);
    page.write(pageStart({ meta: tail.meta, citation: tail.citation, demands: this.demandCount, documents: tail.documents.length }));
    writeCorpusData(page, tail);
    page.write(`${dataOpen('data-krav')}[`);
    this.copyScratch(DEMANDS_SCRATCH, page);
    page.write(`]${DATA_CLOSE}`);
    this.copyScratch(SOURCES_SCRATCH, page);
    page.write(pageEnd());
    return [page.close()];
  }

  // Append a scratch file to the page, then delete it.
  private copyScratch(name: string, to: OutFile): void {
    const path = join(this.dirs.scratch, name);
    to.copyFrom(path);
    rmSync(path);
  }

}

// The `data` element: labels, actors and documents as arrays (page.js's `A` and `F` tables), written row by row.
function writeCorpusData(page: OutFile, tail: PageTail): void {
  const { title, version } = tail.meta;
  page.write(`${dataOpen('data')}{"title":${scriptJson(title)},"version":${scriptJson(version)},"topics":${scriptJson(TOPIC_LABELS)},"modalities":${scriptJson(MODALITY_LABELS)},"actors":[`);
  tail.actors.forEach((a, i) => page.write(`${i > 0 ? ',' : ''}${scriptJson([a.actor_id, a.name, a.type])}`));
  page.write('],"documents":[');
  tail.documents.forEach((d, i) => page.write(`${i > 0 ? ',' : ''}${scriptJson([d.document_id, d.title, d.source_file, d.date, d.publisher_id, d.genre])}`));
  page.write(`]}${DATA_CLOSE}`);
}
