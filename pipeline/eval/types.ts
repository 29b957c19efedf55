import type { ActorRow, DateRow, DemandRow, DocumentRow, MentionRow } from '../models/tables.ts';

// The columns of the published tables the scorer reads; picked from the table models so a renamed column
// breaks the type check here rather than silently scoring zero.

/** A document row as the scorer needs it. */
export type PredictedDocument = Pick<DocumentRow, 'document_id' | 'source_file' | 'date' | 'publisher_id' | 'genre'>;
/** An actor row as the scorer needs it. */
export type PredictedActor = Pick<ActorRow, 'actor_id' | 'name' | 'aliases'>;
/** A mention row as the scorer needs it. */
export type PredictedMention = Pick<MentionRow, 'document_id' | 'actor_id'>;
/** A demand row as the scorer needs it. */
export type PredictedDemand = Pick<DemandRow, 'document_id' | 'quote' | 'claimant_ids' | 'addressee_id'>;
/** A date row as the scorer needs it. */
export type PredictedDate = Pick<DateRow, 'document_id' | 'value'>;

/** What a build produced, table by table. */
export interface Predicted {
  documents: PredictedDocument[];
  actors: PredictedActor[];
  mentions: PredictedMention[];
  demands: PredictedDemand[];
  dates: PredictedDate[];
}

/** Counts of one comparison: true positives, false positives (false alarms), false negatives (misses). */
export interface Tally {
  tp: number;
  fp: number;
  fn: number;
}

/** A tally with its precision, recall and F1 (0 when the denominator is 0). */
export interface Prf extends Tally {
  precision: number;
  recall: number;
  f1: number;
}

/** How many of a set of checks came out right. */
export interface Ratio {
  correct: number;
  total: number;
}

/** The items behind a tally's fn (misses) or fp (false alarms), as names, quotes or ISO values. */
export interface Items {
  actors: string[];
  demands: string[];
  dates: string[];
}

/** A matched demand whose claimants or addressee differ from the gold. */
export interface AttributionError {
  quote: string;
  field: 'claimants' | 'addressee';
  gold: string[];
  predicted: string[];
}

/** The score of one gold document. */
export interface DocumentScore {
  document: string;
  /** False when the build has no row for the document: everything in the gold is then a miss. */
  built: boolean;
  actors: Tally;
  demands: Tally;
  dates: Tally;
  claimants: Ratio;
  addressees: Ratio;
  metadata: { date: boolean; publisher: boolean; genre: boolean };
  misses: Items;
  falseAlarms: Items;
  attributionErrors: AttributionError[];
}

/** The whole evaluation: per document and micro-averaged over documents. */
export interface EvalReport {
  documents: DocumentScore[];
  totals: {
    actors: Prf;
    demands: Prf;
    dates: Prf;
    claimants: Ratio;
    addressees: Ratio;
    metadata: { date: Ratio; publisher: Ratio; genre: Ratio };
  };
  /** Built documents that have no gold file (not scored). */
  unannotated: string[];
}
