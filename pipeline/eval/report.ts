import type { DocumentScore, EvalReport, Items, Prf, Ratio } from './types.ts';

// Human-readable rendering of an evaluation report: the summary table first, then per document what was
// missed and what was wrongly found, so a regression can be traced to concrete quotes and names.

const num = (x: number): string => x.toFixed(3);
const pct = (r: Ratio): string => (r.total === 0 ? '–' : `${((100 * r.correct) / r.total).toFixed(1)}%`);
const clip = (s: string, n = 90): string => (s.length <= n ? s : `${s.slice(0, n - 1)}…`);

function row(label: string, p: Prf): string {
  const cells = [num(p.precision), num(p.recall), num(p.f1)].map((c) => c.padStart(7));
  const counts = [p.tp, p.fp, p.fn].map((c) => String(c).padStart(6));
  return `${label.padEnd(10)}${cells.join('')}${counts.join('')}`;
}

function items(lines: string[], what: 'miss' | 'false alarm', it: Items): void {
  for (const a of it.actors) lines.push(`  actor   ${what}: ${a}`);
  for (const d of it.demands) lines.push(`  demand  ${what}: "${clip(d)}"`);
  if (it.dates.length > 0) lines.push(`  dates   ${what}: ${it.dates.join(', ')}`);
}

function documentLines(d: DocumentScore): string[] {
  const f1 = (t: { tp: number; fp: number; fn: number }) => {
    const denom = 2 * t.tp + t.fp + t.fn;
    return denom === 0 ? '–' : ((2 * t.tp) / denom).toFixed(2);
  };
  const lines = [
    `${d.document}${d.built ? '' : '  (not in the build output)'}  F1 actors ${f1(d.actors)}, demands ${f1(d.demands)}, dates ${f1(d.dates)}`,
  ];
  items(lines, 'miss', d.misses);
  items(lines, 'false alarm', d.falseAlarms);
  for (const e of d.attributionErrors) {
    lines.push(`  ${e.field.padEnd(9)} "${clip(e.quote, 60)}": gold [${e.gold.join('; ')}], predicted [${e.predicted.join('; ')}]`);
  }
  const wrong = (['date', 'publisher', 'genre'] as const).filter((k) => !d.metadata[k]);
  if (wrong.length > 0) lines.push(`  metadata wrong: ${wrong.join(', ')}`);
  return lines;
}

/** Render the report: a compact table (P, R, F1, tp, fp, fn), attribution and metadata accuracy, then per-document details. */
export function formatReport(report: EvalReport, header: string): string {
  const t = report.totals;
  const lines = [
    header,
    '',
    `${''.padEnd(10)}${['P', 'R', 'F1'].map((h) => h.padStart(7)).join('')}${['tp', 'fp', 'fn'].map((h) => h.padStart(6)).join('')}`,
    row('actors', t.actors),
    row('demands', t.demands),
    row('dates', t.dates),
    '',
    `claimant accuracy   ${pct(t.claimants)} (${t.claimants.correct}/${t.claimants.total} matched demands)`,
    `addressee accuracy  ${pct(t.addressees)} (${t.addressees.correct}/${t.addressees.total}, info)`,
    `metadata (info)     date ${t.metadata.date.correct}/${t.metadata.date.total}, publisher ${t.metadata.publisher.correct}/${t.metadata.publisher.total}, genre ${t.metadata.genre.correct}/${t.metadata.genre.total}`,
  ];
  if (report.unannotated.length > 0) lines.push(`not scored (no gold): ${report.unannotated.join(', ')}`);
  for (const d of report.documents) lines.push('', ...documentLines(d));
  return lines.join('\n');
}
