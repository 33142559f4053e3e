/**
 * Every action type, fed names that are also Object.prototype's keys ('constructor',
 * 'toString', 'hasOwnProperty', 'valueOf', …): each is an ordinary unknown name. The answer is
 * the action's ordinary refusal (or, where such a name is a legal new name, an ordinary
 * success), never a JavaScript internal, never the "sandbox hit a bug" answer, and a
 * refusal leaves the very same world object.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  advance,
  applyAction,
  createWorld,
  type Action,
  type ActionType,
  type World,
} from '../../sandbox/index.ts';
import { actionSchema } from '../../sandbox/scenarios/action-schema.ts';
import { loadScenario } from './helpers.ts';

const HOSTILE = ['constructor', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf'];

/** One action of every type, with the hostile name wherever a name or an id goes. */
const TEMPLATES: { [T in ActionType]: (n: string) => Extract<Action, { type: T }> } = {
  'ec2.instance.launch': (n) => ({
    type: 'ec2.instance.launch',
    instanceType: n,
    az: 'eu-west-3a',
    software: 'ecs',
  }),
  'ec2.instance.terminate': (n) => ({ type: 'ec2.instance.terminate', instanceId: n }),
  'ec2.asg.update': (n) => ({ type: 'ec2.asg.update', name: n, desired: 1 }),
  'docker.container.place': (n) => ({ type: 'docker.container.place', containerId: n, hostId: n }),
  'docker.container.start': (n) => ({ type: 'docker.container.start', containerId: n }),
  'docker.container.stop': (n) => ({ type: 'docker.container.stop', containerId: n }),
  'docker.container.remove': (n) => ({ type: 'docker.container.remove', containerId: n }),
  'ecs.taskdef.register': (n) => ({
    type: 'ecs.taskdef.register',
    taskDefinition: { family: 'web', containerDefinitions: [{ name: n, image: 'nginx:1.27' }] },
  }),
  'ecs.service.create': (n) => ({
    type: 'ecs.service.create',
    serviceName: 'fresh',
    taskDefinition: n,
    desiredCount: 1,
    loadBalancer: n,
  }),
  'ecs.service.update': (n) => ({ type: 'ecs.service.update', service: n, desiredCount: 2 }),
  'ecs.service.delete': (n) => ({ type: 'ecs.service.delete', service: n }),
  'ecs.service.autoscale': (n) => ({
    type: 'ecs.service.autoscale',
    service: n,
    minCapacity: 1,
    maxCapacity: 4,
    targetCpu: 50,
  }),
  'ecs.task.run': (n) => ({ type: 'ecs.task.run', taskDefinition: n }),
  'ecs.task.stop': (n) => ({ type: 'ecs.task.stop', taskId: n }),
  'ecs.container-instance.drain': (n) => ({
    type: 'ecs.container-instance.drain',
    instanceId: n,
  }),
  'ecs.cluster.put-capacity-providers': (n) => ({
    type: 'ecs.cluster.put-capacity-providers',
    capacityProviders: [n],
    defaultCapacityProviderStrategy: [{ capacityProvider: n }],
  }),
  'fault.crash': (n) => ({ type: 'fault.crash', targetId: n }),
  'fault.terminate-instance': (n) => ({ type: 'fault.terminate-instance', instanceId: n }),
  'fault.az-outage': () => ({ type: 'fault.az-outage', az: 'eu-west-3z' }),
  'fault.az-recover': () => ({ type: 'fault.az-recover', az: 'eu-west-3z' }),
  'fault.agent-disconnect': (n) => ({ type: 'fault.agent-disconnect', instanceId: n }),
  'fault.ecs-crash-on-start': (n) => ({ type: 'fault.ecs-crash-on-start', taskDefinition: n }),
  'fault.agent-reconnect': (n) => ({ type: 'fault.agent-reconnect', instanceId: n }),
  'fault.traffic': (n) => ({ type: 'fault.traffic', service: n, rps: 10 }),
  'eks.cluster.create': () => ({ type: 'eks.cluster.create', name: 'fresh' }),
  'eks.cluster.delete': (n) => ({ type: 'eks.cluster.delete', name: n }),
  'eks.kubeconfig.update': (n) => ({ type: 'eks.kubeconfig.update', cluster: n }),
  'eks.kubeconfig.use-context': (n) => ({ type: 'eks.kubeconfig.use-context', context: n }),
  'eks.access-entry.create': (n) => ({
    type: 'eks.access-entry.create',
    cluster: n,
    principalArn: 'arn:aws:iam::123456789012:role/x',
  }),
  'eks.access-policy.associate': (n) => ({
    type: 'eks.access-policy.associate',
    cluster: 'demo',
    principalArn: `arn:aws:iam::123456789012:role/${n}`,
    policyArn: 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy',
    scope: 'cluster',
  }),
  'eks.nodegroup.create': (n) => ({
    type: 'eks.nodegroup.create',
    cluster: n,
    name: 'fresh',
    instanceTypes: [n],
    min: 1,
    desired: 1,
    max: 1,
  }),
  'eks.nodegroup.update-config': (n) => ({
    type: 'eks.nodegroup.update-config',
    cluster: 'demo',
    name: n,
    desired: 1,
  }),
  'eks.nodegroup.update-version': (n) => ({
    type: 'eks.nodegroup.update-version',
    cluster: n,
    name: n,
  }),
  'eks.nodegroup.delete': (n) => ({ type: 'eks.nodegroup.delete', cluster: 'demo', name: n }),
  'eks.fargate-profile.create': (n) => ({
    type: 'eks.fargate-profile.create',
    cluster: n,
    name: 'fresh',
    selectors: [{ namespace: n }],
  }),
  'eks.fargate-profile.delete': (n) => ({
    type: 'eks.fargate-profile.delete',
    cluster: 'demo',
    name: n,
  }),
  'eks.addon.create': (n) => ({
    type: 'eks.addon.create',
    cluster: n,
    addonName: 'metrics-server',
  }),
  'eks.cluster-autoscaler.enable': (n) => ({ type: 'eks.cluster-autoscaler.enable', cluster: n }),
  'eks.node.launch': (n) => ({ type: 'eks.node.launch', instanceType: n, az: 'eu-west-3a' }),
  'eks.node.bootstrap': (n) => ({ type: 'eks.node.bootstrap', instanceId: n, cluster: n }),
  'eks.kubeadm.init': (n) => ({ type: 'eks.kubeadm.init', name: 'lab', instanceId: n }),
  'k8s.apply': (n) => ({
    type: 'k8s.apply',
    documents: [
      { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: n.toLowerCase(), namespace: n } },
    ],
  }),
  'k8s.delete': (n) => ({ type: 'k8s.delete', kind: 'deployment', name: n }),
  'k8s.deployment.create': (n) => ({ type: 'k8s.deployment.create', name: n, image: 'nginx:1.27' }),
  'k8s.deployment.scale': (n) => ({ type: 'k8s.deployment.scale', name: n, replicas: 2 }),
  'k8s.deployment.set-image': (n) => ({
    type: 'k8s.deployment.set-image',
    name: 'web',
    container: n,
    image: 'nginx:1.26',
  }),
  'k8s.rollout.undo': (n) => ({ type: 'k8s.rollout.undo', name: n }),
  'k8s.rollout.restart': (n) => ({ type: 'k8s.rollout.restart', name: n }),
  'k8s.node.cordon': (n) => ({ type: 'k8s.node.cordon', node: n }),
  'k8s.node.uncordon': (n) => ({ type: 'k8s.node.uncordon', node: n }),
  'k8s.node.drain': (n) => ({ type: 'k8s.node.drain', node: n }),
  'k8s.hpa.create': (n) => ({ type: 'k8s.hpa.create', name: n, max: 4 }),
  'k8s.label': (n) => ({ type: 'k8s.label', kind: 'pod', name: n, labels: { [n]: 'x' } }),
  'k8s.taint': (n) => ({ type: 'k8s.taint', node: n, taint: { key: n, effect: 'NoSchedule' } }),
  'k8s.namespace.create': () => ({ type: 'k8s.namespace.create', name: 'fresh' }),
  'fault.k8s-traffic': (n) => ({ type: 'fault.k8s-traffic', service: n, rps: 10 }),
  'fault.k8s-crash': (n) => ({ type: 'fault.k8s-crash', deployment: n }),
  'fault.image-missing': (n) => ({ type: 'fault.image-missing', image: `${n}:1` }),
  'ecr.repository.create': (n) => ({ type: 'ecr.repository.create', name: n }),
  'ecr.image-tag-mutability.put': (n) => ({
    type: 'ecr.image-tag-mutability.put',
    repository: n,
    imageTagMutability: 'IMMUTABLE',
  }),
  'ecr.lifecycle-policy.put': (n) => ({
    type: 'ecr.lifecycle-policy.put',
    repository: n,
    policy: `{"${n}":1}`,
  }),
  'ecr.lifecycle-policy-preview.start': (n) => ({
    type: 'ecr.lifecycle-policy-preview.start',
    repository: n,
    policy: `{"${n}":1}`,
  }),
  'ecr.image.batch-delete': (n) => ({
    type: 'ecr.image.batch-delete',
    repository: 'web',
    imageIds: [{ imageTag: n }],
  }),
  'ecr.image-scan.start': (n) => ({ type: 'ecr.image-scan.start', repository: n, imageTag: n }),
  'docker.login': (n) => ({ type: 'docker.login', registry: n }),
  'docker.image.build': (n) => ({
    type: 'docker.image.build',
    tags: [],
    file: n,
    context: { [n]: n },
  }),
  'docker.image.tag': (n) => ({ type: 'docker.image.tag', source: n, target: 'web:x' }),
  'docker.image.push': (n) => ({
    type: 'docker.image.push',
    image: `123456789012.dkr.ecr.eu-west-3.amazonaws.com/${n}:1`,
  }),
  'docker.image.pull': (n) => ({
    type: 'docker.image.pull',
    image: `123456789012.dkr.ecr.eu-west-3.amazonaws.com/web:${n}`,
  }),
  'docker.image.remove': (n) => ({ type: 'docker.image.remove', image: n }),
  'iam.role-policy.attach': (n) => ({
    type: 'iam.role-policy.attach',
    role: `arn:aws:iam::123456789012:role/${n}`,
    policyArn: 'arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly',
  }),
  'fault.ecr-pull-denied': (n) => ({
    type: 'fault.ecr-pull-denied',
    role: `arn:aws:iam::123456789012:role/${n}`,
  }),
  'pipeline.file.write': (n) => ({ type: 'pipeline.file.write', path: n, content: n }),
  'pipeline.app.edit': (n) => ({ type: 'pipeline.app.edit', version: n }),
  'pipeline.commit': (n) => ({ type: 'pipeline.commit', message: n }),
  'pipeline.push': () => ({ type: 'pipeline.push' }),
  'pipeline.run.cancel': () => ({ type: 'pipeline.run.cancel', run: 1 }),
  'pipeline.run.rerun': () => ({ type: 'pipeline.run.rerun', run: 1 }),
  'pipeline.role.trust': (n) => ({ type: 'pipeline.role.trust', subject: `repo:${n}/web:*` }),
  'pipeline.role.allow-push': () => ({ type: 'pipeline.role.allow-push' }),
};

/** What the learner must never read: JavaScript internals or the sandbox-bug answer. */
const INTERNALS =
  /function|native code|undefined|NaN|\[object|is not a function|Cannot read|sandbox hit a bug/;

const worlds: [string, World][] = [
  ['ecs', advance(createWorld(loadScenario('ecs-first-service.yaml')), 120)],
  ['docker', createWorld(loadScenario('why-orchestration-by-hand.yaml'))],
  ['eks', advance(createWorld(loadScenario('eks-rolling-update.yaml')), 60)],
  ['ecr', advance(createWorld(loadScenario('ecr-push-rollout.yaml')), 60)],
  ['pipeline', advance(createWorld(loadScenario('pipeline-bad-release.yaml')), 60)],
];

describe('names that are Object.prototype keys are ordinary unknown names', () => {
  it('covers every action type', () => {
    expect(Object.keys(TEMPLATES).sort()).toEqual(
      actionSchema.options.map((o) => o.shape.type.value).sort(),
    );
  });

  it.each(worlds)('in the %s world, every action answers in its own words', (_name, world) => {
    const types = Object.keys(TEMPLATES) as ActionType[];
    fc.assert(
      fc.property(
        fc.constantFrom(...types),
        fc.constantFrom(...HOSTILE),
        fc.constantFrom<'learner' | 'instructor'>('learner', 'instructor'),
        (type, name, by) => {
          const action = TEMPLATES[type](name);
          const { world: after, result } = applyAction(world, action, by);
          const text = result.ok ? result.message : result.error;
          expect(text).not.toMatch(INTERNALS);
          if (!result.ok) expect(after).toBe(world);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('refuses unknown names with the ordinary not-found answer', () => {
    const [, ecs] = worlds[0]!;
    expect(
      applyAction(ecs, TEMPLATES['ecs.service.update']('constructor'), 'instructor').result,
    ).toEqual({
      ok: false,
      field: 'service',
      error: 'ServiceNotFoundException: Service not found.',
    });
    expect(
      applyAction(ecs, TEMPLATES['ec2.instance.launch']('toString'), 'instructor').result,
    ).toMatchObject({
      ok: false,
      field: 'instanceType',
    });
    expect(
      applyAction(ecs, TEMPLATES['ecs.task.stop']('hasOwnProperty'), 'instructor').result,
    ).toEqual({
      ok: false,
      field: 'taskId',
      error: 'InvalidParameterException: The referenced task was not found.',
    });
    const [, ecr] = worlds[3]!;
    expect(
      applyAction(ecr, TEMPLATES['ecr.lifecycle-policy-preview.start']('constructor'), 'instructor')
        .result,
    ).toEqual({
      ok: false,
      field: 'repository',
      error:
        "An error occurred (RepositoryNotFoundException) when calling the StartLifecyclePolicyPreview operation: The repository with name 'constructor' does not exist in the registry with id '123456789012'",
    });
  });
});
