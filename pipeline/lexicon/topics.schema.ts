import { z } from 'zod';
import { Topic } from '../models/vocab.ts';

const Stem = z.string().regex(/^[\p{Ll}\p{N}-]+(?: [\p{Ll}\p{N}-]+)*$/u, 'stems are lowercase words');

/** How the stems of one topic match a word: whole word, word start, or anywhere inside a compound. */
const TopicStems = z.object({
  /** The whole word ("nav", "aap"). */
  words: z.array(Stem).default([]),
  /** The start of a word ("skole" → skolen, skolehelsetjeneste). Multi-word stems match a phrase start. */
  prefixes: z.array(Stem).default([]),
  /** Anywhere inside a word, for compound heads ("helse" → spesialisthelsetjenesten). */
  parts: z.array(Stem).default([]),
});

const TopicSlug = Topic.exclude(['unclassified']);

/** Shape of topics.yaml: Norwegian stems for each CAP major topic, and how much the section heading counts. */
export const TopicsLexicon = z.object({
  /** Weight of a stem found in the section heading, against 1 for a stem in the demand itself. */
  headingWeight: z.number().min(0).max(1),
  /** Stems that match but belong to no topic; as the longest match they stop a shorter stem ("sosialfaglig" ≠ sosial). */
  neutral: TopicStems,
  topics: z.partialRecord(TopicSlug, TopicStems),
});
