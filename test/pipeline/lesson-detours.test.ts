/**
 * The pipeline lesson's detours, played on its scenarios: each of the ten failures of the
 * pipeline fact sheet (§7) shows up where the lesson says, with its exact text, and the goals
 * do not pass on a run that only looks green (`:latest` applied unchanged, a build never pushed).
 */
import { describe, expect, it } from 'vitest';
import { checkGoals, replay, type World } from '../../sandbox/index.ts';
import type { Action } from '../../sandbox/model/actions.ts';
import type { Scenario } from '../../sandbox/index.ts';
import { loadScenario } from '../sandbox/helpers.ts';

const WORKFLOW = '.github/workflows/deploy.yml';

type Step =
  | { edit: Partial<{ version: string; test: 'pass' | 'fail'; start: 'ok' | 'broken' }> }
  | { workflow: [string, string][] }
  | { ship: string }
  | { act: Action }
  | { wait: number };

/** Plays steps 10 s apart (or `wait` longer) from the scenario's own workflow. */
function play(
  id: string,
  steps: Step[],
  mutate: (s: Scenario) => Scenario = (s) => s,
): { world: World; scenario: Scenario } {
  const scenario = mutate(loadScenario(`${id}.yaml`));
  let wf = scenario.initial.pipeline!.files[WORKFLOW]!;
  const log: { at: number; by: 'learner'; action: Action }[] = [];
  let t = 10;
  const add = (action: Action) => log.push({ at: t, by: 'learner', action });
  for (const s of steps) {
    if ('wait' in s) {
      t += s.wait;
      continue;
    }
    if ('edit' in s) add({ type: 'pipeline.app.edit', ...s.edit });
    if ('workflow' in s) {
      for (const [from, to] of s.workflow) {
        if (!wf.includes(from)) throw new Error(`the workflow has no ${from}`);
        wf = wf.replace(from, to);
      }
      add({ type: 'pipeline.file.write', path: WORKFLOW, content: wf });
    }
    if ('act' in s) add(s.act);
    if ('ship' in s) {
      add({ type: 'pipeline.commit', message: s.ship });
      t += 1;
      add({ type: 'pipeline.push' });
    }
    t += 10;
  }
  const { world, results } = replay(scenario, log, { until: scenario.duration });
  expect(results.filter((r) => !r.ok)).toEqual([]);
  return { world, scenario };
}

/** The last lines of the failed step of run n, without docker's per-layer Preparing lines. */
function failure(world: World, n: number, lines = 2): string[] {
  const run = world.pipeline!.runs.find((r) => r.number === n)!;
  const step = run.jobs.flatMap((j) => j.steps).find((s) => s.status === 'failure')!;
  return step.log
    .map((l) => l.text)
    .filter((l) => !/: Preparing$/.test(l))
    .slice(-lines);
}

const goals = (world: World, scenario: Scenario) =>
  checkGoals(world, scenario, { final: true }).map(
    (g) => `${g.id}: ${g.status} — ${g.explanation}`,
  );

const LOGIN = '      - id: login-ecr\n        uses: aws-actions/amazon-ecr-login@v2\n';
const FIXED_REGISTRY =
  '      - env:\n          REGISTRY: 123456789012.dkr.ecr.eu-west-3.amazonaws.com\n';
const LOGIN_REGISTRY = `${LOGIN}      - env:\n          REGISTRY: \${{ steps.login-ecr.outputs.registry }}\n`;

describe('pipeline-test-gate', () => {
  it('a failing test stops the run at the test: the image is built, nothing is pushed', () => {
    const { world, scenario } = play('pipeline-test-gate', [
      {
        workflow: [
          [
            '      - run: npm test\n',
            '      - run: docker build -t web:${{ github.sha }} .\n      - run: npm test\n',
          ],
        ],
      },
      { edit: { version: '1.1.0', test: 'fail' } },
      { ship: 'Release 1.1.0' },
    ]);
    expect(failure(world, 1)).toEqual(['ℹ fail 1', 'Error: Process completed with exit code 1.']);
    expect(Object.keys(world.ecr!.repositories['web']!.images)).toHaveLength(1);
    expect(goals(world, scenario)).toEqual([
      `image-built: pass — a run built web:${world.pipeline!.runs[0]!.sha} (version 1.1.0).`,
      `test-stops-run: pass — run #1 concluded failure at 00:01:18.`,
      'green-run: fail — no run concluded success (1 runs).',
    ]);
  });
});

describe('pipeline-push-ecr', () => {
  it('3, 6, 4: no login, then the role may not push, then the repository name is a URI', () => {
    const { world, scenario } = play('pipeline-push-ecr', [
      { edit: { version: '2.0.0' } },
      { ship: 'Release 2.0.0' },
      { wait: 150 },
      { workflow: [[FIXED_REGISTRY, LOGIN_REGISTRY]] },
      { ship: 'Log in to ECR' },
      { wait: 150 },
      { act: { type: 'pipeline.role.allow-push' } },
      { act: { type: 'pipeline.run.rerun', run: 2 } },
      { wait: 150 },
      {
        workflow: [
          [
            'ECR_REPOSITORY: 123456789012.dkr.ecr.eu-west-3.amazonaws.com/web',
            'ECR_REPOSITORY: web',
          ],
        ],
      },
      { ship: 'The repository name, not its URI' },
    ]);
    const uri =
      '123456789012.dkr.ecr.eu-west-3.amazonaws.com/123456789012.dkr.ecr.eu-west-3.amazonaws.com/web';
    expect(failure(world, 1, 3)).toEqual([
      `The push refers to repository [${uri}]`,
      'no basic auth credentials',
      'Error: Process completed with exit code 1.',
    ]);
    expect(failure(world, 2, 2)).toEqual([
      'denied: User: arn:aws:sts::123456789012:assumed-role/gha-deploy/GitHubActions is not authorized to perform: ecr:InitiateLayerUpload on resource: arn:aws:ecr:eu-west-3:123456789012:repository/123456789012.dkr.ecr.eu-west-3.amazonaws.com/web because no identity-based policy allows the ecr:InitiateLayerUpload action',
      'Error: Process completed with exit code 1.',
    ]);
    expect(failure(world, 3, 2)).toEqual([
      "name unknown: The repository with name '123456789012.dkr.ecr.eu-west-3.amazonaws.com/web' does not exist in the registry with id '123456789012'",
      'Error: Process completed with exit code 1.',
    ]);
    const runs = world.pipeline!.runs;
    expect(runs.map((r) => r.status)).toEqual(['failure', 'failure', 'failure', 'success']);
    expect(goals(world, scenario)[0]).toMatch(
      new RegExp(
        `^pushed-to-web: pass — web:${runs[3]!.sha} \\(version 2\\.0\\.0\\) is in ECR, pushed at `,
      ),
    );
  });

  it('a build that was never pushed does not count', () => {
    const { world, scenario } = play('pipeline-push-ecr', [
      { edit: { version: '2.0.0' } },
      { ship: 'Release 2.0.0' },
    ]);
    const sha = world.pipeline!.runs[0]!.sha;
    expect(goals(world, scenario)).toEqual([
      `pushed-to-web: fail — a run built version 2.0.0 (123456789012.dkr.ecr.eu-west-3.amazonaws.com/123456789012.dkr.ecr.eu-west-3.amazonaws.com/web:${sha}), but it is not in the repository web.`,
    ]);
  });
});

describe('pipeline-oidc', () => {
  it('2, 1, 7: no id-token permission, then the trust policy names master, then the role is not mapped into the cluster', () => {
    const { world, scenario } = play('pipeline-oidc', [
      { edit: { version: '2.0.0' } },
      { ship: 'Release 2.0.0' },
      { wait: 150 },
      {
        workflow: [
          [
            '    branches: [main]\n',
            '    branches: [main]\npermissions:\n  id-token: write\n  contents: read\n',
          ],
        ],
      },
      { ship: 'Let the run ask for an OIDC token' },
      { wait: 150 },
      { act: { type: 'pipeline.role.trust', subject: 'repo:shipyard/web:ref:refs/heads/main' } },
      { act: { type: 'pipeline.run.rerun', run: 2 } },
      { wait: 300 },
      {
        act: {
          type: 'eks.access-entry.create',
          cluster: 'demo',
          principalArn: 'arn:aws:iam::123456789012:role/gha-deploy',
        },
      },
      { act: { type: 'pipeline.run.rerun', run: 3 } },
    ]);
    expect(failure(world, 1)).toEqual([
      'It looks like you might be trying to authenticate with OIDC. Did you mean to set the `id-token` permission? If you are not trying to authenticate with OIDC and the action is working successfully, you can ignore this message.',
      'Error: Credentials could not be loaded, please check your action inputs: Could not load credentials from any providers',
    ]);
    expect(failure(world, 2)).toEqual([
      'Assuming role with OIDC',
      'Error: Could not assume role with OIDC: Not authorized to perform sts:AssumeRoleWithWebIdentity',
    ]);
    expect(failure(world, 3)).toEqual([
      'error: You must be logged in to the server (Unauthorized)',
      'Error: Process completed with exit code 1.',
    ]);
    const runs = world.pipeline!.runs;
    expect(runs.map((r) => [r.number, r.status])).toEqual([
      [1, 'failure'],
      [2, 'failure'],
      [3, 'failure'],
      [4, 'success'],
    ]);
    // The two reruns build the second commit again; the first never left the build job.
    expect(runs.map((r) => r.sha === runs[1]!.sha)).toEqual([false, true, true, true]);
    const [build1, deploy1] = runs[0]!.jobs;
    expect([build1!.status, deploy1!.status]).toEqual(['failure', 'skipped']);
    const [build2, deploy2] = runs[1]!.jobs;
    expect([build2!.status, deploy2!.status]).toEqual(['failure', 'skipped']);
    expect(
      runs[2]!.jobs.map((j) => [
        j.name,
        j.status,
        j.steps.find((s) => s.status === 'failure')?.name,
      ]),
    ).toEqual([
      ['build', 'success', undefined],
      [
        'deploy',
        'failure',
        'Run kubectl set image deployment/web web=${{ needs.build.outputs.image }}',
      ],
    ]);
    // The rollback step (if: failure()) runs, and the cluster refuses it the same way.
    const rollback = runs[2]!.jobs[1]!.steps.find(
      (s) => s.name === 'Run kubectl rollout undo deployment/web',
    )!;
    expect([rollback.status, rollback.log.at(-2)!.text]).toEqual([
      'failure',
      'error: You must be logged in to the server (Unauthorized)',
    ]);
    expect(goals(world, scenario)).toEqual([
      `v2-in-production: pass — web runs 123456789012.dkr.ecr.eu-west-3.amazonaws.com/web:${runs[3]!.sha} (version 2.0.0); its rollout completed at 00:12:55.`,
    ]);
  });
});

describe('pipeline-bad-image', () => {
  it('without a wait the run is green and nothing is released; with it, 9: the bad reference stalls and is rolled back', () => {
    const { world, scenario } = play('pipeline-bad-image', [
      { edit: { version: '2.0.0' } },
      { ship: 'Release 2.0.0' },
      { wait: 200 },
      {
        workflow: [
          [
            '      - run: kubectl set image deployment/web web=${{ needs.build.outputs.image }}\n',
            '      - run: kubectl set image deployment/web web=${{ needs.build.outputs.image }}\n      - run: kubectl rollout status deployment/web --timeout=5m\n      - if: failure()\n        run: kubectl rollout undo deployment/web\n',
          ],
        ],
      },
      { ship: 'Wait for the rollout' },
    ]);
    const [first, second] = world.pipeline!.runs;
    expect(first!.status).toBe('success');
    expect(second!.status).toBe('failure');
    expect(failure(world, 2, 3)).toEqual([
      'Waiting for deployment "web" rollout to finish: 1 out of 3 new replicas have been updated...',
      'error: deployment "web" exceeded its progress deadline',
      'Error: Process completed with exit code 1.',
    ]);
    const undo = second!.jobs[1]!.steps.find(
      (s) => s.name === 'Run kubectl rollout undo deployment/web',
    )!;
    expect(undo.log.at(-1)!.text).toBe('deployment.apps/web rolled back');
    const image =
      world.eks!.kube['demo']!.deployments['default/web']!.object.spec.template.spec.containers[0]!
        .image;
    expect(image).toBe(`123456789012.dkr.ecr.eu-west-3.amazonaws.com/web:v${first!.sha}`);
    expect(goals(world, scenario)).toEqual([
      `v2-in-production: fail — web runs 123456789012.dkr.ecr.eu-west-3.amazonaws.com/web:v${first!.sha}, which no pipeline run built.`,
    ]);
  });
});

describe('pipeline-tags', () => {
  it('5, then 10: latest is refused by the immutable repository; a SHA push applied as :latest changes nothing', () => {
    const { world, scenario } = play('pipeline-tags', [
      { edit: { version: '2.0.0' } },
      { ship: 'Release 2.0.0' },
      { wait: 150 },
      {
        workflow: [
          ['$ECR_REPOSITORY:latest .', '$ECR_REPOSITORY:${{ github.sha }} .'],
          ['$ECR_REPOSITORY:latest\n', '$ECR_REPOSITORY:${{ github.sha }}\n'],
        ],
      },
      { ship: 'Tag by commit' },
    ]);
    expect(failure(world, 1, 2)).toEqual([
      "tag invalid: The image tag 'latest' already exists in the 'web' repository and cannot be overwritten because the repository is immutable.",
      'Error: Process completed with exit code 1.',
    ]);
    const second = world.pipeline!.runs[1]!;
    expect(second.status).toBe('success');
    const steps = second.jobs[1]!.steps;
    expect(
      steps
        .find((s) => s.name === 'Run kubectl apply -f k8s/deployment.yaml')!
        .log.slice(-2)
        .map((l) => l.text),
    ).toEqual(['deployment.apps/web unchanged', 'service/web unchanged']);
    expect(
      steps
        .find((s) => s.name === 'Run kubectl rollout status deployment/web --timeout=5m')!
        .log.at(-1)!.text,
    ).toBe('deployment "web" successfully rolled out');
    expect(goals(world, scenario)).toEqual([
      // The failed push's local build is noted, but nothing was rolled out after it.
      'v2-in-production: fail — web names 123456789012.dkr.ecr.eu-west-3.amazonaws.com/web:latest, but nothing rolled out since a run built 2.0.0 under that tag: its pods still run the image they pulled before.',
    ]);
  });

  it('in a mutable repository, latest pushed again and applied unchanged is not 2.0.0 in production', () => {
    const { world, scenario } = play(
      'pipeline-tags',
      [{ edit: { version: '2.0.0' } }, { ship: 'Release 2.0.0' }],
      (s) => ({
        ...s,
        allowedActions: [...s.allowedActions!, 'ecr.image-tag-mutability.put'],
        script: [
          ...s.script,
          {
            at: 1,
            action: {
              type: 'ecr.image-tag-mutability.put',
              repository: 'web',
              imageTagMutability: 'MUTABLE',
            },
          },
        ],
      }),
    );
    expect(world.pipeline!.runs[0]!.status).toBe('success');
    expect(goals(world, scenario)).toEqual([
      'v2-in-production: fail — web names 123456789012.dkr.ecr.eu-west-3.amazonaws.com/web:latest, but nothing rolled out since a run built 2.0.0 under that tag: its pods still run the image they pulled before.',
    ]);
  });
});
