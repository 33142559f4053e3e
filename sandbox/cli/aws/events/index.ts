/**
 * `aws events …`: the EventBridge rules of the default event bus, read-only, in the API's JSON
 * shapes (ListRules, DescribeRule, ListTargetsByRule). The sandbox's rules are the scenario's
 * rules on ECR push events, so a scenario with ECR offers these commands.
 */
import type { World } from '../../../model/types.ts';
import type { CommandOutput } from '../../types.ts';
import type { AwsOperation } from '../operation.ts';
import { awsError, awsOut, output } from '../operation.ts';
import { eventRules, type EventRule } from './rules.ts';

const NAME_PATTERN = /^[.\-_A-Za-z0-9]+$/;

function noEvents(api: string): CommandOutput {
  return awsError(
    api,
    'AccessDeniedException',
    'This sandbox scenario has no EventBridge rules (the sandbox\u2019s own message: a scenario with ECR offers these commands).',
  );
}

/** The API's check of a rule name or prefix: 1 to 64 of `[.\-_A-Za-z0-9]`. */
function invalidName(api: string, field: string, value: string): CommandOutput | null {
  if (value.length <= 64 && NAME_PATTERN.test(value)) return null;
  const constraint =
    value.length > 64
      ? 'Member must have length less than or equal to 64'
      : 'Member must satisfy regular expression pattern: [\\.\\-_A-Za-z0-9]+';
  return awsError(
    api,
    'ValidationException',
    `1 validation error detected: Value '${value}' at '${field}' failed to satisfy constraint: ${constraint}`,
  );
}

/** The rule, or the API's answer for a name the default bus does not hold. */
function findRule(world: World, api: string, name: string): EventRule | CommandOutput {
  const rule = eventRules(world).find((r) => r.name === name);
  return (
    rule ??
    awsError(api, 'ResourceNotFoundException', `Rule ${name} does not exist on EventBus default.`)
  );
}
const isRule = (r: EventRule | CommandOutput): r is EventRule => 'eventPattern' in r;

const listRules: AwsOperation = {
  service: 'events',
  name: 'list-rules',
  api: 'ListRules',
  summary:
    'Lists the rules of the default event bus, all or those whose name starts with a prefix.',
  flags: [
    {
      name: 'name-prefix',
      type: 'string',
      help: 'The prefix matching the rule name.',
    },
  ],
  examples: ['aws events list-rules', 'aws events list-rules --name-prefix web'],
  run(args, env, globals) {
    if (!env.world.ecr) return output(noEvents(this.api));
    const prefix = typeof args['name-prefix'] === 'string' ? args['name-prefix'] : null;
    if (prefix !== null) {
      const invalid = invalidName(this.api, 'namePrefix', prefix);
      if (invalid) return output(invalid);
    }
    const rules = eventRules(env.world).filter((r) => prefix === null || r.name.startsWith(prefix));
    return output(
      awsOut(
        {
          Rules: rules.map((r) => ({
            Name: r.name,
            Arn: r.arn,
            EventPattern: r.eventPattern,
            State: 'ENABLED',
            EventBusName: 'default',
          })),
        },
        globals,
        this.api,
      ),
    );
  },
};

const describeRule: AwsOperation = {
  service: 'events',
  name: 'describe-rule',
  api: 'DescribeRule',
  summary: 'Describes a rule of the default event bus (its targets: list-targets-by-rule).',
  flags: [{ name: 'name', type: 'string', required: true, help: 'The name of the rule.' }],
  examples: ['aws events describe-rule --name web-on-push'],
  run(args, env, globals) {
    if (!env.world.ecr) return output(noEvents(this.api));
    const name = args['name'] as string;
    const invalid = invalidName(this.api, 'name', name);
    if (invalid) return output(invalid);
    const rule = findRule(env.world, this.api, name);
    if (!isRule(rule)) return output(rule);
    return output(
      awsOut(
        {
          Name: rule.name,
          Arn: rule.arn,
          EventPattern: rule.eventPattern,
          State: 'ENABLED',
          EventBusName: 'default',
          CreatedBy: env.world.accountId,
        },
        globals,
        this.api,
      ),
    );
  },
};

const listTargetsByRule: AwsOperation = {
  service: 'events',
  name: 'list-targets-by-rule',
  api: 'ListTargetsByRule',
  summary:
    'Lists the targets of a rule (the sandbox\u2019s registry rules target the ECS service they redeploy; in AWS, a pipeline or a function does).',
  flags: [{ name: 'rule', type: 'string', required: true, help: 'The name of the rule.' }],
  examples: ['aws events list-targets-by-rule --rule web-on-push'],
  run(args, env, globals) {
    if (!env.world.ecr) return output(noEvents(this.api));
    const name = args['rule'] as string;
    const invalid = invalidName(this.api, 'rule', name);
    if (invalid) return output(invalid);
    const rule = findRule(env.world, this.api, name);
    if (!isRule(rule)) return output(rule);
    return output(awsOut({ Targets: [rule.target] }, globals, this.api));
  },
};

export const EVENTS_OPERATIONS: AwsOperation[] = [describeRule, listRules, listTargetsByRule];
