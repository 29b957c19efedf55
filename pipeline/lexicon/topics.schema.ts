import { z } from 'zod';

/** Shape of topics.yaml (placeholder; the owner of this lexicon defines it). */
export const TopicsLexicon = z.object({});
