import type { ActorType } from '../../models/vocab.ts';
import { isRegExpSpaceUnit } from '../../normalise/chars.ts';
import { type AnchoredPattern, anchored, matchesIn } from '../scan/anchored.ts';
import { formsAnchor } from '../scan/forms.ts';
import { hyphenatedWordsIn, wordCharBefore } from '../scan/literals.ts';
import { perLexicon } from '../scan/memo.ts';
import type { Word } from '../scan/words.ts';
import type { Candidate } from './candidate.ts';
import type { ActorsLexicon, Registry } from './registry.ts';
import { alternation, fold, isSentenceInitial, overlaps } from './text.ts';

const OPENS_CAPITAL = /^\p{Lu}/u;
// A multi-part name before the word: "Olje- og energidepartementet", "Barne-, ungdoms- og familiedirektoratet".
const PARTS = /(?<![\p{L}])\p{Lu}\p{L}*-,?\s+(?:\p{L}+-,?\s+)*og\s+$/u;

type Suffix = ActorsLexicon['discovery']['orgSuffixes'][number];

/** The discovery lexicon compiled once per registry: the org suffixes by length, and the rules' patterns. */
interface Discovery {
  /** For each suffix length, longest first: the first suffix (in lexicon order) of each spelling. */
  suffixes: [number, Map<string, Suffix>][];
  /** The last letters of every suffix as keys (see tailKey; null when a suffix is too short): most words end otherwise. */
  tails: Set<number> | null;
  notActors: Set<string>;
  prefixRe: RegExp;
  municipality: AnchoredPattern;
}

const discovery = perLexicon((reg: Registry): Discovery => {
  const d = reg.lexicon.discovery;
  const byLength = new Map<number, Map<string, Suffix>>();
  for (const s of d.orgSuffixes) {
    const same = byLength.get(s.suffix.length) ?? new Map<string, Suffix>();
    if (!same.has(s.suffix)) same.set(s.suffix, s);
    byLength.set(s.suffix.length, same);
  }
  const placeWords = formsAnchor(reg.places.values(), false);
  // "Bodø kommune", "Nordre Follo kommune": the noun is the next word or the one after.
  const nouns = d.municipalityWords;
  const nounAt = (w: Word | null) => w !== null && nouns.some((n) => w.text.startsWith(n));
  const lettersOnly = nouns.every((n) => /^\p{L}+$/u.test(n));
  return {
    suffixes: [...byLength].sort((a, b) => b[0] - a[0]),
    tails: d.orgSuffixes.every((s) => s.suffix.length >= TAIL) ? new Set(d.orgSuffixes.map((s) => tailKey(s.suffix, s.suffix.length))) : null,
    notActors: new Set(d.notActors.map(fold)),
    prefixRe: new RegExp(`(?<![\\p{L}])${alternation(d.namePrefixes)}\\s+$`, 'u'),
    // A place of the registry, or one or two capitalised words, before "kommune".
    municipality: anchored(
      `(?<![\\p{L}])(${reg.placeSource}|\\p{Lu}\\p{Ll}+(?: \\p{Lu}\\p{Ll}+)?)\\s+(${alternation(d.municipalityWords)})(s)?(?![\\p{L}])`,
      'gu',
      placeWords === null || !lettersOnly ? null : { ...placeWords, test: (w) => w.capitalised && (nounAt(w.next) || nounAt(w.next?.next ?? null)) },
    ),
  };
});

// Words are told from suffixes by their last four letters: two letters ("-et", "-en") let most Norwegian nouns through.
const TAIL = 4;

/**
 * The TAIL code units before `end` folded into one small integer (seven bits each): two tails may share a key, so a
 * key only rules suffixes out; a shorter word gets some key too.
 */
function tailKey(word: string, end: number): number {
  let key = 0;
  for (let i = end - TAIL; i < end; i++) key = (key << 7) | (word.charCodeAt(i) & 0x7f);
  return key;
}

/** The longest org suffix the (lower-case) word ends with before `end`, the first listed of equally long ones. */
function suffixOf(word: string, end: number, d: Discovery): Suffix | undefined {
  if (d.tails !== null && !d.tails.has(tailKey(word, end))) return undefined;
  for (const [length, spellings] of d.suffixes) {
    if (length > end) continue;
    const found = spellings.get(word.slice(end - length, end));
    if (found) return found;
  }
  return undefined;
}

/**
 * Organisations the registry does not know, from their names' endings: a capitalised word ending in
 * …departementet, …direktoratet, …utvalget, …partiet, …tilsynet, …foreningen, …organisasjonen, …etaten
 * (the list is in actors.yaml), with name prefixes such as "Norsk" or "Statens" and multi-part ministry
 * names ("Olje- og energidepartementet"). A capitalised word at the start of a sentence is only a name
 * when it is also written with a capital inside a sentence.
 */
export function discoverOrgs(text: string, reg: Registry, known: readonly Candidate[]): Candidate[] {
  const d = reg.lexicon.discovery;
  const compiled = discovery(reg);
  const out: Candidate[] = [];
  // Capitalised words with their hyphenated parts, as `(?<![\p{L}\p{N}])\p{L}[\p{L}-]*\p{L}` finds them.
  // A word whose last letters (or those before a genitive "s") end no suffix is not read further: most words.
  const { tails } = compiled;
  const mayEndInSuffix =
    tails === null
      ? undefined
      : (w: Word) => tails.has(tailKey(w.lower, w.lower.length)) || (w.lower.endsWith('s') && tails.has(tailKey(w.lower, w.lower.length - 1)));
  for (const h of hyphenatedWordsIn(text, mayEndInSuffix)) {
    const start = h.start;
    const lower = h.single !== null ? h.single.lower : text.slice(h.start, h.end).toLowerCase();
    let found = suffixOf(lower, lower.length, compiled);
    let genitive = false;
    if (!found && lower.endsWith('s')) {
      found = suffixOf(lower, lower.length - 1, compiled);
      genitive = found !== undefined;
    }
    if (!found) continue;
    const word = text.slice(h.start, h.end);
    const bare = genitive ? word.slice(0, -1) : word;
    if (bare.length - found.suffix.length < 3) continue;
    if (d.blockedEndings.some((b) => bare.toLowerCase().endsWith(b))) continue;
    let nameStart = start;
    // Both patterns end in white space before the name ("… og ", "Norsk "): most words stand otherwise, and that is cheap to see.
    const parts = ogBefore(text, start, Math.max(0, start - 80)) ? PARTS.exec(text.slice(Math.max(0, start - 80), start)) : null;
    if (parts) nameStart = start - parts[0].length;
    else if (!OPENS_CAPITAL.test(word)) continue;
    const prefix = nameStart > 0 && isRegExpSpaceUnit(text.charCodeAt(nameStart - 1)) ? compiled.prefixRe.exec(text.slice(Math.max(0, nameStart - 30), nameStart)) : null;
    if (prefix) nameStart -= prefix[0].length;
    const written = text.slice(nameStart, start + bare.length);
    const name = SPACE.test(written) ? written.replace(SPACES, ' ') : written;
    const folded = fold(name);
    if (compiled.notActors.has(folded) || reg.ci.has(folded) || reg.cs.has(name)) continue;
    const single = nameStart === start && !bare.includes('-');
    if (single && isSentenceInitial(text, start) && !capitalisedInside(text, bare)) continue;
    const span = { start: nameStart, end: start + word.length };
    if (known.some((k) => k.priority > 0 && overlaps(k.span, span))) continue;
    out.push(org(name, found.type, span, { start: nameStart, end: span.end - (genitive ? 1 : 0) }, genitive, 'actor-discovered-org', single ? 0.6 : 0.65));
  }
  return out.concat(discoverMunicipalities(text, reg, known));
}

const SPACE = /\s/;
const SPACES = /\s+/g;

/** True when "og" and white space stand right before `end`, "og" at or after `from` (what PARTS needs at its end). */
function ogBefore(text: string, end: number, from: number): boolean {
  let k = end;
  while (k > from && isRegExpSpaceUnit(text.charCodeAt(k - 1))) k--;
  return k < end && k - 2 >= from && text.charCodeAt(k - 2) === 0x6f && text.charCodeAt(k - 1) === 0x67;
}

/** "<Place> kommune" / "<Place> fylkeskommune": a municipality or county authority as an actor. */
function discoverMunicipalities(text: string, reg: Registry, known: readonly Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  // Most texts name no municipality; the pattern needs one of these nouns as written.
  if (!reg.lexicon.discovery.municipalityWords.some((w) => text.includes(w))) return out;
  for (const m of matchesIn(text, discovery(reg).municipality)) {
    const placeText = m[1] as string;
    const place = reg.places.get(fold(placeText));
    if (!place && (isSentenceInitial(text, m.index) || reg.ci.has(fold(placeText)) || reg.cs.has(placeText))) continue;
    const noun = (m[2] as string).toLowerCase();
    const key = `${place ?? placeText} ${noun}`;
    const span = { start: m.index, end: m.index + m[0].length };
    if (known.some((k) => overlaps(k.span, span))) continue;
    const genitive = m[3] !== undefined;
    out.push(org(key, 'municipality', span, { start: span.start, end: span.end - (genitive ? 1 : 0) }, genitive, 'actor-municipality', place ? 0.85 : 0.65));
  }
  return out;
}

/** True when the word also occurs with its capital inside a sentence, i.e. it is a name there. */
function capitalisedInside(text: string, word: string): boolean {
  // Each occurrence not glued to a letter or digit before it, as `(?<![\p{L}\p{N}])word` finds them.
  for (let i = text.indexOf(word); i !== -1; ) {
    if (wordCharBefore(text, i)) {
      i = text.indexOf(word, i + 1);
      continue;
    }
    if (!isSentenceInitial(text, i)) return true;
    i = text.indexOf(word, i + word.length);
  }
  return false;
}

function org(
  key: string,
  type: ActorType,
  span: Candidate['span'],
  name: Candidate['name'],
  genitive: boolean,
  ruleId: string,
  confidence: number,
): Candidate {
  return { key, type, span, name, genitive, ruleId, confidence, priority: 1, source: 'discovered', affiliation: null, role: null };
}
