import { describe, expect, it } from 'vitest';
import { checkGoals, replay } from '../../sandbox/index.ts';
import { loadScenario, scenarioFiles } from './helpers.ts';

/** The goals each scenario's empty run (no learner action) must fail: the challenge is never won by waiting. */
const FAILED_WHEN_IDLE: Record<string, string[]> = {
  'compare-ecs-ec2': ['web-ten-through-outage', 'api-four-after-rollback'],
  // Its operator only rolls api back, and no ECS goal can name a task definition revision.
  'compare-ecs-fargate': [],
  'compare-eks-fargate': ['api-rolled-back'],
  'compare-eks-managed': ['web-ten-through-outage', 'api-rolled-back'],
  'compare-eks-self-managed': ['web-ten-through-outage', 'api-rolled-back'],
  'ecr-first-push': ['pushed'],
  'ecr-immutable-tags': ['fix-pushed'],
  'ecr-lifecycle-preview': ['expires-five'],
  'ecr-missing-tag': ['tag-pushed', 'rolled-out'],
  'ecr-pull-permission': ['four-ready'],
  'ecr-push-rollout': ['rolled'],
  'ecs-az-outage-no-spread': ['web-survives', 'web-in-two-azs'],
  'eks-az-outage-control-plane': ['web-six-on-demo'],
  'eks-cost-day': ['day-budget'],
  'eks-create-cluster': ['control-plane-up', 'kubectl-connected'],
  'eks-fargate-profile': ['api-on-fargate'],
  'eks-hpa-cluster-autoscaler': ['spike-served'],
  'eks-mixed-compute': [
    'web-on-nodes',
    'two-managed-nodes',
    'checkout-ready',
    'checkout-on-fargate',
  ],
  'eks-no-nodes': ['web-ready'],
  'eks-playground': [],
  'eks-rolling-update': ['no-failed-requests', 'back-on-127', 'four-ready'],
  'eks-self-managed-join': ['two-self-managed', 'web-ready'],
  'eks-two-nodegroups': ['cache-ready', 'web-ready'],
  'pipeline-first-run': ['v2-in-production', 'a-green-run'],
  'pipeline-oidc': ['v2-in-production'],
  'pipeline-bad-release': ['bad-release-caught', 'v2-in-production'],
  'pipeline-test-gate': ['image-built', 'test-stops-run', 'green-run'],
  'pipeline-push-ecr': ['pushed-to-web'],
  'pipeline-bad-image': ['v2-in-production'],
  'pipeline-tags': ['v2-in-production'],
  'ecs-az-outage-spread': ['web-six-again', 'no-long-waits'],
  'ecs-binpack-vs-spread': ['six-before-outage', 'four-through-outage', 'bill'],
  'ecs-first-service': ['web-three-running', 'web-on-ec2'],
  'ecs-healthy-targets': ['few-failed', 'web-ready'],
  'ecs-instance-lost': ['web-back-to-eight', 'capacity-back'],
  'ecs-no-agent': ['two-container-instances', 'web-four'],
  'ecs-outgrows-capacity': ['web-reaches-eight', 'no-long-waits'],
  'fargate-cost-comparison': ['day-budget'],
  'fargate-cost-day-ec2': ['day-budget'],
  'fargate-cost-hour': ['hour-bill'],
  'fargate-needs-host': ['monitor-running', 'monitor-on-ec2'],
  'fargate-scale-out': ['forty-running'],
  'fargate-service': ['on-fargate', 'twenty-tasks'],
  'fargate-task-size': ['report-running', 'report-on-fargate'],
  'why-orchestration-by-hand': ['all-fifteen-up', 'storefront-scaled-down'],
  'why-orchestration-orchestrated': ['all-fifteen-up', 'storefront-scaled-down'],
};

describe('every scenario', () => {
  const files = scenarioFiles();
  it('exists in the required set', () => {
    const ids = files.map((f) => f.replace(/\.yaml$/, ''));
    for (const id of [
      'why-orchestration-by-hand',
      'why-orchestration-orchestrated',
      'ecs-outgrows-capacity',
      'ecs-no-agent',
      'ecs-az-outage-no-spread',
      'ecs-az-outage-spread',
      'fargate-service',
      'fargate-cost-comparison',
    ]) {
      expect(ids).toContain(id);
    }
  });
  for (const file of files) {
    describe(file, () => {
      const scenario = loadScenario(file);
      it('has an id matching its file name, hints and a solution', () => {
        expect(`${scenario.id}.yaml`).toBe(file);
        expect(scenario.hints.length).toBeGreaterThan(0);
        expect(scenario.solution.length).toBeGreaterThan(0);
      });
      it('solution passes every goal', () => {
        const log = scenario.solution.map((s) => ({
          at: s.at,
          by: 'learner' as const,
          action: s.action,
        }));
        const { world, results } = replay(scenario, log, { until: scenario.duration });
        expect(results.filter((r) => !r.ok)).toEqual([]);
        const goals = checkGoals(world, scenario);
        expect(goals.filter((g) => g.status !== 'pass')).toEqual([]);
      }, 60_000);
      it(`doing nothing fails ${(FAILED_WHEN_IDLE[scenario.id] ?? ['(list them in FAILED_WHEN_IDLE)']).join(', ')}`, () => {
        const { world } = replay(scenario, [], { until: scenario.duration });
        const failed = checkGoals(world, scenario).filter((g) => g.status === 'fail');
        expect(failed.map((g) => g.id)).toEqual(FAILED_WHEN_IDLE[scenario.id]);
      }, 60_000);
    });
  }
});
