import type { Modality, Topic } from '../../models/vocab.ts';

/** Norwegian names of the CAP topics for the page; typed by the vocabulary, so a new topic cannot be forgotten. */
export const TOPIC_LABELS: Record<Topic, string> = {
  macroeconomics: 'Makroøkonomi',
  civil_rights: 'Borgerrettigheter',
  health: 'Helse',
  agriculture: 'Landbruk',
  labour: 'Arbeidsliv',
  education: 'Utdanning',
  environment: 'Miljø',
  energy: 'Energi',
  immigration: 'Innvandring',
  transportation: 'Samferdsel',
  law_and_crime: 'Justis og kriminalitet',
  social_welfare: 'Sosial velferd',
  housing: 'Bolig',
  domestic_commerce: 'Næringsliv',
  defence: 'Forsvar',
  technology: 'Teknologi',
  foreign_trade: 'Utenrikshandel',
  international_affairs: 'Internasjonale forhold',
  government_operations: 'Offentlig forvaltning',
  public_lands: 'Areal og naturressurser',
  culture: 'Kultur',
  unclassified: 'Uklassifisert',
};

/** Norwegian names of the modalities (the cue that makes a claim a demand). */
export const MODALITY_LABELS: Record<Modality, string> = {
  must: 'må / skal',
  should: 'bør',
  will: 'vil',
  want: 'ønsker',
  demand: 'krever',
  request: 'ber om',
  propose: 'foreslår',
  support: 'støtter',
  oppose: 'går imot',
  goal: 'mål',
  imperative: 'oppfordring',
  listed: 'punkt under krav',
};
