import type { DocumentPieces } from '../export/sink.ts';
import type { DocumentOutcome } from '../stages.ts';
import type { Finding } from '../validate/report.ts';

/**
 * Everything one document contributes to a build, made on the thread that processed it and cached as one entry:
 * its outcome (rows for the merge, the database and the workbook), what the per-document checks found, and its
 * share of the text outputs, ready to append.
 */
export interface DocumentResult {
  outcome: DocumentOutcome;
  findings: Finding[];
  pieces: DocumentPieces;
}
