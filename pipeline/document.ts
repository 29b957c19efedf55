import type { Message } from './messages.ts';
import type { ActorType, DatePrecision, DateKind, Genre, Modality, Topic } from './models/vocab.ts';

/**
 * The one unit of position inside the pipeline: UTF-16 offsets into the document's normalised `text`.
 * Only export converts a span (through the offset map) to code-point offsets into the source file.
 */
export interface Span {
  start: number;
  end: number;
}

/** Curated metadata from a sidecar `NAME.meta.yaml`; curated values win over extracted ones. */
export interface CuratedMeta {
  title?: string;
  publisher?: string;
  /** ISO date at its precision, or `undated` when a curator checked that the document states none. */
  date?: string;
  url?: string;
  licence?: string;
  genre?: Genre;
}

/** What ingest hands on: one decoded document, nothing interpreted yet. */
export interface SourceDoc {
  id: string;
  /** File name inside the seeds folder. */
  file: string;
  /** Decoded UTF-8 without BOM; CRLF kept as is. */
  source: string;
  sha256: string;
  meta: CuratedMeta | null;
  messages: Message[];
}

/**
 * For each UTF-16 unit of the normalised text, the source range [start, end) it came from (UTF-16).
 * In source order, except list-marker units that PDF text left on a line of their own and normalise moved to
 * their items; no block or sentence span contains such a unit.
 */
export interface OffsetMap {
  start: Int32Array;
  end: Int32Array;
}

export interface NormalisedDoc extends SourceDoc {
  /** NFC, joined lines, undone hyphenation, single spaces, boilerplate dropped; blocks separated by "\n". */
  text: string;
  map: OffsetMap;
}

export type BlockKind = 'heading' | 'bullet' | 'paragraph';

/**
 * A structural block of the normalised text; list markers (and a heading's markdown `#`s) are outside `span` and
 * kept as `marker`, so use `kind`, not `marker`, to tell bullets.
 */
export interface Block {
  kind: BlockKind;
  span: Span;
  marker: string | null;
  /** Index of the nearest preceding heading block, or null. */
  heading: number | null;
  /** Index of the nearest preceding non-bullet block, for bullets under a lead-in ("Vi krever:"). */
  leadIn: number | null;
}

export interface Sentence {
  span: Span;
  /** Index into `blocks`. */
  block: number;
}

export interface SegmentedDoc extends NormalisedDoc {
  blocks: Block[];
  sentences: Sentence[];
}

/** An actor as the pipeline knows it; `key` is its canonical name, unique across the corpus. */
export interface ActorRecord {
  key: string;
  type: ActorType;
  /** Persons: title/function as written; null otherwise. */
  role: string | null;
  /** Persons and branches: the canonical key of the organisation they belong to. */
  affiliation: string | null;
  /** `registry` when from the curated lexicon, else the discovery rule's kind. */
  source: 'registry' | 'discovered';
}

/** Traceability shared by every extracted record. */
export interface Provenance {
  ruleId: string;
  /** 0..1; how sure the rule is. */
  confidence: number;
}

export interface MentionRecord extends Provenance {
  actor: string;
  span: Span;
}

export interface DateRecord extends Provenance {
  span: Span;
  value: string;
  precision: DatePrecision;
  kind: DateKind;
  /** True when recovered from OCR-garbled characters. */
  ocr: boolean;
}

export interface DemandRecord extends Provenance {
  span: Span;
  /** Clean readable text: NFC, single spaces, no list marker. */
  text: string;
  claimants: string[];
  addressee: string | null;
  /** CAP major topic code as a slug from models/vocab.ts. */
  topic: Topic;
  modality: Modality;
  /** Text of the heading the demand sits under, or null. */
  section: string | null;
}

/** A metadata value with where it came from. */
export interface Sourced<T> {
  value: T;
  source: 'curated' | 'extracted';
  ruleId: string | null;
}

export interface DocumentMeta {
  title: Sourced<string> | null;
  date: Sourced<{ value: string; precision: DatePrecision }> | null;
  /** True when a curator confirmed the document states no date of its own (sidecar `date: undated`). */
  undated?: true;
  publisher: Sourced<string> | null;
  genre: Sourced<Genre>;
  url: string | null;
  licence: string | null;
}

export interface ExtractedDoc extends SegmentedDoc {
  info: DocumentMeta;
  actors: ActorRecord[];
  mentions: MentionRecord[];
  dates: DateRecord[];
  demands: DemandRecord[];
}
