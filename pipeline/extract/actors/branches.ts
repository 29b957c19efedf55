import { formsAnchor } from '../scan/forms.ts';
import { perLexicon } from '../scan/memo.ts';
import { lastWords, placeMayFollow, placeMayPrecede } from './place-checks.ts';
import type { Candidate } from './candidate.ts';
import type { Registry } from './registry.ts';
import { alternation, cleanLine, fold, filledCleanLines, lineAt } from './text.ts';
import { escapeRegExp } from '../../regexp.ts';

/** What decides whether a branch acts in its own name. */
export interface BranchContext {
  text: string;
  reg: Registry;
  /** True when a line begins with a title (the title line of a signature). */
  isTitleLine: (line: string) => boolean;
  /** Verbs that show an actor speaking or demanding right after its name. */
  voiceVerbs: readonly string[];
  /** Words that introduce the parties of a joint text ("mellom"). */
  agreementLinks: readonly string[];
  /** Words that join the parties' names ("og"): never a place. */
  joiners?: readonly string[];
}

// A place the registry does not list, as a joint text's title writes it: one capitalised word, maybe hyphenated.
const UNKNOWN_PLACE = '\\p{Lu}[\\p{L}]+(?:-\\p{Lu}[\\p{L}]+)?';

/** The place patterns around a name, compiled once per registry. */
const placePatterns = perLexicon((reg: Registry) => ({
  /** The words a place can start at (case-insensitive, as `after` reads places); null when that cannot be told. */
  placeStart: formsAnchor(reg.places.values(), true),
  /** The last words of the places (as written, as `before` reads them); null when a place ends otherwise than in a letter. */
  placeEnd: lastWords([...reg.places.values()]),
  after: new RegExp(`^[ \\t]+(i[ \\t]+)?(${reg.placeSource})(?![\\p{L}\\p{N}])`, 'iu'),
  before: new RegExp(`(?<![\\p{L}\\p{N}])(${reg.placeSource})[ \\t]+$`, 'u'),
  afterUnknown: new RegExp(`^[ \\t]+(${UNKNOWN_PLACE})(?![\\p{L}\\p{N}])`, 'u'),
  beforeUnknown: new RegExp(`(?<![\\p{L}\\p{N}])(${UNKNOWN_PLACE})[ \\t]+$`, 'u'),
  municipal: new RegExp(`^\\s+${alternation(reg.lexicon.discovery.municipalityWords)}(?![\\p{L}])`, 'iu'),
  national: new RegExp(`\\s+(?:${reg.lexicon.discovery.nationalQualifiers.map(escapeRegExp).join('|') || '(?!)'})$`, 'u'),
}));

/** One pattern per link word ("mellom") that finds it as a whole word, compiled once per list. */
const linkPatterns = perLexicon((links: readonly string[]) => links.map((w) => new RegExp(`(?<![\\p{L}])${w}(?![\\p{L}])`, 'u')));

/** A voice verb right after a name, compiled once per list. */
const verbAfter = perLexicon((verbs: readonly string[]) => new RegExp(`^\\s+${alternation(verbs)}(?![\\p{L}])`, 'iu'));

const SPACE_AT_END = /[ \t]$/;

// The title area: a document's first lines, where a joint agreement names its parties.
const TITLE_AREA_LINES = 6;
const TITLE_AREA_MAX_CHARS = 200;

/**
 * County and local units: "FO Vestfold og Telemark", "SV Vestfold og Telemark", "Oslo Arbeiderparti",
 * "KS Agder". A unit of a union, party or employer body that signs, speaks or is a party to the text
 * in its own name becomes an actor of its own ("<Parent> <Place>", affiliation = parent); otherwise the
 * whole phrase is a surface form of the parent organisation.
 */
export function applyBranches(cands: readonly Candidate[], bc: BranchContext): Candidate[] {
  const { text, reg } = bc;
  // "FO Vestfold og Telemark", "Arbeiderpartiet i Oslo"; in the line naming a joint text's parties also a place the
  // registry does not know ("mellom Fagforbundet Sunndal og Sunndal Arbeiderparti").
  const { placeStart, placeEnd, after, before, afterUnknown, beforeUnknown, municipal, national } = placePatterns(reg);
  const headLines = new Set(
    filledCleanLines(text)
      .slice(0, TITLE_AREA_LINES)
      .map((l) => l.raw.start),
  );
  // Joiners ("og") and verbs of a headline written in title case ("Fagforbundet Krever …") are no places.
  const notPlace = notPlaceWords(bc);
  const candidatePlace = (word: string, at: number): boolean =>
    !notPlace.has(fold(word)) && !reg.ci.has(fold(word)) && !reg.cs.has(word) && !cands.some((o) => o.span.start <= at && at < o.span.end);
  // An unknown place is read where a joint text names its parties; once read there, the same name elsewhere too
  // ("For Sunndal Arbeiderparti" above a signature).
  const learned = new Set<string>();
  let unknownPlace = (word: string, at: number): boolean => {
    const ok = candidatePlace(word, at) && partiesLine(at, headLines, bc);
    if (ok) learned.add(fold(word));
    return ok;
  };
  const findHits = () => cands.map((c) => {
    if (c.type === 'person') return null;
    const rest = text.slice(c.span.end, c.span.end + 40);
    let a = c.genitive || !placeMayFollow(text, c.span.end, c.span.end + rest.length, placeStart) ? null : after.exec(rest);
    if (!a && !c.genitive) {
      const u = afterUnknown.exec(rest);
      if (u && unknownPlace(u[1] as string, c.span.end + u[0].length - (u[1] as string).length)) a = u;
    }
    const place = a ? (a[a.length - 1] as string) : null;
    if (a && place !== null && !municipal.test(text.slice(c.span.end + a[0].length, c.span.end + a[0].length + 20))) {
      return { c, place, of: a[1] !== undefined && a.length > 2, span: { start: c.span.start, end: c.span.end + a[0].length } };
    }
    // Place first only for party names without the definite ending: "Oslo Arbeiderparti", "Bergen SV".
    if (c.type !== 'party' || /et$/u.test(text.slice(c.name.start, c.name.end))) return null;
    const lead = text.slice(Math.max(0, c.span.start - 40), c.span.start);
    // Both patterns end in a space before the name; most names have none, and the test is cheap.
    if (!SPACE_AT_END.test(lead)) return null;
    let b = placeMayPrecede(text, c.span.start - lead.length, c.span.start, placeEnd) ? before.exec(lead) : null;
    if (!b) {
      const u = beforeUnknown.exec(lead);
      if (u && unknownPlace(u[1] as string, c.span.start - u[0].length)) b = u;
    }
    if (b) return { c, place: b[1] as string, of: false, span: { start: c.span.start - b[0].length, end: c.span.end } };
    return null;
  });
  let hits = findHits();
  if (learned.size > 0) {
    unknownPlace = (word, at) => candidatePlace(word, at) && learned.has(fold(word));
    hits = findHits();
  }
  const active = new Set<string>();
  // A branch is named as written: "SV Vestfold og Telemark" → "<Parent> <Place>"; "Oslo Arbeiderparti"
  // → "<Place> <Parent>", a party name taking its indefinite form as county branches do.
  // The parent's national qualifier does not belong in a branch's name: "LO i Trøndelag" is "Landsorganisasjonen i Trøndelag".
  const keyOf = (h: NonNullable<(typeof hits)[number]>) => {
    const root = h.c.affiliation ?? h.c.key;
    const stem = root.replace(national, '');
    const place = reg.places.get(fold(h.place)) ?? h.place;
    const placeFirst = h.span.start < h.c.span.start;
    return { root, key: placeFirst ? `${place} ${stem.replace(/partiet$/u, 'parti')}` : h.of ? `${stem} i ${place}` : `${stem} ${place}` };
  };
  // Branches that are parties to the text (named in its title area or after "mellom"), by their parent's key.
  const parties = new Map<string, string[]>();
  for (const h of hits) {
    if (!h || !reg.lexicon.branchTypes.includes(h.c.type)) continue;
    const how = actsInOwnName(h.span, headLines, bc);
    if (how === null) continue;
    const { root, key } = keyOf(h);
    active.add(key);
    if (how === 'party' && !(parties.get(root) ?? []).includes(key)) parties.set(root, [...(parties.get(root) ?? []), key]);
  }
  // Only a joint text of two or more branches speaks of its parties by their parents' bare names.
  const joint = new Set([...parties.values()].flat()).size >= 2;
  return cands.map((c, i) => {
    const h = hits[i];
    if (!h) {
      // In a text between branches, the parent's bare name is the branch ("Arbeiderpartiet vil …" in an agreement
      // between Fagforbundet Agder and Agder Arbeiderparti); a genitive may name the national body ("…s stortingsgruppe").
      // A candidate that already names a branch (a document's own abbreviation, "(SV)") keeps its reading.
      const own = !joint || c.type === 'person' || c.genitive || active.has(c.key) ? undefined : parties.get(c.affiliation ?? c.key);
      if (own?.length !== 1) return c;
      return { ...c, key: own[0] as string, ruleId: 'actor-branch-bare', confidence: 0.7, source: 'discovered' as const, affiliation: c.affiliation ?? c.key };
    }
    const { root, key } = keyOf(h);
    if (active.has(key)) {
      return { ...c, key, span: h.span, ruleId: 'actor-branch', confidence: 0.85, source: 'discovered' as const, affiliation: root };
    }
    return { ...c, key: root, span: h.span, ruleId: 'actor-regional-unit', confidence: 0.85, affiliation: null };
  });
}

// The words that are no places, made once per set of lexicon lists (they are the same for every document).
const notPlaces = new WeakMap<readonly string[], { links: readonly string[]; joiners: readonly string[] | undefined; words: ReadonlySet<string> }>();

/** The joiners, link words and voice verbs of the context, folded. */
function notPlaceWords(bc: BranchContext): ReadonlySet<string> {
  const hit = notPlaces.get(bc.voiceVerbs);
  if (hit !== undefined && hit.links === bc.agreementLinks && hit.joiners === bc.joiners) return hit.words;
  const words = new Set([...(bc.joiners ?? []), ...bc.agreementLinks, ...bc.voiceVerbs].map(fold));
  notPlaces.set(bc.voiceVerbs, { links: bc.agreementLinks, joiners: bc.joiners, words });
  return words;
}

/** True when the line holding `at` names a joint text's parties: a heading of the title area, or a line with "mellom". */
function partiesLine(at: number, head: ReadonlySet<number>, bc: BranchContext): boolean {
  const line = lineAt(bc.text, at);
  const clean = cleanLine(bc.text, line).text;
  const heading = head.has(line.start) && clean.length <= TITLE_AREA_MAX_CHARS && !/[.!?]$/.test(clean);
  const lead = bc.text.slice(line.start, at).toLowerCase();
  return heading || linkPatterns(bc.agreementLinks).some((re) => re.test(lead));
}

/**
 * How a branch acts in its own name: it is a party to the text (`party`: named in a heading of the title area, or
 * after "mellom"), it signs (title line) or speaks ("X krever") (`acts`); null when it does neither.
 */
function actsInOwnName(span: { start: number; end: number }, head: ReadonlySet<number>, bc: BranchContext): 'party' | 'acts' | null {
  const { text } = bc;
  const line = lineAt(text, span.start);
  const clean = cleanLine(text, line).text;
  // A heading in the title area, not a sentence of running text.
  if (head.has(line.start) && clean.length <= TITLE_AREA_MAX_CHARS && !/[.!?]$/.test(clean)) return 'party';
  const lead = text.slice(line.start, span.start).toLowerCase();
  if (linkPatterns(bc.agreementLinks).some((re) => re.test(lead))) return 'party';
  if (bc.isTitleLine(clean)) return 'acts';
  return verbAfter(bc.voiceVerbs).test(text.slice(span.end, span.end + 40)) ? 'acts' : null;
}
