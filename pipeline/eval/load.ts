import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { message, type Message } from '../messages.ts';
import { ActorRow, DateRow, DemandRow, DocumentRow, MentionRow } from '../models/tables.ts';
import { parseGold } from './gold-parse.ts';
import type { GoldFile } from './gold-schema.ts';
import type { Predicted } from './types.ts';

// The file edges of the evaluation: read gold files, documents and a build's JSON tables. Problems come back
// as coded messages; nothing here throws for bad data.

const STAGE = 'eval';
const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

async function listFiles(dir: string, suffix: string): Promise<string[] | null> {
  try {
    const entries = await readdir(dir, { withFileTypes: true });
    return entries.filter((e) => e.isFile() && e.name.endsWith(suffix)).map((e) => e.name).sort(byCodeUnits);
  } catch {
    return null;
  }
}

/** Read and validate every `*.yaml` gold file of a folder. */
export async function readGoldFolder(dir: string): Promise<{ golds: { file: string; gold: GoldFile }[]; messages: Message[] }> {
  const names = await listFiles(dir, '.yaml');
  if (names === null || names.length === 0) {
    return { golds: [], messages: [message('gold-orphan', `no gold files (*.yaml) in ${dir}`, { stage: STAGE, file: dir })] };
  }
  const golds: { file: string; gold: GoldFile }[] = [];
  const messages: Message[] = [];
  for (const name of names) {
    const file = join(dir, name);
    const parsed = parseGold(await readFile(file, 'utf8'), file);
    messages.push(...parsed.messages);
    if (parsed.gold !== null) golds.push({ file, gold: parsed.gold });
  }
  return { golds, messages };
}

/** Read every `.txt` document of a folder as text (file name → text); null when the folder cannot be read. */
export async function readDocumentsFolder(dir: string): Promise<Map<string, string> | null> {
  const names = await listFiles(dir, '.txt');
  if (names === null) return null;
  const docs = new Map<string, string>();
  for (const name of names) docs.set(name, (await readFile(join(dir, name), 'utf8')).replace(/^\uFEFF/, ''));
  return docs;
}

// Only the columns the scorer reads, picked from the table models (the single source of truth).
const TABLES = {
  documents: z.array(DocumentRow.pick({ document_id: true, source_file: true, date: true, publisher_id: true, genre: true })),
  actors: z.array(ActorRow.pick({ actor_id: true, name: true, aliases: true })),
  mentions: z.array(MentionRow.pick({ document_id: true, actor_id: true })),
  demands: z.array(DemandRow.pick({ document_id: true, quote: true, claimant_ids: true, addressee_id: true })),
  dates: z.array(DateRow.pick({ document_id: true, value: true })),
} as const;

/** Read one JSON table; an empty list (with a coded message) when it is missing or does not fit its model. */
async function readTable<T>(dir: string, name: string, schema: z.ZodType<T[]>, messages: Message[]): Promise<T[]> {
  const file = join(dir, `${name}.json`);
  let raw: string;
  try {
    raw = await readFile(file, 'utf8');
  } catch {
    messages.push(message('eval-output-missing', `${name}.json not found`, { stage: STAGE, file }));
    return [];
  }
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch (e) {
    messages.push(message('eval-output-invalid', `not JSON: ${(e as Error).message}`, { stage: STAGE, file }));
    return [];
  }
  const result = schema.safeParse(data);
  if (!result.success) {
    const first = result.error.issues[0];
    const where = first === undefined ? '' : `, first at ${first.path.join('.')}: ${first.message}`;
    messages.push(message('eval-output-invalid', `${result.error.issues.length} problem(s)${where}`, { stage: STAGE, file }));
    return [];
  }
  return result.data;
}

/** Read the JSON tables of a build output folder; a missing table is scored as empty (with a warning). */
export async function readBuildOutput(dir: string): Promise<{ predicted: Predicted; messages: Message[] }> {
  const messages: Message[] = [];
  const predicted: Predicted = {
    documents: await readTable(dir, 'documents', TABLES.documents, messages),
    actors: await readTable(dir, 'actors', TABLES.actors, messages),
    mentions: await readTable(dir, 'mentions', TABLES.mentions, messages),
    demands: await readTable(dir, 'demands', TABLES.demands, messages),
    dates: await readTable(dir, 'dates', TABLES.dates, messages),
  };
  return { predicted, messages };
}
