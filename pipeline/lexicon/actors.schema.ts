import { z } from 'zod';
import { ActorType } from '../models/vocab.ts';

const forms = z.array(z.string().min(1)).default([]);

/** One curated organisation or public body with every way documents write its name. */
export const RegistryActor = z.strictObject({
  /** Canonical name: the actor's key across the corpus. */
  name: z.string().min(1),
  type: ActorType,
  /** Full names and variants, matched case-insensitively at word boundaries (the canonical name is implied). */
  aliases: forms,
  /** Abbreviations and names whose capitals set them apart ("Norsk Industri"): case-sensitive whole words anywhere. */
  exact: forms,
  /** Names that are also ordinary words ("Delta", "Parat", "Spekter"): case-sensitive, never sentence-initial, never in an all-caps line. */
  common: forms,
  /** Ambiguous short forms ("H", "V", "R"): only inside a list of party names ("Ap, H og V"). */
  listOnly: forms,
  /** Canonical name of the organisation it belongs to (a member union's confederation, a ministry's government). */
  parent: z.string().min(1).optional(),
});
export type RegistryActor = z.infer<typeof RegistryActor>;

/** A Norwegian government, so "Solberg-regjeringen" / "Høyre-regjeringen" resolve to "Regjeringen Solberg". */
export const Government = z.strictObject({
  name: z.string().min(1),
  /** Surname of the prime minister. */
  pm: z.string().min(1),
  /** Canonical names of the governing parties, the prime minister's party first. */
  parties: z.array(z.string().min(1)).min(1),
  from: z.int(),
  to: z.int().nullable(),
});

/** A definite common noun that refers to the one actor of a kind the document names ("departementet"). */
export const Anaphor = z.strictObject({
  form: z.string().min(1),
  /** The referent is the only mentioned actor whose canonical name ends with one of these. */
  endsWith: z.array(z.string().min(1)).min(1),
});

/** Shape of actors.yaml: the actor registry and the general knowledge the actor rules need. */
export const ActorsLexicon = z.strictObject({
  actors: z.array(RegistryActor).min(1),
  governments: z.array(Government),
  /** Words for "government" that form "<Name>-regjeringen" and "regjeringen <Name>". */
  governmentWords: z.array(z.string().min(1)).min(1),
  /** Governing bodies and units of an organisation, in every inflected form; they are surface forms of it. */
  bodies: z.array(z.string().min(1)),
  /** The subset of bodies that, standing alone ("vedtatt på landsmøtet"), refer to the document's dominant organisation. */
  bareBodies: z.array(z.string().min(1)),
  /** Actor types that have county or local branches ("FO Vestfold og Telemark"). */
  branchTypes: z.array(ActorType),
  anaphora: z.array(Anaphor),
  /**
   * Letter sequences that fonts print as one ligature glyph ("ti", "ff", "fl"); PDF text extraction may drop such a
   * glyph, leaving a space inside a word ("Konserva vt") or nothing at its edge. Registry names are also matched in
   * that damaged form.
   */
  ligatures: z.array(z.string().regex(/^\p{Ll}{2,3}$/u)),
  places: z.strictObject({
    /** Norwegian counties, current and former. */
    counties: z.array(z.string().min(1)),
    /** Large municipalities and cities. */
    municipalities: z.array(z.string().min(1)),
  }),
  discovery: z.strictObject({
    /** Endings that make a capitalised word an organisation name, with the actor type they imply. */
    orgSuffixes: z.array(z.strictObject({ suffix: z.string().min(1), type: ActorType })),
    /** Endings that look like an org suffix but are not ("området" ends in "rådet"). */
    blockedEndings: z.array(z.string().min(1)),
    /** Capitalised words with an org suffix that are common nouns, not names ("Landsforeningen"). */
    notActors: z.array(z.string().min(1)),
    /** Capitalised words that may precede an org word as part of its name ("Norsk", "Statens"). */
    namePrefixes: z.array(z.string().min(1)),
    /** Nouns that make "<Place> kommune" a municipality. */
    municipalityWords: z.array(z.string().min(1)),
    /**
     * Definite endings of Norwegian nouns ("Lederne", "Alliansen"): a registry name that is also a word and ends in
     * one may be that word at a sentence's start even before a voice verb ("Lederne mener …").
     */
    definiteEndings: z.array(z.string().min(1)).default([]),
    /** Endings of national organisations' names that a county branch's name drops ("Landsorganisasjonen i Norge" → "Landsorganisasjonen i Trøndelag"). */
    nationalQualifiers: z.array(z.string().min(1)).default([]),
  }),
});
