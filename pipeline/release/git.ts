import { execFileSync, spawnSync } from 'node:child_process';

/** Output of a git command in a repository (arguments passed as a list: nothing goes through a shell). */
export function git(repo: string, args: readonly string[]): string {
  return execFileSync('git', ['-C', repo, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

/** The full SHA of HEAD. */
export const headCommit = (repo: string): string => git(repo, ['rev-parse', 'HEAD']);

/** The committer time of HEAD in whole seconds since 1970: the release date, reproducible on re-runs. */
export const commitEpoch = (repo: string): number => Number(git(repo, ['log', '-1', '--format=%ct', 'HEAD']));

/** Whether `ancestor` is HEAD or one of its ancestors; null when git does not know the commit (shallow clone). */
export function containsCommit(repo: string, ancestor: string): boolean | null {
  const r = spawnSync('git', ['-C', repo, 'merge-base', '--is-ancestor', ancestor, 'HEAD'], { stdio: 'ignore' });
  return r.status === 0 ? true : r.status === 1 ? false : null;
}
