import type { TextRules } from '../lexicon/text.schema.ts';
import type { z } from 'zod';
import type { CalendarLexicon } from '../lexicon/calendar.schema.ts';
import { escapeRegExp } from '../regexp.ts';

type CalendarRules = z.infer<typeof CalendarLexicon>;

/** The text lexicon compiled once into lookup structures for the hot loops of normalise and segment. */
export interface TextKit {
  /** Whether a line is web boilerplate (navigation, sharing, cookie notices): any of the whole-line tests matches. */
  isBoilerplate: (line: string) => boolean;
  /** Whether a line is PDF page furniture (page numbers, contents leaders, rules): any of the whole-line tests matches. */
  isFurniture: (line: string) => boolean;
  runningHeader: {
    minRepeats: number;
    maxLength: number;
    boundaryShare: number;
    minPageShare: number;
    bannerBoundaryShare: number;
    bannerMinPageShare: number;
  };
  /** Ligature code unit → replacement letters. */
  ligatures: Map<number, string>;
  /** Stray lines that ligature glyphs without a text mapping leave (see text.yaml `typography.lostLigatures`). */
  lostLigatures: { fragments: Set<string>; maxPerLine: number; minLines: number };
  /** Bullet symbols that mark an item even when glued to the text. */
  symbolMarkers: Set<number>;
  /** Characters that mark an item only when a space follows. */
  spacedMarkers: Set<number>;
  /** Markers that open direct speech in news text. */
  speechMarkers: Set<number>;
  headings: TextRules['headings'];
  /** Lower-cased line endings that make a short line a lead-in, not a heading. */
  leadInEndings: string[];
  connectors: Set<string>;
  suspendedFollowers: Set<string>;
  nonFinalAbbreviations: Set<string>;
  mayEndAbbreviations: Set<string>;
  months: Set<string>;
}


const codes = (chars: readonly string[]): Set<number> => new Set(chars.map((c) => c.charCodeAt(0)));

/** Phrases may be chained on one line ("Gå til hovedinnhold Gå til navigasjon"), separated by spaces or | · • /. */
function phraseLineRegex(phrases: readonly string[]): RegExp {
  // Longest first, so that "Del på Facebook" is tried before "Del".
  const alternatives = [...new Set(phrases)]
    .sort((a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0))
    .map((p) => escapeRegExp(p).replace(/ /g, '\\s+'));
  const one = `(?:${alternatives.join('|')})`;
  return new RegExp(`^${one}(?:\\s*[|·•/]\\s*${one}|\\s+${one})*$`, 'iu');
}

// A backreference (its number would shift) or a named group (a name may not repeat) keeps a regex out of a union.
const UNION_UNSAFE = /\\[1-9]|\\k<|\(\?<(?![=!])/;

/**
 * One test for "any of these case-insensitive Unicode regexes matches": a single alternation when they combine
 * safely, which costs one regex call per line instead of one per pattern; else each in turn.
 */
function anyOf(regexes: readonly RegExp[]): (line: string) => boolean {
  if (regexes.length === 0) return () => false;
  if (regexes.every((r) => r.flags === 'iu' && !UNION_UNSAFE.test(r.source))) {
    const union = new RegExp(regexes.map((r) => `(?:${r.source})`).join('|'), 'iu');
    return (line) => union.test(line);
  }
  return (line) => regexes.some((r) => r.test(line));
}

const cache = new WeakMap<TextRules, TextKit>();

/**
 * Compile (once per loaded lexicon) the text rules used by normalise and segment. Month names come from the
 * calendar lexicon (names, and abbreviations with their dot), so that knowledge lives in one place.
 */
export function textKit(rules: TextRules, calendar: CalendarRules): TextKit {
  const hit = cache.get(rules);
  if (hit) return hit;
  const kit: TextKit = {
    isBoilerplate: anyOf([
      ...(rules.boilerplate.phrases.length > 0 ? [phraseLineRegex(rules.boilerplate.phrases)] : []),
      ...rules.boilerplate.patterns.map((p) => new RegExp(p, 'iu')),
    ]),
    isFurniture: anyOf(rules.pageFurniture.patterns.map((p) => new RegExp(p, 'iu'))),
    runningHeader: {
      minRepeats: rules.pageFurniture.runningHeaderMinRepeats,
      maxLength: rules.pageFurniture.runningHeaderMaxLength,
      boundaryShare: rules.pageFurniture.runningHeaderBoundaryShare,
      minPageShare: rules.pageFurniture.runningHeaderMinPageShare,
      bannerBoundaryShare: rules.pageFurniture.bannerBoundaryShare,
      bannerMinPageShare: rules.pageFurniture.bannerMinPageShare,
    },
    ligatures: new Map(Object.entries(rules.typography.ligatures).map(([k, v]) => [k.charCodeAt(0), v])),
    lostLigatures: {
      fragments: new Set(rules.typography.lostLigatures.fragments),
      maxPerLine: rules.typography.lostLigatures.maxPerLine,
      minLines: rules.typography.lostLigatures.minLines,
    },
    symbolMarkers: codes(rules.lists.symbols),
    spacedMarkers: codes(rules.lists.spaced),
    speechMarkers: codes(rules.lists.speech),
    headings: rules.headings,
    leadInEndings: rules.headings.leadInEndings,
    connectors: new Set(rules.continuation.connectors),
    suspendedFollowers: new Set(rules.continuation.suspendedCompoundFollowers),
    nonFinalAbbreviations: new Set(rules.abbreviations.nonFinal),
    mayEndAbbreviations: new Set(rules.abbreviations.mayEndSentence),
    months: new Set(calendar.months.flatMap((m) => [...m.names, ...m.abbreviations.map((a) => `${a}.`)])),
  };
  cache.set(rules, kit);
  return kit;
}

/** Whether a line ends like a lead-in to a list ("SV vil", "Partiet Sentrum ønsker"): a whole ending word or phrase. */
export function endsLikeLeadIn(t: string, kit: TextKit): boolean {
  const lower = t.toLowerCase();
  return kit.leadInEndings.some((e) => lower === e || (lower.endsWith(e) && lower.charCodeAt(lower.length - e.length - 1) === 0x20));
}
