import { z } from 'zod';

/** A regular expression source that compiles with the `u` flag (checked on load, so a typo stops the build). */
const RegexSource = z.string().min(1).refine(
  (s) => {
    try {
      new RegExp(s, 'u');
      return true;
    } catch {
      return false;
    }
  },
  { message: 'not a valid regular expression' },
);

/** A lower-case word or abbreviation, compared case-insensitively. */
const Word = z.string().min(1).refine((s) => s === s.toLowerCase() && s.trim() === s, { message: 'must be lower case and trimmed' });

/** Shape of text.yaml: how Norwegian documents lay out text (boilerplate, page furniture, lists, headings, sentences). */
export const TextLexicon = z.object({
  boilerplate: z.object({
    /** Navigation and sharing phrases; a line made only of these (in any number) is dropped. */
    phrases: z.array(z.string().min(1)),
    /** Whole-line patterns (case-insensitive) for longer notices such as cookie banners; matching lines are dropped. */
    patterns: z.array(RegexSource),
  }),
  pageFurniture: z.object({
    /** Whole-line patterns (case-insensitive) for page numbers, table-of-contents leaders and rules. */
    patterns: z.array(RegexSource),
    /** A short line repeated at page boundaries at least this often is a running header or footer. */
    runningHeaderMinRepeats: z.int().min(2),
    /** Running headers are at most this many characters long. */
    runningHeaderMaxLength: z.int().min(1),
    /** Share of a line's occurrences that must sit at page boundaries before it counts as a running header. */
    runningHeaderBoundaryShare: z.number().min(0).max(1),
    /** The same for a banner that recurs at most once a page: converters put it mid-page about half the time. */
    bannerBoundaryShare: z.number().min(0).max(1),
    /** Share of the document's pages such a banner must recur on (more than any section heading does). */
    bannerMinPageShare: z.number().min(0).max(1),
    /** Share of the document's pages a running header must recur on. */
    runningHeaderMinPageShare: z.number().min(0).max(1),
  }),
  typography: z.object({
    /** Presentation forms that PDF extraction leaves in the text, with the letters they stand for. */
    ligatures: z.record(z.string().length(1), z.string().min(1)),
    /**
     * What a PDF leaves when its font maps ligature glyphs to no text: the words lose the letters ("Konserva vt")
     * and the glyphs come out as stray lines of letter pairs ("ti", "tt", "ﬀ") at the page's end.
     */
    lostLigatures: z.object({
      /** The letters of ligature glyphs, as such a stray line spells them. */
      fragments: z.array(Word),
      /** A line is debris when it holds only fragments, at most this many. */
      maxPerLine: z.int().min(1),
      /** Debris lines are dropped only when the document has at least this many (one lone "ti" is a numeral). */
      minLines: z.int().min(1),
    }),
  }),
  lists: z.object({
    /** Bullet symbols that mark a list item even without a following space. */
    symbols: z.array(z.string().length(1)),
    /** Bullet characters that mark a list item only when a space follows (they also occur inside text). */
    spaced: z.array(z.string().length(1)),
    /** Markers that in news text open direct speech; such a line is a bullet but never a heading. */
    speech: z.array(z.string().length(1)),
  }),
  headings: z.object({
    /** A heading by shape has at most this many words ... */
    maxWords: z.int().min(1),
    /** ... and at most this many characters. */
    maxChars: z.int().min(1),
    /** An ALL-CAPS title line has at least this many letters. */
    allCapsMinLetters: z.int().min(1),
    /** ALL-CAPS title lines are at most this many characters long. */
    allCapsMaxChars: z.int().min(1),
    /** Line endings ("SV vil", "Vi krever") that make a short line a lead-in paragraph rather than a heading. */
    leadInEndings: z.array(Word),
  }),
  continuation: z.object({
    /** Function words that cannot end a sentence or heading: a line ending with one continues on the next. */
    connectors: z.array(Word),
    /** Words after a suspended compound ("helse- og omsorg"): the hyphen before them is kept. */
    suspendedCompoundFollowers: z.array(Word),
  }),
  abbreviations: z.object({
    /** Abbreviations that never end a sentence: a sentence split right after one is undone. */
    nonFinal: z.array(Word),
    /** Abbreviations that may end a sentence ("osv.", "mv."): a split after one stands when a capital follows. */
    mayEndSentence: z.array(Word),
  }),
});

/** The text lexicon as loaded. */
export type TextRules = z.infer<typeof TextLexicon>;
