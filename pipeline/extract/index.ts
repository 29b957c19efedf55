import type { Context } from '../context.ts';
import type { ExtractedDoc, SegmentedDoc } from '../document.ts';
import { findActors } from './actors/index.ts';
import { findDates } from './dates/index.ts';
import { findMetadata } from './metadata/index.ts';
import { findProposers } from './metadata/proposers.ts';
import { findDemands } from './demands/index.ts';
import { readLayout } from './demands/layout.ts';
import { message, positionAt } from '../messages.ts';

/**
 * Extract stage: actors and their mentions, calendar expressions, document metadata (title, own date,
 * publisher, genre) and demands. Order matters: metadata picks the document date from the dates and the
 * publisher from the actors (a proposal's from its listed proposers); demands need the publisher, the genre, the
 * proposers and the actors for claimants and addressees.
 */
export function extract(doc: SegmentedDoc, ctx: Context): ExtractedDoc {
  const found = findActors(doc, ctx);
  const dates = findDates(doc, ctx);
  const proposers = findProposers(doc.text, found.mentions, found.actors, ctx.lexicon.metadata.proposers.markers);
  const meta = findMetadata(doc, { actors: found.actors, mentions: found.mentions, dates, proposers }, ctx);
  const demands = findDemands(doc, { actors: meta.actors, mentions: found.mentions, info: meta.info, proposers }, ctx);
  return {
    ...doc,
    info: meta.info,
    actors: meta.actors,
    mentions: found.mentions,
    dates: meta.dates,
    demands,
    messages: [...doc.messages, ...meta.messages, ...ocrNotes(doc, meta.dates), ...layoutNotes(doc)],
  };
}

/** A warning when the text interleaves two columns, so a curator knows why few demands came from there. */
function layoutNotes(doc: SegmentedDoc) {
  const layout = readLayout(doc);
  if (layout.firstInterleaved === null) return [];
  return [
    message('layout-interleaved', `${layout.interleavedLines} source lines alternate between two columns; demands there are read only from whole one-line sentences`, {
      stage: 'extract',
      file: doc.file,
      position: positionAt(doc.source, layout.firstInterleaved),
    }),
  ];
}

/** An info message per date recovered from OCR-garbled characters, so a curator can check each one. */
function ocrNotes(doc: SegmentedDoc, dates: ExtractedDoc['dates']) {
  return dates
    .filter((d) => d.ocr)
    .map((d) => {
      const at = doc.map.start[d.span.start] ?? 0;
      return message('ocr-date-recovered', `"${doc.text.slice(d.span.start, d.span.end)}" read as ${d.value}`, {
        stage: 'extract',
        file: doc.file,
        position: positionAt(doc.source, at),
      });
    });
}
