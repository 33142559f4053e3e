/** `aws …`: dispatch to an operation, with the AWS CLI's usage errors and help pages. */
import { own } from '../../model/record.ts';
import { AWS_USAGE, GLOBAL_FLAGS, parseAwsParams, splitAwsLine } from './args.ts';
import { APPLICATION_AUTOSCALING_OPERATIONS } from './application-autoscaling/index.ts';
import { AUTOSCALING_OPERATIONS } from './autoscaling/auto-scaling-groups.ts';
import { EC2_OPERATIONS } from './ec2/index.ts';
import { ECS_OPERATIONS } from './ecs/index.ts';
import { ECR_OPERATIONS } from './ecr/index.ts';
import { EKS_OPERATIONS } from './eks/index.ts';
import { EVENTS_OPERATIONS } from './events/index.ts';
import { IAM_OPERATIONS } from './iam/index.ts';
import { SSM_OPERATIONS } from './ssm/index.ts';
import type { AwsOperation } from './operation.ts';
import { output } from './operation.ts';
import { compileQuery } from './query.ts';
import type { CliEnv, CliOutcome } from '../types.ts';
import { fail, ok } from '../types.ts';

export const AWS_SERVICES: Record<string, { summary: string; operations: AwsOperation[] }> = {
  'application-autoscaling': {
    summary: 'Application Auto Scaling (ECS service auto scaling)',
    operations: APPLICATION_AUTOSCALING_OPERATIONS,
  },
  autoscaling: { summary: 'Amazon EC2 Auto Scaling', operations: AUTOSCALING_OPERATIONS },
  ec2: { summary: 'Amazon Elastic Compute Cloud (instances)', operations: EC2_OPERATIONS },
  ecs: { summary: 'Amazon Elastic Container Service', operations: ECS_OPERATIONS },
  ecr: { summary: 'Amazon Elastic Container Registry', operations: ECR_OPERATIONS },
  eks: { summary: 'Amazon Elastic Kubernetes Service', operations: EKS_OPERATIONS },
  events: {
    summary: 'Amazon EventBridge (the rules on ECR push events)',
    operations: EVENTS_OPERATIONS,
  },
  iam: {
    summary: 'AWS Identity and Access Management (role policies)',
    operations: IAM_OPERATIONS,
  },
  ssm: { summary: 'AWS Systems Manager (Run Command on instances)', operations: SSM_OPERATIONS },
};

/** Registers more operations (for example the EKS and ECR subsets, later). */
export function registerAwsOperations(
  service: string,
  summary: string,
  operations: AwsOperation[],
): void {
  const existing = own(AWS_SERVICES, service);
  if (existing) existing.operations.push(...operations);
  else AWS_SERVICES[service] = { summary, operations: [...operations] };
}

function invalidChoice(what: string, choices: string[]): string {
  const rows: string[] = [];
  for (let i = 0; i < choices.length; i += 2) {
    rows.push(`${(choices[i] ?? '').padEnd(40)} | ${choices[i + 1] ?? ''}`.trimEnd());
  }
  return `${AWS_USAGE}\naws: error: argument ${what}: Invalid choice, valid choices are:\n\n${rows.join('\n')}`;
}

export function operationHelp(op: AwsOperation): string {
  const synopsis = op.flags
    .map((f) => {
      const v = f.type === 'boolean' ? '' : ` <${f.placeholder ?? 'value'}>`;
      return f.required ? `--${f.name}${v}` : `[--${f.name}${v}]`;
    })
    .join('\n    ');
  return [
    `${op.name.toUpperCase()}()`,
    '',
    'DESCRIPTION',
    `  ${op.summary}`,
    '',
    'SYNOPSIS',
    `  ${op.name}`,
    `    ${synopsis}`,
    '',
    'OPTIONS',
    ...op.flags.map(
      (f) =>
        `  --${f.name} (${f.type})${f.required ? ' [required]' : ''}\n      ${f.help}${f.choices ? `\n      Possible values: ${f.choices.join(', ')}` : ''}`,
    ),
    '',
    'GLOBAL OPTIONS',
    ...GLOBAL_FLAGS.map(
      (f) => `  --${f.name}${f.choices ? ` (${f.choices.join(' | ')})` : ''}: ${f.help}`,
    ),
    '',
    'EXAMPLES',
    ...op.examples.map((e) => `  ${e}`),
  ].join('\n');
}

function serviceHelp(name: string): string {
  const svc = own(AWS_SERVICES, name);
  if (!svc) return '';
  return [
    `${name.toUpperCase()}()`,
    '',
    'DESCRIPTION',
    `  ${svc.summary} — the subset the Shipyard sandbox models.`,
    '',
    'AVAILABLE COMMANDS',
    ...svc.operations.map((o) => `  o ${o.name.padEnd(34)} ${o.summary}`),
  ].join('\n');
}

function topHelp(): string {
  return [
    'AWS()',
    '',
    'DESCRIPTION',
    '  The AWS Command Line Interface, simulated: the services and commands below act on the sandbox.',
    '',
    'SYNOPSIS',
    '  aws [options] <command> <subcommand> [parameters]',
    '',
    'AVAILABLE SERVICES',
    ...Object.entries(AWS_SERVICES).map(([n, s]) => `  o ${n.padEnd(14)} ${s.summary}`),
    '',
    'Use `aws <command> help` or `aws <command> <subcommand> help` for details.',
  ].join('\n');
}

export function runAws(tokens: string[], env: CliEnv): CliOutcome {
  const split = splitAwsLine(tokens);
  if (!split.ok) return output(fail(`${AWS_USAGE}\n${split.error}`, 252));
  const [serviceName, opName] = split.positionals;
  if (serviceName === undefined) {
    if (split.help) return output(ok(topHelp()));
    return output(
      fail(`${AWS_USAGE}\naws: error: the following arguments are required: command`, 252),
    );
  }
  const service = own(AWS_SERVICES, serviceName);
  if (!service) return output(fail(invalidChoice('command', Object.keys(AWS_SERVICES)), 252));
  if (opName === undefined) {
    if (split.help) return output(ok(serviceHelp(serviceName)));
    return output(
      fail(`${AWS_USAGE}\naws: error: the following arguments are required: operation`, 252),
    );
  }
  const op = service.operations.find((o) => o.name === opName);
  if (!op)
    return output(
      fail(
        invalidChoice(
          'operation',
          service.operations.map((o) => o.name),
        ),
        252,
      ),
    );
  if (split.help) return output(ok(operationHelp(op)));
  const parsed = parseAwsParams(split.rest, op.flags);
  if (!parsed.ok) {
    if (parsed.kind === 'param') return output(fail(`\n${parsed.error}`, 252));
    return output(fail(`${AWS_USAGE}\n${parsed.error}`, 252));
  }
  if (split.globals.query !== null) {
    // As the CLI does, a query that does not parse stops the command before any request.
    const query = compileQuery(split.globals.query);
    if (!query.ok) {
      return output(fail(`\nBad value for --query ${split.globals.query}: ${query.error}`, 252));
    }
  }
  if (split.globals.region !== null && split.globals.region !== env.world.region) {
    return output(
      fail(
        `\nAn error occurred (UnrecognizedClientException) when calling the ${op.api} operation: the sandbox runs in ${env.world.region} only (got --region ${split.globals.region}).`,
        254,
      ),
    );
  }
  return op.run(parsed.args, env, split.globals);
}
