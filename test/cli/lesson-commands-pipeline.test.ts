/**
 * Lesson 7 (pipeline), command by command: every `aws`, `kubectl`, `git` and `gh` command the
 * page shows runs, in the order the page shows it, in the sandbox it belongs to — the first
 * `<Sandbox>` below it on the page — after the form edit the page asks for first. Each must
 * succeed (exit code 0) and change what the page says it changes. The lesson-wide test
 * (lesson-commands.test.ts) leaves this page to this file: its git commands need the form's edit
 * before them, and its runs need simulated time.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { advance, applyAction, createWorld, type World } from '../../sandbox/index.ts';
import { runCommandLine, type CliSession } from '../../sandbox/cli/index.ts';
import { stepTitle } from '../../sandbox/services/pipeline/runner.ts';
import { parseWorkflow } from '../../sandbox/services/pipeline/workflow.ts';
import { loadScenario } from '../sandbox/helpers.ts';
import { readLessonPage, SANDBOX_PROGRAMS, type LessonCommand } from './lesson-commands.ts';

const FILE = join(import.meta.dirname, '../../lessons/pipeline.mdx');
const TEXT = readFileSync(FILE, 'utf8');
const PAGE = readLessonPage(TEXT, [...SANDBOX_PROGRAMS, 'git', 'gh']);
const READING_SECONDS = 60;
const BETWEEN_SECONDS = 30;

const SANDBOXES = TEXT.split('\n').flatMap((line, index) => {
  const m = /<Sandbox\b[^>]*\bscenario="([^"]+)"/.exec(line);
  return m ? [{ scenario: m[1] as string, line: index + 1 }] : [];
});

const sandboxOf = (c: LessonCommand) => SANDBOXES.find((s) => s.line > c.line)?.scenario;

/** "Change the application with the form, then commit": the form's edit before `git commit`. */
const FORM_BEFORE: Record<string, { version: string }> = {
  'git commit -am "Release 2.0.0"': { version: '2.0.0' },
};

interface Step {
  command: string;
  exitCode: number;
  output: string;
}

function playSection(scenario: string): { steps: Step[]; world: World } {
  let world = advance(createWorld(loadScenario(`${scenario}.yaml`)), READING_SECONDS);
  let session: CliSession = { dockerContext: null };
  const steps: Step[] = [];
  for (const c of PAGE.commands.filter((c) => sandboxOf(c) === scenario)) {
    const edit = FORM_BEFORE[c.command];
    if (edit) {
      const r = applyAction(world, { type: 'pipeline.app.edit', ...edit });
      if (!r.result.ok) throw new Error(r.result.error);
      world = r.world;
    }
    const result = runCommandLine(c.command, { world, files: PAGE.files, session });
    world = advance(result.world, BETWEEN_SECONDS);
    session = result.session;
    steps.push({
      command: c.command,
      exitCode: result.output.exitCode,
      output: `${result.output.stdout}${result.output.stderr}`.trim(),
    });
  }
  return { steps, world };
}

describe('lessons/pipeline.mdx: every command in the sandbox it belongs to', () => {
  it('embeds the seven sandboxes, one stage at a time, the capstone last', () => {
    expect(SANDBOXES.map((s) => s.scenario)).toEqual([
      'pipeline-test-gate',
      'pipeline-oidc',
      'pipeline-push-ecr',
      'pipeline-first-run',
      'pipeline-bad-image',
      'pipeline-tags',
      'pipeline-bad-release',
    ]);
  });

  it('starts the deploy sandbox from the push sandbox’s solved workflow: it adds the deploy stage only', () => {
    const WORKFLOW = '.github/workflows/deploy.yml';
    const written = (id: string) =>
      loadScenario(`${id}.yaml`).solution.flatMap((s) =>
        s.action.type === 'pipeline.file.write' && s.action.path === WORKFLOW
          ? [s.action.content]
          : [],
      );
    const start = loadScenario('pipeline-first-run.yaml').initial.pipeline!.files[WORKFLOW]!;
    expect(start).toBe(written('pipeline-push-ecr').at(-1));
    const jobs = (text: string) => {
      const parsed = parseWorkflow(text);
      if (!parsed.ok) throw new Error(parsed.text);
      return parsed.workflow.jobs.map((j) => ({
        id: j.id,
        needs: j.needs,
        outputs: j.outputs,
        steps: j.steps.map((s) => (s.id ? `${s.id}: ${stepTitle(s)}` : stepTitle(s))),
      }));
    };
    const [build, deploy] = jobs(written('pipeline-first-run').at(-1)!);
    const before = jobs(start);
    expect(before.map((j) => j.id)).toEqual(['build']);
    // The build job keeps its steps; its push step gets an id and hands the image on.
    expect(build!.steps).toEqual(
      before[0]!.steps.map((s, i, all) => (i === all.length - 1 ? `img: ${s}` : s)),
    );
    expect(build!.outputs).toEqual({ image: '${{ steps.img.outputs.image }}' });
    expect(deploy).toEqual({
      id: 'deploy',
      needs: ['build'],
      outputs: {},
      steps: [
        'Run aws-actions/configure-aws-credentials@v4',
        'Run aws eks update-kubeconfig --name $EKS_CLUSTER --region $AWS_REGION',
        'Run kubectl set image deployment/web web=${{ needs.build.outputs.image }}',
        'Run kubectl rollout status deployment/web --timeout=5m',
        'Run kubectl rollout undo deployment/web',
      ],
    });
  });

  it('shows no command outside a sandbox section, and none marked as needing a real account', () => {
    expect(PAGE.commands.filter((c) => sandboxOf(c) === undefined)).toEqual([]);
    expect(PAGE.commands.filter((c) => c.realAccountOnly)).toEqual([]);
    expect(
      PAGE.commands.map((c) => `${sandboxOf(c)}: ${c.command.split(' ').slice(0, 3).join(' ')}`),
    ).toEqual([
      'pipeline-test-gate: git commit -am',
      'pipeline-test-gate: git push',
      'pipeline-oidc: aws iam update-assume-role-policy',
      'pipeline-oidc: aws eks create-access-entry',
      'pipeline-push-ecr: aws iam attach-role-policy',
      'pipeline-bad-image: kubectl get pods',
      'pipeline-bad-image: kubectl rollout status',
      'pipeline-bad-release: kubectl rollout history',
      'pipeline-bad-release: kubectl get pods',
    ]);
  });

  describe.each([...new Set(PAGE.commands.map((c) => sandboxOf(c)!))])('%s', (scenario) => {
    const { steps, world } = playSection(scenario);
    it.each(steps.map((s) => ({ ...s, title: s.command.slice(0, 120) })))(
      'runs: $title',
      (step) => {
        expect(step.exitCode, step.output).toBe(0);
      },
    );

    if (scenario === 'pipeline-test-gate') {
      it('the commit and push start a run of the workflow', () => {
        expect(steps[1]!.output).toMatch(
          /^To github\.com:shipyard\/web\.git\n {3}[0-9a-f]{7}\.\.[0-9a-f]{7} {2}main -> main$/,
        );
        expect(world.pipeline!.runs.map((r) => [r.number, r.message])).toEqual([
          [1, 'Release 2.0.0'],
        ]);
      });
    }
    if (scenario === 'pipeline-oidc') {
      it('the trust policy accepts main, and the role has an access entry', () => {
        expect(world.pipeline!.role).toMatchObject({
          trustSubject: 'repo:shipyard/web:ref:refs/heads/main',
          audience: 'sts.amazonaws.com',
        });
        expect(
          Object.values(world.eks!.clusters['demo']!.accessEntries).map((e) => e.principalArn),
        ).toContain('arn:aws:iam::123456789012:role/gha-deploy');
      });
    }
    if (scenario === 'pipeline-push-ecr') {
      it('the role may push', () => {
        expect(world.pipeline!.role!.push).toBe(true);
      });
    }
    if (scenario === 'pipeline-bad-image' || scenario === 'pipeline-bad-release') {
      it('shows web on its first revision, three pods Running', () => {
        const pods = steps.find((s) => s.command === 'kubectl get pods')!.output.split('\n');
        expect(pods[0]).toMatch(/^NAME +READY +STATUS +RESTARTS +AGE$/);
        expect(pods.slice(1).map((l) => l.split(/ +/).slice(1, 3).join(' '))).toEqual([
          '1/1 Running',
          '1/1 Running',
          '1/1 Running',
        ]);
      });
    }
  });
});
