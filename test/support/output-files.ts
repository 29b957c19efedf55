import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Every file of an output folder (the spreadsheet CSVs are in a subfolder) with its bytes, by sorted relative path. */
export const outputFiles = (dir: string): Map<string, Buffer> =>
  new Map(
    readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((f) => statSync(join(dir, f)).isFile())
      .sort()
      .map((f) => [f, readFileSync(join(dir, f))]),
  );
