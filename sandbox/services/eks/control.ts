/**
 * The AWS side's control loops: the cluster status chart (CREATING → ACTIVE, DELETING → gone)
 * and the control plane's health as AZs fail; managed node groups (CREATING → ACTIVE once
 * their nodes are Ready, NodeCreationFailure after 15 minutes, the four-phase rolling update
 * with PodDisruptionBudgets, deletion); Fargate profiles; `kubectl drain` retries; and the
 * Cluster Autoscaler.
 */
import { own } from '../../model/record.ts';
import type { EngineContext } from '../../engine/module.ts';
import { deriveTable, delayedTransition } from '../../engine/machine-table.ts';
import { random } from '../../engine/rng.ts';
import { clusterMachine } from './cluster-machine.ts';
import {
  nodeUtilization,
  scaleDown,
  scaleUp,
  SCAN_INTERVAL_SECONDS,
  type NodeGroupInfo,
} from './cluster-autoscaler.ts';
import { evictFromNode } from './k8s-actions.ts';
import {
  NODE_JOIN_TIMEOUT_SECONDS,
  POD_EVICTION_TIMEOUT_SECONDS,
  TERMINATE_AFTER_DRAIN_SECONDS,
} from './nodegroups.ts';
import { ec2Node } from './objects.ts';
import { managedNodeLabels } from './nodegroups.ts';
import { buildSchedulerState, podRequest, schedulePod } from './scheduler.ts';
import { deletePod } from './pods.ts';
import { apiUp, clusterHealth, eksOf, key, kubeEvent, kubeOf, objectEvent } from './state.ts';
import type { EksCluster, EksNode, EksPod, Nodegroup } from './world.ts';
import { kubeletVersion } from './nodes.ts';

export const CLUSTER_TABLE = deriveTable(clusterMachine);

export function controlPlaneController(ctx: EngineContext): void {
  const world = ctx.world;
  const eks = eksOf(world);
  const now = world.time;
  for (const name of Object.keys(eks.clusters)) {
    const cluster = eks.clusters[name]!;
    if (cluster.nextTransitionAt !== null && cluster.nextTransitionAt <= now) {
      const after = delayedTransition(CLUSTER_TABLE, cluster.status);
      ctx.withCause(
        { kind: 'timer', subject: cluster.name, timer: after?.delay ?? 'create' },
        () => {
          if (cluster.status === 'CREATING') {
            cluster.status = 'ACTIVE';
            cluster.nextTransitionAt = null;
            cluster.apiAvailable = clusterHealth(world, cluster).state === 'available';
            cluster.activeAt = now;
            ctx.emit(
              'eks',
              'info',
              `Cluster ${name} is ACTIVE (Kubernetes ${cluster.version}, endpoint ${cluster.endpoint}).`,
              { subject: name },
            );
          } else if (cluster.status === 'DELETING') {
            ctx.emit('eks', 'info', `Cluster ${name} deleted.`, { subject: name });
            delete eks.clusters[name];
            delete eks.kube[name];
          } else cluster.nextTransitionAt = null;
        },
      );
      if (!Object.hasOwn(eks.clusters, name)) continue;
    }
    if (cluster.status !== 'ACTIVE' && cluster.status !== 'UPDATING') continue;
    const health = clusterHealth(world, cluster);
    const up = health.state === 'available';
    if (up !== cluster.apiAvailable) {
      cluster.apiAvailable = up;
      if (!up) cluster.downSince = now;
      else if (cluster.downSince !== null) {
        cluster.downSeconds += now - cluster.downSince;
        cluster.downSince = null;
      }
      const cp =
        cluster.kind === 'eks'
          ? 'the EKS control plane'
          : `the kubeadm control plane on ${cluster.instanceId}`;
      ctx.emit(
        'eks',
        up ? 'info' : 'error',
        up
          ? `Cluster ${name}: ${cp} answers again (${health.apiServers} API server(s), etcd ${health.etcd}/${health.etcdTotal}).`
          : `Cluster ${name}: ${cp} does not answer: ${health.apiServers} API server(s) reachable, etcd ${health.etcd}/${health.etcdTotal} members${health.state === 'no-quorum' ? ' (no quorum)' : ''}. kubectl fails; no controller, scheduler or node health check runs.`,
        { subject: name },
      );
    } else if (cluster.kind === 'eks' && up) {
      // Report each AZ loss the managed control plane rides out, once.
      const lost = cluster.controlPlane.members.filter((m) => world.azDown.includes(m.az)).length;
      if (lost > 0 && cluster.membersLost !== lost) {
        cluster.membersLost = lost;
        ctx.emit(
          'eks',
          'info',
          `Cluster ${name}: control plane members in ${world.azDown.join(', ')} lost; ${health.apiServers} API server(s) and ${health.etcd} of ${health.etcdTotal} etcd members answer (quorum kept). EKS replaces the lost members in healthy AZs; kubectl keeps working.`,
          { subject: name },
        );
      } else if (lost === 0) cluster.membersLost = 0;
    }
  }
  for (const k in eks.fargateProfiles) {
    const p = eks.fargateProfiles[k]!;
    if (p.nextTransitionAt === null || p.nextTransitionAt > now) continue;
    ctx.withCause({ kind: 'timer', subject: p.name, timer: 'fargateProfile' }, () => {
      if (p.status === 'CREATING') {
        p.status = 'ACTIVE';
        p.nextTransitionAt = null;
        ctx.emit('eks', 'info', `Fargate profile ${p.name} of ${p.cluster} is ACTIVE.`, {
          subject: p.name,
        });
      } else if (p.status === 'DELETING') {
        delete eks.fargateProfiles[k];
        const kube = own(eks.kube, p.cluster);
        if (kube)
          for (const pk in kube.pods) {
            const pod = kube.pods[pk]!;
            if (pod.runtime.fargateProfile === p.name)
              deletePod(ctx, { world, cluster: p.cluster }, pod);
          }
        ctx.emit('eks', 'info', `Fargate profile ${p.name} of ${p.cluster} deleted.`, {
          subject: p.name,
        });
      }
    });
  }
}

function groupNodes(kube: ReturnType<typeof kubeOf>, ng: Nodegroup): EksNode[] {
  const out: EksNode[] = [];
  for (const n in kube.nodes)
    if (kube.nodes[n]!.nodegroup === ng.name && !kube.nodes[n]!.gone) out.push(kube.nodes[n]!);
  return out;
}

/** Sets a node group's size and its Auto Scaling group's. */
function resize(ctx: EngineContext, ng: Nodegroup, desired: number, max = ng.maxSize): void {
  ng.desiredSize = desired;
  ng.maxSize = max;
  const asg = own(ctx.world.ec2.autoScalingGroups, ng.asg);
  if (asg) {
    asg.maxSize = max;
    asg.desiredCapacity = desired;
    asg.minSize = Math.min(asg.minSize, desired);
  }
}

/** Terminates one node's instance and shrinks its group by one (TerminateInstanceInAutoScalingGroup). */
function terminateNode(ctx: EngineContext, ng: Nodegroup, node: EksNode): void {
  resize(ctx, ng, Math.max(0, ng.desiredSize - 1));
  if (node.instanceId)
    ctx.dispatch({ type: 'ec2.instance.terminate', instanceId: node.instanceId }, 'scenario');
}

export function nodegroupController(ctx: EngineContext): void {
  const world = ctx.world;
  const eks = eksOf(world);
  const now = world.time;
  for (const k of Object.keys(eks.nodegroups)) {
    const ng = eks.nodegroups[k]!;
    const cluster = own(eks.clusters, ng.cluster);
    if (!cluster) continue;
    const kube = kubeOf(world, ng.cluster);
    const nodes = groupNodes(kube, ng);
    const ready = nodes.filter((n) => n.ready === 'True');
    if (ng.status === 'CREATING') {
      if (ready.length >= ng.desiredSize) {
        ng.status = 'ACTIVE';
        ctx.emit(
          'eks',
          'info',
          `Node group ${ng.name} of ${ng.cluster} is ACTIVE (${ready.length} nodes Ready).`,
          { subject: ng.name },
        );
      } else if (now - ng.createdAt >= NODE_JOIN_TIMEOUT_SECONDS) {
        ng.status = 'CREATE_FAILED';
        const ids: string[] = [];
        for (const id in world.ec2.instances) {
          const i = world.ec2.instances[id]!;
          if (i.asg === ng.asg && i.state === 'running' && !nodes.some((n) => n.instanceId === id))
            ids.push(id);
        }
        ng.health.push({
          code: 'NodeCreationFailure',
          message: 'Instances failed to join the kubernetes cluster',
          resourceIds: ids,
        });
        ctx.emit(
          'eks',
          'error',
          `Node group ${ng.name} of ${ng.cluster}: CREATE_FAILED (NodeCreationFailure: Instances failed to join the kubernetes cluster; ${ids.join(', ') || 'no instances'}).`,
          { subject: ng.name },
        );
      }
      continue;
    }
    if (ng.status === 'DELETING') {
      const live = Object.values(world.ec2.instances).some(
        (i) => i.asg === ng.asg && i.state !== 'terminated',
      );
      if (!live) {
        delete world.ec2.autoScalingGroups[ng.asg];
        delete eks.nodegroups[k];
        ctx.emit('eks', 'info', `Node group ${ng.name} of ${ng.cluster} deleted.`, {
          subject: ng.name,
        });
      }
      continue;
    }
    const u = ng.update;
    if (ng.status !== 'UPDATING' || !u) continue;
    if (!apiUp(world, cluster)) continue;
    const fresh = nodes.filter((n) => !u.oldNodes.includes(n.name) && n.ready === 'True');
    if (u.phase === 'scale-up') {
      if (fresh.length >= u.surge) {
        u.phase = 'upgrade';
        ctx.emit(
          'eks',
          'info',
          `Node group ${ng.name} update ${u.id}: ${fresh.length} new nodes Ready; cordoning and draining the ${u.oldNodes.length} old nodes.`,
          { subject: ng.name },
        );
      }
      continue;
    }
    if (u.phase === 'upgrade') {
      // Drain old nodes up to maxUnavailable at once, respecting PodDisruptionBudgets.
      const inFlight = u.draining.length;
      const next = u.oldNodes.filter(
        (n) => !u.draining.some((d) => d.node === n) && Object.hasOwn(kube.nodes, n),
      );
      for (let i = 0; i < Math.min(ng.maxUnavailable - inFlight, next.length); i++) {
        const name = next[i]!;
        const node = kube.nodes[name]!;
        node.unschedulable = true;
        node.taints.push({
          key: 'node.kubernetes.io/unschedulable',
          value: '',
          effect: 'NoSchedule',
          timeAdded: now,
        });
        u.draining.push({ node: name, since: now, drainedAt: null });
        kubeEvent(
          ctx,
          ng.cluster,
          objectEvent(
            `node/${name}`,
            'default',
            'Normal',
            'NodeNotSchedulable',
            'kubelet',
            `Node ${name} status is now: NodeNotSchedulable`,
          ),
        );
        eks.schedulerDirty = true;
      }
      for (const d of [...u.draining]) {
        const node = own(kube.nodes, d.node);
        if (!node) {
          u.draining = u.draining.filter((x) => x !== d);
          u.oldNodes = u.oldNodes.filter((n) => n !== d.node);
          continue;
        }
        if (d.drainedAt === null) {
          const { blocked } = evictFromNode(ctx, ng.cluster, kube, d.node);
          const left = Object.values(kube.pods).some(
            (p) =>
              p.spec.nodeName === d.node &&
              p.metadata.owner?.kind !== 'DaemonSet' &&
              p.metadata.deletionTime === null,
          );
          if (!left && blocked.length === 0) d.drainedAt = now;
          else if (now - d.since >= POD_EVICTION_TIMEOUT_SECONDS) {
            u.status = 'Failed';
            u.errors.push({
              code: 'PodEvictionFailure',
              message: 'Reached max retries while trying to evict pods from nodes in node group',
            });
            ng.status = 'ACTIVE';
            ng.update = null;
            ng.updates.push(u);
            ctx.emit(
              'eks',
              'error',
              `Node group ${ng.name} update ${u.id}: Failed (PodEvictionFailure: Reached max retries while trying to evict pods from nodes in node group ${ng.name}).`,
              { subject: ng.name },
            );
            break;
          }
        } else if (now - d.drainedAt >= TERMINATE_AFTER_DRAIN_SECONDS) {
          terminateNode(ctx, ng, node);
          u.draining = u.draining.filter((x) => x !== d);
          u.oldNodes = u.oldNodes.filter((n) => n !== d.node);
        }
      }
      if (ng.update && u.oldNodes.length === 0) {
        u.phase = 'scale-down';
        resize(ctx, ng, u.originalDesired, u.originalMax);
        u.phase = 'done';
        u.status = 'Successful';
        ng.status = 'ACTIVE';
        ng.update = null;
        ng.updates.push(u);
        ctx.emit(
          'eks',
          'info',
          `Node group ${ng.name} update ${u.id}: Successful (every node now runs ${ng.releaseVersion}).`,
          { subject: ng.name },
        );
      }
    }
  }
}

/** `kubectl drain` keeps retrying evictions a PodDisruptionBudget refused, every 5 s. */
export function drainController(ctx: EngineContext): void {
  const world = ctx.world;
  const eks = eksOf(world);
  for (const k of Object.keys(eks.drains)) {
    const d = eks.drains[k]!;
    if (world.time - d.lastTry < 5) continue;
    d.lastTry = world.time;
    const slash = k.indexOf('/');
    const cluster = k.slice(0, slash);
    const node = k.slice(slash + 1);
    const kube = own(eks.kube, cluster);
    if (!kube || !Object.hasOwn(kube.nodes, node)) {
      delete eks.drains[k];
      continue;
    }
    const { blocked } = evictFromNode(ctx, cluster, kube, node);
    if (blocked.length === 0) {
      delete eks.drains[k];
      ctx.emit('kubernetes', 'info', `node/${node} drained`, { subject: `node/${node}` });
    }
  }
}

function templateFor(
  world: EngineContext['world'],
  cluster: EksCluster,
  ng: Nodegroup,
): EksNode | null {
  const base = ec2Node({
    name: `template-node-for-${ng.name}`,
    instanceType: ng.instanceTypes[0]!,
    zone: ng.azs[0]!,
    region: world.region,
    instanceId: 'template',
    internalIP: '10.0.0.0',
    now: world.time,
    kubeletVersion: kubeletVersion(ng.version),
    labels: { ...managedNodeLabels(ng.name, ng.releaseVersion, ng.capacityType), ...ng.labels },
  });
  if (!base) return null;
  void cluster;
  return {
    ...base,
    taints: ng.taints.map((t) => ({ ...t })),
    origin: 'managed',
    nodegroup: ng.name,
    az: ng.azs[0]!,
    instanceType: ng.instanceTypes[0]!,
    fargatePod: null,
    fargate: null,
    images: [],
    gone: false,
  };
}

/** The Cluster Autoscaler, every 10 s where it is installed. */
export function clusterAutoscalerController(ctx: EngineContext): void {
  const world = ctx.world;
  const eks = eksOf(world);
  const now = world.time;
  for (const name in eks.clusters) {
    const cluster = eks.clusters[name]!;
    const ca = cluster.clusterAutoscaler;
    if (!ca || now - ca.lastScanAt < SCAN_INTERVAL_SECONDS || !apiUp(world, cluster)) continue;
    ca.lastScanAt = now;
    const kube = kubeOf(world, name);
    const groups = Object.values(eks.nodegroups).filter(
      (g) => g.cluster === name && (g.status === 'ACTIVE' || g.status === 'DEGRADED'),
    );
    const infos: NodeGroupInfo[] = [];
    const upcoming: EksNode[] = [];
    for (const g of groups) {
      const template = templateFor(world, cluster, g);
      if (!template) continue;
      const registered = groupNodes(kube, g).length;
      for (let i = registered; i < g.desiredSize; i++)
        upcoming.push({ ...template, name: `upcoming-${g.name}-${i}` });
      infos.push({
        name: g.name,
        asgName: g.asg,
        minSize: g.minSize,
        maxSize: g.maxSize,
        desiredSize: g.desiredSize,
        template,
      });
    }
    // Unschedulable pods that the nodes already coming would not hold.
    let pending: EksPod[] = Object.values(kube.pods).filter(
      (p) =>
        !p.spec.nodeName &&
        p.runtime.state === 'Pending' &&
        p.metadata.deletionTime === null &&
        p.runtime.fargateProfile === null &&
        p.runtime.lastDecision !== null &&
        p.runtime.lastDecision.node === null,
    );
    if (pending.length > 0 && upcoming.length > 0) {
      const state = buildSchedulerState(upcoming, []);
      pending = pending.filter((p) => schedulePod(p, state).node === null);
    }
    if (pending.length > 0) {
      const decision = scaleUp(pending, infos, ca.expander, () => random(world));
      const ref = (podKey: string) => {
        const p = own(kube.pods, podKey)!;
        return `pod/${p.metadata.name}`;
      };
      for (const t of decision.triggered) {
        const p = own(kube.pods, t.pod)!;
        kubeEvent(
          ctx,
          name,
          objectEvent(
            ref(t.pod),
            p.metadata.namespace,
            'Normal',
            'TriggeredScaleUp',
            'cluster-autoscaler',
            t.message,
          ),
          { quiet: decision.triggered.indexOf(t) > 0 },
        );
      }
      for (const t of decision.notTriggered) {
        const p = own(kube.pods, t.pod)!;
        kubeEvent(
          ctx,
          name,
          objectEvent(
            ref(t.pod),
            p.metadata.namespace,
            'Normal',
            'NotTriggerScaleUp',
            'cluster-autoscaler',
            t.message,
          ),
          { quiet: true },
        );
      }
      if (decision.scaleUp) {
        const g = groups.find((x) => x.name === decision.scaleUp!.nodeGroup)!;
        resize(ctx, g, decision.scaleUp.to);
        ca.lastScaleUpAt = now;
        ctx.emit(
          'autoscaling',
          'info',
          `Cluster Autoscaler: scale-up of ${g.asg} from ${decision.scaleUp.from} to ${decision.scaleUp.to} (max: ${g.maxSize}) for ${decision.triggered.length} unschedulable pod(s).`,
          { subject: g.name },
        );
      }
      continue;
    }
    // Scale-down: nodes under the threshold whose pods can all move.
    const candidates = [];
    const byNode = new Map<string, EksPod[]>();
    for (const k in kube.pods) {
      const p = kube.pods[k]!;
      if (!p.spec.nodeName || p.metadata.deletionTime !== null) continue;
      if (
        p.runtime.state === 'Succeeded' ||
        p.runtime.state === 'Failed' ||
        p.runtime.state === 'Evicted'
      )
        continue;
      let list = byNode.get(p.spec.nodeName);
      if (!list) byNode.set(p.spec.nodeName, (list = []));
      list.push(p);
    }
    for (const g of groups) {
      for (const node of groupNodes(kube, g)) {
        if (node.ready !== 'True' || node.unschedulable) continue;
        const pods = (byNode.get(node.name) ?? []).filter(
          (p) => p.metadata.owner?.kind !== 'DaemonSet',
        );
        let cpu = 0;
        let mem = 0;
        for (const p of byNode.get(node.name) ?? []) {
          const r = podRequest(p.spec);
          cpu += r.cpu;
          mem += r.memory;
        }
        const bare = pods.find((p) => p.metadata.owner === null);
        candidates.push({
          node: node.name,
          nodeGroup: g.name,
          utilization: nodeUtilization(node, cpu, mem),
          pods: pods.length,
          blockedBy: bare
            ? `pod ${key(bare.metadata.namespace, bare.metadata.name)} is not replicated`
            : null,
        });
      }
    }
    const before = ca.unneededSince;
    const result = scaleDown(
      candidates,
      groups.map((g) => ({ name: g.name, minSize: g.minSize, desiredSize: g.desiredSize })),
      now,
      {
        unneededSince: before,
        lastScaleUp: ca.lastScaleUpAt,
      },
    );
    ca.unneededSince = result.state.unneededSince;
    for (const nodeName of result.remove) {
      const node = own(kube.nodes, nodeName);
      const g = node ? groups.find((x) => x.name === node.nodegroup) : undefined;
      if (!node || !g) continue;
      const pods = (byNode.get(nodeName) ?? []).filter(
        (p) => p.metadata.owner?.kind !== 'DaemonSet',
      );
      node.unschedulable = true;
      node.taints.push({
        key: 'ToBeDeletedByClusterAutoscaler',
        value: String(now),
        effect: 'NoSchedule',
        timeAdded: now,
      });
      kubeEvent(
        ctx,
        name,
        objectEvent(
          `node/${nodeName}`,
          'default',
          'Normal',
          pods.length === 0 ? 'ScaleDownEmpty' : 'ScaleDown',
          'cluster-autoscaler',
          pods.length === 0
            ? `Scale-down: removing empty node "${nodeName}"`
            : `Scale-down: node ${nodeName} removed with drain`,
        ),
      );
      for (const p of pods) deletePod(ctx, { world, cluster: name }, p);
      terminateNode(ctx, g, node);
      eks.schedulerDirty = true;
    }
  }
}
