import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Context } from '../pipeline/context.ts';
import type { ExtractedDoc } from '../pipeline/document.ts';
import { readLayout } from '../pipeline/extract/demands/layout.ts';
import { loadLexicon } from '../pipeline/lexicon/load.ts';
import { processDocument } from '../pipeline/stages.ts';

// What PDF page layout does to a text, and how demands guard against it: lines of two columns interleaved by
// pdftotext, fragments of another column joined across a blank line, ligature debris at a page's end.

const ctx: Context = { options: { strict: false, sourceDateEpoch: null }, lexicon: loadLexicon() };
const run = (source: string): ExtractedDoc => processDocument({ id: 'd', file: 't.txt', source, sha256: '', meta: null, messages: [] }, ctx);
const texts = (doc: ExtractedDoc) => doc.demands.map((d) => d.text);

// Thirty sentences of a party programme, each on one line, as a coherent single column would print them.
const SENTENCES = Array.from(
  { length: 30 },
  (_, i) => `Venstre vil styrke tilbudet nummer ${i + 1} i kommunene og sikre gode tjenester for alle innbyggere.`,
);

/** Two columns printed line by line in turn, each sentence broken over two lines, a blank line after each line. */
function interleaved(): string {
  const left = SENTENCES.slice(0, 15).flatMap((s) => [s.slice(0, 48).trimEnd(), s.slice(48).trimStart()]);
  const right = SENTENCES.slice(15).flatMap((s) => [s.slice(0, 48).trimEnd(), s.slice(48).trimStart()]);
  const lines: string[] = [];
  for (let i = 0; i < left.length; i++) lines.push(left[i] as string, right[i] as string);
  return `Venstre\n\n${lines.join('\n\n')}\nVenstre vil at alle skal ha en fastlege.\n`;
}

/** Single-spaced running text: lines wrap mid-sentence without blank lines (enough of them to tell). */
function singleSpaced(extra: string): string {
  const para = SENTENCES.slice(0, 24)
    .map((s) => `${s.slice(0, 50).trimEnd()}\n${s.slice(50).trimStart()}`)
    .join('\n');
  return `Venstre\n\n${para}\n\n${extra}\n`;
}

describe('layout: interleaved columns', () => {
  it('recognises two interleaved columns and keeps only whole one-line sentences there', () => {
    const doc = run(interleaved());
    expect(readLayout(doc).interleavedLines).toBeGreaterThan(0);
    // Every broken sentence mixes with the other column's line: none is a demand; the one-line sentence is.
    expect(texts(doc)).toEqual(['Venstre vil at alle skal ha en fastlege.']);
    const note = doc.messages.find((m) => m.code === 'layout-interleaved');
    expect(note?.severity).toBe('warning');
    expect(note?.position?.line).toBe(1);
  });

  it('leaves coherent text alone, double-spaced (seed 002) or single-spaced', () => {
    const name = readdirSync(new URL('../seeds/', import.meta.url)).find((n) => n.startsWith('002_') && n.endsWith('.txt')) as string;
    for (const source of [readFileSync(new URL(`../seeds/${name}`, import.meta.url), 'utf8'), singleSpaced('Slutt.')]) {
      const doc = run(source);
      expect(readLayout(doc).interleavedLines).toBe(0);
      expect(doc.messages.map((m) => m.code)).not.toContain('layout-interleaved');
      expect(doc.demands.length).toBeGreaterThan(10);
    }
  });

  it('finds no seams in double-spaced text, where a blank line follows every line', () => {
    const name = readdirSync(new URL('../seeds/', import.meta.url)).find((n) => n.startsWith('002_') && n.endsWith('.txt')) as string;
    const doc = run(readFileSync(new URL(`../seeds/${name}`, import.meta.url), 'utf8'));
    const layout = readLayout(doc);
    expect(doc.blocks.flatMap((b) => layout.seams(b.span))).toEqual([]);
    // The bullet that runs over several double-spaced lines keeps all its sentences (a blank line there is no seam).
    expect(texts(doc)).toEqual(expect.arrayContaining(['Oppdragsgiver må få fullt innsyn og følge opp oppsigelsesprosesser.', 'Alle underleverandører må oppfylle samme krav.']));
  });
});

describe('layout: seams in single-spaced text', () => {
  it('ends a claim at a sentence end that a blank line separates from a stray fragment', () => {
    const doc = run(singleSpaced('Venstre vil ha flere temabarnehager som satser på\nnaturopplevelser, sang og musikk eller idrett.\n\ntallforståelse.'));
    expect(texts(doc)).toContain('Venstre vil ha flere temabarnehager som satser på naturopplevelser, sang og musikk eller idrett.');
    expect(texts(doc).some((t) => t.includes('tallforståelse'))).toBe(false);
  });

  it('ends a bullet at ligature debris left at a page end, but keeps a sentence that goes on after it', () => {
    const tail = '• Gi støtte til organisasjoner for pårørende\nuten medisinske inngrep\n\nti\n\ntt\n\nfi\n\n• Neste punkt';
    const doc = run(singleSpaced(`Venstre vil:\n${tail}`));
    expect(texts(doc)).toContain('Gi støtte til organisasjoner for pårørende uten medisinske inngrep');
    const on = run(singleSpaced('Lærerutdanningen skal skape sterke pedagoger, ikke\n\nti\n\ntt\n\nbyråkrater med skjemaer.'));
    expect(texts(on).some((t) => t.startsWith('Lærerutdanningen skal') && t.endsWith('byråkrater med skjemaer.'))).toBe(true);
  });
});
