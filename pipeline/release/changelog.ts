/**
 * CHANGELOG.md with a release's entry added above the older ones (newest first, under the file's own
 * introduction); unchanged when that version already has an entry, so re-running never duplicates one.
 */
export function addToChangelog(changelog: string, entry: string, version: string): string {
  const lines = changelog.split('\n');
  if (lines.some((l) => l.startsWith(`## ${version} `) || l === `## ${version}`)) return changelog;
  const first = lines.findIndex((l) => l.startsWith('## '));
  const block = entry.trimEnd().split('\n');
  if (first === -1) return `${changelog.trimEnd()}\n\n${block.join('\n')}\n`;
  return `${[...lines.slice(0, first), ...block, '', ...lines.slice(first)].join('\n').trimEnd()}\n`;
}
