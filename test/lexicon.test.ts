import { readFileSync, writeFileSync } from 'node:fs';
import { deserialize } from 'node:v8';
import { describe, expect, it, vi } from 'vitest';
import { keptLexiconFile, lexiconHash, loadLexicon, parseLexicon } from '../pipeline/lexicon/load.ts';

// The checked lexicon is kept in the local cache: every thread and build after the first reads it back instead
// of parsing the YAML, and what it reads back is exactly what parsing gives.

describe('lexicon cache', () => {
  it('keeps the checked lexicon, which reads back equal to parsing the files', () => {
    const lexicon = loadLexicon();
    const kept = deserialize(readFileSync(keptLexiconFile(lexiconHash())));
    expect(kept).toEqual(parseLexicon());
    expect(lexicon).toEqual(kept);
  });

  it('parses the files again when the kept copy does not read back, and keeps a good one', async () => {
    const file = keptLexiconFile(lexiconHash());
    writeFileSync(file, 'not a lexicon');
    vi.resetModules();
    const fresh = (await import('../pipeline/lexicon/load.ts')).loadLexicon();
    expect(fresh).toEqual(parseLexicon());
    expect(deserialize(readFileSync(file))).toEqual(fresh);
  });
});
