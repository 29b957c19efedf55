import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { stableId } from '../pipeline/ids.ts';
import { parseGold } from '../pipeline/eval/gold-parse.ts';
import type { GoldActor, GoldDemand, GoldFile } from '../pipeline/eval/gold-schema.ts';
import { matchActors } from '../pipeline/eval/score-actors.ts';
import { isMatch, overlap } from '../pipeline/eval/score-demands.ts';
import { prf, score } from '../pipeline/eval/score.ts';
import { words } from '../pipeline/eval/text.ts';
import type { Predicted, PredictedActor, PredictedDemand } from '../pipeline/eval/types.ts';

// The scorer on small hand-made predicted/gold pairs, then the CLI end to end on a build output made from the gold.

const actor = (name: string, ...aliases: string[]): PredictedActor => ({ actor_id: stableId('act', name), name, aliases });
const goldActor = (name: string, ...forms: string[]): GoldActor => ({ name, forms, type: 'other_org', role: null, affiliation: null });
const demand = (quote: string, claimants: string[] = [], addressee: string | null = null): PredictedDemand => ({
  document_id: DOC_ID,
  quote,
  claimant_ids: claimants.map((c) => stableId('act', c)),
  addressee_id: addressee === null ? null : stableId('act', addressee),
});
const goldDemand = (quote: string, claimants: string[], addressee: string | null = null): GoldDemand => ({ quote, claimants, addressee, topic: 'labour' });
const DOC_ID = stableId('doc', 'a.txt');

function gold(parts: Partial<GoldFile>): GoldFile {
  return { document: 'a.txt', title: null, date: null, date_precision: null, publisher: null, genre: 'other', actors: [], demands: [], dates: [], ...parts };
}
function predicted(parts: Partial<Predicted>, mentioned: PredictedActor[] = parts.actors ?? []): Predicted {
  return {
    documents: [{ document_id: DOC_ID, source_file: 'a.txt', date: null, publisher_id: null, genre: 'other' }],
    actors: [],
    mentions: mentioned.map((a) => ({ document_id: DOC_ID, actor_id: a.actor_id })),
    demands: [],
    dates: [],
    ...parts,
  };
}

describe('words', () => {
  it('lowercases letter/digit tokens, joins hyphenated line breaks and ignores markup', () => {
    expect(words('FO ber om [en  gjennomgang](#) av fødetil-\n  budet i 2023!')).toEqual(['fo', 'ber', 'om', 'en', 'gjennomgang', 'av', 'fødetilbudet', 'i', '2023']);
    expect(words('vekst- og attføring')).toEqual(['vekst', 'og', 'attføring']);
  });
});

describe('demand matching thresholds', () => {
  const g = 'a1 a2 a3 a4 a5 a6 a7 a8 a9 a10';
  const gw = g.split(' ');
  it('needs 70% of the gold quote covered', () => {
    expect(isMatch(overlap(g, gw.slice(0, 7).join(' ')))).toBe(true);
    expect(isMatch(overlap(g, gw.slice(0, 6).join(' ')))).toBe(false);
  });
  it('needs 25% of the predicted words inside the gold quote', () => {
    const padded = (n: number) => `${g} ${Array.from({ length: n }, (_, i) => `x${i}`).join(' ')}`;
    expect(overlap(g, padded(30)).share).toBeCloseTo(0.25);
    expect(isMatch(overlap(g, padded(30)))).toBe(true);
    expect(isMatch(overlap(g, padded(31)))).toBe(false);
  });
  it('ignores case, whitespace runs and line breaks', () => {
    expect(overlap('Nav skal styrkes.', 'NAV  skal\nstyrkes')).toEqual({ coverage: 1, share: 1 });
  });
});

describe('demand scoring', () => {
  const q1 = 'Arbeiderpartiet vil implementere tillitsreformen i Nav lokalt.';
  const q2 = 'Kommunene må få større overføringer og bedre grunnlag til forebyggende innsats.';
  it('matches one-to-one: a duplicate prediction is a false alarm', () => {
    const r = score([gold({ demands: [goldDemand(q1, ['FO'])], actors: [goldActor('FO')] })], predicted({ demands: [demand(q1), demand(q1)] }));
    expect(r.totals.demands).toMatchObject({ tp: 1, fp: 1, fn: 0 });
  });
  it('matches greedily by best overlap, so a long prediction does not take the gold of a precise one', () => {
    const both = `${q1} ${q2}`; // covers both gold quotes, but each only half of its own words
    // First-fit in gold order would give q2 the long prediction and leave q1 unmatched.
    const r = score([gold({ demands: [goldDemand(q2, ['FO']), goldDemand(q1, ['FO'])], actors: [goldActor('FO')] })], predicted({ demands: [demand(both), demand(q2)] }));
    expect(r.totals.demands).toMatchObject({ tp: 2, fp: 0, fn: 0 });
    expect(r.documents[0]?.misses.demands).toEqual([]);
  });
  it('lists misses and false alarms by quote', () => {
    const r = score([gold({ demands: [goldDemand(q1, ['FO'])], actors: [goldActor('FO')] })], predicted({ demands: [demand(q2)] }));
    expect(r.documents[0]?.misses.demands).toEqual([q1]);
    expect(r.documents[0]?.falseAlarms.demands).toEqual([q2]);
  });
  it('checks claimants as sets resolved through aliases, addressees as info', () => {
    const fo = actor('Fellesorganisasjonen', 'FO');
    const ap = actor('Ap', 'Arbeiderpartiet');
    const g = gold({
      actors: [goldActor('Fellesorganisasjonen', 'FO'), goldActor('Arbeiderpartiet', 'Arbeiderpartiets')],
      demands: [goldDemand(q1, ['Fellesorganisasjonen'], 'Arbeiderpartiet'), goldDemand(q2, ['Fellesorganisasjonen'])],
    });
    const right = score([g], predicted({ actors: [fo, ap], demands: [demand(q1, ['Fellesorganisasjonen'], 'Ap'), demand(q2, ['Fellesorganisasjonen'])] }));
    expect(right.totals.claimants).toEqual({ correct: 2, total: 2 });
    expect(right.totals.addressees).toEqual({ correct: 2, total: 2 });
    const wrong = score([g], predicted({ actors: [fo, ap], demands: [demand(q1, ['Fellesorganisasjonen', 'Ap']), demand(q2, ['Fellesorganisasjonen'], 'Ap')] }));
    expect(wrong.totals.claimants).toEqual({ correct: 1, total: 2 });
    expect(wrong.totals.addressees).toEqual({ correct: 0, total: 2 });
    expect(wrong.documents[0]?.attributionErrors.map((e) => [e.field, e.gold, e.predicted])).toEqual([
      ['claimants', ['Fellesorganisasjonen'], ['Fellesorganisasjonen', 'Arbeiderpartiet']],
      ['addressee', ['Arbeiderpartiet'], []],
      ['addressee', [], ['Arbeiderpartiet']],
    ]);
  });
});

describe('actor scoring', () => {
  it('matches on canonical name or any alias, case- and whitespace-insensitively', () => {
    const g = gold({ actors: [goldActor('KS', "KS'", "KS' landsstyre"), goldActor('Gunn Marit Helgesen', 'Helgesen')] });
    const r = score([g], predicted({ actors: [actor("ks' LANDSSTYRE"), actor('Gunn  Marit\nHelgesen')] }));
    expect(r.totals.actors).toMatchObject({ tp: 2, fp: 0, fn: 0 });
  });
  it('counts only actors mentioned in the document', () => {
    const nav = actor('Nav', 'NAV');
    const r = score([gold({ actors: [goldActor('Nav', 'NAV')] })], predicted({ actors: [nav] }, []));
    expect(r.totals.actors).toMatchObject({ tp: 0, fp: 0, fn: 1 });
  });
  it('is one-to-one and finds the maximum matching where a shared short form is ambiguous', () => {
    // "SV" could pair the branch with either prediction; only one assignment matches both gold actors.
    const g = [goldActor('SV Vestfold og Telemark', 'SV'), goldActor('Sosialistisk Venstreparti')];
    const p = [actor('Sosialistisk Venstreparti', 'SV'), actor('SV')];
    const m = matchActors(g, p);
    expect(m.gold.map((a) => a?.name)).toEqual(['SV', 'Sosialistisk Venstreparti']);
    const dup = matchActors([goldActor('Fellesorganisasjonen', 'FO')], [actor('FO'), actor('Fellesorganisasjonen')]);
    expect(dup.gold.map((a) => a?.name)).toEqual(['Fellesorganisasjonen']);
    expect(dup.unmatched.map((a) => a.name)).toEqual(['FO']);
  });
});

describe('date scoring and totals', () => {
  it('scores the distinct ISO values of a document', () => {
    const g = gold({ dates: [{ text: '2024–2027', value: '2024', kind: 'reference', ocr: false }, { text: '2024–2027', value: '2027', kind: 'reference', ocr: false }] });
    const d = (value: string) => ({ document_id: DOC_ID, value });
    const r = score([g], predicted({ dates: [d('2024'), d('2024'), d('2025')] }));
    expect(r.totals.dates).toMatchObject({ tp: 1, fp: 1, fn: 1 });
    expect(r.documents[0]?.misses.dates).toEqual(['2027']);
    expect(r.documents[0]?.falseAlarms.dates).toEqual(['2025']);
  });
  it('computes P/R/F1 with 0 for empty denominators', () => {
    expect(prf({ tp: 0, fp: 0, fn: 3 })).toMatchObject({ precision: 0, recall: 0, f1: 0 });
    expect(prf({ tp: 3, fp: 1, fn: 2 })).toMatchObject({ precision: 0.75, recall: 0.6 });
  });
  it('treats a gold document missing from the build as all misses and lists unannotated documents', () => {
    const r = score([gold({ document: 'b.txt', actors: [goldActor('KS')], dates: [{ text: '2021', value: '2021', kind: 'reference', ocr: false }] })], predicted({}));
    expect(r.documents[0]?.built).toBe(false);
    expect(r.totals.actors.fn + r.totals.dates.fn).toBe(2);
    expect(r.unannotated).toEqual(['a.txt']);
  });
});

/** A build output that reproduces the gold exactly: the scorer must give it full marks. */
function outputFromGold(golds: GoldFile[]): Record<string, unknown[]> {
  const actors = new Map<string, { actor_id: string; name: string; aliases: Set<string> }>();
  const id = (name: string) => stableId('act', name);
  const out: Record<string, unknown[]> = { documents: [], actors: [], mentions: [], demands: [], dates: [] };
  for (const g of golds) {
    const docId = stableId('doc', g.document);
    out.documents?.push({ document_id: docId, source_file: g.document, date: g.date, publisher_id: g.publisher === null ? null : id(g.publisher), genre: g.genre });
    for (const a of g.actors) {
      const known = actors.get(a.name) ?? { actor_id: id(a.name), name: a.name, aliases: new Set<string>() };
      for (const f of a.forms) known.aliases.add(f);
      actors.set(a.name, known);
      out.mentions?.push({ document_id: docId, actor_id: id(a.name) });
    }
    for (const d of g.demands) out.demands?.push({ document_id: docId, quote: d.quote, claimant_ids: d.claimants.map(id), addressee_id: d.addressee === null ? null : id(d.addressee) });
    for (const d of g.dates) out.dates?.push({ document_id: docId, value: d.value });
  }
  out.actors = [...actors.values()].map((a) => ({ ...a, aliases: [...a.aliases] }));
  return out;
}

describe('npm run eval end to end', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'kravkart-eval-test-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));
  const golds = readdirSync('test/gold').sort().map((f) => parseGold(readFileSync(join('test/gold', f), 'utf8'), f).gold as GoldFile);
  const tables = outputFromGold(golds);

  it('gives full marks to an output that equals the seed gold', () => {
    const r = score(golds, tables as unknown as Predicted);
    for (const k of ['actors', 'demands', 'dates'] as const) expect(r.totals[k].f1).toBe(1);
    expect(r.totals.claimants.correct).toBe(r.totals.claimants.total);
    expect(r.totals.addressees.correct).toBe(r.totals.addressees.total);
    expect(r.totals.metadata.publisher).toEqual({ correct: 5, total: 5 });
  });

  it('scores an existing build folder (--out) and prints JSON', () => {
    const out = join(tmp, 'out');
    // mentions.json left out on purpose: a missing table is a warning and scores as empty
    rmSync(out, { recursive: true, force: true });
    mkdirSync(out, { recursive: true });
    for (const [name, rows] of Object.entries(tables)) if (name !== 'mentions') writeFileSync(join(out, `${name}.json`), JSON.stringify(rows));
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'pipeline/eval/cli.ts', '--out', out, '--json'], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('eval-output-missing');
    const report = JSON.parse(run.stdout) as ReturnType<typeof score>;
    expect(report.documents).toHaveLength(5);
    expect(report.totals.demands.f1).toBe(1);
    expect(report.totals.actors.tp).toBe(0); // no mentions, so no actor counts as found
  });

  it('stops with exit 1 on malformed gold', () => {
    const bad = join(tmp, 'bad-gold');
    mkdirSync(bad, { recursive: true });
    writeFileSync(join(bad, '000_5a5a9dd8414b2836.txt.yaml'), 'document: 000_5a5a9dd8414b2836.txt\ngenre: memo\n');
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'pipeline/eval/cli.ts', '--gold', bad, '--out', tmp], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('gold-schema');
  });
});
