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
  /**
   * Plural titles and labels that introduce a list of names ("stortingsrepresentantene A, B og C", "Forslagsstillere:
   * A (MDG), B (MDG)"), with the title each person listed takes (null for a label that is no title).
   */
  listTitles: z.array(z.strictObject({ form: z.string().min(1), title: z.string().min(1).nullable() })).default([]),
  /**
   * Titles of a function inside an organisation ("forbundsleder", "hovedtillitsvalgt"): written without an
   * organisation in a text an organisation publishes, they are that organisation's.
   */
  ownTitles: z.array(z.string().min(1)).default([]),
  /** Words that may join a name to its title ("Kari Hansen, som er leder i Fagforbundet"). */
  appositionLinks: z.array(z.string().min(1)).default([]),
  /** Words that open the organisation line above a signature ("For Fagforbundet Agder", "På vegne av KS"). */
  signatureLabels: z.array(z.string().min(1)).default([]),
  /** Capitalised words that are never part of a person's name (greetings, labels, pronouns). */
  notNames: z.array(z.string().min(1)),
});
