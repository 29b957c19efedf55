import type { ActorRecord, MentionRecord, Span } from '../../document.ts';
import { isRegExpSpaceUnit } from '../../normalise/chars.ts';

// Between an actor and its verb: a possessive and one governing-body word ("KS' landsstyre", "LOs kongress").
const SUBJECT_GAP = /^(?:['’]s?|s)?(?:\s+\p{Ll}[\p{L}-]*)?\s*$/u;

const LETTERS_AT_START = /^[\p{L}]+/u;

// Words that may open a sentence before its subject: a title and its organisation ("Forbundsleder i NSF, …").
const SUBJECT_LEAD_WORDS = 4;

/** Actor mentions of one document, ordered, with the lookups the claimant rules need. */
export class MentionIndex {
  private readonly sorted: MentionRecord[];
  private readonly byKey: Map<string, ActorRecord>;
  /** Organisations learned from the text for persons the actor stage left without one ("sier X i Legeforeningen"). */
  private readonly learned = new Map<string, string>();

  private readonly byStart = new Map<number, MentionRecord>();

  constructor(
    private readonly text: string,
    mentions: readonly MentionRecord[],
    actors: readonly ActorRecord[],
  ) {
    this.sorted = [...mentions].sort((a, b) => a.span.start - b.span.start || b.span.end - a.span.end);
    this.byKey = new Map(actors.map((a) => [a.key, a]));
    for (const m of this.sorted) if (!this.byStart.has(m.span.start)) this.byStart.set(m.span.start, m);
  }

  /** Index of the first mention starting at or after `pos` (binary search). */
  private firstFrom(pos: number): number {
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.sorted[mid] as MentionRecord).span.start < pos) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The actor record of a key, if the document knows it. */
  actor(key: string): ActorRecord | undefined {
    return this.byKey.get(key);
  }

  /** The organisation a person speaks for: the actor stage's affiliation, else one the text gave next to them. */
  affiliationOf(key: string): string | null {
    const actor = this.byKey.get(key);
    if (actor?.type !== 'person') return null;
    return actor.affiliation ?? this.learned.get(key) ?? null;
  }

  /** Remember the organisation named next to a person in an attribution. */
  learnAffiliation(person: string, organisation: string): void {
    if (!this.learned.has(person)) this.learned.set(person, organisation);
  }

  /**
   * The person last named as a sentence's subject before `pos` ("Hovedtillitsvalgt Jostein Melby i NSF sier …",
   * "Halvorsen viser til …"): whom a following unattributed quote or a "sier hun" most likely belongs to.
   */
  lastSubjectPerson(pos: number): MentionRecord | null {
    for (let i = this.firstFrom(pos) - 1; i >= 0; i--) {
      const m = this.sorted[i] as MentionRecord;
      if (m.span.end > pos || this.byKey.get(m.actor)?.type !== 'person') continue;
      let start = m.span.start;
      while (start > 0 && !'.!?\n'.includes(this.text.charAt(start - 1))) start--;
      const lead = this.text.slice(start, m.span.start).trim();
      if (lead === '' || lead.split(/\s+/).length <= SUBJECT_LEAD_WORDS) return m;
    }
    return null;
  }

  /** Mentions a given rule made, in text order ("person-signature"). */
  byRule(ruleId: string): MentionRecord[] {
    return this.sorted.filter((m) => m.ruleId === ruleId);
  }

  /** Mentions wholly inside a span. */
  within(span: Span): MentionRecord[] {
    const out: MentionRecord[] = [];
    for (let i = this.firstFrom(span.start); i < this.sorted.length; i++) {
      const m = this.sorted[i] as MentionRecord;
      if (m.span.start >= span.end) break;
      if (m.span.end <= span.end) out.push(m);
    }
    return out;
  }

  /** The mention that is the subject standing right before `pos` ("KS' landsstyre | mener"), or null. */
  endingBefore(pos: number, floor: number): MentionRecord | null {
    let best: MentionRecord | null = null;
    for (let i = this.firstFrom(floor); i < this.sorted.length; i++) {
      const m = this.sorted[i] as MentionRecord;
      if (m.span.start >= pos) break;
      if (m.span.end > pos || pos - m.span.end > 40) continue;
      if (SUBJECT_GAP.test(this.text.slice(m.span.end, pos)) && (best === null || m.span.end > best.span.end)) best = m;
    }
    return best;
  }

  /**
   * The actors coordinated before a subject mention, nearest last: "Fagforbundet Agder og | Agder Arbeiderparti",
   * "A, B og | C". Only mentions joined by a comma or one of `joiners` count, none before `floor`.
   */
  coordinatedBefore(m: MentionRecord, floor: number, joiners: ReadonlySet<string>): MentionRecord[] {
    const out: MentionRecord[] = [];
    let right = m;
    for (let i = this.sorted.indexOf(m) - 1; i >= 0; i--) {
      const left = this.sorted[i] as MentionRecord;
      if (left.span.start < floor) break;
      if (left.span.end > right.span.start) continue;
      const gap = this.text.slice(left.span.end, right.span.start).trim().toLowerCase();
      if (gap !== ',' && !joiners.has(gap)) break;
      out.unshift(left);
      right = left;
    }
    return out;
  }

  /** The mention right after `pos`, skipping spaces and determiners ("må | en ny regjering"), or null. */
  startingAfter(pos: number, skip: ReadonlySet<string>, ceiling: number): MentionRecord | null {
    let i = pos;
    for (let words = 0; words <= 3 && i < ceiling; words++) {
      while (i < ceiling && isRegExpSpaceUnit(this.text.charCodeAt(i))) i++;
      const here = this.byStart.get(i);
      if (here && here.span.end <= ceiling) return here;
      const word = LETTERS_AT_START.exec(this.text.slice(i, Math.min(ceiling, i + 40)))?.[0];
      if (word === undefined || !skip.has(word.toLowerCase())) return null;
      i += word.length;
    }
    return null;
  }
}
