/**
 * The EC2 module: instances (with their bootstrap: Docker, or Docker + the ECS agent), Auto
 * Scaling groups, and the infrastructure faults. Present in every world.
 *
 * The behaviour half of the module (loaded by index.ts's `load()`).
 */
import { own } from '../../model/record.ts';
import type { ServiceBehaviour } from '../../engine/module.ts';
import { INSTANCE_TYPES } from '../../model/aws-data.ts';
import { LIMITS } from '../../model/constants.ts';
import type { MetricSample, World } from '../../model/types.ts';
import { charge, findInstance } from '../../engine/world-ops.ts';
import { asgUpdate, azOutage, azRecover, launch, terminate } from './ec2-actions.ts';
import { autoScalingGroupsController, ec2InstancesController } from './ec2-controllers.ts';
import { launchInstance } from './instances.ts';

const ECS_AMI = 'resolve:ssm:/aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id';
const DOCKER_AMI =
  'resolve:ssm:/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64';

const hostRef = (world: World, ref: string) => findInstance(world, ref)?.id ?? ref;
const terminateCommand = (world: World, instanceId: string) =>
  `aws ec2 terminate-instances --instance-ids ${hostRef(world, instanceId)}`;

/** EC2 bills while an instance is running. */
const instanceRate = (i: World['ec2']['instances'][string]) =>
  i.state === 'running' ? i.pricePerHour : 0;

export const ec2Behaviour: ServiceBehaviour<'ec2'> = {
  name: 'ec2',
  build(ctx, scenario, errors) {
    const world = ctx.world;
    const init = scenario.initial;
    let total = 0;
    for (const spec of init.instances) total += spec.count ?? 1;
    for (const asg of init.autoScalingGroups) total += asg.desiredCapacity;
    if (total > LIMITS.instancesTotal) {
      errors.push({
        path: 'initial.instances',
        message: `the scenario asks for ${total} instances; the sandbox runs at most ${LIMITS.instancesTotal}`,
      });
      return 'stop';
    }
    for (const [i, spec] of init.instances.entries()) {
      if (!own(INSTANCE_TYPES, spec.type)) {
        errors.push({
          path: `initial.instances[${i}].type`,
          message: `unknown instance type '${spec.type}'; use one of ${Object.keys(INSTANCE_TYPES).join(', ')}`,
        });
        continue;
      }
      if (!world.azs.includes(spec.az)) {
        errors.push({
          path: `initial.instances[${i}].az`,
          message: `'${spec.az}' is not an Availability Zone of ${world.region} (${world.azs.join(', ')})`,
        });
        continue;
      }
      const count = spec.count ?? 1;
      for (let k = 0; k < count; k++) {
        const name = spec.name ? (count > 1 ? `${spec.name}-${k + 1}` : spec.name) : null;
        launchInstance(
          ctx,
          { type: spec.type, az: spec.az, software: spec.software, name },
          { alreadyRunning: true },
        );
      }
    }
    for (const [i, asg] of init.autoScalingGroups.entries()) {
      if (!own(INSTANCE_TYPES, asg.instanceType)) {
        errors.push({
          path: `initial.autoScalingGroups[${i}].instanceType`,
          message: `unknown instance type '${asg.instanceType}'`,
        });
        continue;
      }
      if (!(asg.minSize <= asg.desiredCapacity && asg.desiredCapacity <= asg.maxSize)) {
        errors.push({
          path: `initial.autoScalingGroups[${i}].desiredCapacity`,
          message: `must be between minSize (${asg.minSize}) and maxSize (${asg.maxSize})`,
        });
        continue;
      }
      const azs = asg.azs ?? world.azs;
      const badAz = azs.find((az) => !world.azs.includes(az));
      if (badAz) {
        errors.push({
          path: `initial.autoScalingGroups[${i}].azs`,
          message: `'${badAz}' is not an Availability Zone of ${world.region}`,
        });
        continue;
      }
      world.ec2.autoScalingGroups[asg.name] = {
        name: asg.name,
        instanceType: asg.instanceType,
        software: asg.software,
        minSize: asg.minSize,
        desiredCapacity: asg.desiredCapacity,
        maxSize: asg.maxSize,
        azs: [...azs],
      };
      for (let k = 0; k < asg.desiredCapacity; k++) {
        launchInstance(
          ctx,
          {
            type: asg.instanceType,
            az: azs[k % azs.length]!,
            software: asg.software,
            asg: asg.name,
          },
          { alreadyRunning: true },
        );
      }
    }
    return undefined;
  },
  actions: {
    'ec2.instance.launch': {
      handle: launch,
      command: (action, world) => {
        const cluster = world.ecs.cluster?.name ?? 'default';
        const base = `aws ec2 run-instances --image-id ${action.software === 'ecs' ? ECS_AMI : DOCKER_AMI} --instance-type ${action.instanceType} --count ${action.count ?? 1} --placement AvailabilityZone=${action.az}`;
        const tag = action.name
          ? ` --tag-specifications 'ResourceType=instance,Tags=[{Key=Name,Value=${action.name}}]'`
          : '';
        return action.software === 'ecs'
          ? `${base} --iam-instance-profile Name=ecsInstanceRole --user-data "$(printf '#!/bin/bash\\necho ECS_CLUSTER=${cluster} >> /etc/ecs/ecs.config')"${tag}`
          : `${base} --user-data "$(printf '#!/bin/bash\\ndnf install -y docker && systemctl enable --now docker')"${tag}`;
      },
    },
    'ec2.instance.terminate': {
      handle: (ctx, a) => terminate(ctx, a.instanceId),
      command: (a, world) => terminateCommand(world, a.instanceId),
    },
    'ec2.asg.update': {
      handle: asgUpdate,
      command: (action) => {
        const parts = [
          `aws autoscaling update-auto-scaling-group --auto-scaling-group-name ${action.name}`,
        ];
        if (action.min !== undefined) parts.push(`--min-size ${action.min}`);
        if (action.desired !== undefined) parts.push(`--desired-capacity ${action.desired}`);
        if (action.max !== undefined) parts.push(`--max-size ${action.max}`);
        return parts.join(' ');
      },
    },
    'fault.terminate-instance': {
      handle: (ctx, a) => terminate(ctx, a.instanceId),
      command: (a, world) => terminateCommand(world, a.instanceId),
    },
    'fault.az-outage': {
      handle: azOutage,
      command: (a) => `# fault: Availability Zone ${a.az} goes down`,
    },
    'fault.az-recover': {
      handle: azRecover,
      command: (a) => `# fault: Availability Zone ${a.az} recovers`,
    },
  },
  run: {
    'ec2-instances': ec2InstancesController,
    'auto-scaling-groups': autoScalingGroupsController,
  },
  billing: {
    ratePerHour(world) {
      let perHour = 0;
      for (const id in world.ec2.instances) perHour += instanceRate(world.ec2.instances[id]!);
      return perHour;
    },
    chargeSecond(ctx) {
      let perHour = 0;
      const ec2 = ctx.world.ec2;
      for (const id in ec2.instances) {
        const rate = instanceRate(ec2.instances[id]!);
        if (rate === 0) continue;
        charge(ctx.world, id, 'ec2', rate / 3600);
        const billed = (ec2.billedSeconds ??= {});
        billed[id] = (own(billed, id) ?? 0) + 1;
        perHour += rate;
      }
      return perHour;
    },
  },
  metrics(world, sample: MetricSample) {
    for (const id in world.ec2.instances) {
      const i = world.ec2.instances[id]!;
      if (i.state !== 'running') continue;
      sample.instances[id] = { cpu: round2(i.cpuUtilization), memory: 0 };
    }
  },
};

const round2 = (n: number) => Math.round(n * 100) / 100;
