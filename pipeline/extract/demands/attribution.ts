import type { MentionRecord } from '../../document.ts';
import type { CompiledCues } from './cues.ts';
import type { MentionIndex } from './mentions.ts';
import { longestAt, type Token } from './tokens.ts';

/** A trailing speech attribution (", sier styreleder Gunn Marit Helgesen i møtet"). */
export interface Attribution {
  /** The person (or organisation) speaking, when the attribution names one the actor stage knows. */
  speaker: MentionRecord | null;
  /** An organisation named after the speaker ("sier president X i Legeforeningen"), or null. */
  organisation: string | null;
  /** Where the attribution begins (its comma or dash): the claim's span ends here. */
  cut: number;
  /** True when it names someone the actor stage does not know (", sier Haugen."): no pronoun to resolve. */
  stranger?: boolean;
}

const OPENS_CAPITAL = /^\p{Lu}/u;
const COMMA_OR_DASH = /[,–—-]/;

// An attribution is a short tail: speech verb, maybe a role, a name and a place ("i møtet med ASD").
const MAX_TAIL_WORDS = 14;

/** The trailing attribution of a sentence, or null. */
export function trailingAttribution(tokens: readonly Token[], cues: CompiledCues, mentions: MentionIndex): Attribution | null {
  for (let j = tokens.length - 1; j > 0; j--) {
    const before = tokens[j - 1] as Token;
    if (before.word || !COMMA_OR_DASH.test(before.text)) continue;
    if (!longestAt(tokens, j, cues.speechVerbs)) continue;
    const tail = tokens.slice(j);
    if (tail.filter((t) => t.word).length > MAX_TAIL_WORDS) return null;
    const last = tokens[tokens.length - 1] as Token;
    const named = mentions.within({ start: (tokens[j] as Token).start, end: last.end });
    const speaker = named.find((m) => mentions.actor(m.actor)?.type === 'person') ?? speakingOrganisation(named, tail, cues) ?? null;
    const attribution: Attribution = { speaker, organisation: organisationOf(speaker, named, tokens, cues, mentions), cut: before.start };
    if (speaker === null && namesSomeone(tail.slice(1), cues)) attribution.stranger = true;
    return attribution;
  }
  return null;
}

/**
 * An attribution sentence that points back at the quote before it: "Det sier forbundsleder Lise Aamot Strand til
 * NTB." (a word of `quoteBacks`, a speech verb, a speaker named in the sentence), or null.
 */
export function backAttribution(tokens: readonly Token[], cues: CompiledCues, mentions: MentionIndex): Attribution | null {
  const s = tokens.findIndex((t) => t.word);
  const first = tokens[s];
  if (first === undefined || !cues.quoteBacks.has(first.lc) || !longestAt(tokens, s + 1, cues.speechVerbs)) return null;
  const last = tokens[tokens.length - 1] as Token;
  const named = mentions.within({ start: (tokens[s + 1] as Token).start, end: last.end });
  const tail = tokens.slice(s + 1);
  const speaker = named.find((m) => mentions.actor(m.actor)?.type === 'person') ?? speakingOrganisation(named, tail, cues) ?? null;
  if (speaker !== null) return { speaker, organisation: organisationOf(speaker, named, tokens, cues, mentions), cut: first.start };
  // "Det sier hun.": the speaker before; "Det sier Haugen." someone unknown; "Det sier seg selv …" no attribution.
  const next = tail.slice(1).find((t) => t.word);
  if (next !== undefined && cues.speakerPronouns.has(next.lc)) return { speaker: null, organisation: null, cut: first.start };
  if (namesSomeone(tail.slice(1), cues)) return { speaker: null, organisation: null, cut: first.start, stranger: true };
  return null;
}

/**
 * True when the words after a speech verb name a speaker: a capitalised word before any pronoun or preposition
 * (", sier Haugen.", ", sier leder Haugen."), not ", sier hun til NRK.".
 */
function namesSomeone(after: readonly Token[], cues: CompiledCues): boolean {
  for (const t of after) {
    if (!t.word) continue;
    if (OPENS_CAPITAL.test(t.text)) return true;
    if (cues.speakerPronouns.has(t.lc) || cues.speakerPrepositions.has(t.lc) || cues.mediumPrepositions.has(t.lc)) return false;
  }
  return false;
}

/**
 * An organisation that speaks in an attribution without a person (", sier Fagforbundet."): the first one named before
 * any preposition; ", sier hun til NTB." names the medium, not the speaker.
 */
function speakingOrganisation(named: readonly MentionRecord[], tail: readonly Token[], cues: CompiledCues): MentionRecord | undefined {
  const first = named[0];
  if (first === undefined) return undefined;
  const gap = tail.filter((t) => t.word && t.end <= first.span.start);
  return gap.some((t) => cues.speakerPrepositions.has(t.lc) || cues.mediumPrepositions.has(t.lc)) ? undefined : first;
}

/**
 * The organisation an attribution names for its speaker: the next one after a title preposition ("sier Halvorsen i
 * Legeforeningen", "sier Vik, leder i LO"), not the medium ("sier Halvorsen til NTB") nor one of a relative clause.
 */
function organisationOf(speaker: MentionRecord | null, named: readonly MentionRecord[], tokens: readonly Token[], cues: CompiledCues, mentions: MentionIndex): string | null {
  if (speaker === null || mentions.actor(speaker.actor)?.type !== 'person') return null;
  const org = named.find((m) => m.span.start > speaker.span.end && mentions.actor(m.actor)?.type !== 'person');
  if (org === undefined) return null;
  const gap = tokens.filter((t) => t.start >= speaker.span.end && t.end <= org.span.start && t.word).map((t) => t.lc);
  const last = gap[gap.length - 1];
  return last !== undefined && cues.speakerPrepositions.has(last) && !gap.some((w) => cues.subordinators.has(w)) ? org.actor : null;
}
