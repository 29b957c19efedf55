import type { GoldActor } from './gold-schema.ts';
import { maximumMatching } from './match.ts';
import { nameKey } from './text.ts';
import type { PredictedActor } from './types.ts';

/** Every key a gold actor answers to: its canonical name and each surface form. */
export const goldKeys = (a: GoldActor): Set<string> => new Set([a.name, ...a.forms].map(nameKey));

/** Every key a predicted actor answers to: its canonical name and each alias. */
export const predictedKeys = (a: PredictedActor): Set<string> => new Set([a.name, ...a.aliases].map(nameKey));

const shares = (a: Set<string>, b: Set<string>): boolean => [...a].some((k) => b.has(k));

/** Result of matching a document's predicted actors to its gold actors. */
export interface ActorMatch {
  /** Per gold actor (in gold order), the matched predicted actor or null. */
  gold: (PredictedActor | null)[];
  /** Predicted actors left without a gold partner. */
  unmatched: PredictedActor[];
}

/**
 * One-to-one match of predicted to gold actors of one document: a pair may match when the predicted name or an
 * alias equals the gold name or a gold form (case-insensitive). A maximum matching is taken, preferring pairs
 * whose canonical names agree, so a shared short form ("SV") cannot steal a better partner.
 */
export function matchActors(gold: readonly GoldActor[], predicted: readonly PredictedActor[]): ActorMatch {
  const pKeys = predicted.map(predictedKeys);
  const edges = gold.map((g) => {
    const gKeys = goldKeys(g);
    const candidates = predicted.map((_, i) => i).filter((i) => shares(gKeys, pKeys[i] as Set<string>));
    const exact = (i: number) => (nameKey((predicted[i] as PredictedActor).name) === nameKey(g.name) ? 0 : 1);
    return candidates.sort((a, b) => exact(a) - exact(b) || a - b);
  });
  const partner = maximumMatching(edges, predicted.length);
  const taken = new Set(partner.filter((r) => r !== -1));
  return {
    gold: partner.map((r) => (r === -1 ? null : (predicted[r] as PredictedActor))),
    unmatched: predicted.filter((_, i) => !taken.has(i)),
  };
}

/**
 * Resolves predicted actor IDs to gold canonical names for one document: first through the actor match, then
 * (for actors without a mention there, e.g. a claimant only) by shared keys, preferring an equal canonical name.
 * Returns null for an actor that answers to no gold actor of the document.
 */
export function goldNameResolver(
  gold: readonly GoldActor[],
  match: ActorMatch,
  actorsById: ReadonlyMap<string, PredictedActor>,
): (actorId: string) => string | null {
  const matched = new Map<string, string>();
  match.gold.forEach((p, i) => {
    if (p !== null) matched.set(p.actor_id, (gold[i] as GoldActor).name);
  });
  return (actorId) => {
    const direct = matched.get(actorId);
    if (direct !== undefined) return direct;
    const p = actorsById.get(actorId);
    if (p === undefined) return null;
    const keys = predictedKeys(p);
    const byName = gold.find((g) => nameKey(g.name) === nameKey(p.name));
    if (byName) return byName.name;
    const byForm = gold.find((g) => shares(goldKeys(g), keys));
    return byForm ? byForm.name : null;
  };
}
