/**
 * The EKS module: EKS clusters and their control planes, access entries, managed node
 * groups, self-managed nodes and Fargate profiles, and the Kubernetes API objects of each
 * cluster driven by their controllers, the kube-scheduler and the kubelets.
 */
import type { ServiceModule } from '../../engine/module.ts';
import { emptyEksSlice } from './world.ts';

export const eks: ServiceModule<'eks'> = {
  name: 'eks',
  activeFor: (orchestrator) => orchestrator === 'eks',
  sliceOnlyWhenActive: true,
  initial: () => emptyEksSlice(),
  actions: {},
  controllers: [],
  eventSources: ['eks', 'kubernetes'],
};
