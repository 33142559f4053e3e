/**
 * The EKS module (light part, always loaded): EKS clusters and their control planes, access
 * entries, managed node groups, self-managed nodes and Fargate profiles, and each cluster's
 * Kubernetes objects. Its behaviour (eks-behaviour.ts) loads on demand, a chunk of its own in
 * the browser, only where a scenario runs EKS.
 */
import type { ServiceModule } from '../../engine/module.ts';
import { recordsProblem } from '../../engine/serialize.ts';
import { emptyEksSlice } from './world.ts';
import { eksActiveFor } from './active.ts';

export const eks: ServiceModule<'eks'> = {
  name: 'eks',
  activeFor: eksActiveFor,
  sliceOnlyWhenActive: true,
  initial: () => emptyEksSlice(),
  handles: [
    'eks.cluster.create',
    'eks.cluster.delete',
    'eks.kubeconfig.update',
    'eks.kubeconfig.use-context',
    'eks.access-entry.create',
    'eks.access-policy.associate',
    'eks.nodegroup.create',
    'eks.nodegroup.update-config',
    'eks.nodegroup.update-version',
    'eks.nodegroup.delete',
    'eks.fargate-profile.create',
    'eks.fargate-profile.delete',
    'eks.addon.create',
    'eks.cluster-autoscaler.enable',
    'eks.node.launch',
    'eks.node.bootstrap',
    'eks.kubeadm.init',
    'k8s.apply',
    'k8s.delete',
    'k8s.deployment.create',
    'k8s.deployment.scale',
    'k8s.deployment.set-image',
    'k8s.rollout.undo',
    'k8s.rollout.restart',
    'k8s.node.cordon',
    'k8s.node.uncordon',
    'k8s.node.drain',
    'k8s.hpa.create',
    'k8s.label',
    'k8s.taint',
    'k8s.namespace.create',
    'fault.k8s-traffic',
    'fault.k8s-crash',
    'fault.image-missing',
  ],
  controllers: [
    { name: 'eks-control-plane', after: ['ec2-instances'] },
    { name: 'eks-node-join', after: ['eks-control-plane'] },
    { name: 'eks-node-health', after: ['eks-node-join'] },
    { name: 'eks-nodegroups', after: ['eks-node-health'], before: ['auto-scaling-groups'] },
    { name: 'k8s-workloads', after: ['eks-nodegroups'] },
    { name: 'kube-scheduler', after: ['k8s-workloads'] },
    { name: 'fargate-scheduler', after: ['kube-scheduler'] },
    { name: 'cluster-autoscaler', after: ['kube-scheduler'], before: ['auto-scaling-groups'] },
    { name: 'kubelet', after: ['fargate-scheduler'] },
    { name: 'kubectl-drain', after: ['kubelet'] },
    { name: 'k8s-services', after: ['kubelet'] },
    { name: 'horizontal-pod-autoscaler', after: ['k8s-services'] },
  ],
  checkSnapshot: (slice) =>
    recordsProblem(slice, [
      'clusters',
      'nodegroups',
      'fargateProfiles',
      'kubeconfig',
      'kube',
      'bootstrapped',
      'traffic',
      'load',
      'pendingJoins',
      'instanceRoles',
    ]),
  eventSources: ['eks', 'kubernetes'],
  loadStatic: () => import('./static.ts').then((m) => m.eksStatic),
  load: () => import('./eks-behaviour.ts').then((m) => m.eksBehaviour),
};
