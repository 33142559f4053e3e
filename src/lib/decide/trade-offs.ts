/**
 * What each combination leaves to AWS and to you, what it gives and what it costs, with the
 * lessons and sandboxes that show it. The page lists all four (it works without JavaScript);
 * the questionnaire repeats the recommended one's.
 */
import type { ComboId } from './combos.ts';
import { eksFargatePod, eksMonthlyFee, FACTS } from './facts.ts';
import type { GuideLink } from './rules.ts';

export interface TradeOff {
  combo: ComboId;
  aws: string;
  you: string;
  gains: string;
  gives: string;
  bill: string;
  /** Its column in the five-model comparison. */
  compareColumns: string;
  links: readonly GuideLink[];
}

const pod = eksFargatePod();
const fee = eksMonthlyFee();

export const TRADE_OFFS: Record<ComboId, TradeOff> = {
  'ecs-ec2': {
    combo: 'ecs-ec2',
    aws: 'The ECS control plane: it places tasks, restarts them and replaces them, free of charge.',
    you: 'The EC2 instances: launch them with the ECS agent so they join the cluster, keep enough capacity for the next task (or set up a capacity provider with managed scaling), and patch the OS, Docker and the agent.',
    gains:
      'Any instance type (GPUs, Graviton, more memory), your own AMI, a shell on the host, DAEMON services, and placement strategies (binpack, spread) and constraints.',
    gives:
      'Idle instances are billed like busy ones, and when capacity runs out tasks wait with “unable to place a task” until someone adds instances.',
    bill: `EC2 instances per second (an m5.large is $${FACTS.m5LargePerHour.toFixed(3)} an hour in Paris); the control plane $0.`,
    compareColumns: 'ECS on EC2',
    links: [
      { href: '/lessons/ecs/', text: 'Lesson 2: Amazon ECS on EC2' },
      {
        href: '/lessons/ecs/#the-part-you-still-own-the-instances',
        text: 'Sandbox: a service outgrows its instances',
      },
    ],
  },
  'ecs-fargate': {
    combo: 'ecs-fargate',
    aws: 'The control plane and the hosts: each task runs in its own right-sized micro-VM.',
    you: 'The application: images, task definitions with a valid CPU and memory pair (0.25 vCPU goes with 0.5, 1 or 2 GB), and services.',
    gains: `No capacity to plan, each task isolated from every other, and Fargate Spot for up to ${FACTS.fargateSpotDiscountPercent} % less.`,
    gives:
      'GPUs, privileged containers, the host and bridge network modes (awsvpc only), DAEMON services, placement strategies and any access to the host; each task pulls its image afresh and starts in tens of seconds.',
    bill: `Each task’s requested vCPU and memory, per second with a one-minute minimum (about $${FACTS.fargateVcpuHour} per vCPU-hour and $${FACTS.fargateGbHour} per GB-hour in Paris).`,
    compareColumns: 'ECS on Fargate',
    links: [
      { href: '/lessons/fargate/', text: 'Lesson 3: AWS Fargate' },
      { href: '/lessons/fargate/#no-capacity-to-plan', text: 'Sandbox: 2 to 40 tasks' },
    ],
  },
  'eks-ec2': {
    combo: 'eks-ec2',
    aws: 'The Kubernetes control plane (at least 2 API servers and 3 etcd members across 3 Availability Zones, backed up, replaced when unhealthy), and managed node groups that launch and join their nodes.',
    you: `Node group sizes and autoscaling (node groups do not scale by themselves: install the Cluster Autoscaler or Karpenter), node and Kubernetes version upgrades (${FACTS.eksStandardSupportMonths} months of standard support per version). Self-managed nodes add joining each node and every chore on it.`,
    gains:
      'All of Kubernetes: manifests, Helm, DaemonSets, GPUs, any instance type, several node groups with labels.',
    gives: `$${FACTS.eksControlPlanePerHour.toFixed(2)} per cluster-hour (${fee} a month), a larger system to learn and run, and pods per node limited by network interfaces (17 on a t3.medium).`,
    bill: `The control plane plus the EC2 instances; managed node groups cost nothing extra.`,
    compareColumns: 'EKS, managed node group and EKS, self-managed nodes',
    links: [
      { href: '/lessons/eks/', text: 'Lesson 4: Amazon EKS' },
      { href: '/lessons/node-groups/', text: 'Lesson 5: worker nodes' },
      {
        href: '/lessons/node-groups/#still-semi-managed-nothing-grows-by-itself',
        text: 'Sandbox: pods Pending until the Cluster Autoscaler is on',
      },
    ],
  },
  'eks-fargate': {
    combo: 'eks-fargate',
    aws: 'The control plane and, for every pod a Fargate profile selects, its node: one pod per micro-VM.',
    you: 'Manifests and Fargate profiles (a namespace and labels; a profile cannot be edited, only replaced).',
    gains: 'Kubernetes without nodes to manage, and each pod isolated from every other.',
    gives: `DaemonSets, privileged pods, hostNetwork and hostPort, GPUs, EBS volumes and Fargate Spot; each pod’s size gets +${FACTS.eksFargatePodOverheadMb} MB and is rounded up (a 1 vCPU / 2 GB request is billed as 1 vCPU / 3 GB, ${pod.eks} instead of ${pod.ecs} an hour).`,
    bill: `The control plane (${fee} a month) plus each pod’s rounded-up size at Fargate prices.`,
    compareColumns: 'EKS on Fargate',
    links: [
      {
        href: '/lessons/node-groups/#fargate-no-nodes-of-yours-at-all',
        text: 'Lesson 5: EKS on Fargate (sandbox)',
      },
      {
        href: '/lessons/node-groups/#ec2-and-fargate-in-one-cluster',
        text: 'Sandbox: a node group and a Fargate profile in one cluster',
      },
    ],
  },
};

/** Whatever the choice: the registry and the pipeline. */
export const EVERY_CHOICE: readonly GuideLink[] = [
  { href: '/lessons/ecr/', text: 'Lesson 6: Amazon ECR stores the images any of the four pulls' },
  {
    href: '/lessons/pipeline/',
    text: 'Lesson 7: a pipeline from commit to a running release',
  },
];

/** Every link the guide shows, once each (the page checks them at build time). */
export function allLinks(rules: readonly { links: readonly GuideLink[] }[]): string[] {
  const hrefs = [
    ...rules.flatMap((r) => r.links),
    ...Object.values(TRADE_OFFS).flatMap((t) => t.links),
    ...EVERY_CHOICE,
  ].map((l) => l.href);
  return [...new Set(hrefs)];
}
