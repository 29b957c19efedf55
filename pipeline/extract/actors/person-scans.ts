import { type AnchoredPattern, acceptedStarts, anchored, narrowed } from '../scan/anchored.ts';
import { formsAnchor } from '../scan/forms.ts';
import { wordEndingAt, wordsOf } from '../scan/words.ts';
import { hyphenTitle, parenAfterName, reach } from './person-reach.ts';
import { type RolesLexicon, rolePatterns } from './roles.ts';
import { escapeRegExp } from '../../regexp.ts';

// The patterns of person-patterns.ts, compiled once per roles lexicon.

/** Alternation of literal words, longest first, matched with their case. */
const alternationExact = (words: readonly string[]): string => `(?:${[...words].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|')})`;

/** Case-insensitive alternation of literal words, longest first. */
const alternationCi = (words: readonly string[]): string => [...words].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|');

// An apposition's title phrase: a title and at most this many characters of what it is title of ("for eldre").
const APPOSITION_MAX = 40;

/** The person patterns of one roles lexicon, compiled once: the scans of the whole text try only the words a match can start at. */
export interface PersonPatterns {
  nameTitle: AnchoredPattern;
  titleName: AnchoredPattern;
  nameParen: AnchoredPattern;
  orgTitleName: AnchoredPattern;
  prepAfter: RegExp;
  listLead: AnchoredPattern;
  nameStart: RegExp;
  apposition: AnchoredPattern;
  speaker: AnchoredPattern;
  titleBefore: RegExp;
  /** `titleBefore` made sticky, to try it at the words a title can start at (see `titleBeforeIn`). */
  titleBeforeAt: RegExp;
  /**
   * False when `titleBefore` cannot match text[from, end): it needs a title, maybe a preposition, then spaces at the
   * end, so the last word before the spaces must end a title or be a preposition. Null when that cannot be told.
   */
  titleEndsBefore: ((text: string, from: number, end: number) => boolean) | null;
  nameAfter: RegExp;
  signatureLabel: RegExp;
  byline: AnchoredPattern;
}

const compiled = new WeakMap<RolesLexicon, PersonPatterns>();

/** The person patterns of a roles lexicon (compiled at the first call). */
export function personPatterns(roles: RolesLexicon): PersonPatterns {
  const hit = compiled.get(roles);
  if (hit) return hit;
  const p = rolePatterns(roles);
  // Navn, tittel [i] ORG — also with a relative link ("Kari Hansen, som er leder i Fagforbundet").
  const link = roles.appositionLinks.length === 0 ? '' : `(?:(?:${alternationCi(roles.appositionLinks)})[ \\t]+)?`;
  const ahead = reach(roles, p);
  const speechVerbs = p.speechAnchor;
  const patterns: PersonPatterns = {
    nameTitle: anchored(`(${p.name})(,?)[ \\t]*${link}(${p.title})(?:[ \\t]+${p.preposition})?[ \\t]+`, 'gdu', narrowed(p.nameAnchor, ahead.title)),
    titleName: anchored(`(${p.title})[ \\t]+(${p.name})`, 'gdu', p.titleAnchor === null ? null : narrowed(p.titleAnchor, ahead.nameAfterTitle)),
    nameParen: anchored(`(${p.name})[ \\t]*\\(`, 'gdu', narrowed(p.nameAnchor, parenAfterName)),
    orgTitleName: anchored(`(?<![\\p{L}\\p{N}])(\\p{L}+)-(${p.titleWord})[ \\t]+(${p.name})`, 'gdu', { test: hyphenTitle(p.endsInSuffix) }),
    prepAfter: new RegExp(`^[ \\t]+${p.preposition}[ \\t]+`, 'u'),
    listLead: anchored(`(?<![\\p{L}])(${alternationCi(roles.listTitles.map((t) => t.form))}):?[ \\t]+`, 'giu', formsAnchor(roles.listTitles.map((t) => t.form), true)),
    nameStart: new RegExp(`^${p.name}`, 'u'),
    apposition: anchored(
      `(${p.title}(?:[ \\t]+${p.preposition}[ \\t]+[^,.;:\\n]{1,${APPOSITION_MAX}})?),[ \\t]+(${p.name})[ \\t]*,`,
      'gdu',
      p.titleAnchor,
    ),
    speaker: anchored(`(?<![\\p{L}])${p.speech}[ \\t]+(${p.name})`, 'gdu', speechVerbs === null ? null : narrowed(speechVerbs, ahead.nameAfterVerb)),
    titleBefore: new RegExp(`(${p.title})(?:[ \\t]+${p.preposition})?[ \\t]+$`, 'du'),
    titleBeforeAt: new RegExp(`(${p.title})(?:[ \\t]+${p.preposition})?[ \\t]+$`, 'duy'),
    titleEndsBefore: titleEndsBefore(p.titleEnd, roles.titlePrepositions),
    nameAfter: new RegExp(`^[ \\t]*,?[ \\t]+(${p.name})`, 'du'),
    signatureLabel: new RegExp(`^(?:${alternationCi(roles.signatureLabels)})\\s+`, 'u'),
    byline: anchored(
      `(?<![\\p{L}\\p{N}])${alternationExact(roles.bylineLabels)}:?[ \\t]+(${p.name})(?:[ \\t]*,[ \\t]*|[ \\t]*\\([ \\t]*)`,
      'gdu',
      formsAnchor(roles.bylineLabels, false),
    ),
  };
  compiled.set(roles, patterns);
  return patterns;
}

/**
 * What `titleBefore.exec(text.slice(from, end))` gives: the leftmost match, tried only where a title can start — at the
 * slice's start (it may cut a word) and at the words the title anchor accepts — instead of at every position.
 */
export function titleBeforeIn(roles: RolesLexicon, text: string, from: number, end: number): RegExpExecArray | null {
  const { titleBefore, titleBeforeAt } = personPatterns(roles);
  const { titleAnchor } = rolePatterns(roles);
  const slice = text.slice(from, end);
  if (titleAnchor === null) return titleBefore.exec(slice);
  for (const at of [from, ...acceptedStarts(text, titleAnchor, from + 1, end)]) {
    titleBeforeAt.lastIndex = at - from;
    const m = titleBeforeAt.exec(slice);
    if (m !== null) return m;
  }
  return null;
}

const SPACE = 0x20;
const TAB = 0x09;
/** See PersonPatterns.titleEndsBefore. */
function titleEndsBefore(titleEnd: ((word: string) => boolean) | null, prepositions: readonly string[]): PersonPatterns['titleEndsBefore'] {
  if (titleEnd === null || !prepositions.every((p) => /^\p{L}+$/u.test(p))) return null;
  const preps = new Set(prepositions);
  return (text, from, end) => {
    let p = end;
    while (p > from && (text.charCodeAt(p - 1) === SPACE || text.charCodeAt(p - 1) === TAB)) p--;
    if (p === end) return false;
    // The letters before the spaces, as the pattern reads them in the text from `from` on.
    const w = wordEndingAt(wordsOf(text), p);
    if (w === null || w.end <= from) return false;
    const last = text.slice(Math.max(w.start, from), p);
    return preps.has(last) || titleEnd(last);
  };
}

