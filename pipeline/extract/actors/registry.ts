import type { Lexicon } from '../../lexicon/load.ts';
import type { RegistryActor } from '../../lexicon/actors.schema.ts';
import type { ActorType } from '../../models/vocab.ts';
import { type AnchoredPattern, anchored } from '../scan/anchored.ts';
import { formsAnchor } from '../scan/forms.ts';
import { perLexicon } from '../scan/memo.ts';
import { alternation, fold, squash } from './text.ts';

/** The actors lexicon as loaded and typed. */
export type ActorsLexicon = Lexicon['actors'];

/** How a form must be matched: see the field comments in actors.schema.ts. */
export type FormMode = 'ci' | 'exact' | 'common' | 'listOnly';

/** The registry compiled for matching: lookup maps and one regex per case mode. */
export interface Registry {
  lexicon: ActorsLexicon;
  byKey: Map<string, RegistryActor>;
  /** fold(form) → key, for case-insensitive forms. */
  ci: Map<string, string>;
  /** squash(form) → key and mode, for case-sensitive forms; `damaged` for a form that lost a ligature glyph. */
  cs: Map<string, { key: string; mode: FormMode; damaged?: true }>;
  /** Group 1: the name; group 2: a genitive ending. */
  ciRe: AnchoredPattern;
  csRe: AnchoredPattern;
  /** fold(place) → canonical place name; and a regex source matching any place. */
  places: Map<string, string>;
  placeSource: string;
  /** Every form of every party (folded), to recognise lists of parties. */
  partyForms: Set<string>;
}

// A genitive ending after a name: "LOs", "KS'", "NAV's". The apostrophe alone only after s, x, z.
export const GENITIVE = "(s|'s|’s|'|’)?";

const cache = new WeakMap<ActorsLexicon, Registry>();

/** True when a canonical name has no lower-case letter ("KS", "NITO"): such names match case-sensitively. */
const isAcronym = (name: string): boolean => name === name.toUpperCase();

/** Compile (once per lexicon object) the registry into lookup maps and regexes. */
export function compileRegistry(lexicon: ActorsLexicon): Registry {
  const hit = cache.get(lexicon);
  if (hit) return hit;
  const byKey = new Map<string, RegistryActor>();
  const ci = new Map<string, string>();
  const cs = new Map<string, { key: string; mode: FormMode; damaged?: true }>();
  const damagedForms: [string, { key: string; mode: FormMode; damaged: true }][] = [];
  const partyForms = new Set<string>();
  for (const a of lexicon.actors) {
    byKey.set(a.name, a);
    const sensitive = new Set([...a.exact, ...a.common, ...a.listOnly]);
    const ciForms = [...a.aliases];
    if (!sensitive.has(a.name)) (isAcronym(a.name) ? a.exact : ciForms).push(a.name);
    for (const f of ciForms) ci.set(fold(f), a.name);
    const modes: [FormMode, string[]][] = [
      ['exact', isAcronym(a.name) && !sensitive.has(a.name) ? [...a.exact, a.name] : a.exact],
      ['common', a.common],
      ['listOnly', a.listOnly],
    ];
    for (const [mode, forms] of modes) for (const f of forms) cs.set(squash(f), { key: a.name, mode });
    // Damaged forms match with their case: a case-insensitive name becomes case-sensitive once a glyph is gone.
    for (const [mode, forms] of [['exact', ciForms], ...modes] as [FormMode, string[]][]) {
      if (mode === 'listOnly') continue;
      for (const f of forms) {
        const damaged = withoutLigatures(f, lexicon.ligatures);
        if (damaged !== null) damagedForms.push([damaged, { key: a.name, mode, damaged: true }]);
      }
    }
    if (a.type === 'party') for (const f of [...ciForms, ...sensitive, a.name]) partyForms.add(fold(f));
  }
  // An intact form always wins over a damaged one that happens to read the same.
  for (const [form, entry] of damagedForms) if (!cs.has(form) && !ci.has(fold(form))) cs.set(form, entry);
  const places = new Map<string, string>();
  for (const p of [...lexicon.places.counties, ...lexicon.places.municipalities]) places.set(fold(p), p);
  const wrap = (alt: string) => `(?<![\\p{L}\\p{N}])(${alt})${GENITIVE}(?![\\p{L}\\p{N}])`;
  const compiled: Registry = {
    lexicon,
    byKey,
    ci,
    cs,
    ciRe: anchored(wrap(alternation([...ci.keys()])), 'giu', formsAnchor(ci.keys(), true)),
    csRe: anchored(wrap(alternation([...cs.keys()])), 'gu', formsAnchor(cs.keys(), false)),
    places,
    placeSource: alternation([...places.values()]),
    partyForms,
  };
  cache.set(lexicon, compiled);
  return compiled;
}

// A damaged form must keep this many letters to stay as distinctive as a name.
const MIN_DAMAGED_LETTERS = 6;

/**
 * A name as PDF text prints it when the font's ligature glyphs are lost: each ligature inside a word becomes a
 * space, one at a word's edge vanishes ("Konservativt" → "Konserva vt", "Partiet" → "Par et"). Null when the name
 * has no ligature or would become too short to be told apart.
 */
export function withoutLigatures(form: string, ligatures: readonly string[]): string | null {
  if (ligatures.length === 0) return null;
  const marked = form.replace(ligaturePattern(ligatures), '\u0000');
  const damaged = squash(marked.replace(EDGE_MARKS, '').replace(INNER_MARKS, ' '));
  if (damaged === squash(form) || (damaged.match(LETTERS) ?? []).length < MIN_DAMAGED_LETTERS) return null;
  return damaged;
}

/** The ligatures as one pattern, longest first; made once per list (the registry reads every form with it). */
const ligaturePattern = perLexicon((ligatures: readonly string[]) => new RegExp([...ligatures].sort((a, b) => b.length - a.length).join('|'), 'gu'));
const EDGE_MARKS = /(?<!\p{L})\u0000+|\u0000+(?!\p{L})/gu;
const INNER_MARKS = /\u0000+/gu;
const LETTERS = /\p{L}/gu;

/** Type of a registry actor, or null when the key is not in the registry. */
export const registryType = (reg: Registry, key: string): ActorType | null => reg.byKey.get(key)?.type ?? null;

/**
 * The canonical key of a name, alias or abbreviation (also in the genitive, also a government name such as
 * "Regjeringen Solberg"), or null when the registry does not know it.
 */
export function resolveActorName(name: string, lexicon: Pick<Lexicon, 'actors'> | ActorsLexicon): string | null {
  const lex = 'actors' in lexicon && !Array.isArray(lexicon.actors) ? lexicon.actors : (lexicon as ActorsLexicon);
  const reg = compileRegistry(lex);
  const tries = [squash(name)];
  const genitive = /^(.*?)(?:'s|’s|s|'|’)$/su.exec(tries[0] as string);
  if (genitive?.[1]) tries.push(genitive[1]);
  for (const t of tries) {
    const exact = reg.cs.get(t);
    if (exact) return exact.key;
    const key = reg.ci.get(fold(t));
    if (key) return key;
    const gov = lex.governments.find((g) => fold(g.name) === fold(t));
    if (gov) return gov.name;
  }
  return null;
}
