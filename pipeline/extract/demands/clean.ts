import type { Span } from '../../document.ts';

// List dashes, bullets and quote dashes that may open a unit; never part of the claim.
const LEADING = /^[\s\-–—•·*▪◦‣>]+/u;

/** The span without leading list or quote dashes and without surrounding whitespace. */
export function trimSpan(text: string, span: Span): Span {
  const slice = text.slice(span.start, span.end);
  const lead = LEADING.exec(slice)?.[0].length ?? 0;
  const trail = slice.length - slice.trimEnd().length;
  return { start: span.start + lead, end: Math.max(span.start + lead, span.end - trail) };
}

// Compatibility ligatures (ﬁ, ﬂ, ﬀ …) that PDF text keeps as single characters; readers and searches expect letters.
const LIGATURES = /[\uFB00-\uFB06]/gu;
const LIGATURE = /[\uFB00-\uFB06]/u;

/** Readable text of a span: markdown links and emphasis unwrapped, ligatures spelt out, whitespace collapsed. */
export function cleanText(raw: string): string {
  return (LIGATURE.test(raw) ? raw.replace(LIGATURES, (ch) => ch.normalize('NFKC')) : raw)
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/\s+/g, ' ')
    .trim();
}
