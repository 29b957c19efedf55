import type { Code } from '../errors.ts';
import type { GoldFile } from './gold-schema.ts';
import { flatten, nameKey, occursAsToken } from './text.ts';

/** A problem found in a gold file; the caller adds file and stage to make it a Message. */
export interface GoldProblem {
  code: Code;
  reason: string;
}

const PRECISION_LENGTH = { year: 4, month: 7, day: 10 } as const;

/** Internal consistency of one gold file: every name it refers to is an actor it lists, dates agree with their precision. */
export function checkGoldConsistency(gold: GoldFile): GoldProblem[] {
  const problems: GoldProblem[] = [];
  const ref = (reason: string) => problems.push({ code: 'gold-reference', reason });
  const names = new Set(gold.actors.map((a) => a.name));
  const seen = new Set<string>();
  for (const a of gold.actors) {
    const key = nameKey(a.name);
    if (seen.has(key)) ref(`actor "${a.name}" is listed twice`);
    seen.add(key);
    // Persons speak for an organisation of the same document; a branch's parent may be absent from the text.
    if (a.type === 'person' && a.affiliation !== null && !names.has(a.affiliation)) ref(`affiliation "${a.affiliation}" of "${a.name}" is not a listed actor`);
  }
  if (gold.publisher !== null && !names.has(gold.publisher)) ref(`publisher "${gold.publisher}" is not a listed actor`);
  const quotes = new Set<string>();
  for (const d of gold.demands) {
    for (const c of d.claimants) if (!names.has(c)) ref(`claimant "${c}" is not a listed actor`);
    if (d.addressee !== null && !names.has(d.addressee)) ref(`addressee "${d.addressee}" is not a listed actor`);
    const q = flatten(d.quote);
    if (quotes.has(q)) ref(`demand "${q.slice(0, 60)}" is listed twice`);
    quotes.add(q);
  }
  if ((gold.date === null) !== (gold.date_precision === null)) ref('date and date_precision must both be set or both be null');
  if (gold.date !== null && gold.date_precision !== null && gold.date.length !== PRECISION_LENGTH[gold.date_precision]) {
    ref(`date ${gold.date} does not have precision ${gold.date_precision}`);
  }
  return problems;
}

/** Does the gold file fit its document: every quote, date text and actor surface form occurs in the text. */
export function checkGoldAgainstText(gold: GoldFile, text: string): GoldProblem[] {
  const problems: GoldProblem[] = [];
  const flat = flatten(text);
  const ref = (reason: string) => problems.push({ code: 'gold-reference', reason });
  for (const d of gold.demands) if (!flat.includes(flatten(d.quote))) ref(`quote not found in the document: "${flatten(d.quote).slice(0, 80)}"`);
  for (const d of gold.dates) if (!flat.includes(flatten(d.text))) ref(`date text not found in the document: "${d.text}"`);
  for (const a of gold.actors) {
    for (const f of a.forms) {
      // The canonical name may be listed as a form without occurring: it is the annotator's name, not a surface form.
      if (f !== a.name && !occursAsToken(flat, flatten(f))) ref(`form "${f}" of "${a.name}" not found in the document`);
    }
  }
  return problems;
}
