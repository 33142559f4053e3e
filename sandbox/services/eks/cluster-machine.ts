/**
 * An EKS cluster's status (aws-facts.md §4.1): CREATING → ACTIVE after about 9–10 minutes
 * (approx; AWS announced "9 minutes or less on average"), UPDATING while a version or
 * configuration update runs, DELETING, and FAILED when creation fails. (`PENDING` belongs to
 * registered, connected clusters and is not modelled.) Entry actions name the effects the
 * service layer carries out: `provisionControlPlane`, `startBilling`, `stopBilling`,
 * `removeCluster`.
 */
import { setup } from 'xstate';

/** Control plane creation time (approx, §4.1). */
export const CLUSTER_CREATE_SECONDS = 570;
/** A Kubernetes version update (approx: "can take much longer" than creation, §4.1). */
export const CLUSTER_UPDATE_SECONDS = 1500;
/** Deletion (approx). */
export const CLUSTER_DELETE_SECONDS = 240;

export type ClusterStatus = 'CREATING' | 'ACTIVE' | 'UPDATING' | 'DELETING' | 'FAILED';

export type ClusterMachineEvent =
  | { type: 'cluster.update' }
  | { type: 'cluster.delete' }
  | { type: 'cluster.creation-failed'; reason: string };

export const clusterMachine = setup({
  types: {
    context: {} as { createSeconds: number; updateSeconds: number; deleteSeconds: number },
    events: {} as ClusterMachineEvent,
    input: {} as { createSeconds?: number; updateSeconds?: number; deleteSeconds?: number },
  },
  delays: {
    create: ({ context }) => context.createSeconds * 1000,
    update: ({ context }) => context.updateSeconds * 1000,
    remove: ({ context }) => context.deleteSeconds * 1000,
  },
  actions: {
    provisionControlPlane: () => {},
    startBilling: () => {},
    stopBilling: () => {},
    removeCluster: () => {},
  },
}).createMachine({
  id: 'eksCluster',
  context: ({ input }) => ({
    createSeconds: input.createSeconds ?? CLUSTER_CREATE_SECONDS,
    updateSeconds: input.updateSeconds ?? CLUSTER_UPDATE_SECONDS,
    deleteSeconds: input.deleteSeconds ?? CLUSTER_DELETE_SECONDS,
  }),
  initial: 'CREATING',
  states: {
    // The control plane is billed from creation (per cluster-hour).
    CREATING: {
      entry: ['provisionControlPlane', 'startBilling'],
      after: { create: 'ACTIVE' },
      on: { 'cluster.creation-failed': 'FAILED' },
    },
    ACTIVE: { on: { 'cluster.update': 'UPDATING', 'cluster.delete': 'DELETING' } },
    UPDATING: { after: { update: 'ACTIVE' } },
    FAILED: { on: { 'cluster.delete': 'DELETING' } },
    DELETING: { after: { remove: 'DELETED' } },
    DELETED: { type: 'final', entry: ['stopBilling', 'removeCluster'] },
  },
});
