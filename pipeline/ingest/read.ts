/** The raw bytes of a seeds folder, read at the edge; nothing decoded or interpreted yet. */
export interface RawCorpus {
  /** The folder as the user named it, for messages. */
  dir: string;
  /** False when the folder does not exist or is not a folder. */
  exists: boolean;
  /** Every regular file directly in the folder, sorted by name (code-unit order, locale-independent). */
  files: { name: string; bytes: Uint8Array }[];
}

/** Read every file of the seeds folder. (stub) */
export async function readCorpus(absDir: string, displayDir: string): Promise<RawCorpus> {
  void absDir;
  return { dir: displayDir, exists: false, files: [] };
}
