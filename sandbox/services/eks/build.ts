/**
 * A scenario's EKS state at time 0: clusters ACTIVE (or still CREATING), node groups with
 * their nodes Ready, self-managed nodes joined or only launched, a kubeadm master, Fargate
 * profiles, manifests applied with their pods already Running and Ready, and traffic.
 */
import { INSTANCE_TYPES } from '../../model/aws-data.ts';
import { own } from '../../model/record.ts';
import type { EngineContext } from '../../engine/module.ts';
import type { Scenario, ScenarioError } from '../../scenarios/schema.ts';
import { DEFAULT_KUBERNETES_VERSION } from './actions.ts';
import {
  DEFAULT_CLUSTER_ROLE,
  FARGATE_POD_ROLE,
  fargateKey,
  newCluster,
  newNodegroup,
} from './eks-actions.ts';
import { apply } from './k8s-actions.ts';
import { parseYamlDocuments } from './manifest-yaml.ts';
import { MAX_PODS } from './node-capacity.ts';
import { DEFAULT_SELF_MANAGED_ROLE, launchNodeInstance, registerNode } from './nodes.ts';
import { finishPull, syncStatus } from './pods.ts';
import { fargateSchedulerController, kubeSchedulerController } from './scheduling.ts';
import { eksOf } from './state.ts';
import { servicesController, workloadController } from './workloads.ts';

export function buildEks(
  ctx: EngineContext,
  scenario: Scenario,
  errors: ScenarioError[],
): 'stop' | void {
  const init = scenario.initial.eks;
  if (!init) return;
  const world = ctx.world;
  const eks = eksOf(world);
  const eventsBefore = world.events.length;
  const typeOk = (t: string) => !!own(INSTANCE_TYPES, t) && !!own(MAX_PODS, t);
  let firstContext: string | null = null;

  for (const [i, c] of init.clusters.entries()) {
    if (own(eks.clusters, c.name)) {
      errors.push({
        path: `initial.eks.clusters[${i}].name`,
        message: `cluster ${c.name} is declared twice`,
      });
      continue;
    }
    const version = c.version ?? DEFAULT_KUBERNETES_VERSION;
    if (c.kind === 'kubeadm') {
      const az = c.az ?? world.azs[0]!;
      if (!world.azs.includes(az)) {
        errors.push({
          path: `initial.eks.clusters[${i}].az`,
          message: `'${az}' is not an Availability Zone of ${world.region}`,
        });
        continue;
      }
      const type = c.masterInstanceType ?? 't3.medium';
      if (!typeOk(type)) {
        errors.push({
          path: `initial.eks.clusters[${i}].masterInstanceType`,
          message: `unknown instance type '${type}'; use one of ${Object.keys(MAX_PODS).join(', ')}`,
        });
        continue;
      }
      const master = launchNodeInstance(ctx, {
        type,
        az,
        name: `${c.name}-master`,
        asg: null,
        running: true,
      });
      const cluster = newCluster(ctx, {
        name: c.name,
        kind: 'kubeadm',
        version,
        supportType: 'STANDARD',
        authenticationMode: 'CONFIG_MAP',
        roleArn: '',
        azs: [az],
        instanceId: master.id,
        instanceAz: az,
        active: true,
      });
      const node = registerNode(ctx, cluster, master, null, true);
      if (node) {
        node.origin = 'control-plane';
        node.labels['node-role.kubernetes.io/control-plane'] = '';
        node.taints.push({
          key: 'node-role.kubernetes.io/control-plane',
          value: '',
          effect: 'NoSchedule',
          timeAdded: null,
        });
      }
      const context = `kubernetes-admin@${c.name}`;
      if (c.kubeconfig) {
        eks.kubeconfig.contexts[context] = { cluster: c.name, server: cluster.endpoint };
        firstContext ??= context;
      }
      continue;
    }
    const cluster = newCluster(ctx, {
      name: c.name,
      kind: 'eks',
      version,
      supportType: c.supportType ?? 'STANDARD',
      authenticationMode: 'API_AND_CONFIG_MAP',
      roleArn: DEFAULT_CLUSTER_ROLE,
      azs: [...world.azs],
      instanceId: null,
      active: !c.creating,
    });
    for (const a of c.addons) if (!cluster.addons.includes(a)) cluster.addons.push(a);
    if (c.clusterAutoscaler)
      cluster.clusterAutoscaler = {
        installedAt: 0,
        expander: 'random',
        scaleDownUtilizationThreshold: 0.5,
        scaleDownUnneededSeconds: 600,
        lastScanAt: 0,
        lastScaleUpAt: null,
        unneededSince: {},
      };
    if (c.kubeconfig && !c.creating) {
      eks.kubeconfig.contexts[cluster.arn] = { cluster: c.name, server: cluster.endpoint };
      firstContext ??= cluster.arn;
    }
  }

  for (const [i, g] of init.nodegroups.entries()) {
    const cluster = own(eks.clusters, g.cluster);
    const at = `initial.eks.nodegroups[${i}]`;
    if (!cluster || cluster.kind !== 'eks') {
      errors.push({
        path: `${at}.cluster`,
        message: `no EKS cluster named '${g.cluster}' in initial.eks.clusters`,
      });
      continue;
    }
    if (!typeOk(g.instanceType)) {
      errors.push({
        path: `${at}.instanceType`,
        message: `unknown instance type '${g.instanceType}'; use one of ${Object.keys(MAX_PODS).join(', ')}`,
      });
      continue;
    }
    if (!(g.min <= g.desired && g.desired <= g.max)) {
      errors.push({
        path: `${at}.desired`,
        message: `must be between min (${g.min}) and max (${g.max})`,
      });
      continue;
    }
    const azs = g.azs ?? cluster.azs;
    const bad = azs.find((az) => !world.azs.includes(az));
    if (bad) {
      errors.push({
        path: `${at}.azs`,
        message: `'${bad}' is not an Availability Zone of ${world.region}`,
      });
      continue;
    }
    const ng = newNodegroup(
      ctx,
      cluster,
      {
        cluster: g.cluster,
        name: g.name,
        instanceTypes: [g.instanceType],
        min: g.min,
        desired: g.desired,
        max: g.max,
        ...(g.labels ? { labels: g.labels } : {}),
        ...(g.taints ? { taints: g.taints } : {}),
        azs,
        ...(g.capacityType ? { capacityType: g.capacityType } : {}),
      },
      { active: true },
    );
    for (let k = 0; k < g.desired; k++) {
      const instance = launchNodeInstance(ctx, {
        type: g.instanceType,
        az: azs[k % azs.length]!,
        name: null,
        asg: ng.asg,
        running: true,
      });
      eks.instanceRoles[instance.id] = ng.nodeRole;
      registerNode(ctx, cluster, instance, ng, true);
    }
  }

  for (const [i, n] of init.selfManagedNodes.entries()) {
    const at = `initial.eks.selfManagedNodes[${i}]`;
    const cluster = own(eks.clusters, n.cluster);
    if (!cluster) {
      errors.push({
        path: `${at}.cluster`,
        message: `no cluster named '${n.cluster}' in initial.eks.clusters`,
      });
      continue;
    }
    if (!typeOk(n.instanceType)) {
      errors.push({
        path: `${at}.instanceType`,
        message: `unknown instance type '${n.instanceType}'; use one of ${Object.keys(MAX_PODS).join(', ')}`,
      });
      continue;
    }
    if (!world.azs.includes(n.az)) {
      errors.push({
        path: `${at}.az`,
        message: `'${n.az}' is not an Availability Zone of ${world.region}`,
      });
      continue;
    }
    if (
      n.joined &&
      cluster.kind === 'eks' &&
      !Object.hasOwn(cluster.accessEntries, DEFAULT_SELF_MANAGED_ROLE)
    )
      cluster.accessEntries[DEFAULT_SELF_MANAGED_ROLE] = {
        principalArn: DEFAULT_SELF_MANAGED_ROLE,
        type: 'EC2_LINUX',
        kubernetesGroups: [],
        username: 'system:node:{{EC2PrivateDNSName}}',
        createdAt: 0,
        policies: [],
      };
    for (let k = 0; k < n.count; k++) {
      const name = n.name ? (n.count > 1 ? `${n.name}-${k + 1}` : n.name) : null;
      const instance = launchNodeInstance(ctx, {
        type: n.instanceType,
        az: n.az,
        name,
        asg: null,
        running: true,
      });
      eks.instanceRoles[instance.id] = DEFAULT_SELF_MANAGED_ROLE;
      if (n.joined) {
        eks.bootstrapped[instance.id] = n.cluster;
        registerNode(ctx, cluster, instance, null, true);
      }
    }
  }

  for (const [i, p] of init.fargateProfiles.entries()) {
    const cluster = own(eks.clusters, p.cluster);
    if (!cluster || cluster.kind !== 'eks') {
      errors.push({
        path: `initial.eks.fargateProfiles[${i}].cluster`,
        message: `no EKS cluster named '${p.cluster}'`,
      });
      continue;
    }
    eks.fargateProfiles[fargateKey(p.cluster, p.name)] = {
      cluster: p.cluster,
      name: p.name,
      arn: `arn:aws:eks:${world.region}:${world.accountId}:fargateprofile/${p.cluster}/${p.name}/initial`,
      status: 'ACTIVE',
      podExecutionRoleArn: FARGATE_POD_ROLE,
      selectors: p.selectors.map((s) => ({
        namespace: s.namespace,
        labels: { ...(s.labels ?? {}) },
      })),
      createdAt: 0,
      nextTransitionAt: null,
    };
  }

  for (const [i, m] of init.manifests.entries()) {
    const at = `initial.eks.manifests[${i}]`;
    const cluster = own(eks.clusters, m.cluster);
    if (!cluster) {
      errors.push({ path: `${at}.cluster`, message: `no cluster named '${m.cluster}'` });
      continue;
    }
    const yaml = parseYamlDocuments(m.yaml, `${at}.yaml`);
    if (!yaml.ok) {
      errors.push({ path: `${at}.yaml`, message: yaml.error });
      continue;
    }
    const context = `initial:${m.cluster}`;
    eks.kubeconfig.contexts[context] = { cluster: m.cluster, server: cluster.endpoint };
    eks.kubeconfig.currentContext = context;
    const values = yaml.documents.map((d) => d.value).filter((v) => v !== null && v !== undefined);
    const r = apply(ctx, {
      type: 'k8s.apply',
      documents: values as Record<string, unknown>[],
      fileName: `${m.cluster}.yaml`,
    });
    if (!r.ok) errors.push({ path: `${at}.yaml`, message: r.error });
    else if (r.message.includes('Error from server') || r.message.includes('error:'))
      errors.push({ path: `${at}.yaml`, message: r.message });
    delete eks.kubeconfig.contexts[context];
  }

  for (const t of init.traffic) {
    const cluster = t.cluster ?? Object.keys(eks.clusters).sort()[0];
    if (cluster) eks.traffic[`${cluster}/${t.namespace ?? 'default'}/${t.service}`] = t.rps;
  }
  eks.kubeconfig.currentContext = firstContext;
  if (errors.length > 0) return;

  // The workloads were running before time 0: their pods are bound, pulled, started and Ready.
  for (let round = 0; round < 4; round++) {
    workloadController(ctx);
    eks.schedulerDirty = true;
    kubeSchedulerController(ctx);
    fargateSchedulerController(ctx);
    for (const name in eks.kube) {
      const kube = eks.kube[name]!;
      for (const k in kube.pods) {
        const pod = kube.pods[k]!;
        if (pod.runtime.fargateAt !== null) pod.runtime.fargateAt = world.time;
      }
    }
    fargateSchedulerController(ctx);
    for (const name in eks.kube) {
      const kube = eks.kube[name]!;
      for (const k in kube.pods) {
        const pod = kube.pods[k]!;
        if (pod.runtime.state === 'ContainerCreating')
          finishPull(ctx, { world, cluster: name }, pod);
        if (pod.runtime.state === 'Running') {
          pod.runtime.readyAt = world.time;
          syncStatus(pod, world.time);
        }
      }
    }
  }
  servicesController(ctx);
  eks.nextScheduleAt = 0;
  eks.schedulerDirty = true;
  // The starting state is the scenario's, not a history: no events before time 0.
  world.events.splice(eventsBefore);
  for (const name in eks.kube) eks.kube[name]!.events = [];
}
