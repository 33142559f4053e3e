/**
 * The four combinations the guide chooses between: an orchestrator (ECS or EKS) times a way to
 * host the containers (EC2 instances or Fargate). The outline's point: the EC2-or-Fargate choice
 * is the same decision for ECS and for EKS.
 */

export const COMBO_IDS = ['ecs-ec2', 'ecs-fargate', 'eks-ec2', 'eks-fargate'] as const;
export type ComboId = (typeof COMBO_IDS)[number];

export type Orchestrator = 'ecs' | 'eks';
export type Hosting = 'ec2' | 'fargate';

export interface Combo {
  id: ComboId;
  orchestrator: Orchestrator;
  hosting: Hosting;
  /** The name the guide shows. */
  label: string;
}

export const COMBOS: readonly Combo[] = [
  { id: 'ecs-ec2', orchestrator: 'ecs', hosting: 'ec2', label: 'ECS on EC2' },
  { id: 'ecs-fargate', orchestrator: 'ecs', hosting: 'fargate', label: 'ECS on Fargate' },
  {
    id: 'eks-ec2',
    orchestrator: 'eks',
    hosting: 'ec2',
    label: 'EKS on EC2 (managed node groups)',
  },
  { id: 'eks-fargate', orchestrator: 'eks', hosting: 'fargate', label: 'EKS on Fargate' },
];

export const comboLabel = (id: ComboId): string => COMBOS.find((c) => c.id === id)!.label;

/** The combinations running on one orchestrator, or on one kind of host. */
export const withOrchestrator = (o: Orchestrator): ComboId[] =>
  COMBOS.filter((c) => c.orchestrator === o).map((c) => c.id);
export const withHosting = (h: Hosting): ComboId[] =>
  COMBOS.filter((c) => c.hosting === h).map((c) => c.id);

/** "A", "A and B", "A, B and C". */
export function joinWords(words: readonly string[]): string {
  if (words.length <= 1) return words[0] ?? '';
  return `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}
