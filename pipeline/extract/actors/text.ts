import type { Span } from '../../document.ts';
import { isRegExpSpaceUnit } from '../../normalise/chars.ts';
import { escapeRegExp } from '../../regexp.ts';

// Small text helpers shared by the actor and metadata rules. Positions are UTF-16 offsets into `doc.text`.

const WORD = /[\p{L}\p{N}]/u;
const LETTER = /\p{L}/u;

/** True when the character is a letter or digit (the inside of a word). */
export const isWordChar = (ch: string | undefined): boolean => ch !== undefined && WORD.test(ch);

/**
 * Regex source for a lexicon form: literal, but any run of spaces matches any whitespace (lines may be
 * broken anywhere in PDF text) and a hyphen before a space may lose that space ("Arbeids-og").
 */
export function formSource(form: string): string {
  return form
    .trim()
    .split(/\s+/)
    .map((w) => escapeRegExp(w))
    .join('\\s+')
    .replace(/-\\s\+/g, '-\\s*');
}

/** Key for case-insensitive lookups: whitespace collapsed, lower case (locale-independent). */
export const fold = (s: string): string => squash(s).toLowerCase();

/** Whitespace collapsed, case kept: key for case-sensitive lookups. */
export const squash = (s: string): string => (HAS_SPACE.test(s) ? s.replace(/\s+/g, ' ').trim() : s);

// Most keys are one word: without white space there is nothing to collapse or trim.
const HAS_SPACE = /\s/;

/** Sort strings longest first, then by code units, so regex alternations prefer the longest form. */
export const longestFirst = (a: string, b: string): number => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0);

/** Alternation of literal forms, longest first, as a non-capturing group. */
export const alternation = (forms: Iterable<string>): string =>
  `(?:${[...new Set(forms)].sort(longestFirst).map(formSource).join('|')})`;

/** Bounds of the line holding `offset` (without the newline). */
export function lineAt(text: string, offset: number): Span {
  const start = offset === 0 ? 0 : text.lastIndexOf('\n', offset - 1) + 1;
  const nl = text.indexOf('\n', offset);
  return { start, end: nl === -1 ? text.length : nl };
}

/** Every line of the text with its span, blank ones included. */
export function lines(text: string): Span[] {
  const out: Span[] = [];
  let start = 0;
  for (;;) {
    const nl = text.indexOf('\n', start);
    out.push({ start, end: nl === -1 ? text.length : nl });
    if (nl === -1) return out;
    start = nl + 1;
  }
}

// Characters that may sit between a line or sentence start and its first word: list markers, markup, quotes.
const LEAD = new Set([' ', '\t', '\r', '*', '_', '#', '>', '"', '«', '(', '[', '-', '–', '—', '•', '·', '▪', '●', '‒', '’', "'"]);
const ENDERS = new Set(['.', '!', '?', ':', ';']);

/** True when the word at `offset` starts a line or a sentence (so its capital letter says nothing). */
export function isSentenceInitial(text: string, offset: number): boolean {
  let i = offset - 1;
  while (i >= 0 && LEAD.has(text[i] as string)) i--;
  if (i < 0) return true;
  const ch = text[i] as string;
  if (ch === '\n') return true;
  // A list number "1." or "2)" before the word also starts the item.
  if (ENDERS.has(ch)) return true;
  return /\d/.test(ch) && (text[i + 1] === '.' || text[i + 1] === ')');
}

/** True when the line holding `offset` is written in capitals (a shouted heading). */
export function isAllCapsLine(text: string, offset: number): boolean {
  const { start, end } = lineAt(text, offset);
  let upper = 0;
  let lower = 0;
  for (const ch of text.slice(start, end)) {
    if (!LETTER.test(ch)) continue;
    if (ch === ch.toLowerCase()) lower++;
    else upper++;
  }
  return upper >= 4 && lower * 5 < upper;
}

// List markers and markup a line may open with (* _ # > • - –), and markup it may end with (* _).
const LINE_LEAD = new Set([0x2a, 0x5f, 0x23, 0x3e, 0x2022, 0x2d, 0x2013]);
const LINE_TAIL = new Set([0x2a, 0x5f]);

/** The line's text without list markers, markdown emphasis and surrounding spaces, with its span. */
export function cleanLine(text: string, span: Span): { text: string; span: Span } {
  let s = span.start;
  let e = span.end;
  while (s < e && (isRegExpSpaceUnit(text.charCodeAt(s)) || LINE_LEAD.has(text.charCodeAt(s)))) s++;
  while (e > s && (isRegExpSpaceUnit(text.charCodeAt(e - 1)) || LINE_TAIL.has(text.charCodeAt(e - 1)))) e--;
  return { text: text.slice(s, e), span: { start: s, end: e } };
}

/** A line of the text as cleanLine leaves it, with the line's own span. */
export interface CleanLine {
  text: string;
  span: Span;
  raw: Span;
}

// The last text split into clean lines: the actor and metadata rules each read the lines of the same document.
let linesOf: string | null = null;
let cleanedLines: readonly CleanLine[] = [];
let filledLines: readonly CleanLine[] = [];

/** Every line of the text, cleaned (see cleanLine), blank ones included; computed once per text. */
export function cleanLines(text: string): readonly CleanLine[] {
  if (text !== linesOf) {
    cleanedLines = lines(text).map((raw) => {
      const clean = cleanLine(text, raw);
      return { text: clean.text, span: clean.span, raw };
    });
    filledLines = cleanedLines.filter((l) => l.text !== '');
    linesOf = text;
  }
  return cleanedLines;
}

/** The lines that hold more than markers and markup (cleaned text not empty), in order. */
export function filledCleanLines(text: string): readonly CleanLine[] {
  cleanLines(text);
  return filledLines;
}

/** True when two spans share at least one character. */
export const overlaps = (a: Span, b: Span): boolean => a.start < b.end && b.start < a.end;
