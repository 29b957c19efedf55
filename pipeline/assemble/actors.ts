import type { ActorRecord } from '../document.ts';
import { message, type Message } from '../messages.ts';
import type { ActorRow } from '../models/tables.ts';
import { stableId } from '../ids.ts';
import { byCodeUnits } from './sort.ts';

// An actor's ID is a hash of its key alone, and the same keys recur in document after document: each is hashed once.
// The memo holds one entry per distinct key, as the actor table itself does.
const actorIds = new Map<string, string>();

/** Stable actor ID: the canonical name is the one field that identifies an actor across documents and releases. */
export function actorId(key: string): string {
  let id = actorIds.get(key);
  if (id === undefined) {
    id = stableId('act', key);
    actorIds.set(key, id);
  }
  return id;
}

/** How a document's rows point to actors: each call returns the actor's ID and records the use. */
export interface ActorRefs {
  /** Count one mention of `key` in `file` with its (normalised) surface form. */
  mention(key: string, file: string, surface: string): string;
  /** Note that a record points to `key` (publisher, claimant, addressee): it gets a row even if never mentioned. */
  refer(key: string, file: string, as: string): string;
}

interface Seen {
  /** Every record describing this key, registry records first, then in document order. */
  records: ActorRecord[];
  aliases: Set<string>;
  /** Documents that mention the key; mentions arrive document by document, so the last one is enough to count. */
  documents: number;
  lastDocument: string | null;
  mentions: number;
  /** Where the key was first used, for the message when no record describes it. */
  firstUse: { file: string | null; as: string } | null;
}

/**
 * Collects actors across the corpus and merges them into one row per canonical key: aliases from every
 * mention, type/role/affiliation from the person and organisation records, counts of documents and mentions.
 */
export class ActorTable implements ActorRefs {
  private readonly seen = new Map<string, Seen>();
  private readonly used = new Set<string>();

  private entry(key: string): Seen {
    let s = this.seen.get(key);
    if (!s) {
      s = { records: [], aliases: new Set(), documents: 0, lastDocument: null, mentions: 0, firstUse: null };
      this.seen.set(key, s);
    }
    return s;
  }

  /** Record what a document knows about its actors; call in document order so merging is deterministic. */
  describe(records: readonly ActorRecord[]): void {
    for (const r of records) this.entry(r.key).records.push(r);
  }

  /** Count one mention of `key` in `file` with its (normalised) surface form; call document by document. */
  mention(key: string, file: string, surface: string): string {
    const s = this.entry(key);
    s.mentions += 1;
    if (s.lastDocument !== file) {
      s.documents += 1;
      s.lastDocument = file;
    }
    if (surface.length > 0) s.aliases.add(surface);
    return this.refer(key, file, 'mention');
  }

  /** Note that a record points to `key` (publisher, claimant, addressee): it gets a row even if never mentioned. */
  refer(key: string, file: string, as: string): string {
    const s = this.entry(key);
    s.firstUse ??= { file, as };
    this.used.add(key);
    return actorId(key);
  }

  /** The merged rows (unsorted), plus an `unknown-actor` error for each used key no record describes. */
  rows(): { rows: ActorRow[]; messages: Message[] } {
    const messages: Message[] = [];
    // Affiliations are references too: follow them until no new key appears.
    const queue = [...this.used].sort(byCodeUnits);
    const included = new Set<string>();
    const rows: ActorRow[] = [];
    for (let i = 0; i < queue.length; i++) {
      const key = queue[i];
      if (key === undefined || included.has(key)) continue;
      included.add(key);
      const s = this.entry(key);
      const merged = merge(s.records);
      if (merged === null) {
        const use = s.firstUse;
        messages.push(
          message('unknown-actor', `actor "${key}" is used as ${use?.as ?? 'reference'} but no document describes it; kept as other_org`, {
            stage: 'assemble',
            file: use?.file ?? null,
          }),
        );
      }
      const affiliation = merged?.affiliation ?? null;
      if (affiliation !== null && affiliation !== key && !included.has(affiliation)) {
        const a = this.entry(affiliation);
        a.firstUse ??= { file: s.firstUse?.file ?? null, as: `affiliation of "${key}"` };
        queue.push(affiliation);
      }
      rows.push({
        actor_id: actorId(key),
        name: key,
        type: merged?.type ?? 'other_org',
        aliases: [...s.aliases].sort(byCodeUnits),
        role: merged?.role ?? null,
        affiliation_id: affiliation === null || affiliation === key ? null : actorId(affiliation),
        source: merged?.source ?? 'discovered',
        document_count: s.documents,
        mention_count: s.mentions,
      });
    }
    return { rows, messages };
  }
}

/**
 * One record from many: the curated registry wins over discovery, earlier documents over later ones;
 * role and affiliation fall back to the first record that has them.
 */
function merge(records: readonly ActorRecord[]): ActorRecord | null {
  const ranked = [...records.filter((r) => r.source === 'registry'), ...records.filter((r) => r.source !== 'registry')];
  const first = ranked[0];
  if (first === undefined) return null;
  return {
    ...first,
    role: first.role ?? ranked.find((r) => r.role !== null)?.role ?? null,
    affiliation: first.affiliation ?? ranked.find((r) => r.affiliation !== null)?.affiliation ?? null,
  };
}
