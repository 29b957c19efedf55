import type { GoldFile } from './gold-schema.ts';
import { goldNameResolver, matchActors } from './score-actors.ts';
import { matchDemands } from './score-demands.ts';
import { flatten } from './text.ts';
import type { AttributionError, DocumentScore, EvalReport, Predicted, PredictedActor, Prf, Ratio, Tally } from './types.ts';

// Scoring is a pure function of the gold files and the build's tables; files are read by load.ts.

/** Precision, recall and F1 of a tally; each is 0 when its denominator is 0. */
export function prf(t: Tally): Prf {
  const precision = t.tp + t.fp === 0 ? 0 : t.tp / (t.tp + t.fp);
  const recall = t.tp + t.fn === 0 ? 0 : t.tp / (t.tp + t.fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { ...t, precision, recall, f1 };
}

const sameSet = (a: readonly string[], b: readonly string[]): boolean => {
  const sa = new Set(a);
  const sb = new Set(b);
  return sa.size === sb.size && [...sa].every((x) => sb.has(x));
};

const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Score one gold document against the build's rows for the same source file. */
export function scoreDocument(gold: GoldFile, predicted: Predicted, actorsById: ReadonlyMap<string, PredictedActor>): DocumentScore {
  const row = predicted.documents.find((d) => d.source_file === gold.document);
  const docId = row?.document_id;
  const mentioned = new Set(predicted.mentions.filter((m) => m.document_id === docId).map((m) => m.actor_id));
  const actors = [...mentioned].flatMap((id) => {
    const a = actorsById.get(id);
    return a === undefined ? [] : [a];
  });
  const demands = predicted.demands.filter((d) => d.document_id === docId);
  const dateValues = new Set(predicted.dates.filter((d) => d.document_id === docId).map((d) => d.value));

  // actors
  const actorMatch = matchActors(gold.actors, actors);
  const actorTp = actorMatch.gold.filter((p) => p !== null).length;
  const resolve = goldNameResolver(gold.actors, actorMatch, actorsById);
  const shown = (id: string): string => resolve(id) ?? actorsById.get(id)?.name ?? id;

  // demands and their attribution
  const partner = matchDemands(gold.demands, demands);
  const claimants: Ratio = { correct: 0, total: 0 };
  const addressees: Ratio = { correct: 0, total: 0 };
  const attributionErrors: AttributionError[] = [];
  partner.forEach((r, i) => {
    const p = demands[r];
    const g = gold.demands[i];
    if (p === undefined || g === undefined) return;
    const quote = flatten(g.quote);
    const resolved = p.claimant_ids.map(resolve);
    claimants.total++;
    if (resolved.every((n) => n !== null) && sameSet(resolved as string[], g.claimants)) claimants.correct++;
    else attributionErrors.push({ quote, field: 'claimants', gold: [...g.claimants], predicted: p.claimant_ids.map(shown) });
    addressees.total++;
    const addressee = p.addressee_id === null ? null : resolve(p.addressee_id);
    if (addressee === g.addressee && (p.addressee_id === null) === (g.addressee === null)) addressees.correct++;
    else attributionErrors.push({ quote, field: 'addressee', gold: g.addressee === null ? [] : [g.addressee], predicted: p.addressee_id === null ? [] : [shown(p.addressee_id)] });
  });
  const demandTp = partner.filter((r) => r !== -1).length;
  const takenDemands = new Set(partner);

  // dates: distinct ISO values
  const goldValues = new Set(gold.dates.map((d) => d.value));
  const dateTp = [...goldValues].filter((v) => dateValues.has(v)).length;

  const publisher = row === undefined || row.publisher_id === null ? null : resolve(row.publisher_id);
  return {
    document: gold.document,
    built: row !== undefined,
    actors: { tp: actorTp, fp: actors.length - actorTp, fn: gold.actors.length - actorTp },
    demands: { tp: demandTp, fp: demands.length - demandTp, fn: gold.demands.length - demandTp },
    dates: { tp: dateTp, fp: dateValues.size - dateTp, fn: goldValues.size - dateTp },
    claimants,
    addressees,
    metadata: {
      date: row !== undefined && row.date === gold.date,
      publisher: row !== undefined && publisher === gold.publisher && (row.publisher_id === null) === (gold.publisher === null),
      genre: row !== undefined && row.genre === gold.genre,
    },
    misses: {
      actors: gold.actors.filter((_, i) => actorMatch.gold[i] === null).map((a) => a.name),
      demands: gold.demands.filter((_, i) => partner[i] === -1).map((d) => flatten(d.quote)),
      dates: [...goldValues].filter((v) => !dateValues.has(v)).sort(byCodeUnits),
    },
    falseAlarms: {
      actors: actorMatch.unmatched.map((a) => a.name).sort(byCodeUnits),
      demands: demands.filter((_, i) => !takenDemands.has(i)).map((d) => flatten(d.quote)),
      dates: [...dateValues].filter((v) => !goldValues.has(v)).sort(byCodeUnits),
    },
    attributionErrors,
  };
}

const add = (a: Tally, b: Tally): Tally => ({ tp: a.tp + b.tp, fp: a.fp + b.fp, fn: a.fn + b.fn });
const addRatio = (a: Ratio, b: Ratio): Ratio => ({ correct: a.correct + b.correct, total: a.total + b.total });
const flag = (ok: boolean): Ratio => ({ correct: ok ? 1 : 0, total: 1 });

/** Score every gold document and micro-average over documents (sum the counts, then compute the rates). */
export function score(golds: readonly GoldFile[], predicted: Predicted): EvalReport {
  const actorsById = new Map(predicted.actors.map((a) => [a.actor_id, a] as const));
  const documents = [...golds].sort((a, b) => byCodeUnits(a.document, b.document)).map((g) => scoreDocument(g, predicted, actorsById));
  const zero: Tally = { tp: 0, fp: 0, fn: 0 };
  const none: Ratio = { correct: 0, total: 0 };
  const annotated = new Set(golds.map((g) => g.document));
  return {
    documents,
    totals: {
      actors: prf(documents.reduce((t, d) => add(t, d.actors), zero)),
      demands: prf(documents.reduce((t, d) => add(t, d.demands), zero)),
      dates: prf(documents.reduce((t, d) => add(t, d.dates), zero)),
      claimants: documents.reduce((t, d) => addRatio(t, d.claimants), none),
      addressees: documents.reduce((t, d) => addRatio(t, d.addressees), none),
      metadata: {
        date: documents.reduce((t, d) => addRatio(t, flag(d.metadata.date)), none),
        publisher: documents.reduce((t, d) => addRatio(t, flag(d.metadata.publisher)), none),
        genre: documents.reduce((t, d) => addRatio(t, flag(d.metadata.genre)), none),
      },
    },
    unannotated: predicted.documents.map((d) => d.source_file).filter((f) => !annotated.has(f)).sort(byCodeUnits),
  };
}
