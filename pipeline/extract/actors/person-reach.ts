import { isRegExpSpaceUnit } from '../../normalise/chars.ts';
import { acceptedBetween, accepts } from '../scan/anchored.ts';
import type { Word } from '../scan/words.ts';
import type { RolePatterns, RolesLexicon } from './roles.ts';

// What must lie ahead of the person patterns' first words for them to match (see person-scans.ts): each test holds
// wherever its pattern matches, so the pattern is tried only where it does.

const SPACE = 0x20;
const TAB = 0x09;
const HYPHEN = 0x2d;
const COMMA = 0x2c;
const OPEN = 0x28;

// The words a name spans at most: four parts, each maybe two words joined by a hyphen.
const NAME_WORDS = 8;
// How far after a title's first word its name is looked for; a title may run longer (then the pattern is tried).
const TITLE_WORDS = 40;

/** The most words (runs of letters) any of the forms has. */
const mostWords = (forms: readonly string[]): number => Math.max(0, ...forms.map((f) => (f.match(/\p{L}+/gu) ?? []).length));

/** The code units of the forms that are neither letters nor white space (a phrase of them may hold these between its words). */
function innerSigns(forms: readonly string[]): ReadonlySet<number> {
  const out = new Set<number>();
  for (const f of forms) for (let i = 0; i < f.length; i++) if (!/[\p{L}\s]/u.test(f.charAt(i))) out.add(f.charCodeAt(i));
  return out;
}

/**
 * True when `found` holds for one of the `limit` words after `w` that are joined to it by gaps `gap` accepts in every
 * character; true too when the walk gets past `limit` words (what lies further is not looked at).
 */
function foundAhead(w: Word, text: string, gap: (c: number) => boolean, found: (w: Word) => boolean, limit: number): boolean {
  let cur = w;
  for (let n = 0; n < limit; n++) {
    const next = cur.next;
    if (next === null) return false;
    for (let i = cur.end; i < next.start; i++) if (!gap(text.charCodeAt(i))) return false;
    if (found(next)) return true;
    cur = next;
  }
  return true;
}

/**
 * What must lie ahead of a pattern's first word for it to match: a title after a name ("Kari Hansen, leder i …"; the
 * name's words are joined by spaces, tabs and hyphens, then a comma, spaces and a relative link may come), a name after
 * a title (the title's words are joined by white space, hyphens, commas and the signs of the lexicon's titles), a name
 * after a speech verb. Each holds wherever its pattern matches, so the pattern is tried only where it does.
 */
export function reach(roles: RolesLexicon, p: RolePatterns) {
  const { nameAnchor, titleAnchor } = p;
  const linkSigns = innerSigns(roles.appositionLinks);
  const titleSigns = innerSigns([...roles.titles, ...roles.titleModifiers, ...roles.titleSuffixes]);
  const speechSigns = innerSigns(roles.speechVerbs);
  const nameGap = (c: number) => c === SPACE || c === TAB || c === HYPHEN || c === COMMA || linkSigns.has(c);
  const titleGap = (c: number) => isRegExpSpaceUnit(c) || c === HYPHEN || c === COMMA || titleSigns.has(c);
  const speechGap = (c: number) => isRegExpSpaceUnit(c) || speechSigns.has(c);
  const nameLimit = NAME_WORDS + mostWords(roles.appositionLinks) + 1;
  const speechLimit = Math.max(1, mostWords(roles.speechVerbs));
  return {
    title: (w: Word, text: string) =>
      titleAnchor === null || foundAhead(w, text, nameGap, (x) => acceptedBetween(text, titleAnchor, x.start, x.start + 1), nameLimit),
    nameAfterTitle: (w: Word, text: string) => foundAhead(w, text, titleGap, (x) => accepts(nameAnchor, x, text), TITLE_WORDS),
    nameAfterVerb: (w: Word, text: string) => foundAhead(w, text, speechGap, (x) => accepts(nameAnchor, x, text), speechLimit),
  };
}

/**
 * "Navn (ORG)": true when one of the words joined to `w` by hyphens, spaces and tabs (as far as a name reaches) is
 * followed by spaces or tabs and "(".
 */
export function parenAfterName(w: Word, text: string): boolean {
  let cur = w;
  for (let n = 0; n < NAME_WORDS; n++) {
    let at = cur.end;
    while (text.charCodeAt(at) === SPACE || text.charCodeAt(at) === TAB) at++;
    if (text.charCodeAt(at) === OPEN) return true;
    const next = cur.next;
    const joined = next !== null && ((at > cur.end && next.start === at) || (at === cur.end && text.charCodeAt(at) === HYPHEN && next.start === at + 1));
    if (!joined) return false;
    cur = next;
  }
  return true;
}

/**
 * The words "ORG-tittel Navn" can start at: a word before a hyphen and, right after it, a word ending in a title suffix
 * and then a space or tab ("SV-leder Kirsti …"); only the hyphen is asked for when the suffixes cannot be told.
 */
export function hyphenTitle(endsInSuffix: ((word: string) => boolean) | null): (w: Word, text: string) => boolean {
  return (w, text) => {
    if (text.charCodeAt(w.end) !== HYPHEN) return false;
    if (endsInSuffix === null) return true;
    const n = w.next;
    if (n === null || n.start !== w.end + 1 || !endsInSuffix(n.text)) return false;
    const after = text.charCodeAt(n.end);
    return after === SPACE || after === TAB;
  };
}
