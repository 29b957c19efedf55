import { z } from 'zod';

const Word = z.string().min(1);

/** One month: its number and every written form (full name first, then abbreviations that need a period or a year). */
const Month = z.object({
  month: z.number().int().min(1).max(12),
  names: z.array(Word).min(1),
  abbreviations: z.array(Word).default([]),
});

/** Shape of calendar.yaml: the Norwegian words and limits the date rules need. */
export const CalendarLexicon = z.object({
  /** Years outside this range are never dates (counts, money, codes). */
  years: z.object({ min: z.number().int(), max: z.number().int() }),
  /** Two-digit years at or below the pivot are 20xx, above it 19xx ("25.2.22" → 2022). */
  twoDigitPivot: z.number().int().min(0).max(99),
  months: z.array(Month).length(12),
  /** Season words ("høsten"): a season + year is a date of year precision. */
  seasons: z.array(Word),
  /** Words or phrases directly before a bare year that make it a calendar year ("i", "innen", "i løpet av"). */
  yearPrepositions: z.array(Word),
  /** Word endings that make the word before a bare year a calendar noun ("året", "budsjettåret"). */
  yearNounEndings: z.array(Word),
  /** Joiners that continue a list of years ("i 2023 og 2024"). */
  yearListJoiners: z.array(Word),
  /** A year followed by one of these words is a quantity, not a date ("i 2000 kroner", "til 1900 ansatte"). */
  quantityWords: z.array(Word),
  /** Document-identifier words before a parenthesised session label ("Innst. 100 S (2019–2020)"). */
  sessionLabelPrefixes: z.array(Word),
  /** Cues that announce a document's own date ("Dato:"); OCR recovery only happens right after one. */
  dateCues: z.array(Word),
  /** OCR confusions: garbled character → its possible digit readings; recovered only when the reading is unique. */
  ocrConfusions: z.record(z.string().length(1), z.array(z.string().regex(/^\d$/)).min(1)),
  /** Relative year phrases and their offset from the reference year ("i fjor" → -1). */
  relativeYears: z.array(z.object({ phrase: Word, offset: z.number().int() })),
});
