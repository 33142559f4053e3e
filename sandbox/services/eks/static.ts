/**
 * EKS's static part: its action schemas (eks.* and k8s.*), its key of a scenario's `initial`
 * and its goals. Loaded with its behaviour by `loadServices` / `loadServicesFor` (a chunk of its
 * own in the browser), so pages without EKS never load Kubernetes' schemas.
 */
import type { ServiceStatic } from '../../scenarios/statics.ts';
import { eksActionSchemas, k8sActionSchemas } from './actions.ts';
import { EKS_GOAL_NAMES, eksGoals } from './goals.ts';
import { eksInitialSchema } from './scenario-schema.ts';

export const eksStatic: ServiceStatic = {
  name: 'eks',
  actionSchemas: [...eksActionSchemas, ...k8sActionSchemas],
  initial: {
    eks: eksInitialSchema
      .optional()
      .describe('EKS clusters, node groups, nodes, Fargate profiles and manifests at time 0'),
  },
  goalNames: EKS_GOAL_NAMES,
  goals: eksGoals,
};
