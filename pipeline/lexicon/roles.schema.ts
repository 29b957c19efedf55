import { z } from 'zod';

/** Shape of roles.yaml: titles and the words around them that let the pipeline find named persons. */
export const RolesLexicon = z.strictObject({
  /** Full titles, lower case; multiword titles allowed ("daglig leder", "første nestleder"). */
  titles: z.array(z.string().min(1)).min(1),
  /** Endings that make a word a title ("fylkesleder", "helseminister", "generalsekretær"). */
  titleSuffixes: z.array(z.string().min(1)),
  /** Words that may precede a title ("første", "fungerende"). */
  titleModifiers: z.array(z.string().min(1)),
  /** Prepositions that join a title to its organisation ("leder i", "leder for"). */
  titlePrepositions: z.array(z.string().min(1)),
  /** Words that open a news byline ("Av Kari Nordmann, NTB"). */
  bylineLabels: z.array(z.string().min(1)),
  /** Verbs that introduce a quoted or reported speaker ("sier", "mener"). */
  speechVerbs: z.array(z.string().min(1)),
  /** Titles whose organisation is implied: a canonical actor name, or `single-ministry` (the one ministry the document names). */
  impliedAffiliation: z.array(z.strictObject({ title: z.string().min(1), affiliation: z.string().min(1) })),
  /** Title ending and the matching ministry ending: "arbeids- og inkluderingsminister" → "…departementet". */
  ministerSuffix: z.strictObject({ title: z.string().min(1), ministry: z.string().min(1) }),
  /** Capitalised words that are never part of a person's name (greetings, labels, pronouns). */
  notNames: z.array(z.string().min(1)),
});
