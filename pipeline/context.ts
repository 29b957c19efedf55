import type { Lexicon } from './lexicon/load.ts';

/** Build options that change what a stage does. */
export interface BuildOptions {
  /** Coverage assertions become errors (CI and releases on seeds/). */
  strict: boolean;
  /** SOURCE_DATE_EPOCH (whole seconds) when set: the only time the build may write; never the clock. */
  sourceDateEpoch: string | null;
  /** The dataset version to write (a release build); absent: package.yaml's placeholder between releases. */
  datasetVersion?: string;
}

/** Passed to every stage: shared read-only knowledge and options; stages never reach for globals. */
export interface Context {
  options: BuildOptions;
  lexicon: Lexicon;
}
