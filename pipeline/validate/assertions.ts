import { z } from 'zod';
import { readDataFile } from '../data-file.ts';

const count = z.int().min(0);

/** Shape of assertions.yaml: the declared integrity and coverage expectations of a build. */
export const Assertions = z.strictObject({
  report_limit: z.int().min(1),
  integrity: z.strictObject({
    unique_ids: z.boolean(),
    foreign_keys: z.boolean(),
    offsets: z.strictObject({ mentions: z.string().min(1), demands: z.string().min(1), dates: z.string().min(1) }).partial(),
  }),
  coverage: z.strictObject({
    min_rows: z.strictObject({ documents: count, actors: count, mentions: count, demands: count, dates: count }).partial(),
    per_document: z.strictObject({ date: z.boolean(), publisher: z.boolean(), min_mentions: count, min_demands: count }),
  }),
});
export type Assertions = z.infer<typeof Assertions>;

let cached: Assertions | null = null;

/** Read and check assertions.yaml once (the pipeline's own data); a broken file stops the build. */
export function loadAssertions(): Assertions {
  if (cached === null) {
    cached = readDataFile(new URL('./assertions.yaml', import.meta.url), Assertions, { stage: 'validate', file: 'pipeline/validate/assertions.yaml' }).data;
  }
  return cached;
}
