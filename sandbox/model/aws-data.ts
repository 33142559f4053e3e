/**
 * Published AWS facts the simulation uses: instance types, prices, Fargate sizes, regions.
 * Source: shared aws-facts.md §2.1, §2.2, §3.1, §7. Approximate modelling values live in
 * constants.ts instead.
 */

export interface InstanceTypeInfo {
  vcpu: number;
  memoryGiB: number;
  /** On-Demand Linux USD per hour, by region. */
  pricePerHour: Record<string, number>;
  /** Graviton (arm64) or x86_64. */
  architecture: 'x86_64' | 'arm64';
}

export const INSTANCE_TYPES: Record<string, InstanceTypeInfo> = {
  't3.micro': {
    vcpu: 2,
    memoryGiB: 1,
    pricePerHour: { 'us-east-1': 0.0104, 'eu-west-3': 0.0118 },
    architecture: 'x86_64',
  },
  't3.small': {
    vcpu: 2,
    memoryGiB: 2,
    pricePerHour: { 'us-east-1': 0.0208, 'eu-west-3': 0.0236 },
    architecture: 'x86_64',
  },
  't3.medium': {
    vcpu: 2,
    memoryGiB: 4,
    pricePerHour: { 'us-east-1': 0.0416, 'eu-west-3': 0.0472 },
    architecture: 'x86_64',
  },
  // eu-west-3 t3.large is derived (2 × t3.medium) in the fact sheet.
  't3.large': {
    vcpu: 2,
    memoryGiB: 8,
    pricePerHour: { 'us-east-1': 0.0832, 'eu-west-3': 0.0944 },
    architecture: 'x86_64',
  },
  'm5.large': {
    vcpu: 2,
    memoryGiB: 8,
    pricePerHour: { 'us-east-1': 0.096, 'eu-west-3': 0.112 },
    architecture: 'x86_64',
  },
  'm5.xlarge': {
    vcpu: 4,
    memoryGiB: 16,
    pricePerHour: { 'us-east-1': 0.192, 'eu-west-3': 0.224 },
    architecture: 'x86_64',
  },
  'c5.large': {
    vcpu: 2,
    memoryGiB: 4,
    pricePerHour: { 'us-east-1': 0.085, 'eu-west-3': 0.101 },
    architecture: 'x86_64',
  },
  'm6g.medium': {
    vcpu: 1,
    memoryGiB: 4,
    pricePerHour: { 'us-east-1': 0.0385, 'eu-west-3': 0.045 },
    architecture: 'arm64',
  },
  // eu-west-3 m6g.large / m6g.xlarge are derived in the fact sheet.
  'm6g.large': {
    vcpu: 2,
    memoryGiB: 8,
    pricePerHour: { 'us-east-1': 0.077, 'eu-west-3': 0.09 },
    architecture: 'arm64',
  },
  'm6g.xlarge': {
    vcpu: 4,
    memoryGiB: 16,
    pricePerHour: { 'us-east-1': 0.154, 'eu-west-3': 0.18 },
    architecture: 'arm64',
  },
};

export interface RegionInfo {
  azs: string[];
  /** Fargate Linux/x86 On-Demand prices. */
  fargateVcpuHour: number;
  fargateGbHour: number;
}

export const REGIONS: Record<string, RegionInfo> = {
  'eu-west-3': {
    azs: ['eu-west-3a', 'eu-west-3b', 'eu-west-3c'],
    // Approximate: Paris Fargate prices are not verified (aws-facts.md §2.2).
    fargateVcpuHour: 0.04656,
    fargateGbHour: 0.00511,
  },
  'us-east-1': {
    azs: ['us-east-1a', 'us-east-1b', 'us-east-1c'],
    fargateVcpuHour: 0.04048,
    fargateGbHour: 0.004445,
  },
};

export const DEFAULT_REGION = 'eu-west-3';
export const ACCOUNT_ID = '123456789012';

/** Valid Fargate task sizes: CPU units → allowed memory in MiB (aws-facts.md §2.1). */
export const FARGATE_CPU_MEMORY: Record<number, number[]> = {
  256: [512, 1024, 2048],
  512: range(1024, 4096, 1024),
  1024: range(2048, 8192, 1024),
  2048: range(4096, 16384, 1024),
  4096: range(8192, 30720, 1024),
  8192: range(16384, 61440, 4096),
  16384: range(32768, 122880, 8192),
};

function range(from: number, to: number, step: number): number[] {
  const out: number[] = [];
  for (let v = from; v <= to; v += step) out.push(v);
  return out;
}

/** ECS reserved host ports on Linux (ECS_RESERVED_PORTS default). */
export const ECS_RESERVED_PORTS = [22, 2375, 2376, 51678, 51679];

/** A task with no essential-container health check counts as healthy this long after RUNNING. */
export const HEALTHY_AFTER_RUNNING_SECONDS = 40;
/**
 * How long a container that crashes on start runs before its process exits (approx: an
 * application that fails during start-up; the same delay as the Kubernetes crash fault).
 */
export const CRASH_AFTER_START_SECONDS = 3;
/** Target tracking cooldowns for ECS services (ScaleOutCooldown = ScaleInCooldown). */
export const DEFAULT_SCALING_COOLDOWN_SECONDS = 300;
/** Rolling update defaults for REPLICA services. */
export const DEFAULT_MINIMUM_HEALTHY_PERCENT = 100;
export const DEFAULT_MAXIMUM_PERCENT = 200;
/** Billing: per second with a 60 s minimum (EC2 Linux and Fargate). */
export const MINIMUM_BILLED_SECONDS = 60;
/** RunTask accepts at most 10 tasks per call. */
export const RUN_TASK_MAX_COUNT = 10;
/** Stopped tasks stay visible in DescribeTasks for about an hour. */
export const STOPPED_TASK_RETENTION_SECONDS = 3600;
/** OOM kill exit code: 128 + SIGKILL (9). */
export const OOM_EXIT_CODE = 137;
