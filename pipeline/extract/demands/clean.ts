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

const LINK = /\[([^\]]*)\]\([^)]*\)/g;
const EMPHASIS = /(\*\*|__)(.+?)\1/g;
const SPACES = /\s+/g;
// White space other than lone spaces: only then does collapsing it change the text.
const ODD_SPACE = /[^\S ]|\s\s/;

/**
 * Readable text of a span: markdown links and emphasis unwrapped, ligatures spelt out, whitespace collapsed. Each step
 * runs only when the text holds what it changes (most claims hold no markup).
 */
export function cleanText(raw: string): string {
  let s = LIGATURE.test(raw) ? raw.replace(LIGATURES, (ch) => ch.normalize('NFKC')) : raw;
  if (s.includes('[')) s = s.replace(LINK, '$1');
  if (s.includes('**') || s.includes('__')) s = s.replace(EMPHASIS, '$2');
  if (ODD_SPACE.test(s)) s = s.replace(SPACES, ' ');
  return s.trim();
}
