/**
 * The EventBridge rules a sandbox world holds: a scenario's rules on ECR pushes, on the account's
 * default event bus. Two services declare them — the registry (`initial.ecr.rules`, whose target
 * redeploys an ECS service) and the pipeline (`initial.pipeline.onImagePush`, whose target is a
 * CodePipeline that deploys the pushed image to EKS) — and the terminal reads both.
 */
import { serviceArn } from '../../../engine/arns.ts';
import type { World } from '../../../model/types.ts';

export interface EventRule {
  name: string;
  arn: string;
  /** The rule's event pattern, as the API returns it: a JSON string. */
  eventPattern: string;
  target: { Id: string; Arn: string };
}

/**
 * The pattern of a rule on ECR Image Action PUSH events (the pattern CodePipeline's ECR source
 * creates, pipeline-facts.md §5.1); without a tag, pushes of any tag match.
 */
export function pushPattern(repository: string, tag: string | null): string {
  return JSON.stringify({
    'detail-type': ['ECR Image Action'],
    source: ['aws.ecr'],
    detail: {
      'action-type': ['PUSH'],
      ...(tag !== null ? { 'image-tag': [tag] } : {}),
      'repository-name': [repository],
      result: ['SUCCESS'],
    },
  });
}

const ruleArn = (world: World, name: string) =>
  `arn:aws:events:${world.region}:${world.accountId}:rule/${name}`;

/** Every rule, by name (ListRules' order); a name both services declare is the registry's. */
export function eventRules(world: World): EventRule[] {
  const rules = new Map<string, EventRule>();
  const cluster = world.ecs.cluster?.name ?? 'default';
  for (const r of world.ecr?.rules ?? [])
    if (!rules.has(r.name))
      rules.set(r.name, {
        name: r.name,
        arn: ruleArn(world, r.name),
        eventPattern: pushPattern(r.repository, r.tag),
        // The sandbox's shortcut (ecr/README.md): the target is the ECS service it redeploys,
        // where in AWS a pipeline or a function behind the rule calls update-service.
        target: { Id: r.service, Arn: serviceArn(world, cluster, r.service) },
      });
  for (const r of world.pipeline?.pushRules ?? [])
    if (!rules.has(r.rule))
      rules.set(r.rule, {
        name: r.rule,
        arn: ruleArn(world, r.rule),
        eventPattern: pushPattern(r.repository, r.tag),
        // The scenario names no pipeline: the sandbox names it after its rule.
        target: {
          Id: r.rule,
          Arn: `arn:aws:codepipeline:${world.region}:${world.accountId}:${r.rule}`,
        },
      });
  return [...rules.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
