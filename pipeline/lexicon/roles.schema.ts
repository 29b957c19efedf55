import { z } from 'zod';

/** Shape of roles.yaml (placeholder; the owner of this lexicon defines it). */
export const RolesLexicon = z.object({});
