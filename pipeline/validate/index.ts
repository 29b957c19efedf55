import type { Context } from '../context.ts';
import type { SourceDoc } from '../document.ts';
import type { Message } from '../messages.ts';
import type { OutputFile } from '../export/index.ts';

/** Validate the exported files as a user would: JSON Schemas, integrity and coverage assertions. (stub) */
export function validate(files: OutputFile[], docs: SourceDoc[], ctx: Context): { messages: Message[] } {
  void files; void docs; void ctx;
  return { messages: [] };
}
