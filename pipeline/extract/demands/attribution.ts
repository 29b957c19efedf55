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
}

// An attribution is a short tail: speech verb, maybe a role, a name and a place ("i møtet med ASD").
const MAX_TAIL_WORDS = 14;

/** The trailing attribution of a sentence, or null. */
export function trailingAttribution(tokens: readonly Token[], cues: CompiledCues, mentions: MentionIndex): Attribution | null {
  for (let j = tokens.length - 1; j > 0; j--) {
    const before = tokens[j - 1] as Token;
    if (before.word || !/[,–—-]/.test(before.text)) continue;
    if (!longestAt(tokens, j, cues.speechVerbs)) continue;
    const tail = tokens.slice(j);
    if (tail.filter((t) => t.word).length > MAX_TAIL_WORDS) return null;
    const last = tokens[tokens.length - 1] as Token;
    const named = mentions.within({ start: (tokens[j] as Token).start, end: last.end });
    const speaker = named.find((m) => mentions.actor(m.actor)?.type === 'person') ?? named[0] ?? null;
    const organisation = named.find((m) => m !== speaker && m.span.start > (speaker?.span.end ?? -1) && mentions.actor(m.actor)?.type !== 'person');
    return { speaker, organisation: organisation?.actor ?? null, cut: before.start };
  }
  return null;
}
