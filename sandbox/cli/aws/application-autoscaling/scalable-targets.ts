/** `aws application-autoscaling register-scalable-target`: min and max, kept in the terminal session until a policy uses them. */
import { own } from '../../../model/record.ts';
import type { AwsOperation } from '../operation.ts';
import { awsError, output } from '../operation.ts';
import { ok } from '../../types.ts';

/**
 * `aws application-autoscaling …` for ECS services: register-scalable-target (min/max, kept in
 * the terminal session until a policy uses it) and put-scaling-policy (target tracking on
 * ECSServiceAverageCPUUtilization), which together make one ecs.service.autoscale action.
 */
export const common = [
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

export function serviceOf(resourceId: string, clusterName: string | undefined): string | null {
  const m = /^service\/([^/]+)\/([^/]+)$/.exec(resourceId);
  if (!m || m[1] !== clusterName) return null;
  return m[2] ?? null;
}

export const registerScalableTarget: AwsOperation = {
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
    const service = serviceOf(resourceId, env.world.ecs.cluster?.name);
    if (!service || !own(env.world.ecs.services, service)) {
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
