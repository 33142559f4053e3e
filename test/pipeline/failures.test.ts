/**
 * The pipeline failures learners hit most (pipeline-facts.md §7), each with its exact text.
 * Those that need the registry (no ECR login, a missing repository, an immutable tag, a role
 * without push rights) are in ecr-failures.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { advance } from '../../sandbox/index.ts';
import { DEPLOY_WORKFLOW, ROLE, lastRun, logOf, pushed, scenario, summary } from './worlds.ts';

const CREDS = 'Run aws-actions/configure-aws-credentials@v4';

describe('credentials', () => {
  it('1. the trust policy names another branch: Could not assume role with OIDC', () => {
    const w = advance(
      pushed(
        scenario(DEPLOY_WORKFLOW, { trust: 'repo:shipyard/web:ref:refs/heads/release' }),
        null,
      ),
      300,
    );
    const run = lastRun(w);
    expect(run.status).toBe('failure');
    expect(logOf(run, 'deploy', CREDS).slice(-2)).toEqual([
      'Assuming role with OIDC',
      'Error: Could not assume role with OIDC: Not authorized to perform sts:AssumeRoleWithWebIdentity',
    ]);
    // Nothing after it ran; the rollback step (if: failure()) did, and failed without credentials.
    expect(summary(run).slice(5)).toEqual([
      'deploy failure',
      '  Set up job: success',
      `  ${CREDS}: failure`,
      '  Run aws eks update-kubeconfig --name demo --region eu-west-3: skipped',
      '  Run kubectl set image deployment/web web=nginx:1.27: skipped',
      '  Run kubectl rollout status deployment/web --timeout=5m: skipped',
      '  Run kubectl rollout undo deployment/web: failure',
      '  Complete job: success',
    ]);
    expect(logOf(run, 'deploy', 'Run kubectl rollout undo deployment/web').slice(-2)).toEqual([
      'The connection to the server localhost:8080 was refused - did you specify the right host or port?',
      'Error: Process completed with exit code 1.',
    ]);
  });

  it('a trust policy with a wildcard accepts every branch of the repository', () => {
    const w = advance(
      pushed(scenario(DEPLOY_WORKFLOW, { trust: 'repo:shipyard/web:*' }), null),
      300,
    );
    expect(lastRun(w).status).toBe('success');
  });

  it('2. no id-token: write: the hint, then Credentials could not be loaded', () => {
    const wf = DEPLOY_WORKFLOW.replace('permissions:\n  id-token: write\n  contents: read\n', '');
    const w = advance(pushed(scenario(wf), null), 300);
    const run = lastRun(w);
    expect(logOf(run, 'deploy', CREDS).slice(-2)).toEqual([
      'It looks like you might be trying to authenticate with OIDC. Did you mean to set the `id-token` permission? If you are not trying to authenticate with OIDC and the action is working successfully, you can ignore this message.',
      'Error: Credentials could not be loaded, please check your action inputs: Could not load credentials from any providers',
    ]);
    expect(run.status).toBe('failure');
  });

  it('7. the role is not mapped into the cluster: kubectl is Unauthorized, the cluster untouched', () => {
    const w = advance(pushed(scenario(DEPLOY_WORKFLOW, { mapped: false }), null), 300);
    const run = lastRun(w);
    expect(
      logOf(run, 'deploy', 'Run kubectl set image deployment/web web=nginx:1.27').slice(-2),
    ).toEqual([
      'error: You must be logged in to the server (Unauthorized)',
      'Error: Process completed with exit code 1.',
    ]);
    expect(
      w.eks!.kube['demo']!.deployments['default/web']!.object.spec.template.spec.containers[0]!
        .image,
    ).toBe('nginx:1.26');
    void ROLE;
  });
});

describe('tests and rollouts', () => {
  it('a failing test stops the run before deploy: nothing is deployed', () => {
    const w = advance(
      pushed(scenario(DEPLOY_WORKFLOW), { type: 'pipeline.app.edit', test: 'fail' }),
      300,
    );
    const run = lastRun(w);
    expect(summary(run)).toEqual([
      'test failure',
      '  Set up job: success',
      '  Run actions/checkout@v4: success',
      '  Run npm test: failure',
      '  Complete job: success',
      'deploy skipped',
      '  Set up job: skipped',
      `  ${CREDS}: skipped`,
      '  Run aws eks update-kubeconfig --name demo --region eu-west-3: skipped',
      '  Run kubectl set image deployment/web web=nginx:1.27: skipped',
      '  Run kubectl rollout status deployment/web --timeout=5m: skipped',
      '  Run kubectl rollout undo deployment/web: skipped',
      '  Complete job: skipped',
    ]);
    expect(logOf(run, 'test', 'Run npm test').slice(-9)).toEqual(
      [
        '✖ GET / answers 200 with the version (14.1ms)',
        '  AssertionError [ERR_ASSERTION]: Expected values to be strictly equal:',
        '',
        '  200 !== 201',
        '',
        'ℹ tests 1',
        'ℹ suites 0',
        'ℹ pass 0',
        'ℹ fail 1',
      ]
        .slice(-8)
        .concat(['Error: Process completed with exit code 1.']),
    );
    expect(w.eks!.kube['demo']!.deployments['default/web']!.revision).toBe(1);
  });

  it('9. a bad image reference: the rollout stalls, exceeds its progress deadline, and the rollback step undoes it', () => {
    const wf = DEPLOY_WORKFLOW.replace('web=nginx:1.27', 'web=nginx:1.999');
    const w = advance(pushed(scenario(wf), null), 600);
    const run = lastRun(w);
    const status = logOf(run, 'deploy', 'Run kubectl rollout status deployment/web --timeout=5m');
    expect(status.slice(2)).toEqual([
      'Waiting for deployment "web" rollout to finish: 1 out of 3 new replicas have been updated...',
      'error: deployment "web" exceeded its progress deadline',
      'Error: Process completed with exit code 1.',
    ]);
    const step = run.jobs[1]!.steps.find((s) => s.name.startsWith('Run kubectl rollout status'))!;
    // progressDeadlineSeconds is 120 in this world: the deadline passes about 2 minutes after set image.
    expect(step.completedAt! - step.startedAt!).toBeGreaterThanOrEqual(120);
    expect(step.completedAt! - step.startedAt!).toBeLessThan(135);
    expect(logOf(run, 'deploy', 'Run kubectl rollout undo deployment/web').slice(-1)).toEqual([
      'deployment.apps/web rolled back',
    ]);
    expect(run.status).toBe('failure');
    const d = w.eks!.kube['demo']!.deployments['default/web']!;
    expect(d.object.spec.template.spec.containers[0]!.image).toBe('nginx:1.26');
  });

  it('rollout status --timeout shorter than the deadline: timed out waiting for the condition', () => {
    const wf = DEPLOY_WORKFLOW.replace('web=nginx:1.27', 'web=nginx:1.999').replace(
      '--timeout=5m',
      '--timeout=30s',
    );
    const w = advance(pushed(scenario(wf), null), 300);
    const status = logOf(
      lastRun(w),
      'deploy',
      'Run kubectl rollout status deployment/web --timeout=30s',
    );
    expect(status.slice(-2)).toEqual([
      'error: timed out waiting for the condition',
      'Error: Process completed with exit code 1.',
    ]);
  });

  it('10. applying the same manifest again: unchanged, and the rollout is "done" at once', () => {
    const wf = DEPLOY_WORKFLOW.replace(
      'kubectl set image deployment/web web=nginx:1.27',
      'kubectl apply -f k8s/deployment.yaml',
    );
    const s = scenario(wf);
    const w = advance(
      pushed(s, {
        type: 'pipeline.file.write',
        path: 'k8s/deployment.yaml',
        content: MANIFEST_126,
      }),
      300,
    );
    const run = lastRun(w);
    expect(logOf(run, 'deploy', 'Run kubectl apply -f k8s/deployment.yaml').slice(-1)).toEqual([
      'deployment.apps/web unchanged',
    ]);
    expect(
      logOf(run, 'deploy', 'Run kubectl rollout status deployment/web --timeout=5m').slice(2),
    ).toEqual(['deployment "web" successfully rolled out']);
    expect(run.status).toBe('success');
    expect(w.eks!.kube['demo']!.deployments['default/web']!.revision).toBe(1);
  });
});

const MANIFEST_126 = `apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  replicas: 3
  progressDeadlineSeconds: 120
  strategy: { type: RollingUpdate, rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } }
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      containers:
        - name: web
          image: nginx:1.26
          readinessProbe:
            httpGet: { path: /, port: 80 }
            initialDelaySeconds: 5
            periodSeconds: 5
`;
