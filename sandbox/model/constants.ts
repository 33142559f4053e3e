/**
 * Modelling constants. Every value here is APPROXIMATE (aws-facts.md marks it "approx" or
 * gives only a range): tune freely, but change the golden logs in the same commit.
 * Ranges are [min, max] seconds drawn from the world's PRNG.
 */

/** EC2 `pending → running` (aws-facts.md §3.4: 30–60 s). */
export const EC2_BOOT_SECONDS: [number, number] = [30, 60];
/** ECS container instance registration after boot (§3.4: +20–40 s). */
export const ECS_AGENT_REGISTRATION_SECONDS: [number, number] = [20, 40];
/** `stopping → stopped` and `shutting-down → terminated`. */
export const EC2_SHUTDOWN_SECONDS = 20;
/** An Auto Scaling group notices a missing or unreachable instance after this long. */
export const ASG_HEALTH_CHECK_SECONDS = 30;

/** Image pull + container create on an EC2 host (image layers mostly cached). */
export const EC2_TASK_PULL_SECONDS: [number, number] = [4, 8];
/** Fargate: micro-VM + ENI + image pull, no cache (§2.2 suggests 30–60 s + pull). */
export const FARGATE_TASK_START_SECONDS: [number, number] = [30, 60];
/** ACTIVATING (target registration) and DEACTIVATING (deregistration). */
export const TASK_ACTIVATING_SECONDS = 2;
export const TASK_DEACTIVATING_SECONDS = 5;
/** STOPPING: SIGTERM to exit for a well-behaved container (stopTimeout caps it at 30 s). */
export const TASK_STOPPING_SECONDS = 3;
/** DEPROVISIONING: ENI detach (awsvpc / Fargate) or cleanup (bridge). */
export const TASK_DEPROVISIONING_SECONDS_EC2 = 1;
export const TASK_DEPROVISIONING_SECONDS_FARGATE = 5;

/** Registered memory = nominal − OS share (§3.2: 2–5 %, more on small instances). */
export function registeredMemoryMiB(memoryGiB: number): number {
  const nominal = memoryGiB * 1024;
  const osShare = memoryGiB <= 2 ? 0.05 : memoryGiB <= 4 ? 0.035 : 0.025;
  return Math.floor(nominal * (1 - osShare));
}

/** Load model: CPU units one request per second costs a task. A 256-unit task serves 128 rps at 100 %. */
export const CPU_UNITS_PER_RPS = 2;
/** Idle CPU of a running task, percent. */
export const IDLE_TASK_CPU_PERCENT = 2;

/** Target tracking alarms (§1.7 approx): scale out after 3 one-minute datapoints above target, in after 15 below. */
export const SCALE_OUT_DATAPOINTS = 3;
export const SCALE_IN_DATAPOINTS = 15;
/** Scale-in only when the average is below this fraction of the target (avoids flapping). */
export const SCALE_IN_THRESHOLD = 0.9;

/** How often a steady service checks whether its AZs are balanced. */
export const AZ_REBALANCE_CHECK_SECONDS = 10;

/** Metrics are sampled every 10 sim-seconds. */
export const METRIC_PERIOD_SECONDS = 10;

/** Sandbox limits (not AWS quotas): keep every run bounded. */
export const LIMITS = {
  /** ECS quota: tasks per service. */
  desiredCount: 5000,
  instancesTotal: 1000,
  launchPerCall: 100,
  containersTotal: 1000,
  tasksTotal: 10000,
  servicesTotal: 1000,
  asgMaxSize: 1000,
  rps: 1_000_000,
  /** A scenario runs for at most 7 simulated days. */
  durationSeconds: 7 * 86400,
  advanceSeconds: 7 * 86400,
  nameLength: 255,
  imageLength: 255,
  eventsKept: 50000,
};
