/**
 * Builders for the runtime objects controllers create: a Pod from a template, an EC2 or
 * Fargate Node. Plain data in, plain data out; names and ids are passed in (see names.ts).
 */
import { ec2NodeResources } from './node-capacity.ts';
import { ZONE_LABEL } from './scheduler.ts';
import type { Labels, Node, NodeResources, Pod, PodTemplate } from './types.ts';

export interface PodInit {
  name: string;
  namespace: string;
  uid: string;
  now: number;
  owner: Pod['metadata']['owner'];
  /** Extra labels (`pod-template-hash`). */
  labels?: Labels;
}

export function podFromTemplate(template: PodTemplate, init: PodInit): Pod {
  return {
    metadata: {
      name: init.name,
      namespace: init.namespace,
      labels: { ...template.labels, ...init.labels },
      annotations: { ...template.annotations },
      uid: init.uid,
      creationTime: init.now,
      deletionTime: null,
      owner: init.owner,
    },
    spec: structuredClone(template.spec),
    status: {
      phase: 'Pending',
      reason: null,
      message: null,
      podIP: null,
      startTime: null,
      containerStatuses: [],
    },
  };
}

export interface Ec2NodeInit {
  /** `ip-10-0-1-23.eu-west-3.compute.internal`. */
  name: string;
  instanceType: string;
  zone: string;
  region: string;
  instanceId: string;
  internalIP: string;
  now: number;
  kubeletVersion: string;
  labels?: Labels;
}

/** A Ready EC2 worker with the well-known labels, or null for an unknown instance type. */
export function ec2Node(init: Ec2NodeInit): Node | null {
  const r = ec2NodeResources(init.instanceType);
  if (!r) return null;
  return {
    name: init.name,
    labels: {
      'kubernetes.io/hostname': init.name,
      'kubernetes.io/os': 'linux',
      'node.kubernetes.io/instance-type': init.instanceType,
      'topology.kubernetes.io/region': init.region,
      [ZONE_LABEL]: init.zone,
      ...init.labels,
    },
    taints: [],
    unschedulable: false,
    capacity: r.capacity,
    allocatable: r.allocatable,
    ready: 'True',
    lastHeartbeat: init.now,
    readySince: init.now,
    creationTime: init.now,
    kubeletVersion: init.kubeletVersion,
    internalIP: init.internalIP,
    externalIP: null,
    osImage: 'Amazon Linux 2023',
    kernelVersion: '6.1',
    containerRuntime: 'containerd',
    compute: 'ec2',
    instanceId: init.instanceId,
  };
}

/** A node with the given allocatable (tests and Fargate micro-VMs). */
export function plainNode(name: string, allocatable: NodeResources, labels: Labels = {}): Node {
  return {
    name,
    labels: { 'kubernetes.io/hostname': name, ...labels },
    taints: [],
    unschedulable: false,
    capacity: { ...allocatable },
    allocatable,
    ready: 'True',
    lastHeartbeat: 0,
    readySince: 0,
    creationTime: 0,
    kubeletVersion: 'v1.30.0-eks',
    internalIP: '10.0.0.1',
    externalIP: null,
    osImage: 'Amazon Linux 2023',
    kernelVersion: '6.1',
    containerRuntime: 'containerd',
    compute: 'ec2',
    instanceId: null,
  };
}

/**
 * The node a Fargate pod gets (one pod per node, §4.5): named `fargate-ip-…`, in the pod's
 * subnet's AZ, labelled as a Fargate node. Its size as kubectl shows it is not the pod's
 * provisioned size (the real one reports a larger, meaningless capacity); here it is the
 * provisioned size, so the scheduler view stays truthful (sandbox choice).
 */
export function fargateNode(init: {
  name: string;
  zone: string;
  region: string;
  internalIP: string;
  cpu: number;
  memoryMiB: number;
  now: number;
  kubeletVersion: string;
}): Node {
  const allocatable = {
    cpuMilli: (init.cpu * 1000) / 1024,
    memoryBytes: init.memoryMiB * 2 ** 20,
    pods: 1,
  };
  return {
    ...plainNode(init.name, allocatable, {
      'eks.amazonaws.com/compute-type': 'fargate',
      'topology.kubernetes.io/region': init.region,
      [ZONE_LABEL]: init.zone,
    }),
    internalIP: init.internalIP,
    creationTime: init.now,
    lastHeartbeat: init.now,
    readySince: init.now,
    kubeletVersion: init.kubeletVersion,
    compute: 'fargate',
  };
}
