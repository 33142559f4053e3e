/**
 * Every EKS and Kubernetes action the engine records parses back through the terminal to the
 * same action: `commandFor(action)` typed into the terminal yields that action (after the
 * defaults the command spells out), and applying it gives the same world. When the engine
 * refuses the action, the terminal refuses the command too and applies nothing (except
 * `kubectl drain`, which cordons before it refuses, as kubectl does).
 */
import fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import {
  applyAction,
  commandFor,
  serializeWorld,
  type Action,
  type World,
} from '../../sandbox/index.ts';
import { interpret, type CliEnv } from '../../sandbox/cli/index.ts';
import {
  DEFAULT_KUBERNETES_VERSION,
  eksActionSchemas,
  k8sActionSchemas,
} from '../../sandbox/services/eks/actions.ts';
import { DEFAULT_CLUSTER_ROLE, FARGATE_POD_ROLE } from '../../sandbox/services/eks/eks-actions.ts';
import {
  DEFAULT_NODEGROUP_ROLE,
  DEFAULT_SELF_MANAGED_ROLE,
} from '../../sandbox/services/eks/nodes.ts';
import { build, eksWorkloads } from './eks-worlds.ts';

const WORLD = eksWorkloads();
/** The same cluster with a self-managed instance launched (no NodeConfig yet) and a node cordoned and tainted. */
const NODES = Object.keys(WORLD.eks!.kube['demo']!.nodes).sort();
const WORLD2 = build(
  [
    'aws ec2 run-instances --image-id resolve:ssm:/aws/service/eks/optimized-ami/1.31/amazon-linux-2023/x86_64/standard/recommended/image_id --instance-type t3.medium --count 1 --placement AvailabilityZone=eu-west-3a',
    'advance 60',
    `kubectl cordon ${NODES[1]}`,
    `kubectl taint nodes ${NODES[1]} dedicated=gpu:NoSchedule`,
    'aws eks create-access-entry --cluster-name demo --principal-arn arn:aws:iam::123456789012:role/dev',
    'aws eks create-fargate-profile --cluster-name demo --fargate-profile-name fp-web --pod-execution-role-arn arn:aws:iam::123456789012:role/AmazonEKSFargatePodExecutionRole --selectors namespace=shop',
    `aws eks create-cluster --name other --role-arn arn:aws:iam::123456789012:role/eksClusterRole --resources-vpc-config subnetIds=subnet-0a1b2c3d4e5f6071,subnet-0b1b2c3d4e5f6071`,
    'advance 600',
  ],
  WORLD,
);

const env = (world: World, files: Record<string, string> = {}): CliEnv => ({
  world,
  files,
  session: { dockerContext: null },
});

const HOSTILE = ['constructor', '__proto__', 'toString'];

function arbitraryActions(world: World): fc.Arbitrary<Action> {
  const kube = world.eks!.kube['demo']!;
  const nodes = Object.keys(kube.nodes);
  const pods = Object.values(kube.pods).map((p) => p.metadata.name);
  const instances = Object.values(world.ec2.instances).map((i) => i.id);
  const pick = <T>(xs: readonly T[]) => fc.constantFrom(...xs);
  // Known names most of the time, so that most actions succeed; unknown and hostile ones too.
  const cluster = pick(['demo', 'demo', 'demo', 'demo', 'other', ...HOSTILE]);
  const eksName = pick(['demo', 'ng-2', 'fp-web', 'constructor', 'x_1']);
  const k8sName = pick(['web', 'web', 'web', 'api', 'nope', ...HOSTILE]);
  const ns = pick([undefined, undefined, 'default', 'shop', 'ghost']);
  const node = fc.oneof(
    { weight: 3, arbitrary: pick(nodes) },
    { weight: 1, arbitrary: pick(['ip-10-9-9-9.eu-west-3.compute.internal', ...HOSTILE]) },
  );
  const azs = fc.subarray(world.azs, { minLength: 2 });
  const label = fc.dictionary(pick(['tier', 'team', 'app']), pick(['a', 'b', 'web']), {
    minKeys: 1,
    maxKeys: 2,
  });
  const via = fc.constantFrom('aws' as const, 'eksctl' as const, undefined);
  const role = fc.option(pick(['arn:aws:iam::123456789012:role/custom']), { nil: undefined });
  const version = fc.option(pick(['1.30', '1.31'] as const), { nil: undefined });
  const deploymentDoc = fc.record({
    apiVersion: fc.constant('apps/v1'),
    kind: fc.constant('Deployment'),
    metadata: fc.record({ name: k8sName }),
    spec: fc.record({
      replicas: fc.integer({ min: 0, max: 4 }),
      selector: fc.constant({ matchLabels: { app: 'x' } }),
      template: fc.constant({
        metadata: { labels: { app: 'x' } },
        spec: { containers: [{ name: 'x', image: 'nginx:1.27' }] },
      }),
    }),
  });
  const nsDoc = fc.record({
    apiVersion: fc.constant('v1'),
    kind: fc.constant('Namespace'),
    metadata: fc.record({ name: pick(['team-a', 'shop']) }),
  });
  return fc.oneof(
    fc.record(
      {
        type: fc.constant('eks.cluster.create' as const),
        name: eksName,
        version,
        supportType: fc.constantFrom('STANDARD' as const, 'EXTENDED' as const),
        roleArn: role,
        azs,
        authenticationMode: fc.constantFrom('API' as const, 'API_AND_CONFIG_MAP' as const),
        via: fc.constantFrom('aws' as const, undefined),
      },
      { requiredKeys: ['type', 'name'] },
    ),
    // eksctl writes no --zones (see NOTES-for-eks): its cluster gets every AZ of the region.
    fc.record(
      {
        type: fc.constant('eks.cluster.create' as const),
        name: eksName,
        version,
        via: fc.constant('eksctl' as const),
      },
      { requiredKeys: ['type', 'name', 'via'] },
    ),
    fc.record({
      type: fc.constant('eks.cluster.delete' as const),
      name: pick(['demo', 'other', 'other', 'other', ...HOSTILE]),
      via,
    }),
    fc.record(
      {
        type: fc.constant('eks.kubeconfig.update' as const),
        cluster,
        alias: pick(['dev', 'constructor']),
      },
      { requiredKeys: ['type', 'cluster'] },
    ),
    fc.record({
      type: fc.constant('eks.kubeconfig.use-context' as const),
      context: pick(['arn:aws:eks:eu-west-3:123456789012:cluster/demo', 'nope', ...HOSTILE]),
    }),
    fc.record(
      {
        type: fc.constant('eks.access-entry.create' as const),
        cluster,
        principalArn: pick([
          'arn:aws:iam::123456789012:role/dev',
          'arn:aws:iam::123456789012:role/eks-self-managed-node-role',
        ]),
        accessEntryType: fc.constantFrom('STANDARD' as const, 'EC2_LINUX' as const),
        kubernetesGroups: fc.constant(['devs']),
        username: pick(['alice']),
      },
      { requiredKeys: ['type', 'cluster', 'principalArn'] },
    ),
    fc.record(
      {
        type: fc.constant('eks.access-policy.associate' as const),
        cluster,
        principalArn: pick(['arn:aws:iam::123456789012:role/dev']),
        policyArn: pick(['arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy']),
        scope: fc.constantFrom('cluster' as const, 'namespace' as const),
        namespaces: fc.constant(['shop']),
      },
      { requiredKeys: ['type', 'cluster', 'principalArn', 'policyArn', 'scope'] },
    ),
    fc.record(
      {
        type: fc.constant('eks.nodegroup.create' as const),
        cluster,
        name: eksName,
        instanceTypes: fc.subarray(['t3.medium', 'm5.large'], { minLength: 1 }),
        min: fc.integer({ min: 0, max: 2 }),
        desired: fc.integer({ min: 0, max: 3 }),
        max: fc.integer({ min: 1, max: 4 }),
        capacityType: fc.constantFrom('ON_DEMAND' as const, 'SPOT' as const),
        amiType: fc.constantFrom('AL2023_x86_64_STANDARD' as const, 'BOTTLEROCKET_x86_64' as const),
        labels: label,
        taints: fc.constant([{ key: 'gpu', value: 'yes', effect: 'NO_SCHEDULE' as const }]),
        azs: fc.subarray(world.azs, { minLength: 1 }),
        nodeRole: role,
        maxUnavailable: fc.integer({ min: 1, max: 3 }),
        via: fc.constantFrom('aws' as const, undefined),
      },
      { requiredKeys: ['type', 'cluster', 'name', 'instanceTypes', 'min', 'desired', 'max'] },
    ),
    // eksctl spells sizes, types, spot, labels and zones only.
    fc.record(
      {
        type: fc.constant('eks.nodegroup.create' as const),
        cluster,
        name: eksName,
        instanceTypes: fc.subarray(['t3.medium', 'm5.large'], { minLength: 1 }),
        min: fc.integer({ min: 0, max: 2 }),
        desired: fc.integer({ min: 0, max: 3 }),
        max: fc.integer({ min: 1, max: 4 }),
        capacityType: fc.constant('SPOT' as const),
        labels: label,
        azs: fc.subarray(world.azs, { minLength: 1 }),
        via: fc.constant('eksctl' as const),
      },
      {
        requiredKeys: ['type', 'cluster', 'name', 'instanceTypes', 'min', 'desired', 'max', 'via'],
      },
    ),
    fc.record(
      {
        type: fc.constant('eks.nodegroup.update-config' as const),
        cluster,
        name: pick(['ng-1', 'nope', ...HOSTILE]),
        min: fc.integer({ min: 0, max: 2 }),
        desired: fc.integer({ min: 0, max: 4 }),
        max: fc.integer({ min: 2, max: 6 }),
        addLabels: label,
        removeLabels: fc.constant(['team']),
        maxUnavailable: fc.integer({ min: 1, max: 3 }),
        via: fc.constantFrom('aws' as const, undefined),
      },
      { requiredKeys: ['type', 'cluster', 'name'] },
    ),
    fc.record(
      {
        type: fc.constant('eks.nodegroup.update-config' as const),
        cluster,
        name: pick(['ng-1', 'nope']),
        min: fc.integer({ min: 0, max: 2 }),
        desired: fc.integer({ min: 0, max: 4 }),
        max: fc.integer({ min: 2, max: 6 }),
        via: fc.constant('eksctl' as const),
      },
      { requiredKeys: ['type', 'cluster', 'name', 'desired', 'via'] },
    ),
    fc.record(
      {
        type: fc.constant('eks.nodegroup.update-version' as const),
        cluster,
        name: pick(['ng-1', 'ng-1', 'nope']),
        version,
        releaseVersion: pick(['1.31.2-20251101']),
        force: fc.constant(true),
        via,
      },
      { requiredKeys: ['type', 'cluster', 'name'] },
    ),
    fc.record({
      type: fc.constant('eks.nodegroup.delete' as const),
      cluster,
      name: pick(['ng-1', 'ng-1', 'ng-1', 'nope', ...HOSTILE]),
      via,
    }),
    fc.record(
      {
        type: fc.constant('eks.fargate-profile.create' as const),
        cluster,
        name: eksName,
        podExecutionRoleArn: role,
        selectors: fc.array(
          fc.record(
            { namespace: pick(['shop', 'default', 'team-*']), labels: label },
            { requiredKeys: ['namespace'] },
          ),
          { minLength: 1, maxLength: 3 },
        ),
        via: fc.constantFrom('aws' as const, undefined),
      },
      { requiredKeys: ['type', 'cluster', 'name', 'selectors'] },
    ),
    fc.record({
      type: fc.constant('eks.fargate-profile.create' as const),
      cluster,
      name: eksName,
      selectors: fc
        .record(
          { namespace: pick(['shop', 'default']), labels: label },
          { requiredKeys: ['namespace'] },
        )
        .map((s) => [s]),
      via: fc.constant('eksctl' as const),
    }),
    fc.record({
      type: fc.constant('eks.fargate-profile.delete' as const),
      cluster,
      name: pick(['fp-web', 'nope']),
      via,
    }),
    fc.record({
      type: fc.constant('eks.addon.create' as const),
      cluster,
      addonName: fc.constantFrom('metrics-server' as const, 'coredns' as const),
    }),
    fc.record(
      {
        type: fc.constant('eks.cluster-autoscaler.enable' as const),
        cluster,
        expander: fc.constantFrom('random' as const, 'least-waste' as const),
        scaleDownUtilizationThreshold: fc.constantFrom(0.5, 0.3),
        scaleDownUnneededSeconds: fc.constantFrom(600, 120),
      },
      { requiredKeys: ['type', 'cluster'] },
    ),
    fc.record(
      {
        type: fc.constant('eks.node.launch' as const),
        instanceType: pick(['t3.medium', 'm5.large']),
        az: pick(world.azs),
        count: fc.integer({ min: 1, max: 2 }),
        name: pick(['self-1']),
        version,
        nodeRole: role,
        cluster,
      },
      { requiredKeys: ['type', 'instanceType', 'az'] },
    ),
    fc.record({
      type: fc.constant('eks.node.bootstrap' as const),
      instanceId: pick([...instances, 'i-0000000000000dead']),
      cluster,
    }),
    fc.record({
      type: fc.constant('eks.kubeadm.init' as const),
      name: pick(['lab', 'demo']),
      instanceId: pick([...instances, 'i-0000000000000dead']),
    }),
    fc.record(
      {
        type: fc.constant('k8s.apply' as const),
        documents: fc.array(fc.oneof(deploymentDoc, nsDoc), { minLength: 1, maxLength: 3 }),
        fileName: pick(['app.yaml', 'STDIN']),
        namespace: ns,
      },
      { requiredKeys: ['type', 'documents'] },
    ),
    fc.record({
      type: fc.constant('k8s.delete' as const),
      kind: fc.constantFrom('deployment' as const, 'service' as const, 'hpa' as const),
      name: k8sName,
      namespace: ns,
    }),
    fc.record({
      type: fc.constant('k8s.delete' as const),
      kind: fc.constantFrom('pod' as const, 'namespace' as const, 'node' as const),
      name: pick([...pods, 'shop', ...nodes, 'nope']),
      namespace: ns,
    }),
    fc.record(
      {
        type: fc.constant('k8s.deployment.create' as const),
        name: k8sName,
        image: pick(['nginx:1.27', 'busybox:1.36']),
        replicas: fc.integer({ min: 0, max: 3 }),
        port: fc.integer({ min: 1, max: 9000 }),
        namespace: ns,
      },
      { requiredKeys: ['type', 'name', 'image'] },
    ),
    fc.record({
      type: fc.constant('k8s.deployment.scale' as const),
      name: k8sName,
      replicas: fc.integer({ min: 0, max: 6 }),
      namespace: ns,
    }),
    fc.record({
      type: fc.constant('k8s.deployment.set-image' as const),
      name: k8sName,
      container: pick(['web', 'web', 'web', 'nginx', 'nope']),
      image: pick(['nginx:1.26', 'nginx:9.9']),
      namespace: ns,
    }),
    fc.record(
      {
        type: fc.constant('k8s.rollout.undo' as const),
        name: k8sName,
        toRevision: fc.integer({ min: 1, max: 3 }),
        namespace: ns,
      },
      { requiredKeys: ['type', 'name'] },
    ),
    fc.record({ type: fc.constant('k8s.rollout.restart' as const), name: k8sName, namespace: ns }),
    fc.record({ type: fc.constant('k8s.node.cordon' as const), node }),
    fc.record({ type: fc.constant('k8s.node.uncordon' as const), node }),
    fc.record(
      {
        type: fc.constant('k8s.node.drain' as const),
        node,
        ignoreDaemonsets: fc.constant(true),
        deleteEmptydirData: fc.constant(true),
        force: fc.constant(true),
      },
      { requiredKeys: ['type', 'node'] },
    ),
    fc.record(
      {
        type: fc.constant('k8s.hpa.create' as const),
        name: k8sName,
        min: fc.integer({ min: 1, max: 3 }),
        max: fc.integer({ min: 1, max: 8 }),
        cpuPercent: fc.integer({ min: 1, max: 100 }),
        namespace: ns,
      },
      { requiredKeys: ['type', 'name', 'max'] },
    ),
    fc.record(
      {
        type: fc.constant('k8s.label' as const),
        kind: fc.constantFrom(
          'deployment' as const,
          'pod' as const,
          'node' as const,
          'namespace' as const,
        ),
        name: fc.oneof(k8sName, pick([...pods, ...nodes, 'shop', 'default'])),
        labels: fc.dictionary(pick(['tier', 'app', 'team']), fc.constantFrom('a', 'web', null), {
          minKeys: 1,
          maxKeys: 2,
        }),
        overwrite: fc.constant(true),
        namespace: ns,
      },
      { requiredKeys: ['type', 'kind', 'name', 'labels'] },
    ),
    fc.record(
      {
        type: fc.constant('k8s.taint' as const),
        node,
        taint: fc.record(
          {
            key: pick(['dedicated', 'gpu']),
            value: pick(['gpu', 'yes']),
            effect: fc.constantFrom('NoSchedule' as const, 'NoExecute' as const),
          },
          { requiredKeys: ['key', 'effect'] },
        ),
        remove: fc.constant(true),
      },
      { requiredKeys: ['type', 'node', 'taint'] },
    ),
    fc.record({
      type: fc.constant('k8s.namespace.create' as const),
      name: pick(['team-a', 'shop', 'default']),
    }),
  ) as fc.Arbitrary<Action>;
}

/** The action as its command spells it: defaults the command writes out, and `via: 'aws'` as the default. */
function normalize(action: Action, world: World): Action {
  const a = structuredClone(action) as Action & Record<string, unknown>;
  if ('via' in a && a.via === 'aws') delete a.via;
  switch (a.type) {
    case 'eks.cluster.create':
      if (a.via !== 'eksctl') {
        a.roleArn ??= DEFAULT_CLUSTER_ROLE;
        a.azs ??= world.azs;
      }
      break;
    case 'eks.nodegroup.create':
      if (a.via !== 'eksctl') {
        a.nodeRole ??= DEFAULT_NODEGROUP_ROLE;
        a.azs ??= world.eks?.clusters[a.cluster]?.azs ?? world.azs;
      }
      break;
    case 'eks.fargate-profile.create':
      if (a.via !== 'eksctl') a.podExecutionRoleArn ??= FARGATE_POD_ROLE;
      break;
    case 'eks.node.launch':
      a.count ??= 1;
      a.version ??= DEFAULT_KUBERNETES_VERSION;
      a.nodeRole ??= DEFAULT_SELF_MANAGED_ROLE;
      break;
    case 'k8s.apply':
      a.fileName ??= 'STDIN';
      break;
    case 'k8s.rollout.undo':
      if (a.toRevision === 0) delete a.toRevision;
      break;
  }
  for (const k of Object.keys(a))
    if (
      a[k] === undefined ||
      (Array.isArray(a[k]) && (a[k] as unknown[]).length === 0) ||
      (k === 'labels' && a.type !== 'k8s.label' && Object.keys(a[k] as object).length === 0)
    )
      delete a[k];
  return a;
}

/** Labels, cordons and taints that change nothing: kubectl says so and sends nothing. */
function noChange(action: Action, world: World): boolean {
  const kube = world.eks?.kube['demo'];
  if (!kube) return false;
  if (action.type === 'k8s.node.cordon' || action.type === 'k8s.node.uncordon') {
    const n = Object.hasOwn(kube.nodes, action.node) ? kube.nodes[action.node] : undefined;
    return n !== undefined && n.unschedulable === (action.type === 'k8s.node.cordon');
  }
  if (action.type === 'k8s.label') {
    const k = `${action.namespace ?? 'default'}/${action.name}`;
    const get = <T>(r: Record<string, T>, key: string) =>
      Object.hasOwn(r, key) ? r[key] : undefined;
    const labels =
      action.kind === 'node'
        ? get(kube.nodes, action.name)?.labels
        : action.kind === 'pod'
          ? get(kube.pods, k)?.metadata.labels
          : action.kind === 'deployment'
            ? get(kube.deployments, k)?.object.metadata.labels
            : get(kube.namespaces, action.name)?.object.metadata.labels;
    if (!labels) return false;
    return Object.entries(action.labels).every(([key, v]) =>
      v === null ? !Object.hasOwn(labels, key) : labels[key] === v,
    );
  }
  return false;
}

const withoutLog = (w: World) => {
  const parsed = JSON.parse(serializeWorld(w)) as Record<string, unknown>;
  delete parsed['log'];
  return parsed;
};

function filesFor(action: Action): Record<string, string> {
  if (action.type === 'k8s.apply' && action.fileName !== undefined && action.fileName !== 'STDIN')
    return { [action.fileName]: action.documents.map((d) => stringify(d)).join('---\n') };
  return {};
}

describe('typing the command an EKS or Kubernetes action records does exactly that action', () => {
  const seenAnywhere = new Set<string>();
  for (const [label, world] of [
    ['cluster with workloads', WORLD],
    ['cordoned, tainted node and a self-managed instance', WORLD2],
  ] as const) {
    it(`for every action type (${label})`, () => {
      const seen = new Set<string>();
      fc.assert(
        fc.property(arbitraryActions(world), (action) => {
          const direct = applyAction(world, action, 'learner');
          const command = commandFor(action, world);
          const outcome = interpret(command, env(world, filesFor(action)));
          const said = `${command}\n${outcome.kind === 'output' ? outcome.output.stderr : ''}\nengine: ${direct.result.ok ? direct.result.message : direct.result.error}`;
          if (noChange(action, world)) {
            expect(outcome.kind, said).toBe('output');
            if (outcome.kind === 'output') expect(outcome.output.exitCode, said).toBe(0);
            return;
          }
          if (!direct.result.ok) {
            if (outcome.kind === 'actions') {
              // kubectl drain cordons the node, then refuses to evict (DaemonSet or bare pods).
              expect(action.type, said).toBe('k8s.node.drain');
              expect(outcome.actions.map((a) => a.type)).toEqual(['k8s.node.cordon']);
              return;
            }
            expect(outcome.output.exitCode, said).not.toBe(0);
            return;
          }
          seen.add(action.type);
          expect(outcome.kind, said).toBe('actions');
          if (outcome.kind !== 'actions') return;
          expect(
            outcome.actions.map((a) => normalize(a, world)),
            said,
          ).toEqual([normalize(action, world)]);
          const viaCli = applyAction(world, outcome.actions[0]!, 'learner').world;
          expect(withoutLog(viaCli), said).toEqual(withoutLog(direct.world));
        }),
        { numRuns: 900, seed: 20261201 },
      );
      for (const t of seen) seenAnywhere.add(t);
    }, 120_000); // 900 property runs, each applying an action twice: seconds on a loaded machine
  }

  it('covers every action type with a command (all but the faults, which are comments)', () => {
    expect([...seenAnywhere].sort()).toEqual(
      [
        ...eksActionSchemas.map((x) => x.shape.type.value as string),
        ...k8sActionSchemas.map((x) => x.shape.type.value as string),
      ]
        .filter((t) => !t.startsWith('fault.'))
        .sort(),
    );
  });
});
