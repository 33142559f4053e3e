/** `aws ecs` task operations: run-task, stop-task, list-tasks, describe-tasks. */
import { own } from '../../../model/record.ts';
import type { Action } from '../../../model/actions.ts';
import { describeTask } from './describe.ts';
import type { AwsOperation } from '../operation.ts';
import {
  applyAll,
  awsError,
  awsOut,
  checkCluster,
  lastSegment,
  output,
  refusal,
} from '../operation.ts';
import {
  cluster,
  compact,
  constraints,
  failuresFor,
  launch,
  launchType,
  paramError,
  placementConstraints,
  placementStrategy,
  serviceByRef,
  strategies,
  taskDefinitionByRef,
  FARGATE_PLACEMENT_CONSTRAINTS,
  FARGATE_PLACEMENT_STRATEGIES,
  NETWORK_CONFIGURATION_NEEDED,
  network,
  networkFor,
} from './params.ts';

/** The sandbox's own refusal (not AWS's): a standalone task on EC2 is placed by its defaults. */
const STANDALONE_PLACEMENT =
  "\nThe sandbox places standalone tasks on EC2 with its default spread and does not model run-task's --placement-strategy or --placement-constraints there; services take them (create-service, update-service). (This is the sandbox's own message, not AWS's.)";

export const runTask: AwsOperation = {
  service: 'ecs',
  name: 'run-task',
  api: 'RunTask',
  summary:
    'Starts one or more standalone tasks from a task definition (not kept running by a service).',
  flags: [
    cluster,
    {
      name: 'task-definition',
      type: 'string',
      required: true,
      help: 'family:revision or the full ARN.',
    },
    { name: 'count', type: 'integer', help: 'How many tasks to start (1–10).' },
    launchType,
    {
      name: 'network-configuration',
      type: 'structure',
      help: "Required for awsvpc task definitions (every Fargate task): the subnets and security groups of the tasks' network interfaces.",
    },
    placementStrategy,
    placementConstraints,
  ],
  examples: [
    "aws ecs run-task --cluster demo --task-definition web:1 --count 2 --launch-type FARGATE --network-configuration 'awsvpcConfiguration={subnets=[subnet-0a1b2c3d4e5f6071],securityGroups=[sg-0123456789abcdef0]}'",
  ],
  run(args, env, globals) {
    const bad = checkCluster(env.world, args, this.api);
    if (bad) return output(bad);
    const lt = launch(args['launch-type']);
    const ps = strategies(args['placement-strategy']);
    const pc = constraints(args['placement-constraints']);
    if (!lt.ok) return output(paramError(lt.error));
    if (!ps.ok) return output(paramError(ps.error));
    if (!pc.ok) return output(paramError(pc.error));
    const hasStrategies = (ps.value?.length ?? 0) > 0;
    if ((hasStrategies || (pc.value?.length ?? 0) > 0) && lt.value === 'FARGATE') {
      const message = hasStrategies ? FARGATE_PLACEMENT_STRATEGIES : FARGATE_PLACEMENT_CONSTRAINTS;
      return output(awsError(this.api, 'InvalidParameterException', message));
    }
    if (hasStrategies || (pc.value?.length ?? 0) > 0)
      return output({ stdout: '', stderr: STANDALONE_PLACEMENT, exitCode: 254 });
    const td = taskDefinitionByRef(env.world, args['task-definition'] as string);
    const given = network(args['network-configuration']);
    if (!given.ok) return output(paramError(given.error));
    const net = networkFor(env.world, td, given.value, this.api);
    if (!net.ok) return output(net.output);
    if ((td?.networkMode === 'awsvpc' || lt.value === 'FARGATE') && !given.value)
      return output(awsError(this.api, 'InvalidParameterException', NETWORK_CONFIGURATION_NEEDED));
    const action: Action = compact({
      type: 'ecs.task.run' as const,
      taskDefinition: lastSegment(args['task-definition'] as string),
      count: args['count'] as number | undefined,
      launchType: lt.value,
      network: net.network,
    });
    return applyAll(
      env.world,
      [action],
      (e) => refusal(this.api, e),
      (_r, before, after) => {
        const added = Object.values(after.ecs.tasks).filter(
          (t) => !Object.hasOwn(before.ecs.tasks, t.id),
        );
        return awsOut(
          { tasks: added.map((t) => describeTask(after, t)), failures: [] },
          globals,
          this.api,
        );
      },
    );
  },
};

export const stopTask: AwsOperation = {
  service: 'ecs',
  name: 'stop-task',
  api: 'StopTask',
  summary: 'Stops a running task (a service will start a replacement).',
  flags: [
    cluster,
    { name: 'task', type: 'string', required: true, help: 'The task id or ARN.' },
    { name: 'reason', type: 'string', help: 'Shown as stoppedReason in describe-tasks.' },
  ],
  examples: ['aws ecs stop-task --cluster demo --task 0123456789abcdef0123456789abcdef'],
  run(args, env, globals) {
    const bad = checkCluster(env.world, args, this.api);
    if (bad) return output(bad);
    const taskId = lastSegment(args['task'] as string);
    const action: Action = compact({
      type: 'ecs.task.stop' as const,
      taskId,
      reason: args['reason'] as string | undefined,
    });
    return applyAll(
      env.world,
      [action],
      (e) => refusal(this.api, e),
      (_r, _b, after) => {
        const t = own(after.ecs.tasks, taskId);
        return awsOut({ task: t ? describeTask(after, t) : {} }, globals, this.api);
      },
    );
  },
};

export const listTasks: AwsOperation = {
  service: 'ecs',
  name: 'list-tasks',
  api: 'ListTasks',
  summary: 'Lists task ARNs, optionally for one service or family, RUNNING (default) or STOPPED.',
  flags: [
    cluster,
    { name: 'service-name', type: 'string', help: 'Only tasks of this service.' },
    { name: 'family', type: 'string', help: 'Only tasks of this task definition family.' },
    {
      name: 'desired-status',
      type: 'string',
      choices: ['RUNNING', 'PENDING', 'STOPPED'],
      help: 'Filter by desired status (default RUNNING).',
    },
    {
      name: 'launch-type',
      type: 'string',
      choices: ['EC2', 'FARGATE', 'EXTERNAL'],
      help: 'Only tasks of this launch type.',
    },
  ],
  examples: ['aws ecs list-tasks --cluster demo --service-name web'],
  run(args, env, globals) {
    const bad = checkCluster(env.world, args, this.api);
    if (bad) return output(bad);
    const w = env.world;
    const svc = args['service-name'] as string | undefined;
    if (svc !== undefined && !serviceByRef(w, svc)) {
      return output(awsError(this.api, 'ServiceNotFoundException', 'Service not found.'));
    }
    const status = (args['desired-status'] as string | undefined) ?? 'RUNNING';
    const arns = Object.values(w.ecs.tasks)
      .filter((t) =>
        status === 'STOPPED' ? t.desiredStatus === 'STOPPED' : t.desiredStatus === 'RUNNING',
      )
      .filter((t) => svc === undefined || t.service === lastSegment(svc))
      .filter(
        (t) => args['family'] === undefined || t.taskDefinition.split(':')[0] === args['family'],
      )
      .filter((t) => args['launch-type'] === undefined || t.launchType === args['launch-type'])
      .sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id))
      .map((t) => t.arn);
    return output(awsOut({ taskArns: arns }, globals, this.api));
  },
};

export const describeTasks: AwsOperation = {
  service: 'ecs',
  name: 'describe-tasks',
  api: 'DescribeTasks',
  summary: 'Shows tasks: lastStatus, desiredStatus, where they run, why they stopped.',
  flags: [
    cluster,
    { name: 'tasks', type: 'list', required: true, help: 'Task ids or ARNs (up to 100).' },
  ],
  examples: ['aws ecs describe-tasks --cluster demo --tasks 0123456789abcdef0123456789abcdef'],
  run(args, env, globals) {
    const bad = checkCluster(env.world, args, this.api);
    if (bad) return output(bad);
    const w = env.world;
    const refs = args['tasks'] as string[];
    const found = refs.map((r) => own(w.ecs.tasks, lastSegment(r))).filter((t) => t !== undefined);
    const failures = failuresFor(
      refs,
      (id) => Object.hasOwn(w.ecs.tasks, id),
      (id) =>
        `arn:aws:ecs:${w.region}:${w.accountId}:task/${w.ecs.cluster?.name ?? 'default'}/${id}`,
    );
    return output(
      awsOut({ tasks: found.map((t) => describeTask(w, t)), failures }, globals, this.api),
    );
  },
};
