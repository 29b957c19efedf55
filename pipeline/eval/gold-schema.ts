import { z } from 'zod';
import { ActorType, DateKind, DatePrecision, Genre } from '../models/vocab.ts';

// The gold annotation format of ../shared/ANNOTATION-GUIDE.md, typed once; the gold test and `npm run eval`
// both parse gold files with it, so a malformed file fails in the same way everywhere.

/** YAML reads an unquoted `2023` as a number; an ISO value is accepted either way and kept as a string. */
const IsoValue = z
  .union([z.string(), z.int()])
  .transform((v) => String(v))
  .pipe(z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'expected ISO 8601 YYYY, YYYY-MM or YYYY-MM-DD'));

/** One actor of a document: canonical name, the surface forms that occur in the text, and for persons role and affiliation. */
export const GoldActor = z.strictObject({
  name: z.string().min(1),
  forms: z.array(z.string().min(1)),
  type: ActorType,
  role: z.string().min(1).nullable().default(null),
  affiliation: z.string().min(1).nullable().default(null),
});
export type GoldActor = z.infer<typeof GoldActor>;

/** One demand: the verbatim core clause, who makes it, who is asked to act, and a free topic label. */
export const GoldDemand = z.strictObject({
  quote: z.string().min(1),
  claimants: z.array(z.string().min(1)).min(1),
  addressee: z.string().min(1).nullable(),
  topic: z.string().min(1),
});
export type GoldDemand = z.infer<typeof GoldDemand>;

/** One calendar expression: its exact surface form, ISO value and kind; `ocr` when recovered from garbled characters. */
export const GoldDate = z.strictObject({
  text: z.string().min(1),
  value: IsoValue,
  kind: DateKind,
  ocr: z.boolean().default(false),
});
export type GoldDate = z.infer<typeof GoldDate>;

/** One gold file: what a careful human analyst extracts from one document. */
export const GoldFile = z.strictObject({
  document: z.string().regex(/\.txt$/, 'expected the file name of a .txt document'),
  title: z.string().min(1).nullable(),
  date: IsoValue.nullable(),
  date_precision: DatePrecision.nullable(),
  publisher: z.string().min(1).nullable(),
  genre: Genre,
  actors: z.array(GoldActor),
  demands: z.array(GoldDemand),
  dates: z.array(GoldDate),
});
export type GoldFile = z.infer<typeof GoldFile>;
