import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { z } from 'zod';
import { sha256 } from '../ids.ts';
import { readDataFile } from '../data-file.ts';
import { LOCAL_CACHE, writeLocal } from '../cache/local.ts';
import { sourceHash } from '../cache/version.ts';
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

/**
 * Load and validate every lexicon file once; a broken file stops the build with its file and line. The checked
 * lexicon is kept in the local cache under its files' hash and the pipeline's source hash (the schemas that check
 * it), so later loads (every worker thread, every build) read it back in a millisecond instead of parsing the
 * YAML again (~200 ms).
 */
export function loadLexicon(): Lexicon {
  if (cached) return cached;
  const hash = lexiconHash();
  const kept = keptLexiconFile(hash);
  const fromCache = readKept(kept, hash);
  if (fromCache !== null) return (cached = fromCache);
  cached = parseLexicon();
  // Kept only when the files did not change while they were read.
  if (cached.hash === hash) writeLocal(kept, serialize(cached), 'lexicon-');
  return cached;
}

/** Where the checked lexicon of files with this hash is kept, for this version of the pipeline's source. */
export function keptLexiconFile(hash: string): string {
  return join(LOCAL_CACHE, `lexicon-${sha256(`${sourceHash()}\u001f${hash}`).slice(0, 16)}.v8`);
}

/** Read and check every lexicon file, without the local cache. */
export function parseLexicon(): Lexicon {
  const hashes: string[] = [];
  const out: Record<string, unknown> = {};
  for (const [key, [file, schema]] of Object.entries(FILES)) {
    const read = readDataFile(new URL(`./${file}`, import.meta.url), schema as z.ZodType, { stage: 'lexicon', file: `pipeline/lexicon/${file}` });
    hashes.push(sha256(read.text));
    out[key] = read.data;
  }
  return { ...(out as Omit<Lexicon, 'hash'>), hash: sha256(hashes.join('')) };
}

/** The lexicon kept in the local cache for these files, or null when there is none (or it does not read back). */
function readKept(file: string, hash: string): Lexicon | null {
  try {
    const lexicon = deserialize(readFileSync(file)) as Lexicon;
    return lexicon.hash === hash ? lexicon : null;
  } catch {
    return null;
  }
}
