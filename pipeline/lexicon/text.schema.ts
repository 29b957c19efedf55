import { z } from 'zod';

/** Shape of text.yaml (placeholder; the owner of this lexicon defines it). */
export const TextLexicon = z.object({});
