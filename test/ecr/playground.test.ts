/**
 * The EKS playground builds and deploys: its workstation holds the small Node.js service of
 * ecr-first-push, and its EventBridge rule web-on-push rolls the Deployment web to whatever is
 * pushed to the repository web, by digest.
 */
import { describe, expect, it } from 'vitest';
import { advance, applyAction, createWorld, type Action, type World } from '../../sandbox/index.ts';
import { loadScenario } from '../sandbox/helpers.ts';

const REGISTRY = '123456789012.dkr.ecr.eu-west-3.amazonaws.com';
const act = (w: World, a: Action) => {
  const r = applyAction(w, a, 'learner');
  if (!r.result.ok) throw new Error(r.result.error);
  return r.world;
};

describe('the EKS playground', () => {
  it('builds the workstation’s Dockerfile, pushes it, and the push rolls the web Deployment', () => {
    let w = createWorld(loadScenario('eks-playground.yaml'));
    w = act(w, { type: 'eks.cluster.create', name: 'demo' });
    w = advance(w, 600);
    w = act(w, { type: 'eks.kubeconfig.update', cluster: 'demo' });
    w = act(w, {
      type: 'eks.nodegroup.create',
      cluster: 'demo',
      name: 'general',
      instanceTypes: ['t3.medium'],
      min: 1,
      desired: 2,
      max: 3,
    });
    w = advance(w, 300);
    w = act(w, { type: 'docker.image.build', tags: [`${REGISTRY}/web:1.0`] });
    w = act(w, { type: 'docker.login', registry: REGISTRY });
    w = act(w, { type: 'ecr.repository.create', name: 'web' });
    w = act(w, { type: 'docker.image.push', image: `${REGISTRY}/web:1.0` });
    // kubectl create deployment names the container after the image: web, as the rule expects.
    w = act(w, {
      type: 'k8s.deployment.create',
      name: 'web',
      image: `${REGISTRY}/web:1.0`,
      replicas: 2,
    });
    w = advance(w, 300);
    const said = (from: number) =>
      w.events.filter((e) => e.source === 'pipeline' && e.id >= from).map((e) => e.message);
    const digest = (tag: string) =>
      Object.values(w.ecr!.repositories['web']!.images).find((i) => i.tags.includes(tag))!.digest;
    const first = `${REGISTRY}/web@${digest('1.0')}`;
    // The first push found no Deployment to roll: the rule says so and nothing else changes.
    expect(said(0)).toEqual([
      `EventBridge rule web-on-push matched the push of web:1.0: its target deploys ${first} to deployment/web (sandbox: a CodePipeline with an ECR source and an EKS deploy stage).`,
      `web-on-push could not deploy ${first}: Error from server (NotFound): deployments.apps "web" not found`,
    ]);
    // A change to the sources, built as the editor would send it, then pushed as 1.1.
    const mark = w.nextEventId;
    w = act(w, {
      type: 'docker.image.build',
      tags: [`${REGISTRY}/web:1.1`],
      context: { 'server.js': w.ecr!.files['server.js']!.replace('web 1.0', 'web 1.1') },
    });
    w = act(w, { type: 'docker.image.push', image: `${REGISTRY}/web:1.1` });
    w = advance(w, 1);
    const second = `${REGISTRY}/web@${digest('1.1')}`;
    expect(second).not.toBe(first);
    expect(said(mark)).toEqual([
      `EventBridge rule web-on-push matched the push of web:1.1: its target deploys ${second} to deployment/web (sandbox: a CodePipeline with an ECR source and an EKS deploy stage).`,
      'web-on-push: deployment.apps/web image updated',
    ]);
    const deploy = () => w.eks!.kube['demo']!.deployments['default/web']!;
    expect(deploy().object.spec.template.spec.containers[0]!.image).toBe(second);
    w = advance(w, 600);
    expect(deploy().completedAt).not.toBeNull();
    const pods = Object.values(w.eks!.kube['demo']!.pods);
    expect(pods.map((p) => [p.spec.containers[0]!.image, p.runtime.state])).toEqual([
      [second, 'Running'],
      [second, 'Running'],
    ]);
  });
});
