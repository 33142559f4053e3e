/** `aws autoscaling …`: update-auto-scaling-group and describe-auto-scaling-groups. */
import { own } from '../../../model/record.ts';
import type { Action } from '../../../model/actions.ts';
import type { AwsOperation } from '../operation.ts';
import { applyAll, awsError, awsOut, output, refusal } from '../operation.ts';
import { ok } from '../../types.ts';

const updateAsg: AwsOperation = {
  service: 'autoscaling',
  name: 'update-auto-scaling-group',
  api: 'UpdateAutoScalingGroup',
  summary: "Changes an Auto Scaling group's minimum, desired and maximum size.",
  flags: [
    { name: 'auto-scaling-group-name', type: 'string', required: true, help: "The group's name." },
    { name: 'min-size', type: 'integer', help: 'The minimum number of instances.' },
    {
      name: 'desired-capacity',
      type: 'integer',
      help: 'How many instances the group should have now.',
    },
    { name: 'max-size', type: 'integer', help: 'The maximum number of instances.' },
  ],
  examples: [
    'aws autoscaling update-auto-scaling-group --auto-scaling-group-name ecs-hosts --desired-capacity 4',
  ],
  run(args, env) {
    const name = args['auto-scaling-group-name'] as string;
    if (!own(env.world.ec2.autoScalingGroups, name)) {
      return output(
        awsError(
          this.api,
          'ValidationError',
          `AutoScalingGroup name not found - AutoScalingGroup '${name}' not found`,
        ),
      );
    }
    const action: Action = {
      type: 'ec2.asg.update',
      name,
      ...(args['min-size'] !== undefined ? { min: args['min-size'] as number } : {}),
      ...(args['desired-capacity'] !== undefined
        ? { desired: args['desired-capacity'] as number }
        : {}),
      ...(args['max-size'] !== undefined ? { max: args['max-size'] as number } : {}),
    };
    return applyAll(
      env.world,
      [action],
      (e) => refusal(this.api, e),
      () => ok(''),
    );
  },
};

const describeAsgs: AwsOperation = {
  service: 'autoscaling',
  name: 'describe-auto-scaling-groups',
  api: 'DescribeAutoScalingGroups',
  summary: 'Shows Auto Scaling groups and their instances.',
  flags: [{ name: 'auto-scaling-group-names', type: 'list', help: 'Only these groups.' }],
  examples: ['aws autoscaling describe-auto-scaling-groups'],
  run(args, env, globals) {
    const w = env.world;
    const names = args['auto-scaling-group-names'] as string[] | undefined;
    const groups = Object.values(w.ec2.autoScalingGroups)
      .filter((g) => !names || names.includes(g.name))
      .map((g) => ({
        AutoScalingGroupName: g.name,
        MinSize: g.minSize,
        MaxSize: g.maxSize,
        DesiredCapacity: g.desiredCapacity,
        AvailabilityZones: g.azs,
        Instances: Object.values(w.ec2.instances)
          .filter((i) => i.asg === g.name && i.state !== 'terminated')
          .map((i) => ({
            InstanceId: i.id,
            InstanceType: i.type,
            AvailabilityZone: i.az,
            LifecycleState:
              i.state === 'running'
                ? 'InService'
                : i.state === 'pending'
                  ? 'Pending'
                  : 'Terminating',
            HealthStatus: i.reachable ? 'Healthy' : 'Unhealthy',
          })),
      }));
    return output(awsOut({ AutoScalingGroups: groups }, globals, this.api));
  },
};

export const AUTOSCALING_OPERATIONS: AwsOperation[] = [describeAsgs, updateAsg];
