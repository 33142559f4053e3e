/**
 * The five compute models the comparison runs side by side, and the timeline their scenarios
 * share (sandbox/scenarios/compare-*.yaml): the same services, the same faults at the same
 * seconds. Each scenario's `solution` is what its operator does by hand.
 */

export const MODEL_IDS = [
  'ecs-ec2',
  'ecs-fargate',
  'eks-managed',
  'eks-self-managed',
  'eks-fargate',
] as const;
export type ModelId = (typeof MODEL_IDS)[number];

export interface ComputeModel {
  id: ModelId;
  /** The scenario file that is this model's world. */
  scenario: string;
  /** The column heading. */
  label: string;
  /** What its capacity is made of, as the placements row names it. */
  hostKind: 'instance' | 'node' | 'micro-VM';
}

export const MODELS: readonly ComputeModel[] = [
  { id: 'ecs-ec2', scenario: 'compare-ecs-ec2', label: 'ECS on EC2', hostKind: 'instance' },
  {
    id: 'ecs-fargate',
    scenario: 'compare-ecs-fargate',
    label: 'ECS on Fargate',
    hostKind: 'micro-VM',
  },
  {
    id: 'eks-managed',
    scenario: 'compare-eks-managed',
    label: 'EKS, managed node group',
    hostKind: 'node',
  },
  {
    id: 'eks-self-managed',
    scenario: 'compare-eks-self-managed',
    label: 'EKS, self-managed nodes',
    hostKind: 'node',
  },
  {
    id: 'eks-fargate',
    scenario: 'compare-eks-fargate',
    label: 'EKS on Fargate',
    hostKind: 'micro-VM',
  },
];

/** The shared timeline, in simulated seconds (every compare-* scenario scripts these). */
export const TIMELINE = {
  /** Traffic to web goes from 600 to 1,500 requests per second. */
  spikeAt: 120,
  /** eu-west-3a goes down (and stays down). */
  outageAt: 600,
  outageAz: 'eu-west-3a',
  /** api's image is replaced by one that exits 3 s after it starts. */
  badDeployAt: 1200,
  /** The operator rolls api back. */
  rollbackAt: 1320,
  end: 1800,
} as const;

/** The services (ECS) or Deployments (EKS) every world runs. */
export const SERVICE_NAMES = ['web', 'api'] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];

/** What the bad deploy runs: ECS task definition revision, or the Kubernetes image. */
export const BAD_VERSION = {
  ecsTaskDefinition: 'api:2',
  image: 'public.ecr.aws/aws-containers/retail-store-sample-cart:0.2.0',
} as const;

/** The EKS cluster every EKS world runs. */
export const EKS_CLUSTER = 'demo';
