import { type RolesLexicon, rolePatterns } from './roles.ts';

// The signature rules read whole lines: "Kari Nordmann" alone, or "Kari Nordmann leder i FO". The name pattern holds a
// copy of every title for each of its parts, and compiling it (for both kinds of string, then again as machine code)
// costs more than reading a thousand lines; these readers give the same answers with three small patterns.

/** A name and the title after it on one line ("Torunn Bakke Aasen leder …"), with where each starts and ends. */
export interface NameThenTitle {
  /** [start, end) of the name in the line. */
  name: [number, number];
  /** Where the title starts; it runs to the end of the line. */
  titleStart: number;
  /** The line from the title on. */
  title: string;
}

/** The line readers of one roles lexicon. */
export interface NameLines {
  /** `^name$`: the line is a name of two to four parts. */
  isName(line: string): boolean;
  /** `^(name)[ \t]+(title.*)$`: a name, spaces and a title running to the end of the line; null when the line is not that. */
  nameThenTitle(line: string): NameThenTitle | null;
  /** `^title`: the title the line opens with (the match), or null. */
  titleAt(line: string): RegExpExecArray | null;
}

const compiled = new WeakMap<RolesLexicon, NameLines>();

const SPACE = 0x20;
const TAB = 0x09;
// A name has two to four parts.
const MOST_PARTS = 4;
// A name part: a capital and lower-case letters, maybe a hyphen and another such part ("Anne-Lise").
const PART = /\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?/uy;
const LETTER_AT = /\p{L}/uy;
const LETTER_OR_DIGIT_AT = /[\p{L}\p{N}]/uy;
// What `.` does not match: `.*$` needs none of these in the rest of the line.
const LINE_BREAK = /[\n\r\u2028\u2029]/;

const at = (re: RegExp, s: string, i: number): boolean => {
  re.lastIndex = i;
  return re.test(s);
};

/** The readers of a roles lexicon (made at the first call). */
export function nameLines(roles: RolesLexicon): NameLines {
  const hit = compiled.get(roles);
  if (hit) return hit;
  const p = rolePatterns(roles);
  const titleCoreEnd = new RegExp(`(?:${p.titleCore})(?![\\p{L}])`, 'uy');
  const title = new RegExp(p.title, 'uy');
  const notNames = [...roles.notNames];

  // A part may not open with a word that is no name, nor with a title (each as a whole word), as the name pattern's
  // look-aheads say.
  const allowed = (s: string, i: number): boolean =>
    !notNames.some((n) => s.startsWith(n, i) && !at(LETTER_AT, s, i + n.length)) && !at(titleCoreEnd, s, i);

  // The ends of the parts read from the line's start: each part takes all it can (what may follow a part, a space or
  // the name's end, never fits a letter, so a shorter part never matches where the longest fails), one space or tab
  // between parts, at most four.
  const partEnds = (s: string): number[] => {
    const ends: number[] = [];
    let i = 0;
    while (ends.length < MOST_PARTS) {
      if (ends.length > 0) {
        const c = s.charCodeAt(i);
        if (c !== SPACE && c !== TAB) break;
        i++;
      }
      if (!allowed(s, i)) break;
      PART.lastIndex = i;
      const m = PART.exec(s);
      if (m === null) break;
      i += m[0].length;
      ends.push(i);
    }
    return ends;
  };

  const readers: NameLines = {
    isName: (s) => {
      const ends = partEnds(s);
      return ends.length >= 2 && ends[ends.length - 1] === s.length;
    },
    nameThenTitle: (s) => {
      const ends = partEnds(s);
      // The longest name first, as the pattern's greedy repetition tries them.
      for (let k = ends.length; k >= 2; k--) {
        const end = ends[k - 1] as number;
        if (at(LETTER_OR_DIGIT_AT, s, end)) continue;
        let q = end;
        while (s.charCodeAt(q) === SPACE || s.charCodeAt(q) === TAB) q++;
        if (q === end || !at(title, s, q)) continue;
        const rest = s.slice(q);
        if (LINE_BREAK.test(rest)) continue;
        return { name: [0, end], titleStart: q, title: rest };
      }
      return null;
    },
    titleAt: (s) => {
      title.lastIndex = 0;
      return title.exec(s);
    },
  };
  compiled.set(roles, readers);
  return readers;
}
