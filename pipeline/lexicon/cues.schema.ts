import { z } from 'zod';
import { ActorType, Modality } from '../models/vocab.ts';

/** Lowercase words separated by single spaces; matched token by token. */
const Phrase = z.string().regex(/^\S+(?: \S+)*$/, 'a phrase is words separated by single spaces');
/** A record's ruleId: short kebab-case. */
const RuleId = z.string().regex(/^demand(?:-[a-z0-9]+)+$/, 'demand rule ids are kebab-case and start with "demand-"');
const Confidence = z.number().min(0).max(1);

/** A finite verb (phrase) that makes its clause normative ("må", "krever", "går inn for"). */
const VerbCue = z.object({
  phrase: Phrase,
  modality: Modality,
  rule: RuleId,
  confidence: Confidence,
  /**
   * `actor`: a claim only when an actor, a self-reference or "vi"/"jeg" is its subject ("KS krever", not
   * "oppfølging krever"); `any`: any subject ("Det må …").
   */
  subject: z.enum(['actor', 'any']),
  /** `object`: the actor named right after the verb is asked to act ("FO ber Arbeiderpartiet …"). */
  addressee: z.enum(['object', 'none']).default('none'),
  /** Descriptive when the subject is a public body of one of these types that is not the claimant ("Nav skal hjelpe …"). */
  mandateOf: z.array(ActorType).default([]),
  /** The next verb makes it a forecast, not a will ("vil det ta", "vil være"). */
  forecastNext: z.array(Phrase).default([]),
  /** Needs an object: at the end of its clause it only describes ("enn det ESA krever"). */
  needsObject: z.boolean().default(false),
  /** States a will or commitment: from a government or ministry (see `planners`) it is a plan, not a demand. */
  plan: z.boolean().default(false),
});

/** Words that open a unit and make it a claim on their own ("Nei til …"). */
const OpenerCue = z.object({ phrase: Phrase, modality: Modality, rule: RuleId, confidence: Confidence });

/** Shape of cues.yaml: the Norwegian words that make a sentence or bullet a demand, and those that unmake it. */
export const CuesLexicon = z.object({
  verbs: z.array(VerbCue).min(1),
  openers: z.array(OpenerCue),
  /** Actor types whose own will is a plan, not a demand ("Regjeringen ønsker å …"). */
  planners: z.array(ActorType),
  goals: z.object({
    rule: RuleId,
    confidence: Confidence,
    /** "det er", "er det" (after a fronted phrase). */
    copulas: z.array(Phrase),
    /** May stand between the copula and the predicate ("det er derfor nødvendig at"). */
    adverbs: z.array(Phrase),
    /** Goal or priority predicate with its complement word ("viktig å", "nødvendig at", "behov for"). */
    predicates: z.array(Phrase),
    /** Goal phrases that need no copula ("har som mål å", "målet er å"). */
    phrases: z.array(Phrase),
    /** Words that bring in whom the goal matters to, between predicate and complement ("viktig for KS å"). */
    beneficiaryMarkers: z.array(Phrase),
  }),
  imperative: z.object({
    rule: RuleId,
    confidence: Confidence,
    /** Infinitives and imperatives that open a resolution clause or a bullet ("Sikre at …", "Hold …"). */
    verbs: z.array(Phrase),
  }),
  listed: z.object({ rule: RuleId, confidence: Confidence }),
  leadIns: z.object({
    /** A block ending in ":" (or in one of these words, before a list) is a demand lead-in when it contains one. */
    cues: z.array(Phrase),
    /**
     * Nouns that head a demand lead-in ("Våre krav:", "Tiltak for en bedre skole:", "… følgende tiltak:"): they count
     * only as the lead-in's first or last word, since inside a sentence they name things ("… stanse politiske vedtak utløses ved:").
     */
    nouns: z.array(Phrase).default([]),
    /** "… punkter til Arbeiderpartiets partiprogram:": the actor after the marker is the addressee of the list. */
    addresseeMarkers: z.array(Phrase),
  }),
  /** Subjects that stand for the document's own voice ("vi", "partiet", "landsmøtet"). */
  selfReferences: z.array(Phrase),
  /**
   * Self-references that name one kind of voice ("partiet" a party, "forbundet" a union): in a joint text they stand
   * for the one party of that type ("Partiet skal …" in an agreement between a union and a party).
   */
  selfTypes: z.array(z.object({ word: Phrase, types: z.array(ActorType).min(1) })).default([]),
  /** Words that coordinate two subjects ("A og B krever"). */
  coordinators: z.array(Phrase).default([]),
  /** Auxiliaries of a perfect tense between a subject and its participle ("FO har krevd"). */
  auxiliaries: z.array(Phrase).default([]),
  /** Time adverbials that may stand between an auxiliary and its participle ("har i flere år krevd"). */
  timeAdverbials: z.array(Phrase).default([]),
  /** Prepositions that attribute a clause to an actor ("Ifølge Legeforeningen bør …"). */
  attributionMarkers: z.array(Phrase).default([]),
  /** Subjects that state what the text itself does ("Avtalen skal styrke samarbeidet"): no demand. */
  documentSubjects: z.array(Phrase).default([]),
  proposal: z
    .object({
      /**
       * Actor types whose request in a proposal ("Stortinget ber regjeringen …") is the wording of the resolution the
       * proposers put forward: the proposers are its claimants.
       */
      resolvingTypes: z.array(ActorType),
      /** The rules of the present-tense requests that word a resolution ("ber"); "har bedt" reports an earlier one. */
      resolvingRules: z.array(RuleId),
    })
    .default({ resolvingTypes: [], resolvingRules: [] }),
  /** Verbs whose subject owns a claim made in their at-clause ("KS mener at … må", "X er opptatt av at"). */
  claimVerbs: z.array(Phrase),
  /** Claim verbs that own an at-clause only when their subject is an actor or the text's own voice ("Partene er enige om at …"). */
  boundClaimVerbs: z.array(Phrase).default([]),
  /** Speech verbs of a trailing attribution (", sier Helgesen"). */
  speechVerbs: z.array(Phrase),
  /** Prepositions that tie a speaker to the organisation they speak for in an attribution ("sier Vik i LO", "… fra NHO"). */
  speakerPrepositions: z.array(Phrase).default([]),
  /** Pronouns that name the last speaker in an attribution ("Det sier hun."). */
  speakerPronouns: z.array(Phrase).default([]),
  /** Prepositions that bring in the medium an attribution names ("sier hun til NTB"), never the speaker. */
  mediumPrepositions: z.array(Phrase).default([]),
  /** Words that open an attribution sentence pointing back at the quote before it ("Det sier Helgesen."). */
  quoteBacks: z.array(Phrase).default([]),
  /** Conjunctions and relatives that put a modal into a subordinate (descriptive) clause ("som skal", "for at … skal"). */
  subordinators: z.array(Phrase),
  /** Words before "at" that make it a purpose or result clause, never a claim ("for at", "slik at"). */
  purposeBeforeAt: z.array(Phrase),
  /** Conjunctions of a complement clause ("at"): after a claim verb they keep the claim; after a cue they introduce the addressee. */
  complementizers: z.array(Phrase),
  /** After "vil X": speech acts about the text itself, not policy ("FO vil trekke frem tre saker"). */
  discourseVerbs: z.array(Phrase),
  /** Words that may stand between a cue and the following subject or object ("må en ny regjering"). */
  determiners: z.array(Phrase),
  /** Adverbs that may stand between a cue and the verb it governs ("vil særlig trekke frem"). */
  adverbs: z.array(Phrase),
  /** Words naming a joint agreement; with "mellom" they make the actors named the joint voice. */
  agreementNouns: z.array(Phrase),
  /** Words that introduce the parties after an agreement noun ("mellom"). */
  agreementLinks: z.array(Phrase),
  /** Words that open a block continuing the list of parties ("OG FELLESORGANISASJONEN …"). */
  agreementJoiners: z.array(Phrase),
  /** Actor types that can be asked to act when they are the subject of a modal ("Regjeringen må …"). */
  addressableTypes: z.array(ActorType),
});
