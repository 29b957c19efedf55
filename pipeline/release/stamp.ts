import { sha256 } from '../ids.ts';
import { message, type Message } from '../messages.ts';
import { text, type FileMap } from './snapshot.ts';
import { escapeRegExp } from '../regexp.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);

/** CODEBOOK.md with its `Version X.` line set to another version; null when the line is not there. */
export function withCodebookVersion(codebook: string, from: string, to: string): string | null {
  const line = new RegExp(`^Version ${escapeRegExp(from)}\\.`, 'm');
  return line.test(codebook) ? codebook.replace(line, `Version ${to}.`) : null;
}

/** `SHA256SUMS` recomputed for the files it lists, in its own order and format. */
export function resum(sums: string, files: FileMap): { text: string; missing: string[] } {
  const missing: string[] = [];
  const lines = sums.split('\n').filter((l) => l !== '').map((l) => {
    const path = l.replace(/^[0-9a-f]{64} [ *]/, '');
    const bytes = files.get(path);
    if (bytes === undefined) missing.push(path);
    return bytes === undefined ? l : `${sha256(bytes)}  ${path}`;
  });
  return { text: lines.length === 0 ? '' : `${lines.join('\n')}\n`, missing };
}

/**
 * A build's files with the release version written where the build writes its placeholder: `version` in
 * datapackage.json, the `Version` line of CODEBOOK.md, and SHA256SUMS recomputed. The tables are untouched.
 * Refuses (coded messages) when the files are not in the shape the build writes, rather than guess.
 */
export function stampVersion(files: FileMap, version: string): { files: Map<string, Uint8Array>; messages: Message[] } {
  const out = new Map(files);
  const messages: Message[] = [];
  const fail = (file: string, reason: string) => messages.push(message('release-stamp', reason, { stage: 'release', file }));
  const refuse = (reason: string) => {
    fail('datapackage.json', reason);
    return { files: out, messages };
  };
  const source = text(files, 'datapackage.json');
  if (source === null) return refuse('missing');
  let descriptor: Record<string, unknown>;
  try {
    descriptor = JSON.parse(source) as Record<string, unknown>;
  } catch (e) {
    return refuse(`does not parse: ${(e as Error).message}`);
  }
  const from = descriptor['version'];
  // Re-serialising must give the build's bytes back, or the stamp would change more than the version.
  if (typeof from !== 'string' || `${JSON.stringify(descriptor, null, 2)}\n` !== source) {
    return refuse('no string `version`, or not written as the build writes it (2-space JSON, final newline)');
  }
  descriptor['version'] = version;
  out.set('datapackage.json', utf8(`${JSON.stringify(descriptor, null, 2)}\n`));

  const codebook = text(files, 'CODEBOOK.md');
  if (codebook !== null) {
    const stamped = withCodebookVersion(codebook, from, version);
    if (stamped === null) fail('CODEBOOK.md', `no line "Version ${from}." to stamp`);
    else out.set('CODEBOOK.md', utf8(stamped));
  }

  const sums = text(files, 'SHA256SUMS');
  if (sums !== null) {
    const { text: fresh, missing } = resum(sums, out);
    for (const path of missing) fail('SHA256SUMS', `lists ${path}, which the build did not write`);
    out.set('SHA256SUMS', utf8(fresh));
  }
  return { files: out, messages };
}
