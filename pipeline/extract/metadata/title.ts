import type { Block, MentionRecord, Span } from '../../document.ts';
import type { Lexicon } from '../../lexicon/load.ts';
import { alternation, filledCleanLines, isAllCapsLine } from '../actors/text.ts';
import { perLexicon } from '../scan/memo.ts';

/** The title found in the text, and the rule that found it. */
export interface FoundTitle {
  value: string;
  ruleId: string;
}

/** A cleaned line of the title area. */
export interface HeadLine {
  text: string;
  span: Span;
  raw: Span;
}

/** The title patterns, compiled once per lexicon. */
const patterns = perLexicon((lexicon: Lexicon['metadata']) => ({
  /** Label lines that are never the title ("Nyhet", "Del"). */
  skip: new RegExp(`^${alternation(lexicon.title.skipLines)}(?![\\p{L}])`, 'iu'),
  /** A word naming the document's kind ("samarbeidsavtale", "uttalelse"). */
  kinds: new RegExp(
    `(?<![\\p{L}])${alternation(lexicon.genre.cues.filter((c) => c.scope === 'title' && c.genre !== 'letter' && c.genre !== 'news').flatMap((c) => c.stems))}`,
    'iu',
  ),
  /** A line that continues the title ("og …", "mellom …"). */
  continuation: new RegExp(`^${alternation(lexicon.title.continuations)}(?![\\p{L}])`, 'iu'),
}));

// How many first lines may hold the title.
const HEAD_LINES = 8;

// The last title area read: genre and title both read the area of the same document.
let lastArea: { text: string; lexicon: Lexicon['metadata']; area: HeadLine[] } | null = null;

/** The title area: the first non-label lines up to the first line of running text (more than maxWords words). */
export function titleArea(text: string, lexicon: Lexicon['metadata']): HeadLine[] {
  if (lastArea === null || lastArea.text !== text || lastArea.lexicon !== lexicon) lastArea = { text, lexicon, area: readTitleArea(text, lexicon) };
  return lastArea.area;
}

function readTitleArea(text: string, lexicon: Lexicon['metadata']): HeadLine[] {
  const { skip } = patterns(lexicon);
  const all: HeadLine[] = [];
  for (const l of filledCleanLines(text)) {
    if (all.length === HEAD_LINES) break;
    if (!skip.test(l.text)) all.push(l);
  }
  const firstParagraph = all.findIndex((l) => l.text.split(/\s+/).length > lexicon.title.maxWords);
  return firstParagraph === -1 ? all : all.slice(0, firstParagraph);
}

/**
 * The title: a first line naming the document's kind ("SAMARBEIDSAVTALE MELLOM …", "Partiprogram 2025"),
 * else the first heading, else a short first line; never a byline. A title broken over lines is joined;
 * markdown is stripped; a title in capitals is re-cased, keeping abbreviations and the canonical spelling
 * of the actors it names.
 */
export function pickTitle(
  text: string,
  blocks: readonly Block[],
  mentions: readonly MentionRecord[],
  persons: ReadonlySet<string>,
  lexicon: Lexicon['metadata'],
  /** Offsets where a byline starts: a title joined with its byline ends there. */
  cuts: readonly number[] = [],
): FoundTitle | null {
  const { kinds } = patterns(lexicon);
  // A byline or signature ("Gunn Marit Helgesen, styreleder i KS") is not a title.
  const byline = (start: number) => mentions.some((m) => m.span.start === start && persons.has(m.actor));
  // A one-word line ("Uttalelse", "Helse") is a kicker or section label when a longer line follows.
  const area = titleArea(text, lexicon).filter((l) => !byline(l.span.start));
  const head = area.filter((l, i) => /\s/.test(l.text) || !area.slice(i + 1).some((n) => /\s/.test(n.text)));
  const title = (i: number, ruleId: string): FoundTitle => {
    const span = joined(head, i, lexicon);
    const cut = cuts.find((c) => c > span.start && c < span.end);
    return { value: tidy(text, cut === undefined ? span : { start: span.start, end: cut }, mentions), ruleId };
  };

  // A kind-naming line is a title, not a sentence that mentions the kind ("Uttalelsen ble vedtatt … 2021.").
  const named = head.findIndex((l) => kinds.test(l.text) && !/\.$/.test(l.text));
  if (named !== -1) return title(named, 'title-genre-line');
  const heading = blocks.find((b) => b.kind === 'heading' && !byline(b.span.start));
  const atHeading = head.findIndex((l) =>
    heading ? l.raw.start <= heading.span.start && heading.span.start <= l.raw.end : /^\s*#{1,6}\s/.test(text.slice(l.raw.start, l.raw.end)),
  );
  if (atHeading !== -1) return title(atHeading, 'title-heading');
  // A short first line that is one sentence at most: a news headline or a lead quote.
  const first = head[0];
  if (first && first.text.split(/[.!?]\s/).length === 1) return title(0, 'title-first-line');
  return null;
}

/** The span of line `i` and the lines after it that continue it (they start with "og", "mellom" …). */
function joined(head: readonly HeadLine[], i: number, lexicon: Lexicon['metadata']): Span {
  const cont = patterns(lexicon).continuation;
  const first = head[i] as HeadLine;
  let end = first.span.end;
  for (let j = i + 1; j < head.length && cont.test((head[j] as HeadLine).text); j++) end = (head[j] as HeadLine).span.end;
  return { start: first.span.start, end };
}

const MARKER = /[#\-•*]/;
const EMPHASIS = /[*_]/;

/** Strip markdown, web addresses and a trailing full stop; re-case a title written in capitals. */
function tidy(text: string, span: Span, mentions: readonly MentionRecord[]): string {
  let out = '';
  const shouting = isAllCapsLine(text, span.start);
  // A title in capitals is re-cased character by character; any other is taken as it stands.
  if (!shouting) out = text.slice(span.start, span.end);
  for (let i = shouting ? span.start : span.end; i < span.end; ) {
    const m = shouting ? mentions.find((x) => x.span.start === i && x.span.end <= span.end) : undefined;
    if (m) {
      const surface = text.slice(m.span.start, m.span.end);
      // Abbreviations keep their capitals; longer names take the actor's canonical spelling when it fits.
      out += surface.length <= 5 ? surface : m.actor.toLowerCase() === surface.toLowerCase().replace(/\s+/g, ' ') ? m.actor : surface.toLowerCase();
      i = m.span.end;
    } else {
      const ch = text[i] as string;
      out += shouting ? ch.toLowerCase() : ch;
      i++;
    }
  }
  // Each step runs only when the title holds what it takes out (most titles hold no markup and no address).
  if (out.includes('[')) out = out.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1');
  if (out.includes('/')) out = out.replace(/(?:https?:\/\/)?\S+\.(?:no|com|org|net|eu)\/\S*/g, '');
  if (MARKER.test(out)) out = out.replace(/(^|\n)\s*(?:#+|[-•*]+)\s*/g, '$1');
  if (EMPHASIS.test(out)) out = out.replace(/[*_]{1,3}/g, '');
  out = out
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.:]$/, '');
  return shouting ? out.charAt(0).toUpperCase() + out.slice(1) : out;
}
