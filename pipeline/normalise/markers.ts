import { isDigitUnit, isLetterUnit, isSpaceUnit } from './chars.ts';
import type { TextKit } from './rules.ts';

/** A line-start structure marker: markdown heading hashes, a bullet, or list numbering. */
export interface MarkerMatch {
  kind: 'heading' | 'bullet' | 'number';
  /** The marker as written ("##", "•", "-", "1.", "a)"). */
  marker: string;
  /** Offset in the line where the content starts (after the marker and its spaces); equals the line length for a lone marker. */
  contentStart: number;
  /** A dash that in news text opens direct speech. */
  speech: boolean;
}

// List numbering: "1." "12)" "(3)" "a)" "(b)" "iv)", and "1.Mer" where the space is missing before a capital.
// A letter with a full stop ("A.") is left out: it is an initial.
const NUMBERING = /^(?:\(?(?:\d{1,3}|[a-zæøåA-ZÆØÅ]|[ivxIVX]{2,4})\)(?=\s|$)|\d{1,3}\.(?=\s|$|\p{Lu}))/u;
const FIRST_WORD = /^[\p{L}.]+/u;

function skipSpaces(line: string, i: number): number {
  while (i < line.length && isSpaceUnit(line.charCodeAt(i))) i++;
  return i;
}

/** Whether the line's first ")" is one of its units 1 to 4 (found without searching the rest of a long line). */
function closesWithinFour(line: string): boolean {
  if (line.charCodeAt(0) === 0x29) return false;
  for (let i = 1; i <= 4 && i < line.length; i++) if (line.charCodeAt(i) === 0x29) return true;
  return false;
}

/** Recognise the structure marker at the start of a (normalised, trimmed) line, or null for plain text. */
export function matchMarker(line: string, kit: TextKit): MarkerMatch | null {
  if (line.length === 0) return null;
  const c = line.charCodeAt(0);
  if (c === 0x23) {
    let n = 1;
    while (n < line.length && line.charCodeAt(n) === 0x23) n++;
    if (n <= 6 && (n === line.length || isSpaceUnit(line.charCodeAt(n)))) {
      return { kind: 'heading', marker: line.slice(0, n), contentStart: skipSpaces(line, n), speech: false };
    }
    return null;
  }
  if (kit.symbolMarkers.has(c)) {
    return { kind: 'bullet', marker: line[0] ?? '', contentStart: skipSpaces(line, 1), speech: false };
  }
  if (kit.spacedMarkers.has(c) && (line.length === 1 || isSpaceUnit(line.charCodeAt(1)))) {
    // A letter marker ("o") alone on a line is a word, not a bullet.
    if (line.length === 1 && isLetterUnit(c)) return null;
    return { kind: 'bullet', marker: line[0] ?? '', contentStart: skipSpaces(line, 1), speech: kit.speechMarkers.has(c) };
  }
  // Numbering starts with a digit or "(", or is one to four letters and ")": skip the regex for everything else.
  if (!isDigitUnit(c) && c !== 0x28 && !closesWithinFour(line)) return null;
  const m = NUMBERING.exec(line);
  if (m) {
    const marker = m[0];
    const contentStart = skipSpaces(line, marker.length);
    // "29. oktober" is an ordinal date, not item 29.
    if (marker.endsWith('.')) {
      const word = FIRST_WORD.exec(line.slice(contentStart))?.[0]?.toLowerCase().replace(/\.$/, '');
      if (word !== undefined && (kit.months.has(word) || kit.months.has(`${word}.`))) return null;
    }
    return { kind: 'number', marker, contentStart, speech: false };
  }
  return null;
}
