import type { MappedBuffer } from './buffer.ts';
import { LineKind } from './furniture.ts';
import { joinKind } from './join.ts';
import type { LineTable } from './lines.ts';
import { matchMarker } from './markers.ts';
import { continuesWithName, countWordUse, type WordUse } from './names.ts';
import type { TextKit } from './rules.ts';

/**
 * Lay the kept lines out as the normalised text: one block per line, blocks separated by "\n", lines broken
 * mid-sentence joined with a space (or without one, for hyphenation), each separator mapped to the source
 * whitespace it replaces. A capitalised line joins the one before when it continues the sentence with a name
 * (names.ts), which takes the whole document's word use as evidence.
 *
 * Lone list markers: PDF extraction often writes a list's bullets as a run of "•" lines before the items
 * ("•\n•\n•\n\nFirst item…\nSecond item…"). Each item that starts a new block after such a run takes the next
 * marker of the run, so segment sees a bullet list; markers still unused when the items stop (at the next blank or
 * dropped line) are discarded rather than handed to unrelated text. When the run sits right before its item the map stays in source
 * order; otherwise the marker unit maps back to its own "•" earlier in the source. Markers are never part of a block
 * or sentence span, so every span still maps to one contiguous, exact source range. Writes into `out` (emptied
 * first) and returns it.
 */
export function assemble(table: LineTable, kinds: Uint8Array, kit: TextKit, out: MappedBuffer): MappedBuffer {
  const { lines, clean } = table;
  out.reset(clean.length + 64);
  const queue: number[] = [];
  let queueHead = 0;
  let lastWasMarker = false;
  /** Items of the current marker run have begun (so the next gap ends them). */
  let itemsStarted = false;
  let markerSincePrev = false;
  let prev = -1;
  let prevIsHeading = false;
  let prevAdjacent = true;
  /** Where the content of the current block starts in `out`. */
  let blockStart = 0;
  /** Counted on the first line that needs it: most documents never do. */
  let use: WordUse | null = null;

  for (let i = 0; i < lines.length; i++) {
    const kind = kinds[i];
    const line = lines[i];
    if (line === undefined || kind === LineKind.Blank || kind === LineKind.Dropped) {
      prevAdjacent = false;
      // The items of a marker run are contiguous lines; markers left over at the first gap do not line up.
      if (itemsStarted) {
        queue.length = 0;
        queueHead = 0;
        itemsStarted = false;
      }
      continue;
    }
    if (kind === LineKind.LoneMarker) {
      if (!lastWasMarker) {
        queue.length = 0;
        queueHead = 0;
        itemsStarted = false;
      }
      queue.push(i);
      lastWasMarker = true;
      markerSincePrev = true;
      continue;
    }
    lastWasMarker = false;
    if (queueHead < queue.length) itemsStarted = true;
    const marker = matchMarker(line.text, kit);
    const previous = lines[prev];
    const continuable = previous !== undefined && !markerSincePrev && marker === null && !prevIsHeading;
    const before = continuable ? { text: previous.text, softHyphen: previous.softHyphen, softWrap: previous.trailingSpace } : null;
    let join = before === null ? null : joinKind(before, line.text, prevAdjacent, kit);
    // "… fra FNs" / "Høykommissær for …": a capitalised line that continues the sentence with a name.
    if (join === null && continuable && prevAdjacent) {
      use ??= countWordUse(lines, kinds, kit);
      if (continuesWithName(() => out.text(blockStart, out.length), previous.text, line.text, use, kit)) join = 'space';
    }
    const firstFrom = clean.start[line.a] ?? line.from;

    if (join !== null) {
      const gapFrom = out.end[out.length - 1] ?? firstFrom;
      if (join === 'dehyphenate') out.length -= 1;
      else if (join === 'space') out.push(0x20, gapFrom, firstFrom);
    } else {
      if (marker !== null) {
        // An item with its own marker, or a heading: a pending run of lone markers no longer lines up.
        queue.length = 0;
        queueHead = 0;
      }
      const gapFrom = out.length > 0 ? (out.end[out.length - 1] ?? 0) : firstFrom;
      const pending = queueHead < queue.length ? lines[queue[queueHead] ?? -1] : undefined;
      if (pending !== undefined) {
        queueHead++;
        const markerFrom = clean.start[pending.a] ?? pending.from;
        const markerTo = clean.end[pending.b - 1] ?? pending.to;
        const inOrder = (out.length === 0 || markerFrom >= gapFrom) && markerTo <= firstFrom;
        if (out.length > 0) out.push(0x0a, gapFrom, inOrder ? markerFrom : firstFrom);
        out.copyFrom(clean, pending.a, pending.b);
        // The space after the marker stands for the line break before the item.
        out.push(0x20, inOrder ? markerTo : Math.max(0, line.from - 1), firstFrom);
      } else if (out.length > 0) {
        out.push(0x0a, gapFrom, firstFrom);
      }
      blockStart = out.length + (marker?.contentStart ?? 0);
    }
    out.copyFrom(clean, line.a, line.b);
    prev = i;
    prevIsHeading = marker?.kind === 'heading';
    prevAdjacent = true;
    markerSincePrev = false;
  }
  return out;
}
