import { pagePiece } from './html/page-sink.ts';
import type { DocumentPieces, DocumentRows } from './sink.ts';
import { tablePieces } from './table-sink.ts';

/** One document's share of the text outputs (tables and page), the same whichever thread makes it. */
export function documentPieces(rows: DocumentRows, source: string | null): DocumentPieces {
  return { tables: tablePieces(rows), page: pagePiece(rows, source) };
}
