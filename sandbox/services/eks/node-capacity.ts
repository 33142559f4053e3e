/**
 * What an EC2 worker node offers the scheduler (aws-facts.md §4.6): max pods from the VPC CNI
 * formula per instance type, and allocatable = capacity − kube-reserved − the 100Mi hard
 * eviction threshold, with kube-reserved computed as the EKS AMIs compute it.
 */
import { INSTANCE_TYPES } from '../../model/aws-data.ts';
import { MI } from './quantity.ts';
import type { NodeResources } from './types.ts';

/** ENIs × (IPv4 addresses per ENI − 1) + 2, per instance type (§3.1, §4.6). */
export const MAX_PODS: Record<string, number> = {
  't3.micro': 4,
  't3.small': 11,
  't3.medium': 17,
  't3.large': 35,
  'm5.large': 29,
  'm5.xlarge': 58,
  'c5.large': 29,
  'm6g.medium': 8,
  'm6g.large': 29,
  'm6g.xlarge': 58,
};

/** kubelet `--eviction-hard` memory.available<100Mi (§5.5). */
export const EVICTION_HARD_MEMORY_BYTES = 100 * MI;

/** kube-reserved memory: 255 MiB + 11 MiB per pod the node can hold. */
export function kubeReservedMemoryBytes(maxPods: number): number {
  return (255 + 11 * maxPods) * MI;
}

/** kube-reserved CPU: 6 % of core 1, 1 % of core 2, 0.5 % of cores 3–4, 0.25 % of the rest. */
export function kubeReservedCpuMilli(vcpus: number): number {
  let milli = 0;
  for (let core = 1; core <= vcpus; core++)
    milli += core === 1 ? 60 : core === 2 ? 10 : core <= 4 ? 5 : 2.5;
  return milli;
}

export interface Ec2NodeResources {
  capacity: NodeResources;
  allocatable: NodeResources;
  kubeReserved: { cpuMilli: number; memoryBytes: number };
}

/**
 * Capacity and allocatable of an EKS-optimized AMI node, or null for an unknown type.
 * Capacity memory is the nominal size (approx: a real kubelet reports what the kernel
 * sees, a little less).
 */
export function ec2NodeResources(instanceType: string): Ec2NodeResources | null {
  if (!Object.hasOwn(INSTANCE_TYPES, instanceType) || !Object.hasOwn(MAX_PODS, instanceType))
    return null;
  const info = INSTANCE_TYPES[instanceType]!;
  const pods = MAX_PODS[instanceType]!;
  const capacity = { cpuMilli: info.vcpu * 1000, memoryBytes: info.memoryGiB * 1024 * MI, pods };
  const kubeReserved = {
    cpuMilli: kubeReservedCpuMilli(info.vcpu),
    memoryBytes: kubeReservedMemoryBytes(pods),
  };
  return {
    capacity,
    kubeReserved,
    allocatable: {
      cpuMilli: capacity.cpuMilli - kubeReserved.cpuMilli,
      memoryBytes: capacity.memoryBytes - kubeReserved.memoryBytes - EVICTION_HARD_MEMORY_BYTES,
      pods,
    },
  };
}
