/** `aws ecs` container instance operations: list-container-instances, describe-container-instances, update-container-instances-state. */
import type { Action } from '../../../model/actions.ts';
import type { ContainerInstance, World } from '../../../model/types.ts';
import { own } from '../../../model/record.ts';
import { containerInstanceOf } from '../../../engine/queries.ts';
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
import { cluster } from './params.ts';

export const listContainerInstances: AwsOperation = {
  service: 'ecs',
  name: 'list-container-instances',
  api: 'ListContainerInstances',
  summary: 'Lists the container instances (EC2 hosts whose agent registered) in the cluster.',
  flags: [
    cluster,
    {
      name: 'status',
      type: 'string',
      choices: ['ACTIVE', 'DRAINING', 'REGISTERING', 'DEREGISTERING', 'REGISTRATION_FAILED'],
      help: 'Filter by status.',
    },
  ],
  examples: ['aws ecs list-container-instances --cluster demo'],
  run(args, env, globals) {
    const bad = checkCluster(env.world, args, this.api);
    if (bad) return output(bad);
    const arns = containerInstancesOf(env.world)
      .filter(
        (i) =>
          i.status !== 'INACTIVE' && own(env.world.ec2.instances, i.id)?.state !== 'terminated',
      )
      .filter((i) => args['status'] === undefined || i.status === args['status'])
      .map((i) => i.containerInstanceArn);
    return output(awsOut({ containerInstanceArns: arns }, globals, this.api));
  },
};

export const describeContainerInstances: AwsOperation = {
  service: 'ecs',
  name: 'describe-container-instances',
  api: 'DescribeContainerInstances',
  summary:
    'Shows container instances: status, agent connection, registered and remaining CPU/memory.',
  flags: [
    cluster,
    {
      name: 'container-instances',
      type: 'list',
      required: true,
      help: 'Container instance ARNs or ids, or EC2 instance ids.',
    },
  ],
  examples: ['aws ecs describe-container-instances --cluster demo --container-instances <arn>'],
  run(args, env, globals) {
    const bad = checkCluster(env.world, args, this.api);
    if (bad) return output(bad);
    const w = env.world;
    const refs = args['container-instances'] as string[];
    const all = containerInstancesOf(w);
    const found = refs
      .map((r) =>
        all.find(
          (i) =>
            i.id === r || i.containerInstanceArn === r || lastSegment(i.containerInstanceArn) === r,
        ),
      )
      .filter((i) => i !== undefined);
    const containerInstances = found.map((i) => ({
      containerInstanceArn: i.containerInstanceArn,
      ec2InstanceId: i.id,
      status: i.status,
      agentConnected: i.connected,
      runningTasksCount: i.runningCount,
      registeredResources: [
        { name: 'CPU', type: 'INTEGER', integerValue: i.cpuUnits },
        { name: 'MEMORY', type: 'INTEGER', integerValue: i.memoryMiB },
      ],
      remainingResources: [
        { name: 'CPU', type: 'INTEGER', integerValue: i.cpuUnits - i.reservedCpu },
        { name: 'MEMORY', type: 'INTEGER', integerValue: i.memoryMiB - i.reservedMemory },
      ],
      attributes: [
        { name: 'ecs.availability-zone', value: i.az },
        { name: 'ecs.instance-type', value: i.type },
      ],
    }));
    const failures = refs
      .filter(
        (_, n) =>
          found.length <= n ||
          !found.some(
            (f) =>
              f.id === refs[n] ||
              f.containerInstanceArn === refs[n] ||
              lastSegment(f.containerInstanceArn) === refs[n],
          ),
      )
      .map((r) => ({ arn: r, reason: 'MISSING' }));
    return output(awsOut({ containerInstances, failures }, globals, this.api));
  },
};

export const updateContainerInstancesState: AwsOperation = {
  service: 'ecs',
  name: 'update-container-instances-state',
  api: 'UpdateContainerInstancesState',
  summary: 'Sets container instances to DRAINING: no new tasks, service tasks move elsewhere.',
  flags: [
    cluster,
    {
      name: 'container-instances',
      type: 'list',
      required: true,
      help: 'Container instance ARNs or EC2 instance ids.',
    },
    {
      name: 'status',
      type: 'string',
      required: true,
      choices: ['ACTIVE', 'DRAINING'],
      help: 'DRAINING (ACTIVE is not modelled).',
    },
  ],
  examples: [
    'aws ecs update-container-instances-state --cluster demo --container-instances <arn> --status DRAINING',
  ],
  run(args, env, globals) {
    const bad = checkCluster(env.world, args, this.api);
    if (bad) return output(bad);
    if (args['status'] !== 'DRAINING') {
      return output(
        awsError(
          this.api,
          'InvalidParameterException',
          'The sandbox models draining only (--status DRAINING).',
        ),
      );
    }
    const w = env.world;
    const ids: string[] = [];
    for (const ref of args['container-instances'] as string[]) {
      const inst = containerInstancesOf(w).find(
        (i) =>
          i.id === ref ||
          i.containerInstanceArn === ref ||
          lastSegment(i.containerInstanceArn) === ref,
      );
      if (!inst)
        return output(
          awsError(this.api, 'InvalidParameterException', `Container instance ${ref} not found.`),
        );
      ids.push(inst.id);
    }
    const actions: Action[] = ids.map((instanceId) => ({
      type: 'ecs.container-instance.drain',
      instanceId,
    }));
    return applyAll(
      w,
      actions,
      (e) => refusal(this.api, e),
      (_r, _b, after) =>
        awsOut(
          {
            containerInstances: ids.map((id) => ({
              containerInstanceArn: containerInstanceOf(after, id)?.containerInstanceArn,
              ec2InstanceId: id,
              status: containerInstanceOf(after, id)?.status,
            })),
            failures: [],
          },
          globals,
          this.api,
        ),
    );
  },
};

/** The cluster's container instances, in the order their EC2 instances were launched. */
export function containerInstancesOf(world: World): ContainerInstance[] {
  const out: ContainerInstance[] = [];
  for (const id in world.ec2.instances) {
    const ci = containerInstanceOf(world, id);
    if (ci) out.push(ci);
  }
  return out;
}
