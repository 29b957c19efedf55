import { byCodeUnits } from '../assemble/sort.ts';

/** JSON text with object keys sorted by code units, so two values compare equal whatever their key order. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).sort(([a], [b]) => byCodeUnits(a, b));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** Deep equality of JSON values. */
export const sameJson = (a: unknown, b: unknown): boolean => canonical(a) === canonical(b);
