import { parseDocument } from 'yaml';
import { message, type Message } from '../messages.ts';
import { checkGoldAgainstText, checkGoldConsistency } from './gold-check.ts';
import { GoldFile } from './gold-schema.ts';

const STAGE = 'eval';

/** Parse and validate the YAML text of one gold file; returns the file or the coded messages that explain why not. */
export function parseGold(yamlText: string, file: string): { gold: GoldFile | null; messages: Message[] } {
  const doc = parseDocument(yamlText);
  if (doc.errors.length > 0) {
    return {
      gold: null,
      messages: doc.errors.map((e) => {
        const at = e.linePos?.[0];
        return message('gold-yaml-syntax', e.message.split('\n')[0] ?? e.code, { stage: STAGE, file, position: at ? { line: at.line, column: at.col } : null });
      }),
    };
  }
  const result = GoldFile.safeParse(doc.toJS());
  if (!result.success) {
    return {
      gold: null,
      messages: result.error.issues.map((i) => message('gold-schema', `${i.path.join('.') || '(file)'}: ${i.message}`, { stage: STAGE, file })),
    };
  }
  const messages = checkGoldConsistency(result.data).map((p) => message(p.code, p.reason, { stage: STAGE, file }));
  return { gold: result.data, messages };
}

/**
 * Check parsed gold files against the documents folder: each names an existing document (once) and fits its
 * text. `documents` maps file name to text.
 */
export function checkGoldsAgainstDocuments(golds: readonly { file: string; gold: GoldFile }[], documents: ReadonlyMap<string, string>): Message[] {
  const messages: Message[] = [];
  const claimed = new Map<string, string>();
  for (const { file, gold } of golds) {
    const text = documents.get(gold.document);
    if (text === undefined) {
      messages.push(message('gold-orphan', `document ${gold.document} is not in the documents folder`, { stage: STAGE, file }));
      continue;
    }
    const other = claimed.get(gold.document);
    if (other !== undefined) messages.push(message('gold-orphan', `document ${gold.document} is already annotated in ${other}`, { stage: STAGE, file }));
    claimed.set(gold.document, file);
    for (const p of checkGoldAgainstText(gold, text)) messages.push(message(p.code, p.reason, { stage: STAGE, file }));
  }
  return messages;
}
