/**
 * The whole pipeline with the registry: test, build, push to ECR tagged with the commit SHA,
 * deploy to EKS, wait for the rollout; and the failures that need the registry, with their
 * exact texts (pipeline-facts.md §7: 3, 4, 5, 6, 8).
 */
import { describe, expect, it } from 'vitest';
import { advance, applyAction } from '../../sandbox/index.ts';
import { REFERENCE_WORKFLOW } from '../../sandbox/services/pipeline/templates.ts';
import { REGISTRY, act, lastRun, logOf, pushed, scenario, summary } from './worlds.ts';

const WORKFLOW = REFERENCE_WORKFLOW('eu-west-3');
const BUILD_STEP = 'Run IMAGE=$REGISTRY/$ECR_REPOSITORY:a';

function buildLog(run: ReturnType<typeof lastRun>): string[] {
  const s = run.jobs[0]!.steps.find((x) => x.name.startsWith('Run IMAGE='))!;
  return s.log.map((l) => l.text);
}

describe('commit to production', () => {
  it('a commit of 2.0.0 is tested, built, pushed by SHA and rolled out', () => {
    const w = advance(pushed(scenario(WORKFLOW, { ecr: {} }), null), 900);
    const run = lastRun(w);
    const image = `${REGISTRY}/web:${run.sha}`;
    expect(summary(run)).toEqual([
      'build success',
      '  Set up job: success',
      '  Run actions/checkout@v4: success',
      '  Run npm ci: success',
      '  Run npm test: success',
      '  Run aws-actions/configure-aws-credentials@v4: success',
      '  Run aws-actions/amazon-ecr-login@v2: success',
      '  Run IMAGE=$REGISTRY/$ECR_REPOSITORY:${{ github.sha }}: success',
      '  Complete job: success',
      'deploy success',
      '  Set up job: success',
      '  Run aws-actions/configure-aws-credentials@v4: success',
      '  Run aws eks update-kubeconfig --name $EKS_CLUSTER --region $AWS_REGION: success',
      '  Run kubectl set image deployment/web web=${{ needs.build.outputs.image }}: success',
      '  Run kubectl rollout status deployment/web --timeout=5m: success',
      '  Run kubectl rollout undo deployment/web: skipped',
      '  Complete job: success',
    ]);
    expect(logOf(run, 'build', 'Run aws-actions/amazon-ecr-login@v2').slice(-1)).toEqual([
      `Logging into registry ${REGISTRY}`,
    ]);
    const log = buildLog(run);
    expect(log.find((l) => l.startsWith('The push refers'))).toBe(
      `The push refers to repository [${REGISTRY}/web]`,
    );
    expect(
      log
        .filter((l) => / digest: sha256:[0-9a-f]{64} size: \d+$/.test(l))
        .map((l) => l.split(':')[0]),
    ).toEqual([run.sha]);
    expect(run.jobs[0]!.outputs).toEqual({ image });
    const d = w.eks!.kube['demo']!.deployments['default/web']!;
    expect(d.object.spec.template.spec.containers[0]!.image).toBe(image);
    expect(d.completedAt).not.toBeNull();
    expect(w.pipeline!.builds[image]).toEqual({ version: '2.0.0', starts: true, sha: run.sha });
    void BUILD_STEP;
  });
});

describe('failures that need the registry', () => {
  it('3. no ECR login step: no basic auth credentials', () => {
    const wf = WORKFLOW.replace(
      '      - id: login-ecr\n        uses: aws-actions/amazon-ecr-login@v2\n',
      '',
    ).replace('REGISTRY: ${{ steps.login-ecr.outputs.registry }}', `REGISTRY: ${REGISTRY}`);
    const run = lastRun(advance(pushed(scenario(wf, { ecr: {} }), null), 600));
    expect(buildLog(run).slice(-3)).toEqual([
      `The push refers to repository [${REGISTRY}/web]`,
      'no basic auth credentials',
      'Error: Process completed with exit code 1.',
    ]);
    expect(run.jobs.map((j) => j.status)).toEqual(['failure', 'skipped']);
  });

  it('4. the repository does not exist: name unknown', () => {
    const run = lastRun(
      advance(pushed(scenario(WORKFLOW, { ecr: { repository: 'webapp' } }), null), 600),
    );
    expect(buildLog(run).slice(-2)).toEqual([
      `name unknown: The repository with name 'web' does not exist in the registry with id '123456789012'`,
      'Error: Process completed with exit code 1.',
    ]);
  });

  it('5. re-running the same commit against an immutable repository: tag invalid', () => {
    const s = scenario(WORKFLOW, { ecr: { mutability: 'IMMUTABLE' } });
    let w = advance(pushed(s, null), 600);
    expect(lastRun(w).status).toBe('success');
    w = act(w, { type: 'pipeline.run.rerun', run: 1 });
    w = advance(w, 600);
    const run = lastRun(w);
    expect(run.number).toBe(2);
    expect(buildLog(run).slice(-2)).toEqual([
      `tag invalid: The image tag '${run.sha}' already exists in the 'web' repository and cannot be overwritten because the repository is immutable.`,
      'Error: Process completed with exit code 1.',
    ]);
  });

  it('6. the CI role may not push: denied … ecr:InitiateLayerUpload; attaching the policy fixes it', () => {
    const s = scenario(WORKFLOW, { ecr: {}, push: false });
    let w = advance(pushed(s, null), 600);
    expect(buildLog(lastRun(w)).slice(-3)).toEqual([
      `The push refers to repository [${REGISTRY}/web]`,
      'denied: User: arn:aws:sts::123456789012:assumed-role/gha-deploy/GitHubActions is not authorized to perform: ecr:InitiateLayerUpload on resource: arn:aws:ecr:eu-west-3:123456789012:repository/web because no identity-based policy allows the ecr:InitiateLayerUpload action',
      'Error: Process completed with exit code 1.',
    ]);
    const r = applyAction(w, { type: 'pipeline.role.allow-push' });
    expect(r.result).toMatchObject({
      ok: true,
      command:
        'aws iam attach-role-policy --role-name gha-deploy --policy-arn arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryPowerUser',
    });
    w = advance(act(r.world, { type: 'pipeline.run.rerun', run: 1 }), 600);
    expect(lastRun(w).status).toBe('success');
  });

  it('8. a release whose start command is broken crash-loops; the rollout exceeds its deadline and the rollback step undoes it', () => {
    const s = scenario(WORKFLOW, { ecr: {}, deadline: 120 });
    const w = advance(pushed(s, { type: 'pipeline.app.edit', start: 'broken' }), 900);
    const run = lastRun(w);
    const status = logOf(run, 'deploy', 'Run kubectl rollout status deployment/web --timeout=5m');
    expect(status.slice(2)).toEqual([
      'Waiting for deployment "web" rollout to finish: 1 out of 3 new replicas have been updated...',
      'error: deployment "web" exceeded its progress deadline',
      'Error: Process completed with exit code 1.',
    ]);
    expect(logOf(run, 'deploy', 'Run kubectl rollout undo deployment/web').slice(-1)).toEqual([
      'deployment.apps/web rolled back',
    ]);
    const d = w.eks!.kube['demo']!.deployments['default/web']!;
    expect(d.object.spec.template.spec.containers[0]!.image).toBe(`${REGISTRY}/web:1.0.0`);
    const crashed = w.events.filter((e) =>
      e.message.includes('Back-off restarting failed container'),
    );
    expect(crashed.length).toBeGreaterThan(0);
    expect(w.pipeline!.releases.map((r) => r.image)).toEqual([
      `${REGISTRY}/web:${run.sha}`,
      `${REGISTRY}/web:1.0.0`,
    ]);
  });
});
