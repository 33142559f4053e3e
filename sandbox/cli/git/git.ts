/**
 * `git` in the terminal, for the pipeline's simulated repository: status, log, diff --stat,
 * commit -a and push (which starts a workflow run), and `gh run cancel|rerun`. Outputs are git's
 * and the GitHub CLI's own formats; what the sandbox does not model is said in its own words.
 */
import type { World } from '../../model/types.ts';
import { applyAll, output } from '../outcome.ts';
import { fail, ok, type CliEnv, type CliOutcome } from '../types.ts';
import { changedFiles, diffstat, head } from '../../services/pipeline/repo.ts';

const NOT_A_REPO = 'fatal: not a git repository (or any of the parent directories): .git';

function repoOf(world: World) {
  return world.pipeline?.repo ?? null;
}

export const GIT_COMMANDS = ['status', 'log', 'diff', 'commit', 'push', 'add'];

export function runGit(args: string[], env: CliEnv): CliOutcome {
  const repo = repoOf(env.world);
  const [sub, ...rest] = args;
  if (sub === undefined || sub === '--help' || sub === 'help')
    return output(
      ok(
        [
          'usage: git <command> [<args>]',
          '',
          '   status     Show the working tree status',
          '   log        Show commit logs (--oneline)',
          '   diff       Show changes (--stat)',
          '   commit     Record changes to the repository (-a -m <msg>, or -am <msg>)',
          '   push       Update remote refs (starts the workflow on a push to its branch)',
        ].join('\n'),
      ),
    );
  if (!GIT_COMMANDS.includes(sub))
    return output(fail(`git: '${sub}' is not a git command. See 'git --help'.`, 1));
  if (!repo) return output(fail(NOT_A_REPO, 128));
  switch (sub) {
    case 'status': {
      const changed = changedFiles(repo);
      const h = head(repo);
      const ahead = repo.commits.length - 1 - repo.commits.findIndex((c) => c.sha === repo.pushed);
      const lines = [`On branch ${repo.branch}`];
      if (repo.pushed !== h.sha && ahead > 0)
        lines.push(
          `Your branch is ahead of 'origin/${repo.branch}' by ${ahead} commit${ahead === 1 ? '' : 's'}.`,
          '  (use "git push" to publish your local commits)',
        );
      else lines.push(`Your branch is up to date with 'origin/${repo.branch}'.`);
      lines.push('');
      if (changed.length === 0) lines.push('nothing to commit, working tree clean');
      else {
        lines.push(
          'Changes not staged for commit:',
          '  (use "git add <file>..." to update what will be committed)',
          '',
        );
        for (const p of changed) lines.push(`\tmodified:   ${p}`);
        lines.push('', 'no changes added to commit (use "git add" and/or "git commit -a")');
      }
      return output(ok(lines.join('\n')));
    }
    case 'log': {
      const oneline = rest.includes('--oneline');
      const commits = [...repo.commits].reverse().slice(0, 50);
      const lines = commits.map((c, i) => {
        const refs =
          i === 0
            ? ` (HEAD -> ${repo.branch}${repo.pushed === c.sha ? `, origin/${repo.branch}` : ''})`
            : repo.pushed === c.sha
              ? ` (origin/${repo.branch})`
              : '';
        return oneline
          ? `${c.sha.slice(0, 7)}${refs} ${c.message}`
          : `commit ${c.sha}${refs}\n\n    ${c.message}\n`;
      });
      return output(ok(lines.join('\n')));
    }
    case 'diff': {
      const changed = changedFiles(repo);
      if (changed.length === 0) return output(ok(''));
      const h = head(repo).files;
      return output(
        ok(`${changed.map((p) => ` ${p}`).join('\n')}\n${diffstat(h, repo.files, changed)}`),
      );
    }
    case 'add':
      return output(
        fail(
          'git add: the sandbox\'s repository has no staging area; commit every change with git commit -am "message" (the sandbox\'s own message)',
          1,
        ),
      );
    case 'commit': {
      let all = false;
      let message: string | null = null;
      for (let i = 0; i < rest.length; i++) {
        const a = rest[i]!;
        if (a === '-a' || a === '--all') all = true;
        else if (a === '-m' || a === '--message') message = rest[++i] ?? null;
        else if (a === '-am' || a === '-ma') {
          all = true;
          message = rest[++i] ?? null;
        } else if (a.startsWith('--message=')) message = a.slice(10);
        else return output(fail(`error: unknown option \`${a.replace(/^-+/, '')}'`, 129));
      }
      if (message === null) return output(fail("error: switch `m' requires a value", 129));
      const changed = changedFiles(repo);
      if (!all && changed.length > 0)
        return output(
          fail(
            `On branch ${repo.branch}\nChanges not staged for commit:\n${changed.map((p) => `\tmodified:   ${p}`).join('\n')}\n\nno changes added to commit (use "git add" and/or "git commit -a")`,
            1,
          ),
        );
      if (changed.length === 0)
        return output(fail(`On branch ${repo.branch}\nnothing to commit, working tree clean`, 1));
      const before = head(repo).files;
      const after = repo.files;
      return applyAll(
        env.world,
        [{ type: 'pipeline.commit', message }],
        (error) => fail(error, 1),
        (_results, _b, w) => {
          const r = repoOf(w)!;
          const c = head(r);
          return ok(
            `[${r.branch} ${c.sha.slice(0, 7)}] ${message}\n${diffstat(before, after, changed)}`,
          );
        },
      );
    }
    case 'push': {
      const h = head(repo);
      if (repo.pushed === h.sha)
        return output({ stdout: '', stderr: 'Everything up-to-date', exitCode: 0 });
      const from = repo.pushed;
      return applyAll(
        env.world,
        [{ type: 'pipeline.push' }],
        (error) => fail(error, 1),
        () => ({
          stdout: '',
          stderr: `To github.com:${repo.name}.git\n   ${from ? from.slice(0, 7) : '0000000'}..${h.sha.slice(0, 7)}  ${repo.branch} -> ${repo.branch}`,
          exitCode: 0,
        }),
      );
    }
  }
  return output(fail(`git: '${sub}' is not a git command. See 'git --help'.`, 1));
}

/** `gh run cancel <id>`, `gh run rerun <id>`, `gh run list`. */
export function runGh(args: string[], env: CliEnv): CliOutcome {
  const [group, sub, id] = args;
  if (group !== 'run' || (sub !== 'cancel' && sub !== 'rerun' && sub !== 'list'))
    return output(
      fail(
        "the sandbox's gh knows gh run list, gh run cancel <run> and gh run rerun <run> (the sandbox's own message)",
        1,
      ),
    );
  const runs = env.world.pipeline?.runs ?? [];
  if (sub === 'list') {
    const rows = [...runs]
      .reverse()
      .slice(0, 20)
      .map((r) => {
        const status = r.status === 'queued' || r.status === 'in_progress' ? r.status : 'completed';
        const conclusion = status === 'completed' ? r.status : '';
        return [
          status,
          conclusion,
          r.message,
          r.workflowName,
          r.branch,
          'push',
          String(r.number),
        ].join('\t');
      });
    return output(ok(rows.join('\n')));
  }
  const n = Number(id);
  if (!Number.isInteger(n) || n < 1)
    return output(fail(`invalid run ID: ${JSON.stringify(id ?? '')}`, 1));
  const type =
    sub === 'cancel' ? ('pipeline.run.cancel' as const) : ('pipeline.run.rerun' as const);
  return applyAll(
    env.world,
    [{ type, run: n }],
    (error) => fail(error, 1),
    (results) => ok(results[0]?.ok ? results[0].message : ''),
  );
}
