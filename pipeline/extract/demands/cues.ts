import type { Lexicon } from '../../lexicon/load.ts';
import type { ActorType, Modality } from '../../models/vocab.ts';
import { type PhraseList, phraseList, phraseTokens } from './tokens.ts';

type Cues = Lexicon['cues'];

/** A normative verb cue, with its phrase as tokens. */
export interface VerbCue {
  words: string[];
  modality: Modality;
  rule: string;
  confidence: number;
  subject: 'actor' | 'any';
  addressee: 'object' | 'none';
  mandateOf: ReadonlySet<ActorType>;
  forecastNext: string[][];
  needsObject: boolean;
  plan: boolean;
}

/** cues.yaml compiled into token phrases and sets. */
export interface CompiledCues {
  verbs: VerbCue[];
  /** The verb cues by their first word, in lexicon order. */
  verbsByFirst: ReadonlyMap<string, readonly VerbCue[]>;
  openers: { words: string[]; modality: Modality; rule: string; confidence: number }[];
  planners: ReadonlySet<ActorType>;
  goal: {
    rule: string;
    confidence: number;
    copulas: PhraseList;
    adverbs: PhraseList;
    predicates: PhraseList;
    phrases: PhraseList;
    beneficiaryMarkers: ReadonlySet<string>;
  };
  imperative: { rule: string; confidence: number; verbs: PhraseList };
  listed: { rule: string; confidence: number };
  leadInCues: PhraseList;
  leadInNouns: PhraseList;
  addresseeMarkers: PhraseList;
  selfReferences: ReadonlySet<string>;
  selfTypes: ReadonlyMap<string, ReadonlySet<ActorType>>;
  coordinators: ReadonlySet<string>;
  auxiliaries: ReadonlySet<string>;
  timeAdverbials: PhraseList;
  attributionMarkers: PhraseList;
  documentSubjects: ReadonlySet<string>;
  resolvingTypes: ReadonlySet<ActorType>;
  resolvingRules: ReadonlySet<string>;
  claimVerbs: PhraseList;
  speechVerbs: PhraseList;
  quoteBacks: ReadonlySet<string>;
  speakerPrepositions: ReadonlySet<string>;
  mediumPrepositions: ReadonlySet<string>;
  speakerPronouns: ReadonlySet<string>;
  boundClaimVerbs: PhraseList;
  subordinators: ReadonlySet<string>;
  purposeBeforeAt: ReadonlySet<string>;
  complementizers: ReadonlySet<string>;
  discourseVerbs: PhraseList;
  determiners: ReadonlySet<string>;
  adverbs: PhraseList;
  agreementNouns: ReadonlySet<string>;
  agreementLinks: ReadonlySet<string>;
  agreementJoiners: ReadonlySet<string>;
  addressableTypes: ReadonlySet<ActorType>;
}

const cache = new WeakMap<Cues, CompiledCues>();
const all = (phrases: readonly string[]): PhraseList => phraseList(phrases);
const set = (words: readonly string[]): ReadonlySet<string> => new Set(words.map((w) => w.toLowerCase()));

/** Compile (and cache) the cue lexicon. */
export function compileCues(c: Cues): CompiledCues {
  const hit = cache.get(c);
  if (hit) return hit;
  const verbs: VerbCue[] = c.verbs.map((v) => ({
      words: phraseTokens(v.phrase),
      modality: v.modality,
      rule: v.rule,
      confidence: v.confidence,
      subject: v.subject,
      addressee: v.addressee,
      mandateOf: new Set(v.mandateOf),
      forecastNext: v.forecastNext.map(phraseTokens),
      needsObject: v.needsObject,
      plan: v.plan,
    }));
  const verbsByFirst = new Map<string, VerbCue[]>();
  for (const v of verbs) {
    const first = v.words[0] as string;
    verbsByFirst.set(first, [...(verbsByFirst.get(first) ?? []), v]);
  }
  const compiled: CompiledCues = {
    verbs,
    verbsByFirst,
    planners: new Set(c.planners),
    openers: c.openers.map((o) => ({ words: phraseTokens(o.phrase), modality: o.modality, rule: o.rule, confidence: o.confidence })),
    goal: {
      rule: c.goals.rule,
      confidence: c.goals.confidence,
      copulas: all(c.goals.copulas),
      adverbs: all(c.goals.adverbs),
      predicates: all(c.goals.predicates),
      phrases: all(c.goals.phrases),
      beneficiaryMarkers: set(c.goals.beneficiaryMarkers),
    },
    imperative: { rule: c.imperative.rule, confidence: c.imperative.confidence, verbs: all(c.imperative.verbs) },
    listed: c.listed,
    leadInCues: all(c.leadIns.cues),
    leadInNouns: all(c.leadIns.nouns),
    addresseeMarkers: all(c.leadIns.addresseeMarkers),
    selfReferences: set(c.selfReferences),
    selfTypes: new Map(c.selfTypes.map((t) => [t.word.toLowerCase(), new Set(t.types)] as const)),
    coordinators: set(c.coordinators),
    auxiliaries: set(c.auxiliaries),
    timeAdverbials: all(c.timeAdverbials),
    attributionMarkers: all(c.attributionMarkers),
    documentSubjects: set(c.documentSubjects),
    resolvingTypes: new Set(c.proposal.resolvingTypes),
    resolvingRules: new Set(c.proposal.resolvingRules),
    claimVerbs: all(c.claimVerbs),
    speechVerbs: all(c.speechVerbs),
    quoteBacks: set(c.quoteBacks),
    speakerPrepositions: set(c.speakerPrepositions),
    mediumPrepositions: set(c.mediumPrepositions),
    speakerPronouns: set(c.speakerPronouns),
    boundClaimVerbs: all(c.boundClaimVerbs),
    subordinators: set(c.subordinators),
    purposeBeforeAt: set(c.purposeBeforeAt),
    complementizers: set(c.complementizers),
    discourseVerbs: all(c.discourseVerbs),
    determiners: set(c.determiners),
    adverbs: all(c.adverbs),
    agreementNouns: set(c.agreementNouns),
    agreementLinks: set(c.agreementLinks),
    agreementJoiners: set(c.agreementJoiners),
    addressableTypes: new Set(c.addressableTypes),
  };
  cache.set(c, compiled);
  return compiled;
}
