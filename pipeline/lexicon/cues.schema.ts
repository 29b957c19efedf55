import { z } from 'zod';

/** Shape of cues.yaml (placeholder; the owner of this lexicon defines it). */
export const CuesLexicon = z.object({});
