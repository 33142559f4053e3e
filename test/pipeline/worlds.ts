/** Pipeline test worlds: an EKS cluster running web (nginx) and a repository with a workflow. */
import {
  applyAction,
  advance,
  createWorld,
  parseScenario,
  type Scenario,
  type World,
} from '../../sandbox/index.ts';
import type { PipelineRun } from '../../sandbox/services/pipeline/world.ts';

export const ROLE = 'arn:aws:iam::123456789012:role/gha-deploy';

export const DEPLOY_WORKFLOW = `name: deploy
on:
  push:
    branches: [main]
permissions:
  id-token: write
  contents: read
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: npm test
  deploy:
    needs: test
    runs-on: ubuntu-latest
    steps:
      - uses: aws-actions/configure-aws-credentials@v4
        with:
          role-to-assume: ${ROLE}
          aws-region: eu-west-3
      - run: aws eks update-kubeconfig --name demo --region eu-west-3
      - run: kubectl set image deployment/web web=nginx:1.27
      - run: kubectl rollout status deployment/web --timeout=5m
      - if: failure()
        run: kubectl rollout undo deployment/web
`;

export const REGISTRY = '123456789012.dkr.ecr.eu-west-3.amazonaws.com';

export interface WorldOptions {
  mapped?: boolean;
  trust?: string;
  deadline?: number;
  /** Run the registry with a repository web (tag immutability as given) holding 1.0.0. */
  ecr?: { mutability?: 'MUTABLE' | 'IMMUTABLE'; repository?: string } | false;
  push?: boolean;
}

export function scenarioYaml(workflow: string, options: WorldOptions = {}): string {
  const indent = (text: string, n: number) =>
    text
      .split('\n')
      .map((l) => (l === '' ? l : ' '.repeat(n) + l))
      .join('\n');
  const mapped = options.mapped ?? true;
  return `id: pipeline-test
title: test
orchestrator: eks
duration: 3600
seed: 7
initial:
  eks:
    clusters:
      - { name: demo, version: '1.31' }
    nodegroups:
      - { cluster: demo, name: general, instanceType: t3.medium, min: 3, desired: 3, max: 3 }
    manifests:
      - cluster: demo
        yaml: |
          apiVersion: apps/v1
          kind: Deployment
          metadata: { name: web }
          spec:
            replicas: 3
            progressDeadlineSeconds: ${options.deadline ?? 120}
            strategy: { type: RollingUpdate, rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } }
            selector: { matchLabels: { app: web } }
            template:
              metadata: { labels: { app: web } }
              spec:
                containers:
                  - name: web
                    image: ${options.ecr ? `${REGISTRY}/web:1.0.0` : 'nginx:1.26'}
                    readinessProbe:
                      httpGet: { path: /, port: 80 }
                      initialDelaySeconds: 5
                      periodSeconds: 5
${
  options.ecr
    ? `  ecr:
    repositories:
      - name: ${options.ecr.repository ?? 'web'}
        imageTagMutability: ${options.ecr.mutability ?? 'MUTABLE'}
        images: [{ tags: ['1.0.0'] }]
`
    : ''
}  pipeline:
    role:
      push: ${options.push ?? true}
      arn: ${ROLE}
      trustSubject: '${options.trust ?? 'repo:shipyard/web:ref:refs/heads/main'}'
    files:
      .github/workflows/deploy.yml: |
${indent(workflow, 8)}
script:${
    mapped
      ? `
  - at: 0
    action: { type: eks.access-entry.create, cluster: demo, principalArn: '${ROLE}' }`
      : ' []'
  }
goals:
  - id: anything
    goal: runConcluded
    params: { conclusion: success }
solution: []
`;
}

export function scenario(workflow: string, options: WorldOptions = {}): Scenario {
  const parsed = parseScenario(scenarioYaml(workflow, options));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.error, null, 1));
  return parsed.value;
}

export function act(world: World, action: Parameters<typeof applyAction>[1]): World {
  const r = applyAction(world, action);
  if (!r.result.ok) throw new Error(r.result.error);
  return r.world;
}

/** Builds the world, lets the cluster settle, commits the given edit and pushes. */
export function pushed(
  s: Scenario,
  edit: Parameters<typeof applyAction>[1] | null,
  settle = 120,
): World {
  let w = advance(createWorld(s), settle);
  if (edit) w = act(w, edit);
  else w = act(w, { type: 'pipeline.app.edit', version: '2.0.0' });
  w = act(w, { type: 'pipeline.commit', message: 'Release 2.0.0' });
  return act(w, { type: 'pipeline.push' });
}

export function lastRun(w: World): PipelineRun {
  const runs = w.pipeline!.runs;
  return runs[runs.length - 1]!;
}

/** `job: step status` lines, for exact assertions. */
export function summary(run: PipelineRun): string[] {
  return run.jobs.flatMap((j) => [
    `${j.id} ${j.status}`,
    ...j.steps.map((s) => `  ${s.name}: ${s.status}`),
  ]);
}

export function logOf(run: PipelineRun, job: string, step: string): string[] {
  const s = run.jobs.find((j) => j.id === job)!.steps.find((x) => x.name === step)!;
  return s.log.map((l) => l.text);
}

export { createWorld, advance, parseScenario };
