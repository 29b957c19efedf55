import type { DateRecord } from '../../document.ts';
import type { Lexicon } from '../../lexicon/load.ts';
import { type CleanLine, alternation, cleanLine, filledCleanLines, lineAt } from '../actors/text.ts';
import { perLexicon, perLexicons } from '../scan/memo.ts';

/** The date record chosen as the document's own date, and the rule that chose it. */
export interface OwnDate {
  index: number;
  ruleId: string;
  confidence: number;
}

// A date alone on a line counts as the document's date only near the top or the bottom of the text.
const HEAD_LINES = 3;
const TAIL_LINES = 5;
// A place-and-date line without the comma needs a signature this many lines below it ("Lyngdal 3. mars 2023" / "For …" / name).
const SIGNATURE_REACH = 3;

/** The date-cue patterns, compiled once per lexicon and lists of body words and places. */
const cuePatterns = perLexicons((lexicon: Lexicon['metadata'], bodyWords: readonly string[]) =>
  perLexicon((places: readonly string[]) => {
    const cue = lexicon.date;
    // "Oslo, 3. mars 2022", "Arendal, den 3. mars 2022" (a place of one to three words and a comma), or a known place
    // without the comma; right above the signatures also an unknown one ("Lyngdal 3. mars 2022").
    const den = `(?:\\s*${alternation(cue.placeDateWords)})?`;
    return {
      // "Dato: 3. mars", "Publisert 3. juni", "Publisert: mandag 3. juni", "Sted og dato: Lyngdal 3. juni": at most one
      // word between label and date.
      label: new RegExp(`(?<![\\p{L}])${alternation(cue.labels)}\\s*:?\\s*(?:\\p{L}+,?\\s+)?$`, 'iu'),
      adoption: new RegExp(`(?<![\\p{L}])${alternation(cue.adoption)}(?![\\p{L}])`, 'iu'),
      docNoun: new RegExp(`(?<![\\p{L}])${alternation(cue.documentNouns)}(?![\\p{L}])`, 'iu'),
      body: new RegExp(`(?<![\\p{L}])${alternation(bodyWords)}`, 'iu'),
      placeLine: new RegExp(`^(?:\\p{Lu}[\\p{L}.-]*(?: [\\p{L}.-]+){0,2},|${alternation(places)})${den}\\s*$`, 'u'),
      barePlaceLine: new RegExp(`^\\p{Lu}\\p{Ll}+(?:[ -]\\p{Lu}?\\p{Ll}+){0,2}${den}\\s+$`, 'u'),
    };
  }),
);

/** A byline line ("Av Kari Holm"); compiled once per list of labels. */
const bylinePattern = perLexicon((labels: readonly string[]) => new RegExp(`^${alternation(labels)}:?\\s+\\p{Lu}`, 'u'));

/**
 * The document's own date among the dates found: one after a label ("Dato:", "Publisert"), in a
 * sentence saying the text was adopted or signed ("Uttalelsen ble vedtatt … 29. oktober 2021",
 * "Vedtatt på landsmøtet …"), on a place-and-date line ("Oslo, 3. mars 2022"), or alone on a line
 * at the top or bottom of the text, next to a byline or right above a signature. Stronger rules win; within a rule, the first date.
 */
export function pickOwnDate(
  text: string,
  dates: readonly DateRecord[],
  lexicon: Lexicon['metadata'],
  bodyWords: readonly string[],
  places: readonly string[],
  around: {
    /** Where person mentions start: a date alone on the line above a name is the date of the signatures. */
    persons?: readonly number[];
    /** Words that open a byline ("Av"): a date alone next to the byline is the publication date. */
    bylineLabels?: readonly string[];
  } = {},
): OwnDate | null {
  const cue = lexicon.date;
  const { label, adoption, docNoun, body, placeLine, barePlaceLine } = cuePatterns(lexicon, bodyWords)(places);
  const filled = filledCleanLines(text);
  const nonEmpty = filled.map((l) => l.raw);
  const edge = new Set([...nonEmpty.slice(0, HEAD_LINES), ...nonEmpty.slice(-TAIL_LINES)].map((l) => l.start));
  // Nothing after the date but a full stop, or the same place and date again (two signature columns on one line).
  const restOfPlaceLine = (d: DateRecord, lineEnd: number): boolean => {
    if (/^[\s.]*$/.test(text.slice(d.span.end, lineEnd))) return true;
    const twin = dates.find((x) => x.value === d.value && x.span.start > d.span.end && x.span.end <= lineEnd);
    return twin !== undefined && placeLine.test(text.slice(d.span.end, twin.span.start).trim() + ' ') && /^[\s.]*$/.test(text.slice(twin.span.end, lineEnd));
  };
  // Above the signatures ("22. oktober 2024" / "Ane Breivik") in the closing half, however much page furniture follows.
  const names = new Set(around.persons ?? []);
  const signed = new Set<number>();
  nonEmpty.forEach((l, i) => {
    if (l.start < text.length / 2) return;
    // The lines below as cleanLine leaves them (filledCleanLines holds each line cleaned already).
    const below = filled.slice(i + 1, i + 1 + SIGNATURE_REACH).map((n) => n.span.start);
    if (below[0] !== undefined && names.has(below[0])) edge.add(l.start);
    if (below.some((b) => names.has(b))) signed.add(l.start);
  });
  // Next to a byline ("Av Kari Holm" / "12.05.2024"), wherever the page's navigation put it.
  const labels = around.bylineLabels ?? [];
  if (labels.length > 0) {
    const byline = bylinePattern(labels);
    nonEmpty.forEach((l, i) => {
      if (!byline.test((filled[i] as CleanLine).text)) return;
      for (const n of [nonEmpty[i - 1], nonEmpty[i + 1]]) if (n) edge.add(n.start);
    });
  }

  const rules: { ruleId: string; confidence: number; test: (d: DateRecord) => boolean }[] = [
    {
      ruleId: 'date-document-label',
      confidence: 0.95,
      test: (d) => {
        const before = text.slice(Math.max(lineAt(text, d.span.start).start, d.span.start - cue.maxGap), d.span.start);
        return label.test(before);
      },
    },
    {
      ruleId: 'date-document-adopted',
      confidence: 0.85,
      test: (d) => {
        const sentence = sentenceBefore(text, d.span.start);
        const m = adoption.exec(sentence);
        if (!m) return false;
        const between = sentence.slice(m.index + m[0].length);
        const lead = sentence.slice(0, m.index);
        // The adoption must be the text's own: the sentence opens with the cue, names the document, or a body adopted it.
        return between.length <= cue.maxGap && (lead.trim() === '' || docNoun.test(lead) || body.test(between));
      },
    },
    {
      ruleId: 'date-document-place-line',
      confidence: 0.85,
      test: (d) => {
        const line = lineAt(text, d.span.start);
        const before = text.slice(line.start, d.span.start);
        const placed = placeLine.test(before) || (signed.has(line.start) && barePlaceLine.test(before));
        return placed && restOfPlaceLine(d, line.end);
      },
    },
    {
      ruleId: 'date-document-alone',
      confidence: 0.6,
      test: (d) => {
        const line = lineAt(text, d.span.start);
        const clean = cleanLine(text, line);
        return d.precision !== 'year' && edge.has(line.start) && clean.span.start === d.span.start && /^[\s.]*$/.test(text.slice(d.span.end, clean.span.end));
      },
    },
  ];
  for (const rule of rules) {
    const index = dates.findIndex(rule.test);
    if (index !== -1) return { index, ruleId: rule.ruleId, confidence: rule.confidence };
  }
  return null;
}

/** The sentence text from its start up to `offset`. */
function sentenceBefore(text: string, offset: number): string {
  let i = offset - 1;
  while (i >= 0 && !'.!?\n'.includes(text[i] as string)) i--;
  // A full stop inside a date ("29.10.") or after an ordinal ("29. oktober") does not end a sentence.
  while (i > 0 && text[i] === '.' && /\d/.test(text[i - 1] as string)) {
    i--;
    while (i >= 0 && !'.!?\n'.includes(text[i] as string)) i--;
  }
  return text.slice(i + 1, offset);
}
