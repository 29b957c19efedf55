import { byCodeUnits } from '../assemble/sort.ts';

/** `SHA256SUMS` in `sha256sum -c` format: `<hex>  <path>` per file, sorted by path, final newline. */
export function checksums(files: readonly { path: string; sha256: string }[]): string {
  const lines = [...files].sort((a, b) => byCodeUnits(a.path, b.path)).map((f) => `${f.sha256}  ${f.path}`);
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}
