/**
 * An ECR push can trigger the deploy: an EventBridge rule on ECR Image Action PUSH events whose
 * target (a CodePipeline with an ECR source and an EKS deploy stage) sets the Deployment's image
 * to the pushed image by digest (pipeline-facts.md §5.1: imageDetail.json's ImageURI). Here the
 * push comes from a workflow run that only builds and pushes web:latest.
 */
import { describe, expect, it } from 'vitest';
import { advance, parseScenario, type Scenario, type World } from '../../sandbox/index.ts';
import { REGISTRY, ROLE, lastRun, pushed, scenario, scenarioYaml } from './worlds.ts';

const PUSH_ONLY = `name: push
on:
  push:
    branches: [main]
permissions:
  id-token: write
  contents: read
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: aws-actions/configure-aws-credentials@v4
        with:
          role-to-assume: ${ROLE}
          aws-region: eu-west-3
      - id: login-ecr
        uses: aws-actions/amazon-ecr-login@v2
      - run: aws eks update-kubeconfig --name demo --region eu-west-3
      - run: |
          docker build -t ${REGISTRY}/web:TAG .
          docker push ${REGISTRY}/web:TAG
`;

function withRules(tag: string, rules: string): Scenario {
  const yaml = scenarioYaml(PUSH_ONLY.replace(/TAG/g, tag), { ecr: {} }).replace(
    '  pipeline:\n',
    `  pipeline:\n    onImagePush:\n${rules}`,
  );
  const parsed = parseScenario(yaml);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.error, null, 1));
  return parsed.value;
}

const LATEST_RULE =
  '      - { rule: web-on-push, repository: web, tag: latest, deployment: web }\n';

function image(w: World): string {
  return w.eks!.kube['demo']!.deployments['default/web']!.object.spec.template.spec.containers[0]!
    .image;
}

function digestOf(w: World, tag: string): string {
  const repo = w.ecr!.repositories['web']!;
  return Object.values(repo.images).find((i) => i.tags.includes(tag))!.digest;
}

describe('an ECR push that deploys', () => {
  it('a push of web:latest deploys the pushed image by digest, and the rollout completes', () => {
    const w = advance(pushed(withRules('latest', LATEST_RULE), null), 600);
    expect(lastRun(w).status).toBe('success');
    const digest = digestOf(w, 'latest');
    expect(digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(image(w)).toBe(`${REGISTRY}/web@${digest}`);
    const said = w.events.filter((e) => e.source === 'pipeline').map((e) => e.message);
    expect(said.filter((m) => m.startsWith('web-on-push'))).toEqual([
      'web-on-push: deployment.apps/web image updated',
    ]);
    expect(said).toContain(
      `EventBridge rule web-on-push matched the push of web:latest: its target deploys ${REGISTRY}/web@${digest} to deployment/web (sandbox: a CodePipeline with an ECR source and an EKS deploy stage).`,
    );
    // The new ReplicaSet rolled out: the Deployment is complete again.
    expect(w.eks!.kube['demo']!.deployments['default/web']!.completedAt).not.toBeNull();
    expect(w.pipeline!.releases.map((r) => r.image)).toEqual([`${REGISTRY}/web@${digest}`]);
  });

  it('a push of another tag does not match a rule for latest: nothing is deployed', () => {
    const w = advance(pushed(withRules('2.0.0', LATEST_RULE), null), 600);
    expect(lastRun(w).status).toBe('success');
    expect(digestOf(w, '2.0.0')).toMatch(/^sha256:/);
    expect(image(w)).toBe(`${REGISTRY}/web:1.0.0`);
    expect(w.events.some((e) => e.message.includes('web-on-push'))).toBe(false);
  });

  it('a rule without a tag matches every tag; a container that does not exist is named in the error', () => {
    const w = advance(
      pushed(
        withRules(
          '2.0.0',
          '      - { rule: any-tag, repository: web, deployment: web, container: app }\n',
        ),
        null,
      ),
      600,
    );
    const digest = digestOf(w, '2.0.0');
    expect(image(w)).toBe(`${REGISTRY}/web:1.0.0`);
    expect(
      w.events.filter((e) => e.level === 'error' && e.source === 'pipeline').map((e) => e.message),
    ).toEqual([
      `any-tag could not deploy ${REGISTRY}/web@${digest}: error: unable to find container named "app"`,
    ]);
  });

  it('the scenario schema refuses a rule with a bad repository name, naming the field', () => {
    const yaml = scenarioYaml(PUSH_ONLY, { ecr: {} }).replace(
      '  pipeline:\n',
      '  pipeline:\n    onImagePush:\n      - { rule: r, repository: Web!, deployment: web }\n',
    );
    const parsed = parseScenario(yaml);
    expect(parsed.ok).toBe(false);
    expect(JSON.stringify(parsed.ok ? null : parsed.error)).toContain('onImagePush');
  });

  it('a scenario without rules keeps the slice as it was (no pushRules field)', () => {
    const w = advance(
      pushed(scenario(PUSH_ONLY.replace(/TAG/g, 'latest'), { ecr: {} }), null),
      600,
    );
    expect(lastRun(w).status).toBe('success');
    expect('pushRules' in w.pipeline!).toBe(false);
    expect(image(w)).toBe(`${REGISTRY}/web:1.0.0`);
  });
});
