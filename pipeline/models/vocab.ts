import { z } from 'zod';

/** Actor types, as in the annotation guide. */
export const ActorType = z
  .enum(['union', 'employer_org', 'party', 'government', 'ministry', 'agency', 'parliament', 'committee', 'municipality', 'court', 'company', 'other_org', 'person'])
  .meta({ description: 'Kind of actor: organisation family, public body or person.' });
export type ActorType = z.infer<typeof ActorType>;

export const Genre = z
  .enum(['letter', 'statement', 'agreement', 'news', 'resolution', 'program', 'hearing', 'proposal', 'other'])
  .meta({ description: 'Kind of document.' });
export type Genre = z.infer<typeof Genre>;

export const DatePrecision = z.enum(['day', 'month', 'year']).meta({ description: 'How precise an ISO date value is.' });
export type DatePrecision = z.infer<typeof DatePrecision>;

export const DateKind = z
  .enum(['document', 'event', 'reference'])
  .meta({ description: "`document`: the document's own date; `event`: when something happened or will happen; `reference`: a year or period referred to." });
export type DateKind = z.infer<typeof DateKind>;

export const Modality = z
  .enum(['must', 'should', 'will', 'want', 'demand', 'request', 'propose', 'support', 'oppose', 'goal', 'imperative', 'listed'])
  .meta({
    description:
      'The cue that makes the claim normative: must (må/skal), should (bør), will (vil), want (ønsker/går inn for), demand (krever), request (ber om), propose (foreslår), support (ja til), oppose (nei til), goal (mål/viktig å), imperative (resolution verb first), listed (bullet under a demand lead-in).',
  });
export type Modality = z.infer<typeof Modality>;

/** Comparative Agendas Project major topics (vendor/cap-major-topics.md), as slugs; `unclassified` when no topic word matched. */
export const TOPICS = {
  macroeconomics: 1,
  civil_rights: 2,
  health: 3,
  agriculture: 4,
  labour: 5,
  education: 6,
  environment: 7,
  energy: 8,
  immigration: 9,
  transportation: 10,
  law_and_crime: 12,
  social_welfare: 13,
  housing: 14,
  domestic_commerce: 15,
  defence: 16,
  technology: 17,
  foreign_trade: 18,
  international_affairs: 19,
  government_operations: 20,
  public_lands: 21,
  culture: 23,
  unclassified: null,
} as const;
export const Topic = z
  .enum(Object.keys(TOPICS) as [keyof typeof TOPICS, ...(keyof typeof TOPICS)[]])
  .meta({ description: 'Policy topic: a Comparative Agendas Project major topic as a slug, or `unclassified`.' });
export type Topic = z.infer<typeof Topic>;
