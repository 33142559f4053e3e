/** `aws application-autoscaling put-scaling-policy`: target tracking on ECSServiceAverageCPUUtilization, which with the registered target makes one ecs.service.autoscale action. */
import { own } from '../../../model/record.ts';
import type { Action } from '../../../model/actions.ts';
import type { AwsOperation } from '../operation.ts';
import { applyAll, awsError, awsOut, output, refusal } from '../operation.ts';
import { common, serviceOf } from './scalable-targets.ts';

export const putScalingPolicy: AwsOperation = {
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
    const service = serviceOf(resourceId, w.ecs.cluster?.name);
    const svc = service ? own(w.ecs.services, service) : undefined;
    const target =
      (env.session.scalableTargets ? own(env.session.scalableTargets, resourceId) : undefined) ??
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
