import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { jsonSchemas } from './json-schemas.ts';

// `npm run schemas`: the edge that writes schemas/<table>.schema.json from the zod models, and checks that the
// committed Frictionless profiles in schemas/frictionless/ are still the vendored official ones.

const root = fileURLToPath(new URL('../../', import.meta.url));
const out = join(root, 'schemas');
const profiles = join(out, 'frictionless');
const vendor = join(root, '..', 'shared', 'vendor', 'frictionless-profiles-2.0');

/** Write every table schema; remove table schemas of tables that no longer exist. */
function writeTableSchemas(): number {
  const files = jsonSchemas();
  for (const [name, text] of Object.entries(files)) writeFileSync(join(out, name), text);
  for (const name of readdirSync(out)) {
    if (name.endsWith('.schema.json') && !(name in files)) rmSync(join(out, name));
  }
  return Object.keys(files).length;
}

/** The profiles are copied once and committed; report any difference from the vendored copy when it is reachable. */
function checkProfiles(): string[] {
  const problems: string[] = [];
  if (!existsSync(profiles)) return [`${profiles} is missing: copy ${vendor} there`];
  if (!existsSync(vendor)) return problems; // a clean clone without ../shared: nothing to compare against
  for (const name of readdirSync(vendor).sort()) {
    const mine = join(profiles, name);
    if (!existsSync(mine)) problems.push(`schemas/frictionless/${name} is missing`);
    else if (!readFileSync(mine).equals(readFileSync(join(vendor, name)))) problems.push(`schemas/frictionless/${name} differs from ${join(vendor, name)}`);
  }
  return problems;
}

const n = writeTableSchemas();
const problems = checkProfiles();
for (const p of problems) console.error(`kravkart error schemas ${p}`);
if (problems.length === 0) console.log(`wrote ${n} table schemas to schemas/; Frictionless profiles unchanged`);
process.exitCode = problems.length === 0 ? 0 : 1;
