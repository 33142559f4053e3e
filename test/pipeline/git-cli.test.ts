import { describe, expect, it } from 'vitest';
import { applyAction, createWorld, type World } from '../../sandbox/index.ts';
import { interpret } from '../../sandbox/cli/index.ts';
import { DEPLOY_WORKFLOW, act, scenario } from './worlds.ts';

function sh(
  world: World,
  line: string,
): { world: World; stdout: string; stderr: string; exitCode: number } {
  const outcome = interpret(line, { world, files: {}, session: { dockerContext: null } });
  if (outcome.kind === 'output') return { world, ...outcome.output };
  let w = world;
  const results = [];
  for (const a of outcome.actions) {
    const r = applyAction(w, a);
    if (!r.result.ok) throw new Error(r.result.error);
    w = r.world;
    results.push(r.result);
  }
  return { world: w, ...outcome.render(results, world, w) };
}

describe('git in the terminal', () => {
  it('status, commit -am, log and push (which queues a run)', () => {
    let w = createWorld(scenario(DEPLOY_WORKFLOW));
    expect(sh(w, 'git status').stdout).toBe(
      "On branch main\nYour branch is up to date with 'origin/main'.\n\nnothing to commit, working tree clean",
    );
    w = act(w, { type: 'pipeline.app.edit', version: '2.0.0' });
    expect(sh(w, 'git status').stdout).toBe(
      [
        'On branch main',
        "Your branch is up to date with 'origin/main'.",
        '',
        'Changes not staged for commit:',
        '  (use "git add <file>..." to update what will be committed)',
        '',
        '\tmodified:   package.json',
        '\tmodified:   src/server.js',
        '',
        'no changes added to commit (use "git add" and/or "git commit -a")',
      ].join('\n'),
    );
    const c = sh(w, 'git commit -am "Release 2.0.0"');
    w = c.world;
    const sha = w.pipeline!.repo!.commits[1]!.sha;
    expect(c.stdout).toBe(
      `[main ${sha.slice(0, 7)}] Release 2.0.0\n 2 files changed, 2 insertions(+), 2 deletions(-)`,
    );
    expect(sh(w, 'git log --oneline').stdout).toBe(
      `${sha.slice(0, 7)} (HEAD -> main) Release 2.0.0\n${w.pipeline!.repo!.commits[0]!.sha.slice(0, 7)} (origin/main) Initial commit`,
    );
    const p = sh(w, 'git push');
    expect(p.stderr).toBe(
      `To github.com:shipyard/web.git\n   ${w.pipeline!.repo!.commits[0]!.sha.slice(0, 7)}..${sha.slice(0, 7)}  main -> main`,
    );
    expect(p.world.pipeline!.runs.map((r) => [r.number, r.status, r.sha])).toEqual([
      [1, 'queued', sha],
    ]);
    expect(sh(p.world, 'git push')).toMatchObject({ stderr: 'Everything up-to-date', exitCode: 0 });
    expect(sh(p.world, 'git commit -am again')).toMatchObject({
      stderr: 'On branch main\nnothing to commit, working tree clean',
      exitCode: 1,
    });
    expect(sh(p.world, 'gh run list').stdout).toBe(
      'queued\t\tRelease 2.0.0\tdeploy\tmain\tpush\t1',
    );
    expect(sh(p.world, 'gh run cancel 1')).toMatchObject({
      stdout: '✓ Request to cancel workflow 1 submitted.',
      exitCode: 0,
    });
  });

  it('refusals in git’s words', () => {
    const w = act(createWorld(scenario(DEPLOY_WORKFLOW)), {
      type: 'pipeline.app.edit',
      test: 'fail',
    });
    expect(sh(w, 'git commit -m x')).toMatchObject({
      stderr:
        'On branch main\nChanges not staged for commit:\n\tmodified:   test/server.test.js\n\nno changes added to commit (use "git add" and/or "git commit -a")',
      exitCode: 1,
    });
    expect(sh(w, 'git rebase')).toMatchObject({
      stderr: "git: 'rebase' is not a git command. See 'git --help'.",
      exitCode: 1,
    });
    expect(sh(w, 'git commit -a')).toMatchObject({
      stderr: "error: switch `m' requires a value",
      exitCode: 129,
    });
    expect(sh(w, 'gh run cancel 9')).toMatchObject({
      stderr: 'could not find any workflow run with ID 9',
      exitCode: 1,
    });
  });
});
