import type { Block, MentionRecord, Span } from '../../document.ts';
import type { Lexicon } from '../../lexicon/load.ts';
import { alternation, cleanLine, isAllCapsLine, lines } from '../actors/text.ts';

/** The title found in the text, and the rule that found it. */
export interface FoundTitle {
  value: string;
  ruleId: string;
}

// How many first lines may hold the title.
const HEAD_LINES = 8;

/**
 * The title: a first line naming the document's kind ("SAMARBEIDSAVTALE MELLOM …", "Partiprogram 2025"),
 * else the first heading, else a short first line. Markdown is stripped; a title in capitals is
 * re-cased, keeping abbreviations and the canonical spelling of the actors it names.
 */
export function pickTitle(
  text: string,
  blocks: readonly Block[],
  mentions: readonly MentionRecord[],
  lexicon: Lexicon['metadata'],
): FoundTitle | null {
  const skip = new RegExp(`^${alternation(lexicon.title.skipLines)}(?![\\p{L}])`, 'iu');
  const kinds = new RegExp(
    `(?<![\\p{L}])${alternation(lexicon.genre.cues.filter((c) => c.scope === 'title' && c.genre !== 'letter' && c.genre !== 'news').flatMap((c) => c.stems))}`,
    'iu',
  );
  const head = lines(text)
    .map((l) => ({ ...cleanLine(text, l), raw: l }))
    .filter((l) => l.text !== '' && !skip.test(l.text))
    .slice(0, HEAD_LINES);
  const short = (s: string) => s.split(/\s+/).length <= lexicon.title.maxWords;

  const named = head.find((l) => kinds.test(l.text) && short(l.text));
  if (named) return { value: tidy(text, named.span, mentions), ruleId: 'title-genre-line' };

  const heading = blocks.find((b) => b.kind === 'heading');
  const headingSpan = heading ? heading.span : head.find((l) => /^\s*#{1,6}\s/.test(text.slice(l.raw.start, l.raw.end)))?.span;
  if (headingSpan && head.some((l) => l.span.start <= headingSpan.start && headingSpan.start < l.raw.end + 1)) {
    return { value: tidy(text, headingSpan, mentions), ruleId: 'title-heading' };
  }
  const first = head[0];
  // A short first line that is one sentence at most: a news headline or a lead quote.
  if (first && short(first.text) && first.text.split(/[.!?]\s/).length === 1) {
    return { value: tidy(text, first.span, mentions), ruleId: 'title-first-line' };
  }
  return null;
}

/** Strip markdown and trailing full stop; re-case a title written in capitals. */
function tidy(text: string, span: Span, mentions: readonly MentionRecord[]): string {
  let out = '';
  const shouting = isAllCapsLine(text, span.start);
  for (let i = span.start; i < span.end; ) {
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
  out = out
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^#+\s*/, '')
    .replace(/[*_]{1,3}/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.:]$/, '');
  return shouting ? out.charAt(0).toUpperCase() + out.slice(1) : out;
}
