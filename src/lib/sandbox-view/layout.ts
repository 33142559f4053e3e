/**
 * The shape of the view: region → AZ columns → instance cards → chips, plus the unplaced
 * tray and the Fargate lane. A pure function of the world, so the React components only
 * draw what this returns and tests can check placement without a DOM.
 */
import type { Container, ContainerInstance, Instance, Task, World } from '@sandbox';
import { containerInstanceOf, instanceUsage } from '@sandbox/view.ts';

export type ChipTone = 'ok' | 'pending' | 'stopping' | 'stopped' | 'failed';

export interface ChipView {
  id: string;
  kind: 'container' | 'task';
  /** Container name, or the task definition family. */
  name: string;
  /** The state as the real tool prints it: `running`, `exited (137)`, `RUNNING`. */
  status: string;
  tone: ChipTone;
  /** The host it sits on, or null (tray, Fargate). */
  hostId: string | null;
  /** Service name for tasks, when it has one. */
  service: string | null;
  /** CPU units and MiB it reserves. */
  cpu: number;
  memory: number;
}

export interface HostView {
  id: string;
  instance: Instance;
  /** Its ECS container instance (the agent's registration), if it has one. */
  containerInstance: ContainerInstance | null;
  /** Whether containers or tasks can be put on it now. */
  accepting: boolean;
  cpuUsed: number;
  memoryUsed: number;
  chips: ChipView[];
}

export interface AzView {
  az: string;
  down: boolean;
  hosts: HostView[];
}

export interface WorldLayout {
  region: string;
  azs: AzView[];
  /** Containers not yet on a host, and EC2 tasks waiting for placement. */
  unplaced: ChipView[];
  /** Fargate tasks, each in its own micro-VM. */
  fargate: ChipView[];
  /** Hosts in reading order (AZ by AZ), the keyboard placement's targets. */
  hostOrder: string[];
}

/** How long a STOPPED task stays visible so the learner sees it go, sim seconds. */
export const STOPPED_TASK_VISIBLE_SECONDS = 60;

export function containerTone(container: Container): ChipTone {
  if (container.state === 'running') return 'ok';
  if (container.state === 'created') return 'pending';
  return container.exitCode === 0 ? 'stopped' : 'failed';
}

export function containerStatus(container: Container): string {
  if (container.state !== 'exited') return container.state;
  const code = container.exitCode ?? 0;
  return container.oomKilled ? `exited (${code}, OOMKilled)` : `exited (${code})`;
}

export function taskTone(task: Task): ChipTone {
  switch (task.lastStatus) {
    case 'RUNNING':
      return 'ok';
    case 'PROVISIONING':
    case 'PENDING':
    case 'ACTIVATING':
      return 'pending';
    case 'DEACTIVATING':
    case 'STOPPING':
    case 'DEPROVISIONING':
      return 'stopping';
    case 'STOPPED':
      return task.stopCode === 'EssentialContainerExited' || task.stopCode === 'TaskFailedToStart'
        ? 'failed'
        : 'stopped';
  }
}

/** The family of a `family:revision` task definition. */
export function taskFamily(taskDefinition: string): string {
  const colon = taskDefinition.lastIndexOf(':');
  return colon > 0 ? taskDefinition.slice(0, colon) : taskDefinition;
}

function containerChip(container: Container): ChipView {
  return {
    id: container.id,
    kind: 'container',
    name: container.name,
    status: containerStatus(container),
    tone: containerTone(container),
    hostId: container.hostId,
    service: null,
    cpu: container.cpu,
    memory: container.memoryMiB,
  };
}

function taskChip(task: Task): ChipView {
  return {
    id: task.id,
    kind: 'task',
    name: taskFamily(task.taskDefinition),
    status: task.lastStatus,
    tone: taskTone(task),
    hostId: task.instanceId,
    service: task.service,
    cpu: task.cpu,
    memory: task.memory,
  };
}

export function isTaskVisible(task: Task, now: number): boolean {
  if (task.lastStatus !== 'STOPPED') return true;
  const stoppedAt = task.stoppedAt ?? now;
  return now - stoppedAt < STOPPED_TASK_VISIBLE_SECONDS;
}

export function isInstanceVisible(instance: Instance): boolean {
  return instance.state !== 'terminated';
}

export function isAccepting(instance: Instance, world: World): boolean {
  return instance.state === 'running' && !world.azDown.includes(instance.az);
}

const byName = (a: ChipView, b: ChipView) =>
  a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/**
 * EC2 instances the Kubernetes view draws: an EKS cluster's registered nodes and a kubeadm
 * control plane's instance. An EKS-AMI instance that has not joined yet stays an EC2 host.
 */
function kubernetesInstances(world: World): Set<string> {
  const ids = new Set<string>();
  const eks = world.eks;
  if (!eks) return ids;
  for (const name in eks.clusters) {
    const master = eks.clusters[name]!.instanceId;
    if (master) ids.add(master);
  }
  for (const name in eks.kube) {
    const nodes = eks.kube[name]!.nodes;
    for (const n in nodes) {
      const node = nodes[n]!;
      if (!node.gone && node.instanceId) ids.add(node.instanceId);
    }
  }
  return ids;
}

/** Builds the view's layout from the world. O(instances + containers + tasks). */
export function layoutWorld(world: World): WorldLayout {
  const hosts = new Map<string, HostView>();
  const azs: AzView[] = world.azs.map((az) => ({ az, down: world.azDown.includes(az), hosts: [] }));
  const azIndex = new Map(azs.map((view) => [view.az, view]));

  const drawnByKubernetes = kubernetesInstances(world);
  const instances = Object.values(world.ec2.instances)
    .filter((instance) => isInstanceVisible(instance) && !drawnByKubernetes.has(instance.id))
    .sort((a, b) => a.launchedAt - b.launchedAt || (a.id < b.id ? -1 : 1));
  for (const instance of instances) {
    const host: HostView = {
      id: instance.id,
      instance,
      containerInstance: containerInstanceOf(world, instance.id),
      accepting: isAccepting(instance, world),
      cpuUsed: instanceUsage(world, instance.id)?.cpuReserved ?? 0,
      memoryUsed: instanceUsage(world, instance.id)?.memoryReserved ?? 0,
      chips: [],
    };
    hosts.set(instance.id, host);
    let column = azIndex.get(instance.az);
    if (!column) {
      column = { az: instance.az, down: world.azDown.includes(instance.az), hosts: [] };
      azs.push(column);
      azIndex.set(instance.az, column);
    }
    column.hosts.push(host);
  }

  const unplaced: ChipView[] = [];
  const fargate: ChipView[] = [];
  const place = (chip: ChipView) => {
    const host = chip.hostId ? hosts.get(chip.hostId) : undefined;
    if (host) host.chips.push(chip);
    else unplaced.push(chip);
  };

  for (const container of Object.values(world.docker.containers)) place(containerChip(container));
  for (const task of Object.values(world.ecs.tasks)) {
    if (!isTaskVisible(task, world.time)) continue;
    const chip = taskChip(task);
    if (task.launchType === 'FARGATE') fargate.push(chip);
    else if (chip.hostId || task.lastStatus !== 'STOPPED') place(chip);
  }

  for (const host of hosts.values()) host.chips.sort(byName);
  unplaced.sort(byName);
  fargate.sort(byName);

  return {
    region: world.region,
    azs,
    unplaced,
    fargate,
    hostOrder: azs.flatMap((column) => column.hosts.map((host) => host.id)),
  };
}

/** Counts for the text summary of the world (also the list view's caption). */
export function summariseLayout(layout: WorldLayout): string {
  const hosts = layout.azs.reduce((n, az) => n + az.hosts.length, 0);
  const chips = layout.azs.reduce(
    (n, az) => n + az.hosts.reduce((m, host) => m + host.chips.length, 0),
    0,
  );
  const running = layout.azs.reduce(
    (n, az) =>
      n + az.hosts.reduce((m, host) => m + host.chips.filter((c) => c.tone === 'ok').length, 0),
    0,
  );
  const parts = [
    `${hosts} instance${hosts === 1 ? '' : 's'}`,
    `${chips} on hosts (${running} running)`,
    `${layout.unplaced.length} unplaced`,
  ];
  if (layout.fargate.length > 0) parts.push(`${layout.fargate.length} on Fargate`);
  const down = layout.azs.filter((az) => az.down).map((az) => az.az);
  if (down.length > 0) parts.push(`AZ down: ${down.join(', ')}`);
  return parts.join(', ');
}
