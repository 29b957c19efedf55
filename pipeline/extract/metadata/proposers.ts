import type { ActorRecord, MentionRecord } from '../../document.ts';
import { alternation, filledCleanLines } from '../actors/text.ts';
import { perLexicon } from '../scan/memo.ts';

/** Who puts a proposal forward: the persons listed as its proposers and the organisations they speak for. */
export interface Proposers {
  persons: string[];
  organisations: string[];
}

// The proposers are named in the document's head ("Representantforslag fra stortingsrepresentantene A, B og C",
// "Forslagsstillere: A (MDG), B (MDG)"), after at most a few lines of web-page navigation.
const HEAD_LINES = 12;
// Organisations a proposer may speak for; a parliament a representative's title implies is where they sit, not whom they speak for.
const SPEAKS_FOR = new Set(['party', 'union', 'employer_org', 'other_org', 'municipality']);

/** A proposer marker as a whole word; compiled once per list. */
const markerPattern = perLexicon((markers: readonly string[]) => new RegExp(`(?<![\\p{L}])${alternation(markers)}(?![\\p{L}])`, 'iu'));

/**
 * The proposers of a parliamentary or council proposal: the persons a list after a plural title or label names
 * (`person-listed` mentions) in the document's head, or any person on a head line with a proposer marker, with their organisations in order of first listing (when the list
 * names none, the party the document names most). Null when the head lists nobody; whether the document is a
 * proposal at all is the genre's business.
 */
export function findProposers(text: string, mentions: readonly MentionRecord[], actors: readonly ActorRecord[], markers: readonly string[] = []): Proposers | null {
  const byKey = new Map(actors.map((a) => [a.key, a]));
  const head = filledCleanLines(text)
    .slice(0, HEAD_LINES)
    .map((l) => l.raw);
  const end = head[head.length - 1]?.end ?? 0;
  // A head line that names proposers ("fra stortingsrepresentant Kari Nordmann om …"): every person on it is one.
  const marked = markers.length === 0 ? [] : head.filter((l) => markerPattern(markers).test(text.slice(l.start, l.end)));
  const onMarked = (m: MentionRecord) => byKey.get(m.actor)?.type === 'person' && marked.some((l) => l.start <= m.span.start && m.span.end <= l.end);
  const listed = mentions.filter((m) => m.span.end <= end && (m.ruleId === 'person-listed' || onMarked(m))).sort((a, b) => a.span.start - b.span.start);
  if (listed.length === 0) return null;
  const persons = [...new Set(listed.map((m) => m.actor))];
  const organisations: string[] = [];
  for (const p of persons) {
    const org = byKey.get(p)?.affiliation;
    const type = org === null || org === undefined ? undefined : byKey.get(org)?.type;
    if (org && type !== undefined && SPEAKS_FOR.has(type) && !organisations.includes(org)) organisations.push(org);
  }
  if (organisations.length === 0) {
    // The list names no party: the party the proposal names most (and more than any other) is the proposers' own.
    const party = leadingParty(mentions, byKey);
    if (party !== null) organisations.push(party);
  }
  return { persons, organisations };
}

/** The party mentioned most often, when no other party is mentioned as often; null when none. */
function leadingParty(mentions: readonly MentionRecord[], byKey: ReadonlyMap<string, ActorRecord>): string | null {
  const counts = new Map<string, number>();
  for (const m of mentions) if (byKey.get(m.actor)?.type === 'party') counts.set(m.actor, (counts.get(m.actor) ?? 0) + 1);
  const ranked = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const [top, next] = ranked;
  return top === undefined || (next !== undefined && next[1] === top[1]) ? null : top[0];
}
