/** Compare strings by UTF-16 code units: the same order on every machine and locale (never `localeCompare`). */
export const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Compare numbers ascending. */
export const byNumber = (a: number, b: number): number => a - b;
