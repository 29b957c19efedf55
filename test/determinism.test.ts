import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

// Two builds of the seeds through the CLI, the second in another time zone and locale, must be byte-identical:
// no clock, no locale-dependent order, no randomness anywhere in the output.

const root = fileURLToPath(new URL('../', import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), 'kravkart-determinism-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function cli(out: string, env: Record<string, string>) {
  const base = { ...process.env };
  delete base['SOURCE_DATE_EPOCH'];
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'pipeline/cli.ts', '--seeds', 'seeds', '--out', out, '--quiet'], {
    cwd: root,
    env: { ...base, ...env },
    encoding: 'utf8',
  });
  expect(r.status, r.stderr).toBe(0);
}

describe('determinism', () => {
  it('gives byte-identical output in another time zone and locale', () => {
    const a = join(tmp, 'a');
    const b = join(tmp, 'b');
    cli(a, { TZ: 'UTC', LC_ALL: 'nb_NO.UTF-8', LANG: 'nb_NO.UTF-8' });
    cli(b, { TZ: 'Pacific/Auckland', LC_ALL: 'C', LANG: 'C' });
    // Recursive: the spreadsheet CSVs are in a subfolder.
    const list = (dir: string) => readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => statSync(join(dir, f)).isFile()).sort();
    const files = list(a);
    expect(list(b)).toEqual(files);
    expect(files).toContain('SHA256SUMS');
    for (const f of files) expect(readFileSync(join(b, f)).equals(readFileSync(join(a, f))), f).toBe(true);
  });
});
