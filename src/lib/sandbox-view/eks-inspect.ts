/**
 * Inspect for Kubernetes and EKS entities — node, pod, Deployment, node group, Fargate
 * profile — as label/value rows in the order and wording of `kubectl describe` and
 * `aws eks describe-*`. The same row shape as the ECS inspector (inspect-details.ts).
 */
import type { World } from '@sandbox';
import { nodeStatusText, podRequest, podStatus } from '@sandbox/view.ts';
import type { Details, DetailRow } from './inspect-details.ts';
import { deploymentPods, mebi, milli } from './eks-view.ts';
import { formatClock, formatPerHour } from './format.ts';

export type EksEntityRef =
  | { kind: 'k8s-node'; cluster: string; id: string }
  | { kind: 'k8s-pod'; cluster: string; id: string }
  | { kind: 'k8s-deployment'; cluster: string; id: string }
  | { kind: 'eks-nodegroup'; cluster: string; id: string }
  | { kind: 'eks-fargate-profile'; cluster: string; id: string };

const labelsText = (labels: Record<string, string>) =>
  Object.entries(labels)
    .map(([k, v]) => `${k}=${v}`)
    .join(', ') || '<none>';

function kubeOf(world: World, cluster: string) {
  const eks = world.eks;
  return eks && Object.hasOwn(eks.kube, cluster) ? eks.kube[cluster]! : null;
}

export function eksInspect(ref: EksEntityRef, world: World): Details | null {
  const eks = world.eks;
  if (!eks) return null;
  const kube = kubeOf(world, ref.cluster);
  const own = <T>(rec: Record<string, T> | undefined, key: string): T | null =>
    rec && Object.hasOwn(rec, key) ? rec[key]! : null;
  switch (ref.kind) {
    case 'k8s-node': {
      const node = own(kube?.nodes, ref.id);
      if (!node || node.gone) return null;
      const rows: DetailRow[] = [
        { label: 'Name', value: node.name, code: true },
        { label: 'Status', value: nodeStatusText(node) },
        {
          label: 'Where from',
          value: node.nodegroup
            ? `managed node group ${node.nodegroup}`
            : node.origin === 'fargate'
              ? `Fargate micro-VM for pod ${node.fargatePod ?? '—'}`
              : node.origin === 'control-plane'
                ? 'kubeadm control plane (master)'
                : 'self-managed EC2 instance',
        },
        { label: 'Zone', value: node.az },
      ];
      if (node.instanceType) rows.push({ label: 'Instance type', value: node.instanceType });
      if (node.instanceId) rows.push({ label: 'Instance', value: node.instanceId, code: true });
      rows.push(
        {
          label: 'Capacity',
          value: `cpu ${milli(node.capacity.cpuMilli)}, memory ${mebi(node.capacity.memoryBytes)}, pods ${node.capacity.pods}`,
        },
        {
          label: 'Allocatable',
          value: `cpu ${milli(node.allocatable.cpuMilli)}, memory ${mebi(node.allocatable.memoryBytes)}, pods ${node.allocatable.pods}`,
        },
        { label: 'Labels', value: labelsText(node.labels), code: true },
        {
          label: 'Taints',
          value:
            node.taints
              .map((t) => `${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}`)
              .join(', ') || '<none>',
          code: true,
        },
        { label: 'Kubelet', value: node.kubeletVersion },
        { label: 'Container runtime', value: node.containerRuntime },
      );
      if (node.fargate)
        rows.push({
          label: 'Fargate size',
          value: `${node.fargate.cpu / 1024} vCPU, ${node.fargate.memoryMiB / 1024} GB · ${formatPerHour(node.fargate.pricePerHour)}`,
        });
      return { heading: `Node ${node.name}`, rows };
    }
    case 'k8s-pod': {
      const pod = own(kube?.pods, ref.id);
      if (!pod) return null;
      const req = podRequest(pod.spec);
      const rows: DetailRow[] = [
        { label: 'Name', value: pod.metadata.name, code: true },
        { label: 'Namespace', value: pod.metadata.namespace },
        { label: 'Status', value: podStatus(pod) },
        { label: 'Node', value: pod.spec.nodeName ?? '<none>', code: true },
        {
          label: 'Containers',
          value: pod.spec.containers.map((c) => `${c.name} (${c.image})`).join(', '),
          code: true,
        },
        { label: 'Requests', value: `cpu ${milli(req.cpu)}, memory ${mebi(req.memory)}` },
        {
          label: 'Restarts',
          value: String(pod.status.containerStatuses.reduce((n, c) => n + c.restartCount, 0)),
        },
        { label: 'Labels', value: labelsText(pod.metadata.labels), code: true },
      ];
      if (Object.keys(pod.spec.nodeSelector).length > 0)
        rows.push({ label: 'Node-Selectors', value: labelsText(pod.spec.nodeSelector) });
      if (pod.runtime.fargateProfile)
        rows.push({ label: 'Fargate profile', value: pod.runtime.fargateProfile });
      if (pod.status.podIP) rows.push({ label: 'IP', value: pod.status.podIP, code: true });
      return { heading: `Pod ${pod.metadata.name}`, rows };
    }
    case 'k8s-deployment': {
      const d = own(kube?.deployments, ref.id);
      if (!d) return null;
      const spec = d.object.spec;
      const strategy = spec.strategy;
      const pods = deploymentPods(kube!, d.object.metadata.namespace, d.object.metadata.name);
      return {
        heading: `Deployment ${d.object.metadata.name}`,
        rows: [
          { label: 'Namespace', value: d.object.metadata.namespace },
          {
            label: 'Replicas',
            value: `${spec.replicas} desired | ${pods.total} total | ${pods.ready} ready`,
          },
          {
            label: 'Strategy',
            value:
              strategy.type === 'RollingUpdate'
                ? `RollingUpdate (maxUnavailable ${strategy.maxUnavailable}, maxSurge ${strategy.maxSurge})`
                : 'Recreate',
          },
          { label: 'Revision', value: String(d.revision) },
          { label: 'Progressing', value: d.progressing },
          {
            label: 'Images',
            value: spec.template.spec.containers.map((c) => c.image).join(', '),
            code: true,
          },
        ],
      };
    }
    case 'eks-nodegroup': {
      const g = own(eks.nodegroups, `${ref.cluster}/${ref.id}`);
      if (!g) return null;
      return {
        heading: `Node group ${g.name}`,
        rows: [
          { label: 'Status', value: g.status },
          { label: 'Instance types', value: g.instanceTypes.join(', ') },
          { label: 'Capacity type', value: g.capacityType },
          { label: 'AMI type', value: g.amiType },
          {
            label: 'Scaling',
            value: `min ${g.minSize}, desired ${g.desiredSize}, max ${g.maxSize}`,
          },
          { label: 'Labels', value: labelsText(g.labels), code: true },
          {
            label: 'Taints',
            value: g.taints.map((t) => `${t.key}=${t.value ?? ''}:${t.effect}`).join(', ') || '—',
          },
          { label: 'Subnets (AZs)', value: g.azs.join(', ') },
          { label: 'Auto Scaling group', value: g.asg, code: true },
          {
            label: 'Health',
            value: g.health.map((h) => `${h.code}: ${h.message}`).join(' · ') || 'no issues',
          },
          { label: 'Created', value: formatClock(g.createdAt) },
        ],
      };
    }
    case 'eks-fargate-profile': {
      const p = own(eks.fargateProfiles, `${ref.cluster}/${ref.id}`);
      if (!p) return null;
      return {
        heading: `Fargate profile ${p.name}`,
        rows: [
          { label: 'Status', value: p.status },
          {
            label: 'Selectors',
            value: p.selectors
              .map(
                (s) =>
                  `namespace ${s.namespace}${s.labels ? `, labels ${labelsText(s.labels)}` : ''}`,
              )
              .join(' · '),
          },
          { label: 'Pod execution role', value: p.podExecutionRoleArn, code: true },
          { label: 'Created', value: formatClock(p.createdAt) },
        ],
      };
    }
  }
}
