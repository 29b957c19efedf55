/** A published release: its tag and the commit it was built from. */
export interface ReleaseRef {
  tag: string;
  commit: string;
}

/** A release to create: tag at a commit, title, the text, and the folder of files to attach (each file one asset). */
export interface NewRelease {
  tag: string;
  commit: string;
  title: string;
  notesFile: string;
  /** Absolute paths of the files to attach; each file's name is its asset name. */
  assets: string[];
}

/**
 * The few GitHub calls a release needs, behind one interface: `gh` in production (gh-host.ts), an in-memory
 * fake in the tests, so the whole release runs offline.
 */
export interface ReleaseHost {
  /** The release marked latest, or null when there is none yet. */
  latestRelease(): Promise<ReleaseRef | null>;
  /** Download a release's assets that the planner reads (PLANNER_ASSETS) into a folder. */
  download(tag: string, dir: string): Promise<void>;
  /** Whether a release or a tag of this name exists (a tag without a release counts: it would be reused). */
  releaseExists(tag: string): Promise<boolean>;
  /** Create the tag at the commit and the release with its assets, marked latest. */
  createRelease(release: NewRelease): Promise<void>;
}

/** Asset name patterns the planner needs from the previous release: descriptor and JSON tables, codebook, sums, changelog. */
export const PLANNER_ASSETS = ['*.json', 'SHA256SUMS', 'CODEBOOK.md', 'CHANGELOG.md'] as const;

/** Whether an asset name matches one of PLANNER_ASSETS (`*` matches any run of characters, as in `gh --pattern`). */
export function plannerNeeds(name: string): boolean {
  return PLANNER_ASSETS.some((p) => new RegExp(`^${p.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`).test(name));
}
