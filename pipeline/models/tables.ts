import { z } from 'zod';
import { ActorType, DateKind, DatePrecision, Genre, Modality, Topic } from './vocab.ts';

// The published tables. These zod models are the single source of truth for the TypeScript row types,
// schemas/*.schema.json, the datapackage field descriptions and dist/CODEBOOK.md.

const id = (prefix: string, what: string) =>
  z.string().regex(new RegExp(`^${prefix}_[0-9a-f]{12}$`)).meta({ description: `Stable ID of the ${what}: \`${prefix}_\` + 12 hex of a hash of its fewest stable fields; never a row number.` });
const isoDate = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/);
const offset = (which: 'start' | 'end') =>
  z.int().min(0).meta({
    description:
      which === 'start'
        ? 'Start offset in Unicode code points into the source file as decoded from UTF-8 without BOM (CRLF counts as two).'
        : 'End offset (exclusive), same unit as `start`; the source slice [start, end) equals the quoted text exactly.',
  });
const ruleId = z.string().min(1).meta({ description: 'ID of the extraction rule that produced the record, so a wrong record can be traced to one rule.' });
const confidence = z.number().min(0).max(1).meta({ description: 'How sure the producing rule is, from 0 to 1.' });
const provenanceSource = z.enum(['curated', 'extracted']).nullable().meta({ description: '`curated` when taken from the sidecar .meta.yaml, `extracted` when found in the text, empty when unknown.' });
const documentId = id('doc', 'document');

export const DocumentRow = z
  .object({
    document_id: documentId,
    source_file: z.string().min(1).meta({ description: 'File name of the document in the seeds folder.' }),
    title: z.string().nullable().meta({ description: 'Title of the document, or empty when none was found.' }),
    title_source: provenanceSource,
    date: isoDate.nullable().meta({ description: "The document's own date (signed, adopted or published), ISO 8601 at its precision." }),
    date_precision: DatePrecision.nullable(),
    date_source: provenanceSource.meta({
      description:
        '`curated` when from the sidecar .meta.yaml (with an empty `date`: a curator checked that the document states no date of its own), `extracted` when found in the text, empty when unknown.',
    }),
    publisher_id: id('act', 'actor').nullable().meta({ description: 'Actor who issued the document (actors.actor_id), or empty when unknown.' }),
    publisher_source: provenanceSource,
    genre: Genre,
    genre_source: z.enum(['curated', 'extracted']).meta({ description: '`curated` (sidecar metadata) or `extracted` (inferred from the text).' }),
    url: z.string().nullable().meta({ description: 'Where the document was published, from curated metadata.' }),
    licence: z.string().nullable().meta({ description: 'Licence of the source document, from curated metadata.' }),
    sha256: z.string().regex(/^[0-9a-f]{64}$/).meta({ description: "SHA-256 of the source file's bytes." }),
    characters: z.int().min(0).meta({ description: 'Length of the source text in code points (without BOM).' }),
  })
  .meta({ title: 'Document', description: 'One source document of the corpus.' });

export const ActorRow = z
  .object({
    actor_id: id('act', 'actor'),
    name: z.string().min(1).meta({ description: 'Canonical name of the actor.' }),
    type: ActorType,
    aliases: z.array(z.string().min(1)).meta({ description: 'Every surface form seen in the documents (CSV: `; `-joined), sorted.' }),
    role: z.string().nullable().meta({ description: 'Persons: title or function as written (e.g. "Forbundsleder i FO").' }),
    affiliation_id: id('act', 'actor').nullable().meta({ description: 'Persons and branches: the organisation they speak for (actors.actor_id).' }),
    source: z.enum(['registry', 'discovered']).meta({ description: '`registry`: from the curated actor lexicon; `discovered`: found by a discovery rule in the text.' }),
    document_count: z.int().min(0).meta({ description: 'Number of documents that mention the actor.' }),
    mention_count: z.int().min(0).meta({ description: 'Number of mentions of the actor.' }),
  })
  .meta({ title: 'Actor', description: 'One canonical record per organisation, party, public body, committee or person.' });

export const MentionRow = z
  .object({
    mention_id: id('men', 'mention'),
    document_id: documentId,
    actor_id: id('act', 'actor'),
    text: z.string().min(1).meta({ description: 'The surface form exactly as in the source slice [start, end).' }),
    start: offset('start'),
    end: offset('end'),
    rule_id: ruleId,
    confidence,
  })
  .meta({ title: 'Mention', description: 'One occurrence of an actor in a document.' });

export const DemandRow = z
  .object({
    demand_id: id('dem', 'demand'),
    document_id: documentId,
    text: z.string().min(1).meta({ description: 'The demand as clean readable text: NFC, single spaces, no list marker, lines and hyphenation joined.' }),
    quote: z.string().min(1).meta({ description: 'The exact source slice [start, end) the demand rests on.' }),
    start: offset('start'),
    end: offset('end'),
    claimant_ids: z.array(id('act', 'actor')).meta({ description: 'Who makes the demand (actors.actor_id; CSV: `; `-joined).' }),
    addressee_id: id('act', 'actor').nullable().meta({ description: 'Who is asked to act (actors.actor_id), or empty when not named.' }),
    topic: Topic,
    topic_code: z.int().nullable().meta({ description: 'The CAP major topic code of `topic`, or empty when unclassified.' }),
    modality: Modality,
    section: z.string().nullable().meta({ description: 'The heading the demand sits under, or empty.' }),
    segment_kind: z
      .enum(['bullet', 'paragraph', 'heading'])
      .meta({ description: 'The structure the demand was written in: a list item (its marker is stripped from `text`), a paragraph sentence or a heading.' }),
    rule_id: ruleId,
    confidence,
  })
  .meta({ title: 'Demand', description: 'A claim that something must or should be done, with claimant, addressee, topic and its source span.' });

export const DateRow = z
  .object({
    date_id: id('dat', 'date'),
    document_id: documentId,
    text: z.string().min(1).meta({ description: 'The calendar expression exactly as in the source slice [start, end).' }),
    value: isoDate.meta({ description: 'ISO 8601 value at its precision (YYYY, YYYY-MM or YYYY-MM-DD).' }),
    precision: DatePrecision,
    kind: DateKind,
    start: offset('start'),
    end: offset('end'),
    rule_id: ruleId,
    confidence,
    ocr_recovered: z.boolean().meta({ description: 'True when the value was recovered from OCR-garbled characters.' }),
  })
  .meta({ title: 'Date', description: 'A calendar expression in a document, normalised to ISO 8601.' });

export type DocumentRow = z.infer<typeof DocumentRow>;
export type ActorRow = z.infer<typeof ActorRow>;
export type MentionRow = z.infer<typeof MentionRow>;
export type DemandRow = z.infer<typeof DemandRow>;
export type DateRow = z.infer<typeof DateRow>;

/** The dataset: every table's rows, in their published order. */
export interface Dataset {
  documents: DocumentRow[];
  actors: ActorRow[];
  mentions: MentionRow[];
  demands: DemandRow[];
  dates: DateRow[];
}
export type TableName = keyof Dataset;

export interface ForeignKey {
  field: string;
  table: TableName;
  /** Multi-valued column (array in JSON, `; `-joined in CSV). */
  many?: boolean;
}

/** Table registry: declared once, read by validate, export, schemas and codebook. */
export const TABLES = {
  documents: { model: DocumentRow, primaryKey: 'document_id', foreignKeys: [{ field: 'publisher_id', table: 'actors' }] },
  actors: { model: ActorRow, primaryKey: 'actor_id', foreignKeys: [{ field: 'affiliation_id', table: 'actors' }] },
  mentions: {
    model: MentionRow,
    primaryKey: 'mention_id',
    foreignKeys: [
      { field: 'document_id', table: 'documents' },
      { field: 'actor_id', table: 'actors' },
    ],
  },
  demands: {
    model: DemandRow,
    primaryKey: 'demand_id',
    foreignKeys: [
      { field: 'document_id', table: 'documents' },
      { field: 'claimant_ids', table: 'actors', many: true },
      { field: 'addressee_id', table: 'actors' },
    ],
  },
  dates: { model: DateRow, primaryKey: 'date_id', foreignKeys: [{ field: 'document_id', table: 'documents' }] },
} as const satisfies Record<TableName, { model: z.ZodObject; primaryKey: string; foreignKeys: readonly ForeignKey[] }>;

export const TABLE_NAMES = Object.keys(TABLES) as TableName[];
