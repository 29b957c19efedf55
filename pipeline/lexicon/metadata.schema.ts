import { z } from 'zod';

/** Shape of metadata.yaml (placeholder; the owner of this lexicon defines it). */
export const MetadataLexicon = z.object({});
