import { CATALOGUE, type Code, type Severity } from './errors.ts';

/** 1-based line and column in the source file (columns count code points). */
export interface Position {
  line: number;
  column: number;
}

/** A coded problem report; everything a user needs to find and fix it. */
export interface Message {
  code: Code;
  reason: string;
  stage: string;
  file: string | null;
  position: Position | null;
  severity: Severity;
}

/** Build a message with the catalogue's default severity for its code. */
export function message(
  code: Code,
  reason: string,
  where: { stage: string; file?: string | null; position?: Position | null; severity?: Severity },
): Message {
  return {
    code,
    reason,
    stage: where.stage,
    file: where.file ?? null,
    position: where.position ?? null,
    severity: where.severity ?? CATALOGUE[code].severity,
  };
}

/** Print as `seeds/x.txt:12:3 error invalid-utf8 reason (hint)`. */
export function formatMessage(m: Message): string {
  const place = m.file === null ? 'kravkart' : m.position === null ? m.file : `${m.file}:${m.position.line}:${m.position.column}`;
  return `${place} ${m.severity} ${m.code} ${m.reason} (${CATALOGUE[m.code].hint})`;
}

/** Line and column (1-based, code points) of a UTF-16 offset in a text. */
export function positionAt(text: string, offset: number): Position {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: Array.from(text.slice(lineStart, offset)).length + 1 };
}

export const hasErrors = (messages: readonly Message[]): boolean => messages.some((m) => m.severity === 'error');

/** Thrown only at the edges to stop a build; carries the coded messages that explain why. */
export class BuildFailure extends Error {
  constructor(readonly messages: Message[]) {
    super(messages.map(formatMessage).join('\n'));
    this.name = 'BuildFailure';
  }
}
