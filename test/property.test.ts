import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assemble } from '../pipeline/assemble/index.ts';
import type { Context } from '../pipeline/context.ts';
import type { ExtractedDoc, SourceDoc, Span } from '../pipeline/document.ts';
import { sha256, stableId } from '../pipeline/ids.ts';
import { loadLexicon } from '../pipeline/lexicon/load.ts';
import type { Dataset } from '../pipeline/models/tables.ts';
import { processDocument } from '../pipeline/stages.ts';

// Property tests of the whole per-document pipeline and assemble: on random and mutated text no stage throws,
// every span stays inside the normalised text, and every exported offset slices the source to the row's quote.
// Fixed seeds keep a failure reproducible; fast-check prints the shrunk counterexample.

const ctx: Context = { options: { strict: false, sourceDateEpoch: null }, lexicon: loadLexicon() };
const RUNS = 200;

// Real fixtures to mutate: the seeds and the development documents.
const folders = ['../seeds/', '../test/dev/docs/'].map((p) => fileURLToPath(new URL(p, import.meta.url)));
const fixtures = folders.flatMap((dir) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => readFileSync(dir + f, 'utf8')),
);

// What documents of this kind hold, and what breaks naive text code: the pieces spliced into the fixtures.
const words = ['arbeidsliv', 'kommunen', 'regjeringen', 'Stortinget', 'tillitsreform', 'Nav', 'velferd', 'og', 'i', 'ansatte', 'sykefravær', 'barnehage'];
const cues = ['må', 'bør', 'skal', 'vil', 'krever', 'ber om', 'ber Stortinget', 'foreslår', 'Vi krever følgende:', 'Venstre vil:', 'Konkret gjøres dette gjennom:', 'Nei til', 'Ja til', 'det er viktig å', 'sier Helgesen.', ', sier hun.', 'mener at'];
const actors = ['LO', 'KS', "KS'", 'LOs', 'FO', 'SV Vestfold og Telemark', 'Arbeiderpartiet', 'Helse- og omsorgsdepartementet', 'departementet', 'landsmøtet', 'Gunn Marit Helgesen, styreleder i KS', 'Fylkesleder SV'];
const dates = ['25.02.2022', '3. juni 2025', '2025–2029', 'i 2023', 'høsten 2025', 'lZ. cZ. ZoZZ_', '29. oktober 2021', '1.1.2024', 'Dato: ', '31.02.2023', '14. mars'];
const breaks = ['\n', '\r\n', '\n\n', '\r\n\r\n', '-\n', '- \n', '\r', '\u2028', '\f', '\t', '  ', '\u00a0', '\u00ad'];
const bullets = ['\n• ', '\n- ', '\n– ', '\n* ', '\n1. ', '\n2) ', '\n▪ ', '\n•\n', '\n\n-', '\n> '];
const marks = ['\u0301', '\u0308', '\u030a', 'a\u030a', 'e\u0301', 'o\u0308', '\u200b', '\u200d', '\ufeff', '\u2060'];
const astral = ['𝔘', '😀', '𠜎', '👩‍👩‍👧', '🇳🇴', '\u{1F3FB}', '𝟐𝟎𝟐𝟓'];
const markdown = ['**', '__', '*', '## ', '### ', '[lenke](#)', '[', ']', '](', ')', '`', '---', '| a | b |', '<br>', '&amp;'];
const garbage = ['Ã¥', 'Ã¸', 'Ã¦', 'â€“', 'â€™', '\u0000', '\u0007', '\u001b', '\u007f', '\u0085', '\ufffd', '\uffff', '�'];

const piece = fc.oneof(
  fc.constantFrom(...words, ...cues, ...actors),
  fc.constantFrom(...dates),
  fc.constantFrom(...breaks, ...bullets),
  fc.constantFrom(...marks, ...astral),
  fc.constantFrom(...markdown, ...garbage),
  fc.string({ unit: 'grapheme', maxLength: 6 }),
  fc.string({ unit: 'binary', maxLength: 6 }),
);

/** One edit: insert a piece, delete a range, or duplicate a range, at a position given as a fraction of the text. */
type Edit = { kind: 'insert'; at: number; text: string } | { kind: 'delete' | 'repeat'; at: number; length: number };
const edit: fc.Arbitrary<Edit> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('insert' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), text: piece }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constantFrom('delete' as const, 'repeat' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), length: fc.integer({ min: 1, max: 200 }) }) },
);

function apply(text: string, edits: readonly Edit[]): string {
  let t = text;
  for (const e of edits) {
    const at = Math.min(t.length, Math.floor(e.at * t.length));
    if (e.kind === 'insert') t = t.slice(0, at) + e.text + t.slice(at);
    else if (e.kind === 'delete') t = t.slice(0, at) + t.slice(at + e.length);
    else t = t.slice(0, at + e.length) + t.slice(at, at + e.length) + t.slice(at + e.length);
  }
  return t;
}

/** As ingest would hand the text on: decoded UTF-8 holds no lone surrogate and no leading byte-order mark. */
function asDecoded(text: string): string {
  const wellFormed = text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
  return wellFormed.startsWith('\ufeff') ? wellFormed.slice(1) : wellFormed;
}

function sourceDoc(text: string): SourceDoc {
  const file = 'property.txt';
  return { id: stableId('doc', file), file, source: asDecoded(text), sha256: sha256(text), meta: null, messages: [] };
}

const inside = (span: Span, length: number): boolean =>
  Number.isInteger(span.start) && Number.isInteger(span.end) && span.start >= 0 && span.start <= span.end && span.end <= length;

/** Every span a stage produced, named for the failure message. */
function spansOf(doc: ExtractedDoc): [string, Span][] {
  return [
    ...doc.blocks.map((b, i): [string, Span] => [`block ${i}`, b.span]),
    ...doc.sentences.map((s, i): [string, Span] => [`sentence ${i}`, s.span]),
    ...doc.mentions.map((m): [string, Span] => [`mention ${m.ruleId} ${m.actor}`, m.span]),
    ...doc.dates.map((d): [string, Span] => [`date ${d.ruleId} ${d.value}`, d.span]),
    ...doc.demands.map((d): [string, Span] => [`demand ${d.ruleId}`, d.span]),
  ];
}

/** Rows checked so far, so a test can show its property was not vacuous. */
const checked = { mentions: 0, dates: 0, demands: 0 };

/** Run the per-document stages and assemble on one text and check every invariant; throws on a violation. */
function check(text: string): void {
  const src = sourceDoc(text);
  const doc = processDocument(src, ctx);
  for (const [what, span] of spansOf(doc)) {
    if (!inside(span, doc.text.length)) throw new Error(`${what} [${span.start}, ${span.end}) outside the ${doc.text.length}-unit text`);
  }
  for (const b of doc.blocks) if (b.span.end <= b.span.start) throw new Error(`empty block [${b.span.start}, ${b.span.end})`);
  const { dataset, messages } = assemble([doc], ctx);
  const bad = messages.filter((m) => m.code === 'invalid-span');
  if (bad.length > 0) throw new Error(bad.map((m) => m.reason).join('\n'));
  expectSlices(dataset, Array.from(src.source));
  checked.mentions += dataset.mentions.length;
  checked.dates += dataset.dates.length;
  checked.demands += dataset.demands.length;
}

/** The data contract: for every row with offsets, the code-point slice of the source equals its quote or text. */
function expectSlices(ds: Dataset, points: readonly string[]): void {
  const rows: [string, { start: number; end: number }, string][] = [
    ...ds.mentions.map((r): [string, typeof r, string] => [`mention ${r.rule_id}`, r, r.text]),
    ...ds.dates.map((r): [string, typeof r, string] => [`date ${r.rule_id}`, r, r.text]),
    ...ds.demands.map((r): [string, typeof r, string] => [`demand ${r.rule_id}`, r, r.quote]),
  ];
  for (const [what, r, quote] of rows) {
    if (r.start < 0 || r.end > points.length || r.start >= r.end) throw new Error(`${what} [${r.start}, ${r.end}) outside the source`);
    const slice = points.slice(r.start, r.end).join('');
    if (slice !== quote) throw new Error(`${what} [${r.start}, ${r.end}): source slice ${JSON.stringify(slice)} ≠ ${JSON.stringify(quote)}`);
  }
}

describe('property: the pipeline on mutated and random text', () => {
  it('mutated fixtures: no stage throws, spans stay inside, exported slices equal their quotes', () => {
    const doc = fc.record({ base: fc.nat({ max: fixtures.length - 1 }), edits: fc.array(edit, { minLength: 1, maxLength: 40 }) });
    fc.assert(
      fc.property(doc, ({ base, edits }) => {
        check(apply(fixtures[base] as string, edits));
      }),
      { seed: 20250601, numRuns: RUNS },
    );
    // The mutants keep most of their fixture, so most rows of every table were checked.
    expect(checked.demands).toBeGreaterThan(RUNS * 5);
    expect(checked.mentions).toBeGreaterThan(RUNS * 5);
    expect(checked.dates).toBeGreaterThan(RUNS);
  });

  it('two mutated fixtures assembled together: the same invariants hold in every document', () => {
    const pair = fc.tuple(fc.nat({ max: fixtures.length - 1 }), fc.nat({ max: fixtures.length - 1 }), fc.array(edit, { maxLength: 20 }));
    fc.assert(
      fc.property(pair, ([a, b, edits]) => {
        const docs = [apply(fixtures[a] as string, edits), fixtures[b] as string].map((t, i) => processDocument({ ...sourceDoc(t), file: `p${i}.txt`, id: stableId('doc', `p${i}.txt`) }, ctx));
        const { dataset, messages } = assemble(docs, ctx);
        expect(messages.filter((m) => m.code === 'invalid-span')).toEqual([]);
        for (const d of docs) {
          const id = stableId('doc', d.file);
          const only = (rows: { document_id: string }[]) => rows.filter((r) => r.document_id === id);
          expectSlices({ ...dataset, mentions: only(dataset.mentions) as Dataset['mentions'], dates: only(dataset.dates) as Dataset['dates'], demands: only(dataset.demands) as Dataset['demands'] }, Array.from(d.source));
        }
      }),
      { seed: 99, numRuns: 60 },
    );
  });

  it('is pure: the same text gives the same records twice', () => {
    const doc = fc.record({ base: fc.nat({ max: fixtures.length - 1 }), edits: fc.array(edit, { maxLength: 20 }) });
    fc.assert(
      fc.property(doc, ({ base, edits }) => {
        const src = sourceDoc(apply(fixtures[base] as string, edits));
        const strip = (d: ExtractedDoc) => ({ text: d.text, blocks: d.blocks, mentions: d.mentions, dates: d.dates, demands: d.demands, actors: d.actors, info: d.info });
        expect(strip(processDocument(src, ctx))).toEqual(strip(processDocument(src, ctx)));
      }),
      { seed: 31337, numRuns: 50 },
    );
  });

  it('texts made of pieces only: no stage throws, spans stay inside, exported slices equal their quotes', () => {
    const text = fc.array(piece, { minLength: 1, maxLength: 120 }).map((ps) => ps.join(' '));
    fc.assert(
      fc.property(text, (t) => {
        check(t);
      }),
      { seed: 424242, numRuns: RUNS },
    );
  });

  it('arbitrary Unicode strings (also CRLF-heavy): no stage throws, spans stay inside, slices equal quotes', () => {
    const text = fc.oneof(
      fc.string({ unit: 'binary', minLength: 1, maxLength: 400 }),
      fc.array(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 12 }), fc.constantFrom('\r\n', '\n', '-\r\n', '• ', 'må ', 'LO ')), { maxLength: 80 }).map((a) => a.join('')),
    );
    fc.assert(
      fc.property(text, (t) => {
        check(t);
      }),
      { seed: 7, numRuns: RUNS },
    );
  });

  it('a fixture in CRLF with every piece kind spliced in stays exact (a fixed regression case)', () => {
    const crlf = (fixtures[0] as string).replace(/\n/g, '\r\n');
    expect(() => check(apply(crlf, [{ kind: 'insert', at: 0.5, text: '𝔘e\u0301-\r\n• Vi krever: LO må 3. juni 2025 **Nav**' }]))).not.toThrow();
  });
});
