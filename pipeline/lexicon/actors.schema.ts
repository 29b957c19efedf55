import { z } from 'zod';

/** Shape of actors.yaml (placeholder; the owner of this lexicon defines it). */
export const ActorsLexicon = z.object({});
