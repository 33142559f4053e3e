/**
 * The EKS module's behaviour (loaded by index.ts's `load()`): EKS clusters and their control planes, access entries, managed node
 * groups, self-managed nodes and Fargate profiles, and the Kubernetes API objects of each
 * cluster driven by their controllers, the kube-scheduler and the kubelets.
 *
 * One tick, after EC2's instance timers: the control plane and AWS-side status charts, node
 * registration and health, node groups (before the Auto Scaling groups act on their sizes),
 * the workload controllers, the kube-scheduler and the Fargate scheduler, the kubelets, the
 * Service endpoints and load, the HPA and the Cluster Autoscaler.
 */
import type { ActionDef, ActionTable, ServiceBehaviour } from '../../engine/module.ts';
import type { ActionType } from '../../model/actions.ts';
import { own } from '../../model/record.ts';
import type { MetricSample, World } from '../../model/types.ts';
import { charge } from '../../engine/world-ops.ts';
import { COMMANDS } from './commands.ts';
import {
  clusterAutoscalerController,
  controlPlaneController,
  drainController,
  nodegroupController,
} from './control.ts';
import { controlPlanePricePerHour } from './control-plane.ts';
import * as eksActions from './eks-actions.ts';
import { buildEks } from './build.ts';
import * as k8s from './k8s-actions.ts';
import {
  nodeHealthController,
  nodeJoinController,
  nodegroupOfInstance,
  scheduleJoin,
  SELF_MANAGED_CHORES,
} from './nodes.ts';
import { isReady, kubeletController } from './pods.ts';
import { podRequest } from './scheduler.ts';
import { fargateSchedulerController, kubeSchedulerController, ownerKey } from './scheduling.ts';
import { apiUp, eksOf } from './state.ts';
import { hpaControllerAll, servicesController, workloadController } from './workloads.ts';

/** Fargate bills at least a minute per pod (approx, as for ECS on Fargate). */
const FARGATE_MINIMUM_SECONDS = 60;

/** The action table: each handler with its real command. */
function table(): ActionTable {
  const t: ActionTable = {};
  const add = <T extends ActionType>(type: T, handle: ActionDef<T>['handle'], always = false) => {
    const command = COMMANDS[type];
    if (!command) throw new Error(`eks: no command for ${type}`);
    const handleAndMark: ActionDef<T>['handle'] = (ctx, action) => {
      const result = handle(ctx, action);
      // Whatever an action changed, the controllers look at it this second.
      if (result.ok && ctx.world.eks) {
        ctx.world.eks.workloadsDirty = true;
        ctx.world.eks.endpointsDirty = true;
        ctx.world.eks.kubeletWakeAt = Math.min(ctx.world.eks.kubeletWakeAt, ctx.world.time + 1);
      }
      return result;
    };
    (t as Record<string, unknown>)[type] = {
      handle: handleAndMark,
      command,
      ...(always ? { always } : {}),
    };
  };
  add('eks.cluster.create', eksActions.createCluster);
  add('eks.cluster.delete', eksActions.deleteCluster);
  add('eks.kubeconfig.update', eksActions.updateKubeconfig);
  add('eks.kubeconfig.use-context', eksActions.useContext);
  add('eks.access-entry.create', eksActions.createAccessEntry);
  add('eks.access-policy.associate', eksActions.associatePolicy);
  add('eks.nodegroup.create', eksActions.createNodegroup);
  add('eks.nodegroup.update-config', eksActions.updateNodegroupConfig);
  add('eks.nodegroup.update-version', eksActions.updateNodegroupVersion);
  add('eks.nodegroup.delete', eksActions.deleteNodegroup);
  add('eks.fargate-profile.create', eksActions.createFargateProfile);
  add('eks.fargate-profile.delete', eksActions.deleteFargateProfile);
  add('eks.addon.create', eksActions.createAddon);
  add('eks.cluster-autoscaler.enable', eksActions.enableClusterAutoscaler);
  add('eks.node.launch', eksActions.launchNodes);
  add('eks.node.bootstrap', eksActions.bootstrapNode);
  add('eks.kubeadm.init', eksActions.kubeadmInit);
  add('k8s.apply', k8s.apply);
  add('k8s.delete', k8s.deleteObject);
  add('k8s.deployment.create', k8s.createDeployment);
  add('k8s.deployment.scale', k8s.scale);
  add('k8s.deployment.set-image', k8s.setImage);
  add('k8s.rollout.undo', k8s.rolloutUndo);
  add('k8s.rollout.restart', k8s.rolloutRestart);
  add('k8s.node.cordon', k8s.cordon);
  add('k8s.node.uncordon', k8s.uncordon);
  add('k8s.node.drain', k8s.drain);
  add('k8s.hpa.create', k8s.autoscale);
  add('k8s.label', k8s.label);
  add('k8s.taint', k8s.taint);
  add('k8s.namespace.create', k8s.createNamespace);
  add('fault.k8s-traffic', k8s.traffic);
  add('fault.k8s-crash', k8s.crash);
  add('fault.image-missing', k8s.imageMissing);
  return t;
}

/** What the EKS side bills now, per hour: control planes and Fargate pods (EC2 nodes bill as EC2). */
function ratePerHour(world: World): number {
  const eks = world.eks;
  if (!eks) return 0;
  let rate = 0;
  for (const name in eks.clusters) {
    const c = eks.clusters[name]!;
    if (c.kind === 'eks') rate += controlPlanePricePerHour(c.supportType);
  }
  for (const name in eks.kube) {
    const nodes = eks.kube[name]!.nodes;
    for (const n in nodes) {
      const node = nodes[n]!;
      if (node.fargate && !node.gone) rate += node.fargate.pricePerHour;
    }
  }
  return rate;
}

export const eksBehaviour: ServiceBehaviour<'eks'> = {
  name: 'eks',
  build: (ctx, scenario, errors) => buildEks(ctx, scenario, errors),
  actions: table(),
  run: {
    'eks-control-plane': controlPlaneController,
    'eks-node-join': nodeJoinController,
    'eks-node-health': nodeHealthController,
    'eks-nodegroups': nodegroupController,
    'k8s-workloads': workloadController,
    'kube-scheduler': kubeSchedulerController,
    'fargate-scheduler': fargateSchedulerController,
    'cluster-autoscaler': clusterAutoscalerController,
    kubelet: kubeletController,
    'kubectl-drain': drainController,
    'k8s-services': servicesController,
    'horizontal-pod-autoscaler': hpaControllerAll,
  },
  on(ctx, event) {
    const world = ctx.world;
    const lost = eksOf(world).lostBecause;
    if (event.type === 'instance.lost') {
      if (event.eventId !== null) lost[event.instanceId] = event.eventId;
      return;
    }
    if (event.type === 'az.down' || event.type === 'az.up') {
      for (const id in world.ec2.instances) {
        const i = world.ec2.instances[id]!;
        if (i.az !== event.az || i.bootstrap !== 'eks') continue;
        if (event.type === 'az.up') delete lost[id];
        else if (event.eventId !== null) lost[id] = event.eventId;
      }
      return;
    }
    if (event.type !== 'instance.running') return;
    const instance = own(world.ec2.instances, event.instanceId);
    if (!instance || instance.bootstrap !== 'eks' || event.initial) return;
    const slice = eksOf(world);
    const ng = nodegroupOfInstance(world, instance);
    if (ng) {
      // A managed node group's node: EKS's launch template bootstraps it.
      slice.instanceRoles[instance.id] = ng.nodeRole;
      scheduleJoin(ctx, instance, ng.cluster, ng.name);
      return;
    }
    if (instance.asg === null && instance.chores.length === 0)
      instance.chores = [...SELF_MANAGED_CHORES];
    const cluster = own(slice.bootstrapped, instance.id);
    if (cluster) scheduleJoin(ctx, instance, cluster, null);
  },
  billing: {
    ratePerHour,
    chargeSecond(ctx) {
      const world = ctx.world;
      const slice = world.eks;
      if (!slice) return 0;
      let rate = 0;
      for (const name in slice.clusters) {
        const c = slice.clusters[name]!;
        if (c.kind !== 'eks') continue;
        const price = controlPlanePricePerHour(c.supportType);
        charge(world, c.arn, 'eks', price / 3600);
        rate += price;
      }
      for (const name in slice.kube) {
        const nodes = slice.kube[name]!.nodes;
        for (const n in nodes) {
          const node = nodes[n]!;
          const f = node.fargate;
          if (!f) continue;
          if (node.gone) {
            if (f.billedSeconds > 0 && f.billedSeconds < FARGATE_MINIMUM_SECONDS)
              charge(
                world,
                node.name,
                'fargate',
                ((FARGATE_MINIMUM_SECONDS - f.billedSeconds) * f.pricePerHour) / 3600,
              );
            f.billedSeconds = FARGATE_MINIMUM_SECONDS;
            continue;
          }
          charge(world, node.name, 'fargate', f.pricePerHour / 3600);
          f.billedSeconds += 1;
          rate += f.pricePerHour;
        }
      }
      return rate;
    },
  },
  metrics(world: World, sample: MetricSample) {
    const slice = world.eks;
    if (!slice) return;
    const now = world.time;
    sample.k8sNodes = {};
    sample.k8sApi = {};
    for (const name in slice.clusters) sample.k8sApi[name] = apiUp(world, slice.clusters[name]!);
    for (const name in slice.kube) {
      const kube = slice.kube[name]!;
      const counts = { ready: 0, managed: 0, selfManaged: 0, fargate: 0 };
      for (const n in kube.nodes) {
        const node = kube.nodes[n]!;
        if (node.ready !== 'True' || node.gone || node.origin === 'control-plane') continue;
        counts.ready += 1;
        if (node.origin === 'managed') counts.managed += 1;
        else if (node.origin === 'self-managed') counts.selfManaged += 1;
        else counts.fargate += 1;
      }
      sample.k8sNodes[name] = counts;
      const usage = new Map<string, { cpu: number; memory: number }>();
      for (const k in kube.pods) {
        const p = kube.pods[k]!;
        const owner = ownerKey(name, p);
        let s = sample.services[owner];
        if (!s)
          sample.services[owner] = s = {
            desired: 0,
            running: 0,
            pending: 0,
            cpu: 0,
            memory: 0,
            azs: {},
          };
        const req = podRequest(p.spec);
        if (p.spec.nodeName) {
          const u = usage.get(p.spec.nodeName) ?? { cpu: 0, memory: 0 };
          u.cpu += req.cpu;
          u.memory += req.memory;
          usage.set(p.spec.nodeName, u);
        }
        if (p.metadata.deletionTime !== null) continue;
        if (isReady(p, now)) {
          s.running += 1;
          s.cpu += p.runtime.cpuUsageMilli;
          s.memory += Math.round(req.memory / 2 ** 20);
          const node = p.spec.nodeName ? own(kube.nodes, p.spec.nodeName) : undefined;
          const az = node ? (node.origin === 'fargate' ? 'FARGATE' : node.az) : 'unknown';
          s.azs[az] = (s.azs[az] ?? 0) + 1;
        } else if (p.runtime.state === 'Pending') {
          s.pending += 1;
          sample.pendingTasks += 1;
        }
      }
      for (const k in kube.deployments) {
        const d = kube.deployments[k]!;
        const owner = `${name}/${k}`;
        const s = (sample.services[owner] ??= {
          desired: 0,
          running: 0,
          pending: 0,
          cpu: 0,
          memory: 0,
          azs: {},
        });
        s.desired = d.object.spec.replicas;
      }
      // A DaemonSet wants one pod per node it selects: the pods its controller keeps there.
      for (const k in kube.daemonSets) {
        const ds = kube.daemonSets[k]!.object;
        const s = (sample.services[`${name}/${k}`] ??= {
          desired: 0,
          running: 0,
          pending: 0,
          cpu: 0,
          memory: 0,
          azs: {},
        });
        let kept = 0;
        for (const pk in kube.pods) {
          const p = kube.pods[pk]!;
          if (
            p.metadata.owner?.kind === 'DaemonSet' &&
            p.metadata.owner.name === ds.metadata.name &&
            p.metadata.namespace === ds.metadata.namespace &&
            p.metadata.deletionTime === null
          )
            kept += 1;
        }
        s.desired = kept;
      }
      for (const owner in sample.services) {
        const s = sample.services[owner]!;
        if (owner.startsWith(`${name}/`) && s.running > 0)
          s.cpu = Math.round((s.cpu / s.running) * 100) / 100;
      }
      for (const n in kube.nodes) {
        const node = kube.nodes[n]!;
        if (!node.instanceId) continue;
        const u = usage.get(n) ?? { cpu: 0, memory: 0 };
        const prev = sample.instances[node.instanceId];
        sample.instances[node.instanceId] = {
          cpu: prev?.cpu ?? Math.round((u.cpu * 10000) / node.allocatable.cpuMilli) / 100,
          memory: Math.round((u.memory * 10000) / node.allocatable.memoryBytes) / 100,
        };
      }
    }
  },
};
