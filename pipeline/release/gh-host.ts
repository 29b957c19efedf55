import { execFile } from 'node:child_process';
import { BuildFailure, message } from '../messages.ts';
import { PLANNER_ASSETS, type NewRelease, type ReleaseHost, type ReleaseRef } from './host.ts';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

// `gh` with an argument list (no shell), reading GH_TOKEN and GH_REPO from the environment.
function gh(args: readonly string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile('gh', args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : 127;
      resolve({ code, stdout, stderr: stderr || (error?.message ?? '') });
    });
  });
}

async function ok(args: readonly string[]): Promise<string> {
  const r = await gh(args);
  if (r.code !== 0) throw new BuildFailure([message('release-host', `gh ${args.slice(0, 2).join(' ')} failed: ${r.stderr.trim()}`, { stage: 'release' })]);
  return r.stdout.trim();
}

const notFound = (r: Run) => r.code !== 0 && /not found|HTTP 404/i.test(r.stderr);

/** The GitHub release host through the GitHub CLI, as the release workflow runs it (GH_TOKEN, GH_REPO set). */
export const ghHost: ReleaseHost = {
  async latestRelease(): Promise<ReleaseRef | null> {
    const r = await gh(['release', 'view', '--json', 'tagName', '--jq', '.tagName']);
    if (notFound(r)) return null;
    if (r.code !== 0) throw new BuildFailure([message('release-host', `gh release view failed: ${r.stderr.trim()}`, { stage: 'release' })]);
    const tag = r.stdout.trim();
    // The commit the tag points to (the release's own target may be a branch name).
    const commit = await ok(['api', `repos/{owner}/{repo}/commits/${encodeURIComponent(tag)}`, '--jq', '.sha']);
    return { tag, commit };
  },
  async download(tag: string, dir: string): Promise<void> {
    await ok(['release', 'download', tag, '--dir', dir, ...PLANNER_ASSETS.flatMap((p) => ['--pattern', p])]);
  },
  async releaseExists(tag: string): Promise<boolean> {
    const release = await gh(['release', 'view', tag, '--json', 'tagName']);
    if (release.code === 0) return true;
    if (!notFound(release)) throw new BuildFailure([message('release-host', `gh release view ${tag} failed: ${release.stderr.trim()}`, { stage: 'release' })]);
    const refs = await ok(['api', `repos/{owner}/{repo}/git/matching-refs/tags/${encodeURIComponent(tag)}`, '--jq', '.[].ref']);
    return refs.split('\n').includes(`refs/tags/${tag}`);
  },
  async createRelease(r: NewRelease): Promise<void> {
    // gh uploads the assets to a draft and publishes it only when all arrived, so a failed upload leaves no half release.
    await ok(['release', 'create', r.tag, ...r.assets, '--target', r.commit, '--title', r.title, '--notes-file', r.notesFile, '--latest']);
  },
};
