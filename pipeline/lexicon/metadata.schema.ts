import { z } from 'zod';
import { Genre } from '../models/vocab.ts';

/** A genre cue: word stems that, found in a part of the document, vote for a genre with a weight. */
export const GenreCue = z.strictObject({
  genre: Genre,
  /** Matched case-insensitively at the start of a word; may be several words. */
  stems: z.array(z.string().min(1)).min(1),
  /** `title`: the title area (first short lines before running text); `body`: anywhere; `closing`: the last lines. */
  scope: z.enum(['title', 'body', 'closing']),
  weight: z.number().positive(),
});

/** Shape of metadata.yaml: cues for the document's own date, publisher, title and genre. */
export const MetadataLexicon = z.strictObject({
  date: z.strictObject({
    /** Labels followed by the document's date on the same line ("Dato:", "Publisert"). */
    labels: z.array(z.string().min(1)),
    /** Words that, earlier in the same sentence, make a date the adoption or signing date ("vedtatt"). */
    adoption: z.array(z.string().min(1)),
    /** Nouns for the document itself: an adoption sentence about one of these dates the document ("Uttalelsen ble vedtatt …"). */
    documentNouns: z.array(z.string().min(1)),
    /** Words that may stand between the place and the date of a place-and-date line ("Arendal, den 3. mars 2023"). */
    placeDateWords: z.array(z.string().min(1)).default([]),
    /** How many characters may separate a label or cue from the date. */
    maxGap: z.int().positive(),
  }),
  publisher: z.strictObject({
    /** Verbs that show an actor speaking or demanding in its own voice, right after its name. */
    voiceVerbs: z.array(z.string().min(1)),
    /** Words that introduce the parties of a joint text ("avtale mellom X og Y"). */
    agreementLinks: z.array(z.string().min(1)),
  }),
  proposers: z
    .strictObject({
      /** Words on a head line that make the persons named there a proposal's proposers ("fra stortingsrepresentant X"). */
      markers: z.array(z.string().min(1)),
    })
    .default({ markers: [] }),
  title: z.strictObject({
    /** Lines starting with these are labels or boilerplate, never a title. */
    skipLines: z.array(z.string().min(1)),
    /** Longest title, in words; a longer line is running text and ends the title area. */
    maxWords: z.int().positive(),
    /** Words that, starting the next line, continue a title broken over lines ("… (SV)" / "OG FELLESORGANISASJONEN …"). */
    continuations: z.array(z.string().min(1)),
  }),
  genre: z.strictObject({
    cues: z.array(GenreCue),
    /** Weight of each third-person quote ("…, sier Helgesen") for `news`, and the cap on their sum. */
    quoteWeight: z.number().positive(),
    quoteCap: z.number().positive(),
    /** Weight for `statement` when the publisher speaks through a governing body ("KS' landsstyre mener"). */
    bodyVoiceWeight: z.number().positive(),
    /** Weight for `resolution` when the text says it was adopted by a body ("Uttalelsen ble vedtatt på …"). */
    adoptedWeight: z.number().positive(),
    /** Weight for `proposal` when the head lists the proposers ("fra stortingsrepresentantene A og B"). */
    proposersWeight: z.number().positive(),
    /** How many lines count as the title area and the closing. */
    headLines: z.int().positive(),
    closingLines: z.int().positive(),
  }),
});
