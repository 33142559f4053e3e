/**
 * The numbers the guide's reasons quote, each from the course's fact sheet (source tags as there:
 * [K1] EKS pricing, [C3] EC2 Paris prices, [F2] Fargate pricing, [F4] Fargate Spot, [K9] EKS on
 * Fargate). Paris (eu-west-3) like the lessons and the sandbox; Paris Fargate prices are not
 * verified, so every text that uses them says "about".
 */

export const FACTS = {
  /** EKS control plane, standard support, per cluster-hour [K1]. */
  eksControlPlanePerHour: 0.1,
  /** EKS control plane in extended support, per cluster-hour [K1]. */
  eksExtendedSupportPerHour: 0.6,
  /** Months of standard support per Kubernetes minor version [K1]. */
  eksStandardSupportMonths: 14,
  /** The hours in a month, as AWS's pricing pages count them. */
  hoursPerMonth: 730,
  /** m5.large (2 vCPU, 8 GiB) On-Demand Linux in eu-west-3 [C3]. */
  m5LargePerHour: 0.112,
  m5Large: { vcpu: 2, gib: 8 },
  /** Fargate Linux/x86 in eu-west-3, per vCPU-hour and per GB-hour (approximate) [F2]. */
  fargateVcpuHour: 0.04656,
  fargateGbHour: 0.00511,
  /** Fargate Spot: discount up to this percent, and the warning before an interruption [F4]. */
  fargateSpotDiscountPercent: 70,
  spotWarningMinutes: 2,
  /** What EKS adds to a Fargate pod's memory request before rounding up [K9]. */
  eksFargatePodOverheadMb: 256,
} as const;

const money = (n: number, digits: number) => `$${n.toFixed(digits)}`;

/** The EKS control-plane fee for a month: "$73.00". */
export const eksMonthlyFee = (perHour: number = FACTS.eksControlPlanePerHour): string =>
  money(perHour * FACTS.hoursPerMonth, 2);

/** What Fargate charges per hour for a task of this size, at the Paris prices. */
export const fargatePerHour = (vcpu: number, gb: number): number =>
  vcpu * FACTS.fargateVcpuHour + gb * FACTS.fargateGbHour;

/** A full m5.large against the same vCPU and memory on Fargate, per hour. */
export function fullInstanceVsFargate(): { ec2: string; fargate: string; morePercent: number } {
  const { vcpu, gib } = FACTS.m5Large;
  const fargate = fargatePerHour(vcpu, gib);
  return {
    ec2: money(FACTS.m5LargePerHour, 3),
    fargate: money(fargate, 3),
    morePercent: Math.round((fargate / FACTS.m5LargePerHour - 1) * 100),
  };
}

/**
 * A spiky day: a service of 0.5 vCPU / 1 GB tasks that needs 8 tasks for 2 hours and 2 tasks for
 * the other 22. On Fargate it pays per task-hour; on EC2 sized for the peak it pays for two
 * m5.large around the clock (8 × 0.5 vCPU = 4 vCPU).
 */
export function spikyDay(): { fargate: string; ec2AtPeak: string } {
  const taskHours = 8 * 2 + 2 * 22;
  return {
    fargate: money(taskHours * fargatePerHour(0.5, 1), 2),
    ec2AtPeak: money(2 * 24 * FACTS.m5LargePerHour, 2),
  };
}

/** An EKS pod of 1 vCPU / 2 GB on Fargate: +256 MB, rounded up to 1 vCPU / 3 GB, per hour. */
export function eksFargatePod(): { ecs: string; eks: string } {
  return {
    ecs: money(fargatePerHour(1, 2), 4),
    eks: money(fargatePerHour(1, 3), 4),
  };
}
