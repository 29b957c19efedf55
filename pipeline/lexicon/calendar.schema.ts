import { z } from 'zod';

/** Shape of calendar.yaml (placeholder; the owner of this lexicon defines it). */
export const CalendarLexicon = z.object({});
