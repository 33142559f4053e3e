/**
 * Every rule the guide scores by, as data: which answer fires it, what it does to each of the
 * four combinations (points, or ruling a combination out), why, in plain words with the fact
 * sheet's numbers, and where in the course a sandbox shows it. Each answer of every question
 * fires at least one rule, even if only to say it changes nothing.
 */
import { withHosting, withOrchestrator, type ComboId } from './combos.ts';
import { eksMonthlyFee, FACTS, fullInstanceVsFargate, spikyDay } from './facts.ts';
import type { QuestionId } from './questions.ts';

export interface GuideLink {
  /** A page of this site, with the section's anchor where there is one. */
  href: string;
  text: string;
}

export interface Rule {
  /** Stable, kebab-case: named in tests and on the page. */
  id: string;
  question: QuestionId;
  /** The answer (an option's value) that fires the rule. */
  when: string;
  title: string;
  /** Points per combination (missing: 0). */
  points: Partial<Record<ComboId, number>>;
  /** Combinations this answer rules out, whatever their points. */
  excludes: readonly ComboId[];
  /** Why, in plain words, with the numbers. */
  because: string;
  links: readonly GuideLink[];
}

const give = (ids: readonly ComboId[], n: number): Partial<Record<ComboId, number>> =>
  Object.fromEntries(ids.map((id) => [id, n]));

const ECS = withOrchestrator('ecs');
const EKS = withOrchestrator('eks');
const EC2 = withHosting('ec2');
const FARGATE = withHosting('fargate');

const L = {
  ecsWhat: { href: '/lessons/ecs/#what-ecs-does', text: 'Lesson 2: what ECS does' },
  ecsInstances: {
    href: '/lessons/ecs/#the-part-you-still-own-the-instances',
    text: 'Lesson 2: the part you still own, the instances (sandbox: a service outgrows its capacity)',
  },
  ecsHosts: {
    href: '/lessons/ecs/#full-control-over-the-hosts',
    text: 'Lesson 2: full control over the hosts',
  },
  fargateWhat: {
    href: '/lessons/fargate/#fargate-containers-without-servers-to-manage',
    text: 'Lesson 3: containers without servers to manage (sandbox)',
  },
  fargateMicroVm: {
    href: '/lessons/fargate/#one-task-one-right-sized-micro-vm',
    text: 'Lesson 3: one task, one right-sized micro-VM (sandbox)',
  },
  fargateScale: {
    href: '/lessons/fargate/#no-capacity-to-plan',
    text: 'Lesson 3: no capacity to plan (sandbox: 2 to 40 tasks)',
  },
  fargateDay: {
    href: '/lessons/fargate/#the-whole-day-in-two-worlds',
    text: 'Lesson 3: the whole day in two worlds (sandboxes: EC2 against Fargate, steady and bursty)',
  },
  fargateHost: {
    href: '/lessons/fargate/#only-the-application-left-to-manage--unless-you-need-the-host',
    text: 'Lesson 3: unless you need the host (sandbox: a host-level agent)',
  },
  fargateSpot: {
    href: '/lessons/fargate/#still-part-of-aws',
    text: 'Lesson 3: Fargate Spot, in "In the real world"',
  },
  eksWhy: { href: '/lessons/eks/#why-eks-keep-kubernetes', text: 'Lesson 4: why EKS' },
  eksEcosystem: {
    href: '/lessons/eks/#the-kubernetes-ecosystem',
    text: 'Lesson 4: the Kubernetes ecosystem',
  },
  eksCost: {
    href: '/lessons/eks/#what-eks-costs-and-when-ecs-is-enough',
    text: 'Lesson 4: what EKS costs (sandbox: a day on ECS and on EKS)',
  },
  selfManaged: {
    href: '/lessons/node-groups/#self-managed-nodes-every-chore-is-yours',
    text: 'Lesson 5: self-managed nodes, every chore yours (sandbox)',
  },
  nodeGroups: {
    href: '/lessons/node-groups/#several-groups-one-cluster',
    text: 'Lesson 5: several node groups, one cluster (sandbox)',
  },
  autoscaling: {
    href: '/lessons/node-groups/#still-semi-managed-nothing-grows-by-itself',
    text: 'Lesson 5: nothing grows by itself (sandbox: HPA and Cluster Autoscaler)',
  },
  eksFargate: {
    href: '/lessons/node-groups/#fargate-no-nodes-of-yours-at-all',
    text: 'Lesson 5: EKS on Fargate (sandbox: a DaemonSet that does not run there)',
  },
  mixed: {
    href: '/lessons/node-groups/#ec2-and-fargate-in-one-cluster',
    text: 'Lesson 5: EC2 and Fargate in one cluster (sandbox)',
  },
  compare: { href: '/compare/', text: 'Five compute models side by side' },
} as const satisfies Record<string, GuideLink>;

const fee = eksMonthlyFee();
const full = fullInstanceVsFargate();
const day = spikyDay();

export const RULES: readonly Rule[] = [
  {
    id: 'kubernetes-already-runs',
    question: 'kubernetes',
    when: 'runs',
    title: 'You keep the Kubernetes you run',
    points: give(EKS, 3),
    excludes: [],
    because:
      'EKS is Kubernetes: your manifests, Helm charts and kubectl habits work there as they do now. ECS is AWS’s own orchestrator, with its own task definitions and services, so moving to it means rewriting every deployment.',
    links: [L.eksWhy],
  },
  {
    id: 'kubernetes-portability',
    question: 'kubernetes',
    when: 'portable',
    title: 'Kubernetes moves, ECS stays on AWS',
    points: give(EKS, 2),
    excludes: [],
    because:
      'A Kubernetes cluster’s configuration and tools move to another platform or on premises much more easily than ECS’s, which are AWS-specific. Not 100 %: the AWS glue a cluster leans on (the VPC CNI, the AWS Load Balancer Controller, the EBS CSI driver, IAM roles for service accounts) must be replaced by the new platform’s equivalents.',
    links: [L.eksWhy],
  },
  {
    id: 'kubernetes-ecosystem',
    question: 'kubernetes',
    when: 'ecosystem',
    title: 'The Kubernetes ecosystem comes with EKS',
    points: give(EKS, 1),
    excludes: [],
    because:
      'Helm charts, operators and the other Kubernetes tools and plugins install on EKS as on any cluster; ECS has AWS’s own, smaller set. One point only: wanting the ecosystem is not yet needing it.',
    links: [L.eksEcosystem],
  },
  {
    id: 'no-kubernetes-needed',
    question: 'kubernetes',
    when: 'none',
    title: 'ECS is enough without Kubernetes',
    points: give(ECS, 2),
    excludes: [],
    because:
      'ECS fits applications that do not need the full power of Kubernetes: fewer concepts (a cluster, task definitions, services), a control plane that costs nothing, and CloudWatch, Elastic Load Balancing, IAM and VPC built in.',
    links: [L.ecsWhat, L.eksCost],
  },
  {
    id: 'small-team-no-servers',
    question: 'team',
    when: 'solo',
    title: 'No servers to look after',
    points: give(FARGATE, 2),
    excludes: [],
    because:
      'On Fargate only the application is left to manage. On EC2 the instances stay yours: you create them, join them to the cluster, keep enough capacity for the next container, and patch the OS, the container runtime and the agent or kubelet.',
    links: [L.fargateWhat, L.ecsInstances],
  },
  {
    id: 'small-team-fewer-moving-parts',
    question: 'team',
    when: 'solo',
    title: 'Fewer moving parts to learn',
    points: give(ECS, 1),
    excludes: [],
    because: `An ECS cluster has no version to upgrade. EKS gives each Kubernetes version ${FACTS.eksStandardSupportMonths} months of standard support; after that the cluster is upgraded or pays $${FACTS.eksExtendedSupportPerHour.toFixed(2)} an hour in extended support, and its add-ons need keeping current too.`,
    links: [L.eksCost],
  },
  {
    id: 'small-team-either',
    question: 'team',
    when: 'small',
    title: 'A small team can run any of them',
    points: {},
    excludes: [],
    because:
      'This answer moves nothing by itself: a small team manages any of the four, and the other answers decide.',
    links: [L.compare],
  },
  {
    id: 'platform-team-kubernetes',
    question: 'team',
    when: 'platform',
    title: 'A platform team can carry Kubernetes',
    points: give(EKS, 1),
    excludes: [],
    because:
      'Someone whose job it is can take on what EKS adds: version upgrades, add-ons, and autoscaling, which managed node groups do not do by themselves (the Cluster Autoscaler or Karpenter has to be installed and configured).',
    links: [L.autoscaling],
  },
  {
    id: 'platform-team-hosts',
    question: 'team',
    when: 'platform',
    title: 'A platform team can own the hosts',
    points: give(EC2, 1),
    excludes: [],
    because:
      'With people to patch, size and scale instances, EC2’s chores become affordable, and you get what only your own hosts give: instance types, AMIs, placement and a shell on the server.',
    links: [L.selfManaged, L.ecsHosts],
  },
  {
    id: 'steady-load-full-instances',
    question: 'load',
    when: 'steady',
    title: 'Steady load keeps instances full',
    points: give(EC2, 2),
    excludes: [],
    because: `A load you can predict lets you size instances to it and keep them busy. A fully used m5.large (2 vCPU, 8 GiB) costs ${full.ec2} an hour in Paris; the same 2 vCPU and 8 GB as Fargate tasks cost about ${full.fargate}, ${full.morePercent} % more. The saving is only real while the instances are full.`,
    links: [L.fargateDay, L.compare],
  },
  {
    id: 'spiky-load-pay-per-task',
    question: 'load',
    when: 'spiky',
    title: 'Spiky load: pay only for what runs',
    points: give(FARGATE, 2),
    excludes: [],
    because: `Fargate needs no capacity in advance and bills each task per second (one-minute minimum) while it runs; EC2 bills whole instances even when they run few or no containers. A service of 0.5 vCPU / 1 GB tasks that needs 8 tasks for 2 hours a day and 2 otherwise costs about ${day.fargate} a day on Fargate, and ${day.ec2AtPeak} on two m5.large sized for the peak. The trade-off: every Fargate task pulls its image afresh and starts in tens of seconds.`,
    links: [L.fargateScale, L.fargateDay],
  },
  {
    id: 'load-unknown',
    question: 'load',
    when: 'unsure',
    title: 'Unknown load moves nothing',
    points: {},
    excludes: [],
    because:
      'This answer moves nothing by itself. Fargate is the easier start while the load is unknown; once it is known, the bill row of the five-model comparison shows how far apart the two ways of hosting can be.',
    links: [L.compare],
  },
  {
    id: 'small-bill-control-plane-fee',
    question: 'size',
    when: 'small',
    title: 'The EKS control-plane fee weighs on a small bill',
    points: give(ECS, 2),
    excludes: [],
    because: `The EKS control plane costs $${FACTS.eksControlPlanePerHour.toFixed(2)} per cluster-hour, ${fee} a month per cluster before any worker runs; the ECS control plane is free. For a few small services the fee can double the bill: in lesson 4 a day of the same small application costs $2.27 on ECS and $4.67 on EKS.`,
    links: [L.eksCost],
  },
  {
    id: 'medium-fee-small-share',
    question: 'size',
    when: 'medium',
    title: 'At this size the fee is a small share',
    points: {},
    excludes: [],
    because: `This answer moves nothing by itself: ${fee} a month per EKS cluster is a small part of the bill for tens of services.`,
    links: [L.eksCost],
  },
  {
    id: 'large-fleet-binpack',
    question: 'size',
    when: 'large',
    title: 'At scale, packing instances pays',
    points: give(EC2, 1),
    excludes: [],
    because: `With hundreds of containers the ${fee} control-plane fee is noise, and many tasks or pods packed onto instances you choose (binpack on ECS) cost less per vCPU than Fargate’s per-task price, as long as someone keeps the instances well used.`,
    links: [L.ecsHosts, L.compare],
  },
  {
    id: 'shared-hosts-fine',
    question: 'isolation',
    when: 'standard',
    title: 'Shared hosts are fine',
    points: {},
    excludes: [],
    because:
      'This answer moves nothing by itself: on EC2 containers on one instance share its kernel, on Fargate they do not, and both are fine for your own workloads.',
    links: [L.fargateMicroVm],
  },
  {
    id: 'strict-isolation-micro-vm',
    question: 'isolation',
    when: 'strict',
    title: 'Fargate isolates each task or pod',
    points: give(FARGATE, 2),
    excludes: [],
    because:
      'Each Fargate task (or EKS pod) runs in its own isolated environment: no kernel, CPU, memory or network interface shared with any other. On EC2, the containers on one instance share its kernel, so keeping tenants apart is your work.',
    links: [L.fargateMicroVm],
  },
  {
    id: 'own-hardened-hosts',
    question: 'isolation',
    when: 'own-hosts',
    title: 'Hardened hosts must be your own',
    points: give(EC2, 2),
    excludes: [],
    because:
      'Your own OS image or an audit agent on every server needs servers you own: on EC2 you choose the AMI and run what you like on it; on Fargate AWS runs the host and you get no access to it.',
    links: [L.ecsHosts, L.fargateHost],
  },
  {
    id: 'gpu-needs-ec2',
    question: 'needs',
    when: 'gpu',
    title: 'GPUs run on EC2 only',
    points: {},
    excludes: FARGATE,
    because:
      'Fargate has no GPUs: ECS refuses the gpu parameter in a Fargate task definition, and EKS lists GPUs among what Fargate pods cannot have. GPU instances are EC2 instances (on EKS, a node group with an NVIDIA AMI type).',
    links: [L.ecsHosts, L.nodeGroups],
  },
  {
    id: 'privileged-needs-ec2',
    question: 'needs',
    when: 'privileged',
    title: 'Privileged containers and host networking need EC2',
    points: {},
    excludes: FARGATE,
    because:
      'Fargate refuses privileged containers on ECS and on EKS, runs ECS tasks in the awsvpc network mode only (no host or bridge), and gives EKS pods no hostNetwork or hostPort.',
    links: [L.fargateHost, L.eksFargate],
  },
  {
    id: 'host-access-needs-ec2',
    question: 'needs',
    when: 'host',
    title: 'The host itself means EC2',
    points: {},
    excludes: FARGATE,
    because:
      'On Fargate there is no host you can reach: no shell, no instance type to pick, no custom AMI, no kernel modules. On EC2 you choose the instance type and the AMI and can open a shell on the server.',
    links: [L.ecsHosts, L.fargateHost],
  },
  {
    id: 'daemons-need-nodes',
    question: 'needs',
    when: 'daemons',
    title: 'Agents on every host need hosts',
    points: give(FARGATE, -3),
    excludes: [],
    because:
      'Fargate runs no DaemonSets on EKS and no DAEMON services on ECS: there are no hosts of yours to run one copy on. The usual substitute is a sidecar container in every task or pod, which works but is yours to add to each. On EKS, a node group for the agents can run beside Fargate profiles.',
    links: [L.eksFargate, L.fargateHost, L.mixed],
  },
  {
    id: 'spot-not-on-eks-fargate',
    question: 'needs',
    when: 'spot',
    title: 'Spot capacity everywhere but EKS on Fargate',
    points: { 'ecs-fargate': 1, 'eks-fargate': -2 },
    excludes: [],
    because: `Fargate Spot runs ECS tasks for up to ${FACTS.fargateSpotDiscountPercent} % less, with a ${FACTS.spotWarningMinutes}-minute warning before an interruption (Linux x86 only). EKS does not support Fargate Spot. On EC2 both ECS and EKS can use Spot instances (a managed node group's capacity type SPOT).`,
    links: [L.fargateSpot, L.nodeGroups],
  },
];
