/** `aws ec2` instance operations: run-instances, terminate-instances, describe-instances. */
import { own } from '../../../model/record.ts';
import type { Action } from '../../../model/actions.ts';
import type { Instance, Software, World } from '../../../model/types.ts';
import type { GlobalOptions } from '../args.ts';
import { eksAmiVersion, eksNodeAction } from './eks-node.ts';
import type { AwsOperation } from '../operation.ts';
import { applyAll, awsError, awsOut, output, refusal } from '../operation.ts';
import { isoTime } from '../../format.ts';

/** `aws ec2 …` and `aws autoscaling …`: the subset the sandbox models. */
/** The Name tag from `ResourceType=instance,Tags=[{Key=Name,Value=web-1}]` or its JSON form. */
function nameTag(specs: unknown[] | undefined, raw: string[]): string | undefined {
  for (const spec of specs ?? []) {
    if (
      spec &&
      typeof spec === 'object' &&
      Array.isArray((spec as Record<string, unknown>)['Tags'])
    ) {
      for (const tag of (spec as { Tags: unknown[] }).Tags) {
        const t = tag as Record<string, unknown>;
        if (t && t['Key'] === 'Name' && typeof t['Value'] === 'string') return t['Value'];
      }
    }
  }
  for (const text of raw) {
    const m = /Key=Name,Value=([^}\],]+)/.exec(text);
    if (m) return m[1];
  }
  return undefined;
}

export const runInstances: AwsOperation = {
  service: 'ec2',
  name: 'run-instances',
  api: 'RunInstances',
  summary:
    'Launches EC2 instances. With user data that sets ECS_CLUSTER, the ECS agent joins them to the cluster.',
  flags: [
    {
      name: 'image-id',
      type: 'string',
      required: true,
      help: 'The AMI: any id works in the sandbox; the ECS-optimized AMI is what real clusters use.',
    },
    {
      name: 'instance-type',
      type: 'string',
      required: true,
      help: 'For example t3.medium, m5.large, c5.large, m6g.large.',
    },
    { name: 'count', type: 'string', help: 'How many instances (N or min:max).' },
    {
      name: 'placement',
      type: 'structure',
      placeholder: 'AvailabilityZone=string',
      help: 'AvailabilityZone=eu-west-3a picks the AZ.',
    },
    {
      name: 'user-data',
      type: 'string',
      help: 'A boot script; `echo ECS_CLUSTER=demo >> /etc/ecs/ecs.config` makes the instance an ECS container instance.',
    },
    {
      name: 'tag-specifications',
      type: 'structure-list',
      placeholder: 'ResourceType=instance,Tags=[{Key=Name,Value=web-1}]',
      help: 'Tags; a Name tag names the instance.',
    },
    {
      name: 'iam-instance-profile',
      type: 'structure',
      help: 'Accepted and ignored (the sandbox grants ecsInstanceRole).',
    },
    { name: 'key-name', type: 'string', help: 'Accepted and ignored.' },
    { name: 'security-group-ids', type: 'list', help: 'Accepted and ignored.' },
    {
      name: 'subnet-id',
      type: 'string',
      help: 'Accepted and ignored: use --placement AvailabilityZone=… to pick the AZ.',
    },
  ],
  examples: [
    'aws ec2 run-instances --image-id ami-0c2f3d4e5a6b7c8d9 --instance-type t3.medium --count 1 --placement AvailabilityZone=eu-west-3a',
    'aws ec2 run-instances --image-id ami-0ecs0ptimized00000 --instance-type m5.large --user-data "#!/bin/bash\necho ECS_CLUSTER=demo >> /etc/ecs/ecs.config"',
  ],
  run(args, env, globals) {
    const w = env.world;
    let count: number | undefined;
    if (typeof args['count'] === 'string') {
      const m = /^(\d+)(?::(\d+))?$/.exec(args['count']);
      if (!m)
        return output(
          awsError(
            this.api,
            'InvalidParameterValue',
            `Invalid value '${args['count']}' for --count: expected N or min:max`,
          ),
        );
      count = Number(m[2] ?? m[1]);
    }
    const placement = args['placement'] as Record<string, unknown> | undefined;
    const az =
      typeof placement?.['AvailabilityZone'] === 'string'
        ? (placement['AvailabilityZone'] as string)
        : (w.azs[0] ?? '');
    const userData = typeof args['user-data'] === 'string' ? args['user-data'] : '';
    const software: Software = /ECS_CLUSTER/.test(userData) ? 'ecs' : 'docker';
    const rawTags = rawTagTexts(args['tag-specifications']);
    const name = nameTag(args['tag-specifications'] as unknown[] | undefined, rawTags);
    const eksVersion = eksAmiVersion(String(args['image-id']));
    if (eksVersion !== null) {
      const node = eksNodeAction(w, env.files, {
        version: eksVersion,
        instanceType: args['instance-type'] as string,
        az,
        ...(count !== undefined ? { count } : {}),
        ...(name !== undefined ? { name } : {}),
        profile: args['iam-instance-profile'],
        ...(typeof args['user-data'] === 'string' ? { userData: args['user-data'] } : {}),
      });
      if (!node.ok) return output({ stdout: '', stderr: `\n${node.error}`, exitCode: 252 });
      return launched(w, node.action, this.api, globals);
    }
    const action: Action = {
      type: 'ec2.instance.launch',
      instanceType: args['instance-type'] as string,
      az,
      software,
      ...(count !== undefined ? { count } : {}),
      ...(name !== undefined ? { name } : {}),
    };
    return launched(w, action, this.api, globals);
  },
};

/** Applies a launch and prints the reservation with the instances it added. */
function launched(w: World, action: Action, api: string, globals: GlobalOptions) {
  return applyAll(
    w,
    [action],
    (e) => refusal(api, e),
    (_r, before, after) => {
      const added = Object.values(after.ec2.instances).filter(
        (i) => !Object.hasOwn(before.ec2.instances, i.id),
      );
      return awsOut(
        {
          Groups: [],
          Instances: added.map((i) => describeInstance(i)),
          OwnerId: w.accountId,
          ReservationId: `r-${(added[0]?.id ?? 'i-0').slice(2)}`,
        },
        globals,
        api,
      );
    },
  );
}

function rawTagTexts(v: unknown): string[] {
  if (!Array.isArray(v)) return [];
  return v.map((item) =>
    typeof item === 'object' && item !== null
      ? JSON.stringify(item).replace(/"/g, '')
      : String(item),
  );
}

const stateCode: Record<string, number> = {
  pending: 0,
  running: 16,
  'shutting-down': 32,
  terminated: 48,
  stopping: 64,
  stopped: 80,
};

export const terminateInstances: AwsOperation = {
  service: 'ec2',
  name: 'terminate-instances',
  api: 'TerminateInstances',
  summary: 'Terminates instances: their containers or tasks stop with them.',
  flags: [
    {
      name: 'instance-ids',
      type: 'list',
      required: true,
      help: 'One or more instance ids (i-0…).',
    },
  ],
  examples: ['aws ec2 terminate-instances --instance-ids i-0a1b2c3d4e5f60718'],
  run(args, env, globals) {
    const w = env.world;
    const ids = args['instance-ids'] as string[];
    for (const id of ids) {
      if (!own(w.ec2.instances, id)) {
        return output(
          awsError(
            this.api,
            /^i-[0-9a-f]{8,17}$/.test(id)
              ? 'InvalidInstanceID.NotFound'
              : 'InvalidInstanceID.Malformed',
            /^i-[0-9a-f]{8,17}$/.test(id)
              ? `The instance ID '${id}' does not exist`
              : `Invalid id: "${id}"`,
          ),
        );
      }
    }
    const actions: Action[] = ids.map((instanceId) => ({
      type: 'ec2.instance.terminate',
      instanceId,
    }));
    return applyAll(
      w,
      actions,
      (e) => refusal(this.api, e),
      (_r, before, after) =>
        awsOut(
          {
            TerminatingInstances: ids.map((id) => ({
              CurrentState: {
                Code: stateCode[own(after.ec2.instances, id)?.state ?? 'terminated'] ?? 48,
                Name: own(after.ec2.instances, id)?.state ?? 'terminated',
              },
              InstanceId: id,
              PreviousState: {
                Code: stateCode[own(before.ec2.instances, id)?.state ?? 'running'] ?? 16,
                Name: own(before.ec2.instances, id)?.state ?? 'running',
              },
            })),
          },
          globals,
          this.api,
        ),
    );
  },
};

export const describeInstances: AwsOperation = {
  service: 'ec2',
  name: 'describe-instances',
  api: 'DescribeInstances',
  summary: 'Shows instances: type, AZ, state.',
  flags: [{ name: 'instance-ids', type: 'list', help: 'Only these instances.' }],
  examples: ['aws ec2 describe-instances', 'aws ec2 describe-instances --output table'],
  run(args, env, globals) {
    const w = env.world;
    const ids = args['instance-ids'] as string[] | undefined;
    for (const id of ids ?? []) {
      if (!own(w.ec2.instances, id))
        return output(
          awsError(
            this.api,
            'InvalidInstanceID.NotFound',
            `The instance ID '${id}' does not exist`,
          ),
        );
    }
    const list = Object.values(w.ec2.instances).filter((i) => !ids || ids.includes(i.id));
    return output(
      awsOut(
        {
          Reservations: list.map((i) => ({
            Instances: [describeInstance(i)],
            OwnerId: w.accountId,
            ReservationId: `r-${i.id.slice(2)}`,
          })),
        },
        globals,
        this.api,
      ),
    );
  },
};

export function describeInstance(i: Instance, stateReason?: string): Record<string, unknown> {
  const codes: Record<string, number> = {
    pending: 0,
    running: 16,
    'shutting-down': 32,
    terminated: 48,
    stopping: 64,
    stopped: 80,
  };
  return {
    InstanceId: i.id,
    InstanceType: i.type,
    Placement: { AvailabilityZone: i.az },
    State: { Code: codes[i.state] ?? 0, Name: i.state },
    ...(stateReason ? { StateReason: { Message: stateReason } } : {}),
    LaunchTime: isoTime(i.launchedAt),
    Tags: i.name ? [{ Key: 'Name', Value: i.name }] : [],
  };
}
