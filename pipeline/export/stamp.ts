import type { DocumentRow } from '../models/tables.ts';

// Zip archives store DOS dates, which start in 1980 and end in 2107.
const EARLIEST = Date.UTC(1980, 0, 1);
const LATEST = Date.UTC(2107, 11, 31);

/**
 * The one time binary outputs carry (the workbook's created/modified, its zip entries' dates): `created`
 * (from SOURCE_DATE_EPOCH) when set, otherwise the latest document date in the data, otherwise 1980-01-01 —
 * derived from the inputs, never from the clock, so two builds of the same inputs are byte-identical.
 */
export function outputStamp(documents: readonly DocumentRow[], created: string | null): Date {
  let ms = created === null ? Number.NaN : Date.parse(created);
  if (Number.isNaN(ms)) {
    let latest = '';
    for (const d of documents) if (d.date !== null && d.date > latest) latest = d.date;
    ms = latest === '' ? EARLIEST : startOf(latest);
  }
  return zipDateRange(new Date(ms));
}

/** A time moved into the range zip archives can date entries with (1980–2107). */
export const zipDateRange = (d: Date): Date => new Date(Math.min(Math.max(d.getTime(), EARLIEST), LATEST));

/** Midnight UTC of the first day an ISO date at year, month or day precision covers. */
export function startOf(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return Date.UTC(y ?? 1980, (m ?? 1) - 1, d ?? 1);
}
