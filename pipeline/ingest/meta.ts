import { z } from 'zod';
import type { CuratedMeta } from '../document.ts';
import { Genre } from '../models/vocab.ts';

/** Every value is read as text (YAML failsafe schema), so `date: 2022` and `title: 1984` stay strings. */
const Text = z
  .string({ error: 'must be a single text value, not a list or mapping' })
  .refine((s) => s.trim() !== '', { error: 'must not be empty' });

/** True when y-m-d is a day of the calendar (no 31 April, 29 February only in leap years). */
function isCalendarDay(year: number, month: number, day: number): boolean {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return days !== undefined && day >= 1 && day <= days;
}

const DATE_SHAPE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** ISO 8601 date with precision: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, and a real day of the calendar. */
export const MetaDate = z
  .string({ error: 'must be a date as YYYY, YYYY-MM or YYYY-MM-DD' })
  .regex(DATE_SHAPE, { error: 'must be a date as YYYY, YYYY-MM or YYYY-MM-DD' })
  .refine(
    (s) => {
      const [, y, m, d] = DATE_SHAPE.exec(s) ?? [];
      if (m === undefined) return true;
      if (Number(m) < 1 || Number(m) > 12) return false;
      return d === undefined || isCalendarDay(Number(y), Number(m), Number(d));
    },
    { error: 'is not a date of the calendar' },
  );

/**
 * A sidecar `NAME.meta.yaml`: curated facts about one document that win over extracted ones.
 * Strict: an unknown key is an error, so a misspelt field is never silently dropped.
 */
export const MetaSidecar = z.strictObject({
  title: Text.optional(),
  publisher: Text.optional(),
  // `undated`: a curator checked that the document states no date of its own (so coverage does not flag it).
  date: z.union([z.literal('undated'), MetaDate]).optional(),
  url: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
  licence: Text.optional(),
  genre: Genre.optional(),
});
export type MetaSidecar = z.infer<typeof MetaSidecar>;

/** The field names a sidecar may hold, in schema order. */
export const META_FIELDS = Object.keys(MetaSidecar.shape) as (keyof MetaSidecar)[];

/** Drop absent fields, so the result fits `CuratedMeta` (whose optional fields never hold `undefined`). */
export function toCuratedMeta(m: MetaSidecar): CuratedMeta {
  const out: CuratedMeta = {};
  if (m.title !== undefined) out.title = m.title;
  if (m.publisher !== undefined) out.publisher = m.publisher;
  if (m.date !== undefined) out.date = m.date;
  if (m.url !== undefined) out.url = m.url;
  if (m.licence !== undefined) out.licence = m.licence;
  if (m.genre !== undefined) out.genre = m.genre;
  return out;
}
