import { z } from 'zod';

const words = z.array(z.string().min(1)).min(1);

/** One policy area of the generator: headings, infinitive measures ("styrke …") and background sentences. */
export const GeneratorTopic = z.strictObject({
  headings: words,
  measures: words,
  facts: words,
});

const LAYOUT_KEYS = [
  'greeting', 'signatureRole', 'dateLine', 'statementTitle', 'adopted', 'sentTo', 'proposalIntro', 'partyWill',
  'agreementTitle', 'agreementIntro', 'agreementSigner', 'newsHeadline', 'byline', 'published', 'newsQuote',
  'alsoDemands', 'resolutionTitle', 'resolutionAdopted', 'resolutionLead', 'postbox', 'postcode', 'yourReference',
  'ourReference', 'hearingTitle', 'hearingPoints', 'letterTo', 'placeDate', 'programTitle',
] as const;

/** The fixed parts of each genre's layout, as templates with `{slot}`s. */
export const GeneratorLayout = z.strictObject(Object.fromEntries(LAYOUT_KEYS.map((k) => [k, z.string().min(1)])) as Record<(typeof LAYOUT_KEYS)[number], z.ZodString>);
export type LayoutKey = (typeof LAYOUT_KEYS)[number];

/** Shape of vocabulary.yaml: the words the synthetic document generator combines (never read by the pipeline). */
export const GeneratorVocabulary = z.strictObject({
  firstNames: words,
  surnames: words,
  topics: z.array(GeneratorTopic).min(1),
  filler: words,
  leadIns: words,
  demands: words,
  quotes: words,
  webFurniture: words,
  /** (printed, read) pairs of OCR and PDF character confusions. */
  ocrConfusions: z.array(z.tuple([z.string().min(1), z.string().min(1)])).min(1),
  layout: GeneratorLayout,
});
export type GeneratorVocabulary = z.infer<typeof GeneratorVocabulary>;
