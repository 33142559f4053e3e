/**
 * The Kubernetes side as text for the phone list view (eks/EksList.tsx): the control plane in
 * one line, a node's row (where it runs, what it is, what the scheduler has promised away on
 * it against allocatable) and the pods with kubectl's STATUS and the chip's symbol. Pure
 * functions of the wide view's model (./eks-view.ts), so both views read the same numbers.
 */
import type { EksClusterView, EksNodeView, PodChipView } from './eks-view.ts';

/** kubectl STATUS → a symbol that says it without colour (the chips and the rows use it). */
const STATUS_ICON: Record<string, string> = {
  Running: '●',
  Pending: '◌',
  ContainerCreating: '◔',
  PodInitializing: '◔',
  Terminating: '◐',
  CrashLoopBackOff: '↻',
  ImagePullBackOff: '⤓',
  ErrImagePull: '⤓',
  OOMKilled: '✕',
  Error: '✕',
  Evicted: '⏏',
  Completed: '■',
  Unknown: '?',
};

export function podIcon(chip: PodChipView): string {
  if (chip.status === 'Running' && chip.tone !== 'ok') return '◑';
  return STATUS_ICON[chip.status] ?? (chip.tone === 'failed' ? '✕' : '◌');
}

/** kubectl's STATUS, then what it leaves to READY and RESTARTS: `Running, not ready · 2 restarts`. */
export function podStatusText(chip: PodChipView): string {
  const notReady = chip.status === 'Running' && chip.tone !== 'ok';
  const restarts =
    chip.restarts > 0 ? ` · ${chip.restarts} restart${chip.restarts === 1 ? '' : 's'}` : '';
  return `${chip.status}${notReady ? ', not ready' : ''}${restarts}`;
}

const trim = (n: number) => String(Number(n.toFixed(2)));

/** Millicores as vCPU, used against allocatable: `0.8 of 1.93 vCPU`. */
export function cpuOf(used: number, total: number): string {
  return `${trim(used / 1000)} of ${trim(total / 1000)} vCPU`;
}

const mib = (bytes: number) => bytes / 2 ** 20;
const memory = (bytes: number) =>
  mib(bytes) < 1024 ? `${Math.round(mib(bytes))} MiB` : `${trim(mib(bytes) / 1024)} GiB`;

/** Bytes, used against allocatable, MiB below a GiB: `832 MiB of 3.47 GiB`. */
export function memoryOf(used: number, total: number): string {
  return `${memory(used)} of ${memory(total)}`;
}

export interface EksNodeRow {
  name: string;
  /** The AZ, and `(outage)` while it is down: kubectl still prints the last status it heard. */
  az: string;
  /** The node group's name, `self-managed`, `Fargate` or `control plane`. */
  group: string;
  /** `On-Demand`, `Spot`, or the micro-VM's size for Fargate: `0.5vCPU 2GB`. */
  capacity: string;
  /** kubectl's STATUS: `Ready`, `NotReady`, `Ready,SchedulingDisabled`. */
  status: string;
  tone: 'ok' | 'stopping' | 'failed';
  cpu: string;
  memory: string;
  pods: string;
}

const nodeTone = (status: string): EksNodeRow['tone'] =>
  !status.startsWith('Ready')
    ? 'failed'
    : status.includes('SchedulingDisabled')
      ? 'stopping'
      : 'ok';

/** A node as the list's row; `azDown` when its AZ is in an outage. */
export function nodeRow(node: EksNodeView, azDown = false): EksNodeRow {
  return {
    name: node.name,
    az: azDown ? `${node.az} (outage)` : node.az,
    group: node.nodegroup ?? node.kind,
    capacity: node.fargate ? node.fargate.size : node.capacity,
    status: node.status,
    tone: azDown ? 'failed' : nodeTone(node.status),
    cpu: cpuOf(node.cpu.used, node.cpu.total),
    memory: memoryOf(node.memory.used, node.memory.total),
    pods: `${node.pods.used} of ${node.pods.total} pods`,
  };
}

/** The cluster's nodes in the view's order (AZ by AZ, Fargate micro-VMs after the EC2 nodes). */
export function nodeRows(cluster: EksClusterView): EksNodeRow[] {
  const down = new Set(cluster.azs.filter((a) => a.down).map((a) => a.az));
  return cluster.nodes.map((node) => nodeRow(node, down.has(node.az)));
}

export interface EksPodRow {
  /** `ns/name`, the key the dialog opens. */
  key: string;
  name: string;
  namespace: string;
  icon: string;
  /** podStatusText: kubectl's STATUS with not-ready and restarts. */
  status: string;
  tone: PodChipView['tone'];
  ready: string;
  node: string;
}

/** The pods bound to a node, node by node in the view's order (Pending ones wait in the tray). */
export function podRows(cluster: EksClusterView): EksPodRow[] {
  return cluster.nodes.flatMap((node) =>
    node.chips.map((chip) => ({
      key: chip.key,
      name: chip.name,
      namespace: chip.namespace,
      icon: podIcon(chip),
      status: podStatusText(chip),
      tone: chip.tone,
      ready: chip.ready,
      node: node.name,
    })),
  );
}

/** `eu-west-3a API server and etcd up` for each AZ the control plane's members run in. */
function membersByAz(cluster: EksClusterView): string {
  const azs = [...new Set(cluster.controlPlane.members.map((m) => m.az))];
  return azs
    .map((az) => {
      const here = cluster.controlPlane.members.filter((m) => m.az === az);
      const up = here.every((m) => m.up);
      return `${az} ${here.map((m) => m.role).join(' and ')} ${up ? 'up' : 'down (AZ outage)'}`;
    })
    .join(', ');
}

/**
 * The control plane in one line: who runs it, whether the API answers, the members up per AZ,
 * and for a self-managed cluster the master node's own status.
 */
export function controlPlaneLine(cluster: EksClusterView): string {
  const cp = cluster.controlPlane;
  const master = cluster.nodes.find((n) => n.origin === 'control-plane');
  const masterDown = master && cluster.azs.some((a) => a.down && a.az === master.az);
  const who = cp.managed
    ? 'managed by AWS'
    : `self-managed (kubeadm)${
        master ? `, master ${master.name} ${masterDown ? 'lost with its AZ' : master.status}` : ''
      }`;
  return `Control plane ${who}: API ${cp.api}. ${cp.health}: ${membersByAz(cluster)}.`;
}
