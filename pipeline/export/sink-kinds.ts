import type { Message } from '../messages.ts';
import type { CorpusTail, OutputSink, SinkDirs, WrittenFile } from './sink.ts';
import { DatabaseSink } from './sqlite.ts';
import { WorkbookSink } from './xlsx.ts';

/** The sinks that can run on a thread of their own: the two outputs whose own work per row is heaviest (builds put the workbook on one). */
export type SinkKind = 'workbook' | 'database';

/** Open a sink of a kind (on whatever thread calls this). */
export async function openThreadedSink(kind: SinkKind, dirs: SinkDirs): Promise<OutputSink> {
  return kind === 'workbook' ? new WorkbookSink(dirs) : DatabaseSink.open(dirs);
}

/** A message to a sink thread: the next document's rows (serialised by node:v8), or the corpus tail to finish with. */
export type SinkRequest = { type: 'add'; rows: Uint8Array; source: string | null } | { type: 'finish'; tail: CorpusTail };

/** A sink thread's answer to `finish`: the files written, or the failure (coded messages when it had them). */
export type SinkReply = { type: 'finished'; written: WrittenFile[] } | { type: 'failed'; error: string; messages: Message[] | null };
