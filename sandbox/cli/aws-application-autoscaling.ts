/**
 * `aws application-autoscaling …` for ECS services: register-scalable-target (min/max, kept in
 * the terminal session until a policy uses it) and put-scaling-policy (target tracking on
 * ECSServiceAverageCPUUtilization), which together make one ecs.service.autoscale action.
 */
import type { Action } from '../model/actions.ts';
import type { AwsOperation } from './operation.ts';
import { applyAll, awsError, awsOut, output, refusal } from './operation.ts';
import { ok } from './types.ts';

const common = [
  {
    name: 'service-namespace',
    type: 'string' as const,
    required: true,
    choices: ['ecs'],
    help: 'ecs (the only namespace the sandbox models).',
  },
  {
    name: 'resource-id',
    type: 'string' as const,
    required: true,
    help: 'service/<cluster>/<service>.',
  },
  {
    name: 'scalable-dimension',
    type: 'string' as const,
    required: true,
    choices: ['ecs:service:DesiredCount'],
    help: 'ecs:service:DesiredCount.',
  },
];

function serviceOf(resourceId: string, clusterName: string | undefined): string | null {
  const m = /^service\/([^/]+)\/([^/]+)$/.exec(resourceId);
  if (!m || m[1] !== clusterName) return null;
  return m[2] ?? null;
}

const registerScalableTarget: AwsOperation = {
  service: 'application-autoscaling',
  name: 'register-scalable-target',
  api: 'RegisterScalableTarget',
  summary: 'Declares the minimum and maximum task count auto scaling may set for a service.',
  flags: [
    ...common,
    {
      name: 'min-capacity',
      type: 'integer',
      required: true,
      help: 'The fewest tasks scaling may leave.',
    },
    {
      name: 'max-capacity',
      type: 'integer',
      required: true,
      help: 'The most tasks scaling may start.',
    },
  ],
  examples: [
    'aws application-autoscaling register-scalable-target --service-namespace ecs --resource-id service/demo/web --scalable-dimension ecs:service:DesiredCount --min-capacity 2 --max-capacity 10',
  ],
  run(args, env) {
    const resourceId = args['resource-id'] as string;
    const service = serviceOf(resourceId, env.world.cluster?.name);
    if (!service || !env.world.services[service]) {
      return output(
        awsError(this.api, 'ValidationException', `ECS service doesn't exist: ${resourceId}`),
      );
    }
    const min = args['min-capacity'] as number;
    const max = args['max-capacity'] as number;
    if (min < 0 || max < min) {
      return output(
        awsError(
          this.api,
          'ValidationException',
          `Minimum capacity (${min}) cannot be greater than maximum capacity (${max}), nor negative`,
        ),
      );
    }
    return {
      kind: 'output',
      output: ok(''),
      session: {
        ...env.session,
        scalableTargets: { ...env.session.scalableTargets, [resourceId]: { min, max } },
      },
    };
  },
};

const putScalingPolicy: AwsOperation = {
  service: 'application-autoscaling',
  name: 'put-scaling-policy',
  api: 'PutScalingPolicy',
  summary:
    "Target tracking: keep the service's average CPU near a target by changing its desired count.",
  flags: [
    ...common,
    { name: 'policy-name', type: 'string', required: true, help: 'A name for the policy.' },
    {
      name: 'policy-type',
      type: 'string',
      required: true,
      choices: ['TargetTrackingScaling'],
      help: 'TargetTrackingScaling (step scaling is not modelled).',
    },
    {
      name: 'target-tracking-scaling-policy-configuration',
      type: 'structure',
      required: true,
      help: '{"TargetValue":60,"PredefinedMetricSpecification":{"PredefinedMetricType":"ECSServiceAverageCPUUtilization"},"ScaleOutCooldown":300,"ScaleInCooldown":300}',
    },
  ],
  examples: [
    `aws application-autoscaling put-scaling-policy --service-namespace ecs --resource-id service/demo/web --scalable-dimension ecs:service:DesiredCount --policy-name web-cpu60 --policy-type TargetTrackingScaling --target-tracking-scaling-policy-configuration '{"TargetValue":60,"PredefinedMetricSpecification":{"PredefinedMetricType":"ECSServiceAverageCPUUtilization"}}'`,
  ],
  run(args, env, globals) {
    const resourceId = args['resource-id'] as string;
    const w = env.world;
    const service = serviceOf(resourceId, w.cluster?.name);
    const svc = service ? w.services[service] : undefined;
    const target =
      env.session.scalableTargets?.[resourceId] ??
      (svc?.autoScaling
        ? { min: svc.autoScaling.minCapacity, max: svc.autoScaling.maxCapacity }
        : undefined);
    if (!service || !svc || !target) {
      return output(
        awsError(
          this.api,
          'ObjectNotFoundException',
          `No scalable target registered for service namespace: ecs, resource ID: ${resourceId}, scalable dimension: ecs:service:DesiredCount`,
        ),
      );
    }
    const config = args['target-tracking-scaling-policy-configuration'] as Record<string, unknown>;
    const metric = (
      config['PredefinedMetricSpecification'] as Record<string, unknown> | undefined
    )?.['PredefinedMetricType'];
    if (metric !== 'ECSServiceAverageCPUUtilization') {
      return output(
        awsError(
          this.api,
          'ValidationException',
          'The sandbox models PredefinedMetricType ECSServiceAverageCPUUtilization only.',
        ),
      );
    }
    const targetCpu = Number(config['TargetValue']);
    if (!Number.isFinite(targetCpu))
      return output(awsError(this.api, 'ValidationException', 'TargetValue must be a number.'));
    const cooldown = (key: string) => {
      const v = config[key];
      return v === undefined ? undefined : Number(v);
    };
    const action: Action = {
      type: 'ecs.service.autoscale',
      service,
      minCapacity: target.min,
      maxCapacity: target.max,
      targetCpu,
      ...(cooldown('ScaleOutCooldown') !== undefined
        ? { scaleOutCooldown: cooldown('ScaleOutCooldown') }
        : {}),
      ...(cooldown('ScaleInCooldown') !== undefined
        ? { scaleInCooldown: cooldown('ScaleInCooldown') }
        : {}),
    };
    const policyName = args['policy-name'] as string;
    return applyAll(
      w,
      [action],
      (e) => refusal(this.api, e),
      () =>
        awsOut(
          {
            PolicyARN: `arn:aws:autoscaling:${w.region}:${w.accountId}:scalingPolicy:00000000-0000-0000-0000-000000000000:resource/ecs/${resourceId}:policyName/${policyName}`,
            Alarms: [
              {
                AlarmName: `TargetTracking-${resourceId}-AlarmHigh`,
                AlarmARN: `arn:aws:cloudwatch:${w.region}:${w.accountId}:alarm:TargetTracking-${resourceId}-AlarmHigh`,
              },
              {
                AlarmName: `TargetTracking-${resourceId}-AlarmLow`,
                AlarmARN: `arn:aws:cloudwatch:${w.region}:${w.accountId}:alarm:TargetTracking-${resourceId}-AlarmLow`,
              },
            ],
          },
          globals,
          this.api,
        ),
    );
  },
};

export const APPLICATION_AUTOSCALING_OPERATIONS: AwsOperation[] = [
  putScalingPolicy,
  registerScalableTarget,
];
