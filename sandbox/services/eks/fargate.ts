/**
 * EKS on Fargate pod sizing (aws-facts.md §4.5): the pod's requests (the larger of the
 * biggest init container and the sum of the app containers), plus 256 MB for kubelet,
 * kube-proxy and containerd, rounded up to the next valid Fargate CPU/memory pair (§2.1);
 * no requests at all gives 0.25 vCPU / 0.5 GB. The result is the `CapacityProvisioned`
 * annotation, and what is billed.
 */
import { FARGATE_CPU_MEMORY } from '../../model/aws-data.ts';
import { MI } from './quantity.ts';
import { podRequest } from './scheduler.ts';
import type { PodSpec } from './types.ts';

/** Memory Fargate adds to every pod for the Kubernetes components. */
export const FARGATE_OVERHEAD_MIB = 256;

export interface FargateSize {
  /** CPU units (1024 = 1 vCPU) and MiB, a valid Fargate pair. */
  cpu: number;
  memoryMiB: number;
  /** `0.25vCPU 0.5GB` */
  capacityProvisioned: string;
}

/** The smallest valid pair that holds the pod, or null when nothing is large enough. */
export function fargatePodSize(spec: PodSpec): FargateSize | null {
  const req = podRequest(spec);
  const cpuUnits = Math.ceil((req.cpu * 1024) / 1000);
  const memoryMiB = Math.ceil(req.memory / MI) + FARGATE_OVERHEAD_MIB;
  const cpus = Object.keys(FARGATE_CPU_MEMORY)
    .map(Number)
    .sort((a, b) => a - b);
  for (const cpu of cpus) {
    if (cpu < cpuUnits) continue;
    const memory = FARGATE_CPU_MEMORY[cpu]!.find((m) => m >= memoryMiB);
    if (memory === undefined) continue;
    return { cpu, memoryMiB: memory, capacityProvisioned: `${cpu / 1024}vCPU ${memory / 1024}GB` };
  }
  return null;
}

/** Why a pod cannot run on Fargate (§4.5), or null. The wording is the sandbox's own. */
export function fargateUnsupported(spec: PodSpec, ownerKind: string | null): string | null {
  if (ownerKind === 'DaemonSet') return 'DaemonSets are not supported on Fargate';
  if (spec.hostNetwork) return 'hostNetwork is not supported on Fargate';
  const all = [...spec.containers, ...spec.initContainers];
  if (all.some((c) => c.privileged)) return 'privileged containers are not supported on Fargate';
  if (all.some((c) => c.ports.some((p) => p.hostPort !== null)))
    return 'hostPort is not supported on Fargate';
  return null;
}
