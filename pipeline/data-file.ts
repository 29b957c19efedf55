import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { z } from 'zod';
import { BuildFailure, message } from './messages.ts';

/** The text and the zod-checked content of one of the pipeline's own YAML files. */
export interface DataFile<T> {
  text: string;
  data: T;
}

/**
 * Read one of the pipeline's own YAML files (lexicons, assertions, package metadata) and check it with its zod
 * schema; a file that does not parse or fit stops the build with coded messages naming the file and field.
 */
export function readDataFile<S extends z.ZodType>(url: URL, schema: S, where: { stage: string; file: string }): DataFile<z.infer<S>> {
  const text = readFileSync(url, 'utf8');
  let data: unknown;
  try {
    data = parse(text);
  } catch (e) {
    throw new BuildFailure([message('internal', `${where.file} does not parse: ${(e as Error).message}`, where)]);
  }
  const result = schema.safeParse(data);
  if (!result.success) {
    throw new BuildFailure(result.error.issues.map((i) => message('internal', `${where.file} ${i.path.join('.')}: ${i.message}`, where)));
  }
  return { text, data: result.data };
}
