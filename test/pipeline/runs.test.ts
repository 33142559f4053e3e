import { describe, expect, it } from 'vitest';
import { advance, applyAction, type World } from '../../sandbox/index.ts';
import { interpret } from '../../sandbox/cli/index.ts';
import { DEPLOY_WORKFLOW, act, lastRun, logOf, pushed, scenario, summary } from './worlds.ts';

describe('a run, second by second', () => {
  it('queues on a push to main, runs test then deploy, and succeeds', () => {
    const w0 = pushed(scenario(DEPLOY_WORKFLOW), null);
    const t0 = w0.time;
    expect(lastRun(w0)).toMatchObject({
      number: 1,
      status: 'queued',
      branch: 'main',
      workflowName: 'deploy',
    });
    const w1 = advance(w0, 3);
    expect(lastRun(w1).status).toBe('in_progress');
    expect(lastRun(w1).jobs.map((j) => j.status)).toEqual(['queued', 'pending']);
    const w2 = advance(w1, 600);
    const run = lastRun(w2);
    expect(summary(run)).toEqual([
      'test success',
      '  Set up job: success',
      '  Run actions/checkout@v4: success',
      '  Run npm test: success',
      '  Complete job: success',
      'deploy success',
      '  Set up job: success',
      '  Run aws-actions/configure-aws-credentials@v4: success',
      '  Run aws eks update-kubeconfig --name demo --region eu-west-3: success',
      '  Run kubectl set image deployment/web web=nginx:1.27: success',
      '  Run kubectl rollout status deployment/web --timeout=5m: success',
      '  Run kubectl rollout undo deployment/web: skipped',
      '  Complete job: success',
    ]);
    expect(run.status).toBe('success');
    expect(run.createdAt).toBe(t0);
    expect(logOf(run, 'deploy', 'Run aws-actions/configure-aws-credentials@v4').slice(-2)).toEqual([
      'Assuming role with OIDC',
      expect.stringMatching(/^Authenticated as assumedRoleId AROA[A-Z2-7]{17}:GitHubActions$/),
    ]);
    expect(
      logOf(run, 'deploy', 'Run aws eks update-kubeconfig --name demo --region eu-west-3').slice(
        -1,
      ),
    ).toEqual([
      'Added new context arn:aws:eks:eu-west-3:123456789012:cluster/demo to /home/runner/.kube/config',
    ]);
    expect(
      logOf(run, 'deploy', 'Run kubectl set image deployment/web web=nginx:1.27').slice(-1),
    ).toEqual(['deployment.apps/web image updated']);
    const status = logOf(run, 'deploy', 'Run kubectl rollout status deployment/web --timeout=5m');
    expect(status.slice(0, 2)).toEqual([
      'Run kubectl rollout status deployment/web --timeout=5m',
      '  kubectl rollout status deployment/web --timeout=5m',
    ]);
    expect(status[2]).toBe(
      'Waiting for deployment "web" rollout to finish: 1 out of 3 new replicas have been updated...',
    );
    expect(status.slice(2)).toEqual([
      'Waiting for deployment "web" rollout to finish: 1 out of 3 new replicas have been updated...',
      'Waiting for deployment "web" rollout to finish: 2 out of 3 new replicas have been updated...',
      'Waiting for deployment "web" rollout to finish: 1 old replicas are pending termination...',
      'deployment "web" successfully rolled out',
    ]);
    // Durations (approx): queued 3 s, 9 s of test job, 2 s for a runner, 39 s of deploy (the rollout:
    // readiness 5 s after each pod's container starts; the start delays are drawn from the world PRNG).
    expect([run.startedAt! - t0, run.completedAt! - t0]).toEqual([3, 55]);
    // The step really changed the cluster.
    expect(
      w2.eks!.kube['demo']!.deployments['default/web']!.object.spec.template.spec.containers[0]!
        .image,
    ).toBe('nginx:1.27');
  });
});

/** What `gh run list` prints for this world. */
function ghRunList(world: World): string {
  const outcome = interpret('gh run list', { world, files: {}, session: { dockerContext: null } });
  if (outcome.kind !== 'output') throw new Error('gh run list changed the world');
  return outcome.output.stdout;
}

describe('a cancelled run (gh run cancel)', () => {
  const ROLLOUT = 'Run kubectl rollout status deployment/web --timeout=5m';

  it('stops the running step with the runner’s message, skips the rest, and concludes cancelled', () => {
    const w0 = advance(pushed(scenario(DEPLOY_WORKFLOW), null), 25);
    expect(lastRun(w0).status).toBe('in_progress');
    expect(summary(lastRun(w0)).slice(-3)).toEqual([
      `  ${ROLLOUT}: in_progress`,
      '  Run kubectl rollout undo deployment/web: pending',
      '  Complete job: pending',
    ]);
    const cancelled = applyAction(w0, { type: 'pipeline.run.cancel', run: 1 });
    expect(cancelled.result).toMatchObject({
      ok: true,
      message: '✓ Request to cancel workflow 1 submitted.',
    });
    const w1 = cancelled.world;
    const run = lastRun(w1);
    expect([run.status, run.completedAt]).toEqual(['cancelled', w0.time]);
    // gh shows the run's status and conclusion apart: completed, cancelled.
    expect(ghRunList(w1)).toBe('completed\tcancelled\tRelease 2.0.0\tdeploy\tmain\tpush\t1');
    // The rollback step is `if: failure()`: a cancelled run has not failed, so it does not run.
    expect(summary(run)).toEqual([
      'test success',
      '  Set up job: success',
      '  Run actions/checkout@v4: success',
      '  Run npm test: success',
      '  Complete job: success',
      'deploy cancelled',
      '  Set up job: success',
      '  Run aws-actions/configure-aws-credentials@v4: success',
      '  Run aws eks update-kubeconfig --name demo --region eu-west-3: success',
      '  Run kubectl set image deployment/web web=nginx:1.27: success',
      `  ${ROLLOUT}: cancelled`,
      '  Run kubectl rollout undo deployment/web: skipped',
      '  Complete job: skipped',
    ]);
    // The runner logs `##[error]The operation was canceled.`, which GitHub shows as below.
    expect(logOf(run, 'deploy', ROLLOUT).slice(-2)).toEqual([
      'Waiting for deployment "web" rollout to finish: 1 out of 3 new replicas have been updated...',
      'Error: The operation was canceled.',
    ]);
    expect(
      w1.events.slice(-2).map((e) => [e.source, e.level, e.message, e.subject ?? null]),
    ).toEqual([
      ['pipeline', 'warning', 'Run #1 cancelled', 'run/1'],
      ['learner', 'info', '✓ Request to cancel workflow 1 submitted.', null],
    ]);
    // Cancelling stopped the watch, not the rollout: the cluster finishes it on its own,
    // and the run stays as it was.
    const w2 = advance(w1, 300);
    expect(summary(lastRun(w2))).toEqual(summary(run));
    expect(
      w2.eks!.kube['demo']!.deployments['default/web']!.object.spec.template.spec.containers[0]!
        .image,
    ).toBe('nginx:1.27');
    expect(applyAction(w2, { type: 'pipeline.run.cancel', run: 1 }).result).toMatchObject({
      ok: false,
      error: 'Cannot cancel a workflow run that is completed',
    });
  });

  it('cancelled before a job starts: that job is cancelled with no step run', () => {
    const w0 = advance(pushed(scenario(DEPLOY_WORKFLOW), null), 10);
    expect(lastRun(w0).jobs.map((j) => j.status)).toEqual(['in_progress', 'pending']);
    const w1 = act(w0, { type: 'pipeline.run.cancel', run: 1 });
    const run = lastRun(w1);
    expect(run.status).toBe('cancelled');
    expect(summary(run)).toEqual([
      'test cancelled',
      '  Set up job: success',
      '  Run actions/checkout@v4: success',
      '  Run npm test: cancelled',
      '  Complete job: skipped',
      'deploy cancelled',
      '  Set up job: skipped',
      '  Run aws-actions/configure-aws-credentials@v4: skipped',
      '  Run aws eks update-kubeconfig --name demo --region eu-west-3: skipped',
      '  Run kubectl set image deployment/web web=nginx:1.27: skipped',
      `  ${ROLLOUT}: skipped`,
      '  Run kubectl rollout undo deployment/web: skipped',
      '  Complete job: skipped',
    ]);
    expect(logOf(run, 'test', 'Run npm test').at(-1)).toBe('Error: The operation was canceled.');
    expect(w1.eks!.kube['demo']!.deployments['default/web']!.revision).toBe(1);
  });
});
