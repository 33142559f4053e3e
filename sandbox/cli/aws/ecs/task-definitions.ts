/** `aws ecs` task definition operations: register-task-definition, describe-task-definition, list-task-definitions. */
import { nestingProblem } from '../../../model/nesting.ts';
import { own } from '../../../model/record.ts';
import type { Action } from '../../../model/actions.ts';
import { describeTaskDefinition } from './describe.ts';
import type { AwsOperation } from '../operation.ts';
import { applyAll, awsError, awsOut, lastSegment, output, refusal } from '../operation.ts';
import { compact } from './params.ts';
import { readTaskDefinitionInput, validationFailedText } from './task-definition-input.ts';
import { fail } from '../../types.ts';

/** JSON.parse's complaint with the line and column the AWS CLI names (its Python parser does). */
function jsonErrorText(text: string, error: Error): string {
  const at = /position (\d+)/.exec(error.message);
  const reason = error.message
    .replace(/\s*in JSON at position \d+.*$/s, '')
    .replace(/ \(line \d+ column \d+\)$/, '');
  if (!at) return reason;
  const pos = Number(at[1]);
  const before = text.slice(0, pos);
  const line = before.split('\n').length;
  const column = pos - before.lastIndexOf('\n');
  return `${reason}: line ${line} column ${column} (char ${pos})`;
}

/** JSON gives numbers and booleans; shorthand (`name=web,memory=512`) only strings. */
function hasTypedScalar(v: unknown): boolean {
  if (typeof v === 'number' || typeof v === 'boolean') return true;
  if (Array.isArray(v)) return v.some(hasTypedScalar);
  if (typeof v === 'object' && v !== null) return Object.values(v).some(hasTypedScalar);
  return false;
}

/** The sandbox's own note (not the AWS CLI's) on the fields it accepted without modelling them. */
export function ignoredNote(ignored: string[]): string {
  const shown = ignored.slice(0, 12).join(', ');
  const more = ignored.length > 12 ? ` and ${ignored.length - 12} more` : '';
  return `Accepted as AWS does; the sandbox does not model ${shown}${more} (this note is the sandbox's, not the AWS CLI's).`;
}

export const registerTaskDefinition: AwsOperation = {
  service: 'ecs',
  name: 'register-task-definition',
  api: 'RegisterTaskDefinition',
  summary: 'Registers a new task definition (family:revision) from a JSON document.',
  flags: [
    {
      name: 'cli-input-json',
      type: 'string',
      placeholder: 'file://<name>.json',
      help: "The whole task definition as JSON, inline or from a file (file://web.json reads the editor's document).",
    },
    { name: 'family', type: 'string', help: 'The family name (when not using --cli-input-json).' },
    {
      name: 'container-definitions',
      type: 'structure-list',
      help: 'A JSON list of container definitions (when not using --cli-input-json).',
    },
    { name: 'requires-compatibilities', type: 'list', help: 'EC2 and/or FARGATE.' },
    {
      name: 'network-mode',
      type: 'string',
      choices: ['bridge', 'host', 'awsvpc', 'none'],
      help: 'Docker networking mode; Fargate requires awsvpc.',
    },
    {
      name: 'cpu',
      type: 'string',
      help: 'Task-level CPU units ("256") or vCPU ("1 vCPU"); required on Fargate.',
    },
    {
      name: 'memory',
      type: 'string',
      help: 'Task-level memory in MiB ("512") or GB ("1GB"); required on Fargate.',
    },
    {
      name: 'task-role-arn',
      type: 'string',
      help: "The IAM role your application's code gets when it calls AWS.",
    },
    {
      name: 'execution-role-arn',
      type: 'string',
      help: 'The IAM role ECS uses to pull a private image and write logs for the task.',
    },
  ],
  examples: [
    'aws ecs register-task-definition --cli-input-json file://web.json',
    'aws ecs register-task-definition --family web --container-definitions \'[{"name":"web","image":"nginx:1.27","memory":256}]\'',
  ],
  run(args, env, globals) {
    let input: unknown;
    if (typeof args['cli-input-json'] === 'string') {
      const raw = args['cli-input-json'] as string;
      let text = raw;
      if (raw.startsWith('file://')) {
        const name = raw.slice('file://'.length).replace(/^\.\//, '');
        const file = own(env.files, name);
        if (file === undefined) {
          const known = Object.keys(env.files);
          return output(
            fail(
              `\nError parsing parameter '--cli-input-json': Unable to load paramfile ${raw}: [Errno 2] No such file or directory: '${name}'` +
                (known.length > 0 ? `\n(files here: ${known.join(', ')})` : ''),
              252,
            ),
          );
        }
        text = file;
      }
      const deep = nestingProblem(text);
      if (deep)
        return output(
          fail(`\nError parsing parameter 'cli-input-json': Invalid JSON: ${deep}`, 252),
        );
      try {
        input = JSON.parse(text);
      } catch (e) {
        return output(
          fail(
            `\nError parsing parameter 'cli-input-json': Invalid JSON: ${jsonErrorText(text, e as Error)}\nJSON received: ${text.slice(0, 200)}`,
            252,
          ),
        );
      }
      for (const flag of [
        'family',
        'container-definitions',
        'requires-compatibilities',
        'network-mode',
        'cpu',
        'memory',
        'task-role-arn',
        'execution-role-arn',
      ]) {
        if (flag in args && typeof input === 'object' && input !== null) {
          const key = flag.replace(/-([a-z])/g, (_, ch: string) => ch.toUpperCase());
          (input as Record<string, unknown>)[key] = args[flag];
        }
      }
    } else {
      if (!('family' in args) || !('container-definitions' in args)) {
        return output(
          fail(
            `aws: error: the following arguments are required: ${'family' in args ? '' : '--family'}${!('family' in args) && !('container-definitions' in args) ? ', ' : ''}${'container-definitions' in args ? '' : '--container-definitions'}`,
            252,
          ),
        );
      }
      input = compact({
        family: args['family'],
        containerDefinitions: args['container-definitions'],
        requiresCompatibilities: args['requires-compatibilities'],
        networkMode: args['network-mode'],
        cpu: args['cpu'],
        memory: args['memory'],
        taskRoleArn: args['task-role-arn'],
        executionRoleArn: args['execution-role-arn'],
      });
    }
    const read = readTaskDefinitionInput(input, {
      shorthand:
        typeof args['cli-input-json'] !== 'string' &&
        !hasTypedScalar(args['container-definitions']),
    });
    if (!read.ok && read.limits)
      return output(
        fail(
          read.limits
            .map(
              (l) =>
                `\nAn error occurred (ClientException) when calling the RegisterTaskDefinition operation: ${l}`,
            )
            .join(''),
          254,
        ),
      );
    if (!read.ok) return output(fail(validationFailedText(read.errors), 252));
    const action: Action = {
      type: 'ecs.taskdef.register',
      taskDefinition: read.value,
      ...(read.ignored.length > 0 ? { notModelled: read.ignored } : {}),
    };
    return applyAll(
      env.world,
      [action],
      (error) => refusal(this.api, error),
      (_results, before, after) => {
        const added = Object.keys(after.ecs.taskDefinitions).find(
          (k) => !Object.hasOwn(before.ecs.taskDefinitions, k),
        );
        const td = added ? own(after.ecs.taskDefinitions, added) : undefined;
        const out = awsOut(
          { taskDefinition: td ? describeTaskDefinition(td) : {} },
          globals,
          this.api,
        );
        return read.ignored.length === 0 ? out : { ...out, stderr: ignoredNote(read.ignored) };
      },
    );
  },
};

export const describeTaskDefinitionOp: AwsOperation = {
  service: 'ecs',
  name: 'describe-task-definition',
  api: 'DescribeTaskDefinition',
  summary: 'Shows one registered task definition (family:revision, or family for the latest).',
  flags: [
    {
      name: 'task-definition',
      type: 'string',
      required: true,
      help: 'family:revision, family, or the ARN.',
    },
  ],
  examples: ['aws ecs describe-task-definition --task-definition web:1'],
  run(args, env, globals) {
    const ref = lastSegment(args['task-definition'] as string);
    const w = env.world;
    const td = ref.includes(':')
      ? own(w.ecs.taskDefinitions, ref)
      : Object.values(w.ecs.taskDefinitions)
          .filter((t) => t.family === ref && t.status === 'ACTIVE')
          .sort((a, b) => b.revision - a.revision)[0];
    if (!td)
      return output(awsError(this.api, 'ClientException', 'Unable to describe task definition.'));
    return output(awsOut({ taskDefinition: describeTaskDefinition(td) }, globals, this.api));
  },
};

export const listTaskDefinitions: AwsOperation = {
  service: 'ecs',
  name: 'list-task-definitions',
  api: 'ListTaskDefinitions',
  summary: 'Lists registered task definition ARNs.',
  flags: [{ name: 'family-prefix', type: 'string', help: 'Only families starting with this.' }],
  examples: ['aws ecs list-task-definitions'],
  run(args, env, globals) {
    const prefix = (args['family-prefix'] as string | undefined) ?? '';
    const arns = Object.values(env.world.ecs.taskDefinitions)
      .filter((t) => t.family.startsWith(prefix) && t.status === 'ACTIVE')
      .sort((a, b) => a.family.localeCompare(b.family) || a.revision - b.revision)
      .map((t) => t.arn);
    return output(awsOut({ taskDefinitionArns: arns }, globals, this.api));
  },
};
