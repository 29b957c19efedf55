import { hash } from 'node:crypto';

/** Hex sha256 of a string (as UTF-8) or bytes; one-shot, about twice as fast as a Hash object for short input. */
export const sha256 = (data: string | Uint8Array): string => hash('sha256', data, 'hex');

/** A stable ID: prefix + 12 hex of the hash of the fewest stable fields (never a row number). */
export function stableId(prefix: string, ...fields: string[]): string {
  return `${prefix}_${sha256(fields.join('\u001f')).slice(0, 12)}`;
}

/** Gives each repeated key an occurrence number, so identical records in one document keep distinct, stable IDs. */
export class OccurrenceCounter {
  private readonly seen = new Map<string, number>();
  next(key: string): string {
    const n = (this.seen.get(key) ?? 0) + 1;
    this.seen.set(key, n);
    return n === 1 ? key : `${key}\u001f#${n}`;
  }
}
