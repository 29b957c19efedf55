import type { Line } from './lines.ts';
import { matchMarker } from './markers.ts';
import { endsLikeLeadIn, type TextKit } from './rules.ts';

/** What a cleaned line is, for assembly. */
export const LineKind = {
  Text: 0,
  Blank: 1,
  /** Boilerplate or page furniture: left out of the text. */
  Dropped: 2,
  /** A list marker alone on its line (PDF extraction puts bullets apart from their items). */
  LoneMarker: 3,
} as const;

const NUMBER_ONLY = /^\d{1,5}$/;
const DIGITS = /\d+/g;
/** Lines longer than this are prose; the whole-line phrase tests are skipped for them. */
const BOILERPLATE_MAX = 300;

/**
 * Classify every line: text, blank, dropped (boilerplate, page numbers, running headers, lost-ligature debris) or
 * lone list marker.
 */
export function classifyLines(lines: readonly Line[], pages: number, kit: TextKit): Uint8Array {
  const kinds = new Uint8Array(lines.length);
  lines.forEach((line, i) => {
    const t = line.text;
    if (t.length === 0) kinds[i] = LineKind.Blank;
    else if (t.length <= BOILERPLATE_MAX && kit.isBoilerplate(t)) kinds[i] = LineKind.Dropped;
    else if (kit.isFurniture(t)) kinds[i] = LineKind.Dropped;
    else {
      const m = matchMarker(t, kit);
      if (m !== null && m.kind !== 'heading' && m.contentStart >= t.length) kinds[i] = LineKind.LoneMarker;
    }
  });
  dropLineNumbers(lines, kinds);
  dropLigatureDebris(lines, kinds, kit);
  if (pages >= kit.runningHeader.minRepeats) dropRunningHeaders(lines, kinds, pages, kit);
  return kinds;
}

/**
 * Numbered lines ("1234" alone, as in line-numbered party programmes) beyond the page-number pattern: a number-only
 * line is furniture when a nearby number-only line continues the sequence. A lone "2025" stays.
 */
function dropLineNumbers(lines: readonly Line[], kinds: Uint8Array): void {
  const numbered: number[] = [];
  lines.forEach((line, i) => {
    if (kinds[i] !== LineKind.Blank && NUMBER_ONLY.test(line.text)) numbered.push(i);
  });
  const value = (k: number): number => Number(lines[numbered[k] ?? 0]?.text ?? NaN);
  // Whether the numbered line m lies near the numbered line k and its number is 1 to 3 away.
  const near = (k: number, m: number): boolean => {
    const i = numbered[k] ?? 0;
    const j = numbered[m];
    if (j === undefined || Math.abs(j - i) > 6) return false;
    const d = Math.abs(value(m) - value(k));
    return d >= 1 && d <= 3;
  };
  for (let k = 0; k < numbered.length; k++) {
    if (near(k, k - 1) || near(k, k + 1)) kinds[numbered[k] ?? 0] = LineKind.Dropped;
  }
}

/** A line made only of ligature letter groups ("ti", "tt ff"): what a glyph without a text mapping prints. */
function isLigatureDebris(text: string, kit: TextKit): boolean {
  const { fragments, maxPerLine } = kit.lostLigatures;
  if (text.length > 4 * maxPerLine) return false;
  const parts = text.split(' ');
  return parts.length <= maxPerLine && parts.every((p) => fragments.has(p));
}

/**
 * The stray lines a font's unmapped ligature glyphs leave at page ends ("ti", "tt", "ft", each between blank
 * lines), which would otherwise be glued onto the page's last sentence. Dropped only when the document has many of
 * them (a lone "ti" is the numeral) and only where they stand apart: each neighbour is blank, dropped, another such
 * line or the edge of the document, so a line of running text is never touched.
 */
function dropLigatureDebris(lines: readonly Line[], kinds: Uint8Array, kit: TextKit): void {
  const debris = new Set<number>();
  lines.forEach((line, i) => {
    if (kinds[i] === LineKind.Text && isLigatureDebris(line.text, kit)) debris.add(i);
  });
  if (debris.size < kit.lostLigatures.minLines) return;
  const apart = (j: number): boolean =>
    j < 0 || j >= lines.length || kinds[j] === LineKind.Blank || kinds[j] === LineKind.Dropped || debris.has(j);
  for (const i of debris) if (apart(i - 1) && apart(i + 1)) kinds[i] = LineKind.Dropped;
}

/**
 * Running headers and footers: a short line that recurs at the top or bottom of many pages (at least `minRepeats`
 * and `minPageShare` of them) and seldom elsewhere, or a banner that recurs at most once a page on many pages
 * (`bannerMinPageShare`) and sits at a page edge at least `bannerBoundaryShare` of the time. Digits are ignored when
 * comparing ("Program 2025–2029 · 14"). Lead-ins ("X vil:", "Partiet Sentrum vil") are kept, since a party programme repeats them on many pages.
 */
function dropRunningHeaders(lines: readonly Line[], kinds: Uint8Array, pages: number, kit: TextKit): void {
  const { maxLength, minRepeats, boundaryShare, minPageShare } = kit.runningHeader;
  const { bannerBoundaryShare, bannerMinPageShare } = kit.runningHeader;
  const repeats = Math.max(minRepeats, Math.ceil(minPageShare * pages));
  const bannerRepeats = Math.max(minRepeats, Math.ceil(bannerMinPageShare * pages));
  const keyOf = (i: number): string | null => {
    const line = lines[i];
    if (line === undefined || kinds[i] !== LineKind.Text) return null;
    const t = line.text;
    if (t.length > maxLength || t.endsWith(':') || endsLikeLeadIn(t, kit)) return null;
    return t.replace(DIGITS, '0');
  };
  const total = new Map<string, number>();
  // Keys seen twice on one page, which no page banner is.
  const twice = new Set<string>();
  const lastPage = new Map<string, number>();
  lines.forEach((line, i) => {
    const k = keyOf(i);
    if (k === null) return;
    total.set(k, (total.get(k) ?? 0) + 1);
    if (lastPage.get(k) === line.page) twice.add(k);
    lastPage.set(k, line.page);
  });
  // The first two and last two text lines of every page.
  const boundary: number[] = [];
  let pageStart = 0;
  for (let i = 0; i <= lines.length; i++) {
    const line = lines[i];
    if (line !== undefined && line.page === lines[pageStart]?.page) continue;
    const text: number[] = [];
    for (let j = pageStart; j < i; j++) if (kinds[j] === LineKind.Text) text.push(j);
    const edge = text.length <= 4 ? text : [...text.slice(0, 2), ...text.slice(-2)];
    boundary.push(...edge);
    pageStart = i;
  }
  const atBoundary = new Map<string, number[]>();
  for (const i of boundary) {
    const k = keyOf(i);
    if (k === null) continue;
    const list = atBoundary.get(k);
    if (list) list.push(i);
    else atBoundary.set(k, [i]);
  }
  for (const [k, list] of atBoundary) {
    const all = total.get(k) ?? 0;
    if (list.length >= repeats && list.length >= boundaryShare * all) {
      for (const i of list) kinds[i] = LineKind.Dropped;
    } else if (!twice.has(k) && all >= bannerRepeats && list.length >= bannerBoundaryShare * all) {
      // A banner printed once on many pages, which the converter put mid-page about as often as at an edge.
      lines.forEach((_, i) => {
        if (keyOf(i) === k) kinds[i] = LineKind.Dropped;
      });
    }
  }
}
