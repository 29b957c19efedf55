/** How far a release moves the dataset's version: MAJOR breaks readers, MINOR changes records, PATCH only describes. */
export type Bump = 'major' | 'minor' | 'patch';

/** The version of the first release, whatever the first build holds. */
export const FIRST_VERSION = '1.0.0';

/** The stronger of two bumps (major > minor > patch); null means no change. */
export function strongest(a: Bump | null, b: Bump | null): Bump | null {
  const rank = (x: Bump | null) => (x === null ? 0 : x === 'patch' ? 1 : x === 'minor' ? 2 : 3);
  return rank(a) >= rank(b) ? a : b;
}

/** `X.Y.Z` as three numbers, or null for anything else (pre-releases and build metadata are never released). */
export function parseVersion(version: string): [number, number, number] | null {
  const m = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/.exec(version);
  return m === null ? null : [Number(m[1]), Number(m[2]), Number(m[3])];
}

/** The next version after `previous` for a bump; null when `previous` is not a plain `X.Y.Z`. */
export function nextVersion(previous: string, bump: Bump): string | null {
  const v = parseVersion(previous);
  if (v === null) return null;
  const [major, minor, patch] = v;
  if (bump === 'major') return `${major + 1}.0.0`;
  if (bump === 'minor') return `${major}.${minor + 1}.0`;
  return `${major}.${minor}.${patch + 1}`;
}
