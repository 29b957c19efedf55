import { isMap, isScalar, isSeq, parseDocument, type Document, type YAMLError } from 'yaml';
import type { CuratedMeta } from '../document.ts';
import { message, positionAt, type Message } from '../messages.ts';
import { META_FIELDS, MetaSidecar, toCuratedMeta } from './meta.ts';

const STAGE = 'ingest';

/** Edit distance, for "did you mean" on misspelt field names (`license` → `licence`). */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length] as number;
}

function unknownFieldReason(key: string): string {
  // The catalogue hint lists the allowed fields; the reason only adds the likely intended one.
  const near = META_FIELDS.find((f) => distance(key.toLowerCase(), f) <= 2);
  return near !== undefined ? `unknown field "${key}"; did you mean "${near}"?` : `unknown field "${key}"`;
}

/** Offset of a top-level key in the YAML text, or of the document's content when the key is not there. */
function keyOffset(doc: Document, key: string | undefined): number {
  const contents = doc.contents;
  if (key !== undefined && isMap(contents)) {
    for (const pair of contents.items) {
      if (isScalar(pair.key) && String(pair.key.value) === key && pair.key.range) return pair.key.range[0];
    }
  }
  return contents?.range?.[0] ?? 0;
}

/**
 * Parse and check a sidecar's text: YAML syntax problems with their line and column, then every schema
 * violation at the line of its key. `meta` is null when the sidecar cannot be used.
 */
export function parseSidecar(text: string, file: string): { meta: CuratedMeta | null; messages: Message[] } {
  // Failsafe schema: every scalar is a string, so YAML never turns `2022` into a number or `no` into false.
  const doc = parseDocument(text, { schema: 'failsafe', prettyErrors: false, uniqueKeys: true });
  const messages: Message[] = [];
  const at = (offset: number) => positionAt(text, offset);
  const yamlReason = (e: YAMLError) => {
    const first = (e.message.split('\n')[0] ?? e.message).replace(/ at line \d+, column \d+:?$/, '');
    // The usual cause in a metadata file is an unquoted value with ": " in it (a title, typically).
    return e.code === 'BLOCK_AS_IMPLICIT_KEY' ? `${first}; put the value in quotes if it contains ": "` : first;
  };
  for (const e of doc.errors) messages.push(message('meta-yaml-syntax', yamlReason(e), { stage: STAGE, file, position: at(e.pos[0]) }));
  for (const w of doc.warnings) {
    messages.push(message('meta-yaml-syntax', yamlReason(w), { stage: STAGE, file, position: at(w.pos[0]), severity: 'warning' }));
  }
  if (doc.errors.length > 0) return { meta: null, messages };

  // A sidecar with only comments is an empty set of facts, not an error.
  const data: unknown = doc.contents === null ? {} : doc.toJS();
  const result = MetaSidecar.safeParse(data);
  if (result.success) return { meta: toCuratedMeta(result.data), messages };

  for (const issue of result.error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        messages.push(message('meta-schema', unknownFieldReason(key), { stage: STAGE, file, position: at(keyOffset(doc, key)) }));
      }
      continue;
    }
    const key = typeof issue.path[0] === 'string' ? issue.path[0] : undefined;
    let reason: string;
    if (key === undefined) {
      const found = isSeq(doc.contents) ? 'a list' : 'a single value';
      reason = `the sidecar must be a mapping of fields (one \`field: value\` per line), not ${found}`;
    } else {
      const value = (data as Record<string, unknown>)[key];
      const found = typeof value === 'string' && value.trim() !== '' ? ` (found "${value}")` : '';
      reason =
        issue.code === 'invalid_value'
          ? `field "${key}" must be one of ${issue.values.map(String).join(', ')}${found}`
          : `field "${key}" ${issue.message}${found}`;
    }
    messages.push(message('meta-schema', reason, { stage: STAGE, file, position: at(keyOffset(doc, key)) }));
  }
  return { meta: null, messages };
}
