import type { Lexicon } from '../../lexicon/load.ts';
import type { RegistryActor } from '../../lexicon/actors.schema.ts';
import type { ActorType } from '../../models/vocab.ts';
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
  /** squash(form) → key and mode, for case-sensitive forms. */
  cs: Map<string, { key: string; mode: FormMode }>;
  /** Group 1: the name; group 2: a genitive ending. */
  ciRe: RegExp;
  csRe: RegExp;
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
  const cs = new Map<string, { key: string; mode: FormMode }>();
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
    if (a.type === 'party') for (const f of [...ciForms, ...sensitive, a.name]) partyForms.add(fold(f));
  }
  const places = new Map<string, string>();
  for (const p of [...lexicon.places.counties, ...lexicon.places.municipalities]) places.set(fold(p), p);
  const wrap = (alt: string) => `(?<![\\p{L}\\p{N}])(${alt})${GENITIVE}(?![\\p{L}\\p{N}])`;
  const compiled: Registry = {
    lexicon,
    byKey,
    ci,
    cs,
    ciRe: new RegExp(wrap(alternation([...ci.keys()])), 'giu'),
    csRe: new RegExp(wrap(alternation([...cs.keys()])), 'gu'),
    places,
    placeSource: alternation([...places.values()]),
    partyForms,
  };
  cache.set(lexicon, compiled);
  return compiled;
}

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
