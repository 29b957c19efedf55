import { readFileSync } from 'node:fs';
import type { z } from 'zod';
import { sha256 } from '../ids.ts';
import { readDataFile } from '../data-file.ts';
import { ActorsLexicon } from './actors.schema.ts';
import { RolesLexicon } from './roles.schema.ts';
import { CuesLexicon } from './cues.schema.ts';
import { TopicsLexicon } from './topics.schema.ts';
import { TextLexicon } from './text.schema.ts';
import { MetadataLexicon } from './metadata.schema.ts';
import { CalendarLexicon } from './calendar.schema.ts';

/** Curated knowledge, typed on load. Every entry is general knowledge, never an answer copied from a document. */
export interface Lexicon {
  actors: z.infer<typeof ActorsLexicon>;
  roles: z.infer<typeof RolesLexicon>;
  cues: z.infer<typeof CuesLexicon>;
  topics: z.infer<typeof TopicsLexicon>;
  text: z.infer<typeof TextLexicon>;
  metadata: z.infer<typeof MetadataLexicon>;
  calendar: z.infer<typeof CalendarLexicon>;
  /** Hash of every lexicon file's bytes: part of the pipeline's version for caches. */
  hash: string;
}

const FILES = {
  actors: ['actors.yaml', ActorsLexicon],
  roles: ['roles.yaml', RolesLexicon],
  cues: ['cues.yaml', CuesLexicon],
  topics: ['topics.yaml', TopicsLexicon],
  text: ['text.yaml', TextLexicon],
  metadata: ['metadata.yaml', MetadataLexicon],
  calendar: ['calendar.yaml', CalendarLexicon],
} as const;

let cached: Lexicon | null = null;

/** The lexicon's hash (as `Lexicon.hash`) from its files' text alone, without parsing them: what a cache key needs. */
export function lexiconHash(): string {
  return sha256(Object.values(FILES).map(([file]) => sha256(readFileSync(new URL(`./${file}`, import.meta.url), 'utf8'))).join(''));
}

/** Load and validate every lexicon file once; a broken file stops the build with its file and line. */
export function loadLexicon(): Lexicon {
  if (cached) return cached;
  const hashes: string[] = [];
  const out: Record<string, unknown> = {};
  for (const [key, [file, schema]] of Object.entries(FILES)) {
    const read = readDataFile(new URL(`./${file}`, import.meta.url), schema as z.ZodType, { stage: 'lexicon', file: `pipeline/lexicon/${file}` });
    hashes.push(sha256(read.text));
    out[key] = read.data;
  }
  cached = { ...(out as Omit<Lexicon, 'hash'>), hash: sha256(hashes.join('')) };
  return cached;
}
