import { readFileSync } from 'node:fs';
import type { CuratedMeta, SourceDoc } from '../document.ts';
import { sha256 } from '../ids.ts';
import { decodeText } from '../ingest/decode.ts';
import { message, type Message } from '../messages.ts';

/**
 * A document as validate sees it after the per-document stages dropped its text: everything small is kept, and
 * `source` is read and decoded again from the file when asked, so no build holds every source at once. A file
 * whose bytes changed since ingest is reported (once) rather than silently checked against other text.
 */
export class SourceRef implements SourceDoc {
  readonly messages: Message[] = [];
  private reported = false;

  constructor(
    readonly id: string,
    readonly file: string,
    readonly sha256: string,
    readonly meta: CuratedMeta | null,
    private readonly path: string,
    private readonly report: (m: Message) => void,
  ) {}

  /** Make the reference of an ingested document. */
  static of(doc: SourceDoc, path: string, report: (m: Message) => void): SourceRef {
    return new SourceRef(doc.id, doc.file, doc.sha256, doc.meta, path, report);
  }

  get source(): string {
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(this.path);
    } catch (e) {
      this.changed(`the file cannot be read again (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
      return '';
    }
    if (sha256(bytes) !== this.sha256) this.changed('the file changed while the build ran');
    return decodeText(bytes, this.file, { allowBlank: true }).text ?? '';
  }

  private changed(reason: string): void {
    if (this.reported) return;
    this.reported = true;
    this.report(message('source-changed', reason, { stage: 'validate', file: this.file }));
  }
}
