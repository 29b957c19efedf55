import type { ActorRecord, MentionRecord } from '../../document.ts';
import type { Lexicon } from '../../lexicon/load.ts';
import { alternation, filledCleanLines } from '../actors/text.ts';
import { perLexicon } from '../scan/memo.ts';

/** The publisher chosen from the text, and the rule that chose it. */
export interface FoundPublisher {
  key: string;
  ruleId: string;
}

// Actor types that can issue a document in their own voice (persons speak for their affiliation).
const ISSUERS = new Set(['union', 'employer_org', 'party', 'government', 'ministry', 'agency', 'parliament', 'committee', 'municipality', 'court', 'company', 'other_org']);
// Who may be the publisher only because it is mentioned most: bodies that write programmes and statements.
const AUTHORS = new Set(['union', 'employer_org', 'party']);
/** A voice verb (or a colon) after a name, and a link word naming an agreement's parties; compiled once per lexicon. */
const patterns = perLexicon((lexicon: Lexicon['metadata']) => ({
  verb: new RegExp(`^\\s*(?::|${alternation(lexicon.publisher.voiceVerbs)}(?![\\p{L}]))`, 'iu'),
  link: new RegExp(`(?<![\\p{L}])${alternation(lexicon.publisher.agreementLinks)}(?![\\p{L}])`, 'iu'),
}));

// How many first lines may carry the heading that names the issuer or the parties of an agreement.
const HEAD_LINES = 6;

/**
 * The organisation that speaks in its own voice: the affiliation of a news byline ("Av Kari Nordmann, NTB")
 * or of the first signature, the organisation
 * opening the heading or first line with a demand verb ("LO krever …"), the first party of a joint text
 * ("avtale mellom X og Y"), else the organisation most often the subject of a voice verb ("KS mener"),
 * else the organisation mentioned clearly most often.
 */
export function pickPublisher(
  text: string,
  actors: readonly ActorRecord[],
  mentions: readonly MentionRecord[],
  lexicon: Lexicon['metadata'],
): FoundPublisher | null {
  const byKey = new Map(actors.map((a) => [a.key, a]));
  // A person's voice is their organisation's voice.
  const issuer = (key: string): string | null => {
    const a = byKey.get(key);
    if (!a) return null;
    if (a.type === 'person') return a.affiliation;
    return ISSUERS.has(a.type) ? a.key : null;
  };
  const sorted = [...mentions].sort((a, b) => a.span.start - b.span.start);

  for (const [rule, ruleId] of [
    ['person-byline', 'publisher-byline'],
    ['person-signature', 'publisher-signature'],
  ] as const) {
    const sign = sorted.find((m) => m.ruleId === rule);
    const key = sign ? issuer(sign.actor) : null;
    if (key) return { key, ruleId };
  }

  const { verb, link } = patterns(lexicon);
  const head = filledCleanLines(text).slice(0, HEAD_LINES);
  // A heading, not a sentence of running text: short and without a final full stop.
  const headingLike = (l: { text: string }) => l.text.split(/\s+/).length <= lexicon.title.maxWords && !/\.$/.test(l.text);
  for (const line of head.filter(headingLike)) {
    const first = sorted.find((m) => m.span.start === line.span.start);
    const key = first ? issuer(first.actor) : null;
    if (first && key && verb.test(text.slice(first.span.end, line.span.end))) return { key, ruleId: 'publisher-heading' };
  }
  for (const line of head) {
    const m = link.exec(line.text);
    if (!m) continue;
    const after = line.span.start + m.index + m[0].length;
    const party = sorted.find((x) => x.span.start >= after && x.span.end <= line.span.end && issuer(x.actor) !== null);
    if (party) return { key: issuer(party.actor) as string, ruleId: 'publisher-agreement-first-party' };
  }

  const voiced = new Map<string, number>();
  const total = new Map<string, number>();
  for (const m of sorted) {
    const key = issuer(m.actor);
    if (!key) continue;
    total.set(key, (total.get(key) ?? 0) + 1);
    if (verb.test(text.slice(m.span.end, m.span.end + 40)) && !/^\s*:/.test(text.slice(m.span.end, m.span.end + 3))) {
      voiced.set(key, (voiced.get(key) ?? 0) + 1);
    }
  }
  const best = leader(voiced, total);
  if (best) return { key: best, ruleId: 'publisher-voice' };
  const authored = new Map([...total].filter(([k]) => AUTHORS.has(byKey.get(k)?.type ?? '')));
  const most = leader(authored, authored, 3);
  return most ? { key: most, ruleId: 'publisher-most-mentioned' } : null;
}

/** The key with the highest count (ties broken by total mentions), if it reaches `min` and leads alone. */
function leader(counts: ReadonlyMap<string, number>, total: ReadonlyMap<string, number>, min = 1): string | null {
  const ranked = [...counts].sort((a, b) => b[1] - a[1] || (total.get(b[0]) ?? 0) - (total.get(a[0]) ?? 0) || (a[0] < b[0] ? -1 : 1));
  const [top, next] = ranked;
  if (!top || top[1] < min) return null;
  if (next && next[1] === top[1] && (total.get(next[0]) ?? 0) === (total.get(top[0]) ?? 0)) return null;
  return top[0];
}
