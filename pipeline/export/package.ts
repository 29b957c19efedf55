import { z } from 'zod';
import { readDataFile } from '../data-file.ts';

/** Shape of package.yaml: the dataset's name, licence, contributors and version, reviewed like code. */
export const PackageMeta = z.strictObject({
  name: z.string().regex(/^[a-z0-9._-]+$/),
  title: z.string().min(1),
  description: z.string().min(1),
  homepage: z.url().optional(),
  version: z.string().regex(/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/),
  licenses: z.array(z.strictObject({ name: z.string().min(1), title: z.string().min(1), path: z.url() })).min(1),
  code_licence: z.string().min(1),
  contributors: z.array(z.strictObject({ title: z.string().min(1), roles: z.array(z.string().min(1)).min(1) })).min(1),
  keywords: z.array(z.string().min(1)),
});
export type PackageMeta = z.infer<typeof PackageMeta>;

let cached: PackageMeta | null = null;

/** Read and check package.yaml once (the pipeline's own data, like the lexicons); a broken file stops the build. */
export function loadPackageMeta(): PackageMeta {
  if (cached === null) {
    cached = readDataFile(new URL('./package.yaml', import.meta.url), PackageMeta, { stage: 'export', file: 'pipeline/export/package.yaml' }).data;
  }
  return cached;
}
