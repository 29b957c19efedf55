import type { CuratedMeta, SourceDoc } from '../document.ts';
import { sha256, stableId } from '../ids.ts';
import { message, type Message } from '../messages.ts';
import { decodeText } from './decode.ts';
import { displayPath, isDocumentName, isSidecarName, sidecarTargets } from './files.ts';
import type { RawCorpus } from './read.ts';
import { parseSidecar } from './sidecar.ts';

const STAGE = 'ingest';

/** Within one file: whole-file problems first, then top to bottom (sort is stable, so ties keep their order). */
const byPosition = (a: Message, b: Message): number =>
  (a.position?.line ?? 0) - (b.position?.line ?? 0) || (a.position?.column ?? 0) - (b.position?.column ?? 0);

/**
 * Decode and check every `.txt` document and its optional `.meta.yaml` sidecar. Pure: every problem of every
 * file is collected (never stopping at the first), and messages come out in file-name order.
 * Problems go in the returned `messages` only, not in `doc.messages`, so the runner reports each once.
 */
export function ingest(raw: RawCorpus): { docs: SourceDoc[]; messages: Message[] } {
  const path = (name: string) => displayPath(raw.dir, name);
  if (!raw.exists) {
    return { docs: [], messages: [message('seeds-folder-missing', `the seeds folder ${raw.dir} does not exist or is not a folder`, { stage: STAGE, file: raw.dir })] };
  }

  const folderMessages: Message[] = [];
  const byFile = new Map<string, Message[]>();
  const report = (name: string, ms: Message[]) => {
    if (ms.length > 0) byFile.set(name, [...(byFile.get(name) ?? []), ...ms]);
  };

  // Files that exist but could not be read still count as documents (so they are not "missing" below).
  const unreadableDocs = new Set<string>();
  for (const u of raw.unreadable ?? []) {
    if (u.name === null) {
      folderMessages.push(message('file-unreadable', `the seeds folder ${raw.dir} cannot be listed (${u.reason})`, { stage: STAGE, file: raw.dir }));
    } else if (isDocumentName(u.name) || isSidecarName(u.name)) {
      if (isDocumentName(u.name)) unreadableDocs.add(u.name);
      report(u.name, [message('file-unreadable', `the file cannot be read (${u.reason})`, { stage: STAGE, file: path(u.name) })]);
    }
  }

  const docFiles = raw.files.filter((f) => isDocumentName(f.name));
  const sidecarFiles = raw.files.filter((f) => isSidecarName(f.name));
  if (docFiles.length === 0 && unreadableDocs.size === 0 && folderMessages.length === 0) {
    const others = raw.files.filter((f) => !isSidecarName(f.name)).map((f) => f.name);
    const found = others.length === 0 ? '' : `; it holds only ${others.slice(0, 5).join(', ')}${others.length > 5 ? ` and ${others.length - 5} more` : ''}`;
    folderMessages.push(message('seeds-folder-empty', `the seeds folder ${raw.dir} holds no .txt documents${found}`, { stage: STAGE, file: raw.dir }));
  }

  // Sidecars: check each one, then attach it to its document.
  const docNames = new Set([...docFiles.map((f) => f.name), ...unreadableDocs]);
  const sidecarsOf = new Map<string, { name: string; meta: CuratedMeta | null }[]>();
  for (const f of sidecarFiles) {
    const decoded = decodeText(f.bytes, path(f.name), { allowBlank: true });
    report(f.name, decoded.messages);
    const parsed = decoded.text === null ? { meta: null, messages: [] } : parseSidecar(decoded.text, path(f.name));
    report(f.name, parsed.messages);
    const targets = sidecarTargets(f.name);
    const target = targets.find((t) => docNames.has(t));
    if (target === undefined) {
      report(f.name, [message('meta-orphan', `no document ${targets[0] ?? ''} for this metadata file`, { stage: STAGE, file: path(f.name) })]);
      continue;
    }
    sidecarsOf.set(target, [...(sidecarsOf.get(target) ?? []), { name: f.name, meta: parsed.meta }]);
  }

  const docs: SourceDoc[] = [];
  const firstWithHash = new Map<string, string>();
  for (const f of docFiles) {
    const decoded = decodeText(f.bytes, path(f.name), { allowBlank: false });
    report(f.name, decoded.messages);
    const hash = sha256(f.bytes);
    const first = firstWithHash.get(hash);
    if (first !== undefined && f.bytes.length > 0) {
      report(f.name, [message('duplicate-document', `the file has the same bytes as ${path(first)} (sha256 ${hash.slice(0, 12)}…)`, { stage: STAGE, file: path(f.name) })]);
    } else if (first === undefined) {
      firstWithHash.set(hash, f.name);
    }

    const sidecars = sidecarsOf.get(f.name) ?? [];
    if (sidecars.length > 1) {
      const names = sidecars.map((s) => path(s.name)).join(' and ');
      report(f.name, [message('meta-conflict', `the document has two metadata files: ${names}`, { stage: STAGE, file: path(f.name) })]);
    }
    if (decoded.text === null) continue;
    docs.push({
      id: stableId('doc', f.name),
      file: f.name,
      source: decoded.text,
      sha256: hash,
      meta: sidecars.length === 1 ? (sidecars[0]?.meta ?? null) : null,
      messages: [],
    });
  }

  const names = [...byFile.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return { docs, messages: [...folderMessages, ...names.flatMap((n) => [...(byFile.get(n) ?? [])].sort(byPosition))] };
}
