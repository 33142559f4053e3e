import { describe, expect, it } from 'vitest';
import { advance } from '../../sandbox/index.ts';
import { DEPLOY_WORKFLOW, lastRun, logOf, pushed, scenario, summary } from './worlds.ts';

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
