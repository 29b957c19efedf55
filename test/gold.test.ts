import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkGoldsAgainstDocuments, parseGold } from '../pipeline/eval/gold-parse.ts';
import type { GoldFile } from '../pipeline/eval/gold-schema.ts';

// The gold files are the yardstick of `npm run eval`: each must follow the annotation format and fit its
// document exactly, or every score computed from it is wrong.

const SETS = [
  { name: 'seeds', gold: 'test/gold', docs: 'seeds' },
  { name: 'development', gold: 'test/dev/gold', docs: 'test/dev/docs' },
  { name: 'held-out', gold: 'test/heldout/gold', docs: 'test/heldout/docs' },
] as const;

const list = (dir: string, suffix: string) => readdirSync(dir).filter((f) => f.endsWith(suffix)).sort();
const readDocs = (dir: string) => new Map(list(dir, '.txt').map((f) => [f, readFileSync(join(dir, f), 'utf8')] as const));

describe.each(SETS)('$name gold', ({ gold, docs }) => {
  const files = list(gold, '.yaml');
  const documents = readDocs(docs);

  it('annotates every document of its folder exactly once', () => {
    expect(files.map((f) => f.replace(/\.yaml$/, ''))).toEqual([...documents.keys()]);
  });

  it.each(files)('%s parses, names its document and fits its text', (file) => {
    const parsed = parseGold(readFileSync(join(gold, file), 'utf8'), file);
    expect(parsed.messages.map((m) => `${m.code} ${m.reason}`)).toEqual([]);
    const g = parsed.gold as GoldFile;
    expect(`${g.document}.yaml`).toBe(file);
    const fit = checkGoldsAgainstDocuments([{ file, gold: g }], documents);
    expect(fit.map((m) => `${m.code} ${m.reason}`)).toEqual([]);
  });
});

describe('gold checks catch annotation errors', () => {
  const doc = 'Dato: 25.02.2022\n\nFO ber Arbeiderpartiet ta an-\nsvar for styringen.\n\nMimmi Kvisvik\nForbundsleder i FO\n';
  const documents = new Map([['x.txt', doc]]);
  const base = `document: x.txt
title: null
date: "2022-02-25"
date_precision: day
publisher: Fellesorganisasjonen
genre: letter
actors:
  - name: Fellesorganisasjonen
    forms: [FO]
    type: union
  - name: Arbeiderpartiet
    forms: [Arbeiderpartiet]
    type: party
  - name: Mimmi Kvisvik
    forms: [Mimmi Kvisvik]
    type: person
    role: Forbundsleder i FO
    affiliation: Fellesorganisasjonen
demands:
  - quote: "FO ber Arbeiderpartiet ta ansvar for styringen."
    claimants: [Fellesorganisasjonen]
    addressee: Arbeiderpartiet
    topic: social_welfare
dates:
  - text: "25.02.2022"
    value: 2022-02-25
    kind: document
`;
  const codes = (yaml: string) => {
    const p = parseGold(yaml, 'x.txt.yaml');
    const fit = p.gold === null ? [] : checkGoldsAgainstDocuments([{ file: 'x.txt.yaml', gold: p.gold }], documents);
    return [...p.messages, ...fit].map((m) => m.code);
  };

  it('accepts a correct file, with a quote bridging a hyphenated line break', () => {
    expect(codes(base)).toEqual([]);
  });
  it('reads an unquoted year as an ISO value', () => {
    const p = parseGold(base.replace('value: 2022-02-25', 'value: 2022'), 'x.txt.yaml');
    expect(p.gold?.dates[0]?.value).toBe('2022');
  });
  it('rejects broken YAML, unknown fields and bad vocabulary', () => {
    expect(codes(base.replace('genre: letter', 'genre: [letter'))).toContain('gold-yaml-syntax');
    expect(codes(base.replace('type: party', 'type: partei'))).toEqual(['gold-schema']);
    expect(codes(base.replace('topic: social_welfare', 'topic: social_welfare\n    modality: must'))).toEqual(['gold-schema']);
    expect(codes(base.replace('value: 2022-02-25', 'value: 25.02.2022'))).toEqual(['gold-schema']);
  });
  it('rejects names that are not listed actors', () => {
    expect(codes(base.replace('claimants: [Fellesorganisasjonen]', 'claimants: [FO]'))).toEqual(['gold-reference']);
    expect(codes(base.replace('addressee: Arbeiderpartiet', 'addressee: Ap'))).toEqual(['gold-reference']);
    expect(codes(base.replace('publisher: Fellesorganisasjonen', 'publisher: LO'))).toEqual(['gold-reference']);
    expect(codes(base.replace('affiliation: Fellesorganisasjonen', 'affiliation: LO'))).toEqual(['gold-reference']);
  });
  it('rejects quotes, date texts and forms that do not occur in the document', () => {
    expect(codes(base.replace('ta ansvar for styringen.', 'ta ansvaret for styringen.'))).toEqual(['gold-reference']);
    expect(codes(base.replace('text: "25.02.2022"', 'text: "25. februar 2022"'))).toEqual(['gold-reference']);
    expect(codes(base.replace('forms: [FO]', 'forms: [FO, FOs]'))).toEqual(['gold-reference']);
    // a form must stand as a token: "Mimmi" alone is fine, "Mim" inside "Mimmi" is not
    expect(codes(base.replace('forms: [Mimmi Kvisvik]', 'forms: [Mimmi]'))).toEqual([]);
    expect(codes(base.replace('forms: [Mimmi Kvisvik]', 'forms: [Mim]'))).toEqual(['gold-reference']);
  });
  it('allows the canonical name as a form even where only abbreviations occur', () => {
    expect(codes(base.replace('forms: [FO]', 'forms: [FO, Fellesorganisasjonen]'))).toEqual([]);
  });
  it('rejects a date that disagrees with its precision and a document not in the folder', () => {
    expect(codes(base.replace('date_precision: day', 'date_precision: month'))).toEqual(['gold-reference']);
    expect(codes(base.replace('document: x.txt', 'document: y.txt'))).toEqual(['gold-orphan']);
  });
});
