import type { Block } from '../document.ts';
import { isSpaceUnit } from '../normalise/chars.ts';
import { matchMarker } from '../normalise/markers.ts';
import type { TextKit } from '../normalise/rules.ts';
import { isAllCapsTitle, isShortTitle } from '../normalise/line-shape.ts';

/** A line before heading decisions: its span, marker and what its shape allows. */
interface Draft {
  kind: Block['kind'];
  span: { start: number; end: number };
  marker: string | null;
  /** A plain line (no marker) that may turn out to be a heading. */
  plain: boolean;
  /** A plain line shaped like a heading or title. */
  titleShaped: boolean;
  allCaps: boolean;
}

/** One draft per non-empty line of the text, markers split off. */
function draftLines(text: string, kit: TextKit): Draft[] {
  const drafts: Draft[] = [];
  let from = 0;
  while (from <= text.length) {
    let to = text.indexOf('\n', from);
    if (to < 0) to = text.length;
    // Normalised text has trimmed lines; trimming again keeps segment correct on any input.
    let a = from;
    let b = to;
    while (a < b && isSpaceUnit(text.charCodeAt(a))) a++;
    while (b > a && isSpaceUnit(text.charCodeAt(b - 1))) b--;
    if (a < b) drafts.push(draft(text, a, b, kit));
    from = to + 1;
  }
  return drafts;
}

function draft(text: string, a: number, b: number, kit: TextKit): Draft {
  const line = text.slice(a, b);
  const m = matchMarker(line, kit);
  const whole = { kind: 'paragraph' as const, span: { start: a, end: b }, marker: null, plain: true, titleShaped: false, allCaps: false };
  if (m === null || m.contentStart >= line.length) {
    const allCaps = isAllCapsTitle(line, kit);
    return { ...whole, allCaps, titleShaped: allCaps || isShortTitle(line, kit) };
  }
  const span = { start: a + m.contentStart, end: b };
  if (m.kind === 'heading') return { kind: 'heading', span, marker: m.marker, plain: false, titleShaped: true, allCaps: false };
  // "1. VÅRE LØSNINGER": a numbered chapter title, not a list item.
  const kind = m.kind === 'number' && isAllCapsTitle(line.slice(m.contentStart), kit) ? 'heading' : 'bullet';
  return { kind, span, marker: m.marker, plain: false, titleShaped: kind === 'heading', allCaps: false };
}

/**
 * Split the normalised text into blocks, one per line: markdown and shape headings, bullets (marker kept apart
 * from the span) and paragraphs, each linked to its nearest heading and, for bullets, to its lead-in.
 */
export function findBlocks(text: string, kit: TextKit): Block[] {
  const drafts = draftLines(text, kit);
  const kinds = drafts.map((d) => d.kind);
  // A run of short plain lines followed by body text: one or two lines are headings (chapter + section); in a
  // longer run (an unmarked list, an address, a signature) only the last one is.
  for (let i = 0; i < drafts.length; ) {
    if (!isTitleLine(drafts[i])) {
      i++;
      continue;
    }
    let j = i;
    while (isTitleLine(drafts[j + 1])) j++;
    const next = drafts[j + 1];
    if (next !== undefined && next.kind !== 'heading') {
      for (let k = j - i < 2 ? i : j; k <= j; k++) kinds[k] = 'heading';
    }
    for (let k = i; k <= j; k++) if (drafts[k]?.allCaps) kinds[k] = 'heading';
    i = j + 1;
  }
  const blocks: Block[] = [];
  let heading: number | null = null;
  let nonBullet: number | null = null;
  drafts.forEach((d, i) => {
    const kind = kinds[i] ?? d.kind;
    blocks.push({ kind, span: d.span, marker: d.marker, heading, leadIn: kind === 'bullet' ? nonBullet : null });
    if (kind === 'heading') heading = i;
    if (kind !== 'bullet') nonBullet = i;
  });
  return blocks;
}

const isTitleLine = (d: Draft | undefined): boolean => d !== undefined && d.plain && d.titleShaped;
