/**
 * `aws application-autoscaling …` for ECS services: register-scalable-target (min/max, kept in
 * the terminal session until a policy uses it) and put-scaling-policy (target tracking on
 * ECSServiceAverageCPUUtilization), which together make one ecs.service.autoscale action.
 */
import type { AwsOperation } from '../operation.ts';
import { registerScalableTarget } from './scalable-targets.ts';
import { putScalingPolicy } from './scaling-policies.ts';

export const APPLICATION_AUTOSCALING_OPERATIONS: AwsOperation[] = [
  putScalingPolicy,
  registerScalableTarget,
];
