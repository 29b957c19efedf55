import type { Block, Sentence } from '../document.ts';
import { isDigitUnit, isLetterUnit, isLowerUnit, isRegExpSpaceUnit, isSpaceUnit, isUpperUnit } from '../normalise/chars.ts';
import type { TextKit } from '../normalise/rules.ts';
import { sentenceBreaks } from './sentence-breaks.ts';

/** A sentence candidate: [start, end) in the document text. */
interface Piece {
  start: number;
  end: number;
}

let segmenter: Intl.Segmenter | null = null;
/** One ICU sentence segmenter for the process: creating one costs far more than using it. */
const sentenceSegmenter = (): Intl.Segmenter => (segmenter ??= new Intl.Segmenter('nb', { granularity: 'sentence' }));

const FIRST_WORD = /^[\p{L}.]+/u;
const INITIALS = /^(?:\p{Lu}\.){1,3}$/u;
const ORDINAL = /^\d{1,2}\.$/;
const CLOSERS = '"»”’\')\\]';

/** Add text[a, b) trimmed of spaces, unless nothing is left. */
function pushTrimmed(pieces: Piece[], text: string, a: number, b: number): void {
  while (a < b && isSpaceUnit(text.charCodeAt(a))) a++;
  while (b > a && isSpaceUnit(text.charCodeAt(b - 1))) b--;
  if (a < b) pieces.push({ start: a, end: b });
}

/** ICU's sentences of one block, trimmed of spaces, as absolute offsets (found without ICU for most blocks). */
function icuPieces(text: string, start: number, end: number): Piece[] {
  const pieces: Piece[] = [];
  const breaks = sentenceBreaks(text, start, end);
  if (breaks !== null) {
    let from = start;
    for (const b of breaks) {
      pushTrimmed(pieces, text, from, b);
      from = b;
    }
    pushTrimmed(pieces, text, from, end);
    return pieces;
  }
  for (const seg of sentenceSegmenter().segment(text.slice(start, end))) {
    pushTrimmed(pieces, text, start + seg.index, start + seg.index + seg.segment.length);
  }
  return pieces;
}

/**
 * Breaks ICU misses: before a speech dash ("…, sier Helgesen. – Å få ungdom …") and before a sentence that starts
 * with a number ("… legge opp til. 3 av 4 kommuner …").
 */
function extraBreaks(kit: TextKit): RegExp {
  const dashes = [...kit.speechMarkers].map((c) => `\\u{${c.toString(16)}}`).join('');
  return new RegExp(`[.!?…][${CLOSERS}]*\\s+(?=[${dashes}]\\s+\\p{Lu}|\\d)`, 'gu');
}

const breakCache = new WeakMap<TextKit, RegExp>();

function splitExtra(text: string, pieces: Piece[], kit: TextKit): Piece[] {
  let re = breakCache.get(kit);
  if (re === undefined) {
    re = extraBreaks(kit);
    breakCache.set(kit, re);
  }
  const out: Piece[] = [];
  for (const p of pieces) {
    if (!hasInnerTerminator(text, p.start, p.end)) {
      out.push(p);
      continue;
    }
    const t = text.slice(p.start, p.end);
    let from = p.start;
    re.lastIndex = 0;
    for (let m = re.exec(t); m !== null; m = re.exec(t)) {
      const cut = p.start + m.index + m[0].length;
      if (isDigitUnit(text.charCodeAt(cut)) && !endsSentenceBeforeNumber(t, m.index, kit)) continue;
      let end = cut;
      while (end > from && isSpaceUnit(text.charCodeAt(end - 1))) end--;
      out.push({ start: from, end });
      from = cut;
    }
    out.push({ start: from, end: p.end });
  }
  return out;
}

/** Whether text[start, end - 1) holds . ! ? or …: a break ICU missed needs one with a space after it. */
function hasInnerTerminator(text: string, start: number, end: number): boolean {
  for (let i = start; i < end - 1; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x2e || c === 0x21 || c === 0x3f || c === 0x2026) return true;
  }
  return false;
}

/**
 * Before a number, a full stop ends a sentence only after a plain word of two or more letters that is no
 * abbreviation ("til. 3 av 4"), not after "nr.", "bl.a.", an initial or a number ("1. 3. 2021"). `at` is the index
 * of the punctuation in `t`.
 */
function endsSentenceBeforeNumber(t: string, at: number, kit: TextKit): boolean {
  if (t.charCodeAt(at) !== 0x2e) return true;
  let w = at;
  while (w > 0 && isLetterUnit(t.charCodeAt(w - 1))) w--;
  if (at - w < 2 || (w > 0 && t.charCodeAt(w - 1) === 0x2e)) return false;
  const abbreviation = `${t.slice(w, at).toLowerCase()}.`;
  return !kit.nonFinalAbbreviations.has(abbreviation) && !kit.mayEndAbbreviations.has(abbreviation);
}

// What ends the last token of a sentence from the left: a space, or an opening bracket or quote.
const TOKEN_STOPS = new Set([0x28, 0xab, 0x22, 0x201c, 0x2018]);

/** Where the last token of a piece starts: the longest tail with no space nor opening bracket or quote (`[^\s(«"“‘]+$`). */
function lastTokenStart(text: string, piece: Piece): number {
  let i = piece.end;
  while (i > piece.start && !isRegExpSpaceUnit(text.charCodeAt(i - 1)) && !TOKEN_STOPS.has(text.charCodeAt(i - 1))) i--;
  return i;
}

/** Whether ICU's split between the pieces `prev` and `next` is wrong: after an abbreviation, an initial or an ordinal date. */
function mergeAcross(text: string, prev: Piece, next: Piece, kit: TextKit): boolean {
  const from = lastTokenStart(text, prev);
  if (from === prev.end || text.charCodeAt(prev.end - 1) !== 0x2e) return false;
  const token = text.slice(from, prev.end);
  // "1.Mer politi …": a bare list number is no sentence of its own.
  if (from === prev.start && ORDINAL.test(token)) return true;
  const lower = token.toLowerCase();
  if (kit.nonFinalAbbreviations.has(lower)) return true;
  const n0 = text.charCodeAt(next.start);
  if (kit.mayEndAbbreviations.has(lower)) return isLowerUnit(n0) || isDigitUnit(n0);
  // "A. B. Hansen": an initial is followed by a name.
  if (INITIALS.test(token)) return isUpperUnit(n0);
  // "29. Oktober" (capitalised in titles).
  if (ORDINAL.test(token)) {
    const word = FIRST_WORD.exec(text.slice(next.start, next.end))?.[0]?.toLowerCase().replace(/\.$/, '');
    return word !== undefined && (kit.months.has(word) || kit.months.has(`${word}.`));
  }
  return false;
}

/**
 * Norwegian sentences of every block: ICU's sentence segmentation run per block (never over the whole text — it is
 * quadratic in input length), split again before speech dashes, merged across abbreviations, initials and ordinal
 * dates. Spans are trimmed; every block gets at least one sentence.
 */
export function splitSentences(text: string, blocks: readonly Block[], kit: TextKit): Sentence[] {
  const sentences: Sentence[] = [];
  blocks.forEach((block, index) => {
    const { start, end } = block.span;
    const pieces = splitExtra(text, icuPieces(text, start, end), kit);
    let current: Piece | null = null;
    for (const p of pieces) {
      if (current !== null && mergeAcross(text, current, p, kit)) {
        current.end = p.end;
        continue;
      }
      if (current !== null) sentences.push({ span: current, block: index });
      current = { ...p };
    }
    if (current !== null) sentences.push({ span: current, block: index });
    else sentences.push({ span: { start, end }, block: index });
  });
  return sentences;
}
