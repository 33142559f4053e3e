/**
 * A Kubernetes pod with one app container, as the kubelet runs it (aws-facts.md §5.1):
 * Pending → ContainerCreating → Running; crashes go through the terminated reason (Error,
 * OOMKilled with exit 137, Completed) to CrashLoopBackOff with the 10 s → 300 s doubling
 * back-off, reset after 10 minutes of clean running; a failed pull shows ErrImagePull, then
 * ImagePullBackOff with the same back-off; eviction ends in Evicted; deletion goes through
 * Terminating for the grace period (30 s by default).
 *
 * The kubelet (the service layer) sends what happened — `pod.scheduled`, `image.pulled`
 * with the registry's answer, `container.exited`, `pod.evicted`, `pod.delete` — and carries
 * out the effects the entry actions name (`pullImage`, `startContainer`, `killContainer`,
 * `removePod`), which are no-ops here for it to `provide`.
 */
import { assign, setup } from 'xstate';
import type { ImageResolution } from './images.ts';
import type { RestartPolicy } from './types.ts';

/** kubelet's container restart back-off: 10 s doubling, capped at 300 s (§5.1). */
export const BACKOFF_INITIAL_SECONDS = 10;
export const BACKOFF_MAX_SECONDS = 300;
/** A container that ran this long before exiting starts its back-off over (§5.1). */
export const BACKOFF_RESET_SECONDS = 600;
/** Default `terminationGracePeriodSeconds` (§5.1). */
export const DEFAULT_GRACE_SECONDS = 30;
/**
 * Seconds a just-exited container (or a failed pull) shows its reason before the kubelet's
 * next sync reports the back-off (approx: the sync loop runs about every 10 s or on events).
 */
export const SYNC_SECONDS = 1;

/** Back-off before the n-th consecutive restart (n ≥ 1): 10, 20, 40, 80, 160, 300, 300… */
export function backOffSeconds(n: number): number {
  if (n < 1) return 0;
  return Math.min(BACKOFF_MAX_SECONDS, BACKOFF_INITIAL_SECONDS * 2 ** Math.min(n - 1, 30));
}

export interface PodMachineContext {
  restartPolicy: RestartPolicy;
  gracePeriodSeconds: number;
  syncSeconds: number;
  restartCount: number;
  /** Consecutive crashes since the back-off last reset. */
  crashes: number;
  /** Consecutive failed pulls. */
  pullFailures: number;
  lastTermination: { reason: string; exitCode: number } | null;
  /** The registry's answer to the last failed pull. */
  pullError: ImageResolution | null;
  evictionMessage: string | null;
}

export type PodMachineEvent =
  | { type: 'pod.scheduled'; node: string }
  | { type: 'image.pulled'; resolution: ImageResolution }
  | {
      type: 'container.exited';
      exitCode: number;
      /** `Error`, `Completed`, `OOMKilled`. */
      reason: string;
      /** How long the container had been running. */
      ranSeconds: number;
    }
  | { type: 'pod.evicted'; message: string }
  | { type: 'pod.delete'; gracePeriodSeconds?: number }
  | { type: 'container.stopped' };

type Exit = Extract<PodMachineEvent, { type: 'container.exited' }>;

const restarts = (policy: RestartPolicy, exitCode: number) =>
  policy === 'Always' || (policy === 'OnFailure' && exitCode !== 0);

/** Deletion from any state a kubelet runs: SIGTERM, then the grace period. */
const DELETE = { 'pod.delete': { target: 'Terminating', actions: 'setGracePeriod' } } as const;
/** Eviction (node pressure, or a NoExecute taint not tolerated long enough) or deletion. */
const EVICT_OR_DELETE = {
  ...DELETE,
  'pod.evicted': { target: 'Evicted', actions: ['recordEviction', 'killContainer'] },
} as const;

export const podMachine = setup({
  types: {
    context: {} as PodMachineContext,
    events: {} as PodMachineEvent,
    input: {} as {
      restartPolicy?: RestartPolicy;
      gracePeriodSeconds?: number;
      syncSeconds?: number;
    },
  },
  guards: {
    imageFound: ({ event }) => event.type === 'image.pulled' && event.resolution.result === 'found',
    willRestart: ({ context, event }) =>
      event.type === 'container.exited' && restarts(context.restartPolicy, event.exitCode),
    exitedCleanly: ({ event }) => event.type === 'container.exited' && event.exitCode === 0,
  },
  delays: {
    sync: ({ context }) => context.syncSeconds * 1000,
    crashBackOff: ({ context }) => backOffSeconds(context.crashes) * 1000,
    pullBackOff: ({ context }) => backOffSeconds(context.pullFailures) * 1000,
    gracePeriod: ({ context }) => context.gracePeriodSeconds * 1000,
  },
  actions: {
    // Effects the kubelet carries out; provided by the service layer.
    pullImage: () => {},
    startContainer: () => {},
    killContainer: () => {},
    removePod: () => {},
    recordExit: assign(({ context, event }) => {
      const e = event as Exit;
      return {
        lastTermination: { reason: e.reason, exitCode: e.exitCode },
        crashes: e.ranSeconds >= BACKOFF_RESET_SECONDS ? 1 : context.crashes + 1,
      };
    }),
    countRestart: assign(({ context }) => ({ restartCount: context.restartCount + 1 })),
    recordPullFailure: assign(({ context, event }) => ({
      pullFailures: context.pullFailures + 1,
      pullError: event.type === 'image.pulled' ? event.resolution : context.pullError,
    })),
    clearPullFailures: assign({ pullFailures: 0, pullError: null }),
    recordEviction: assign(({ event }) => ({
      evictionMessage: event.type === 'pod.evicted' ? event.message : null,
    })),
    setGracePeriod: assign(({ context, event }) => ({
      gracePeriodSeconds:
        event.type === 'pod.delete' && event.gracePeriodSeconds !== undefined
          ? event.gracePeriodSeconds
          : context.gracePeriodSeconds,
    })),
  },
}).createMachine({
  id: 'k8sPod',
  context: ({ input }) => ({
    restartPolicy: input.restartPolicy ?? 'Always',
    gracePeriodSeconds: input.gracePeriodSeconds ?? DEFAULT_GRACE_SECONDS,
    syncSeconds: input.syncSeconds ?? SYNC_SECONDS,
    restartCount: 0,
    crashes: 0,
    pullFailures: 0,
    lastTermination: null,
    pullError: null,
    evictionMessage: null,
  }),
  initial: 'Pending',
  states: {
    /** Not yet bound to a node. Deleting it needs no kubelet. */
    Pending: {
      on: { 'pod.scheduled': 'ContainerCreating', 'pod.delete': 'Deleted' },
    },
    /** Pulling the image and creating the container. */
    ContainerCreating: {
      entry: 'pullImage',
      on: {
        'image.pulled': [
          { guard: 'imageFound', target: 'Running', actions: 'clearPullFailures' },
          { target: 'ErrImagePull', actions: 'recordPullFailure' },
        ],
        ...EVICT_OR_DELETE,
      },
    },
    ErrImagePull: { after: { sync: 'ImagePullBackOff' }, on: EVICT_OR_DELETE },
    ImagePullBackOff: { after: { pullBackOff: 'ContainerCreating' }, on: EVICT_OR_DELETE },
    Running: {
      entry: 'startContainer',
      on: {
        'container.exited': [
          { guard: 'willRestart', target: 'Terminated', actions: 'recordExit' },
          { guard: 'exitedCleanly', target: 'Succeeded', actions: 'recordExit' },
          { target: 'Failed', actions: 'recordExit' },
        ],
        ...EVICT_OR_DELETE,
      },
    },
    /** Just exited; the next sync reports the back-off. */
    Terminated: { after: { sync: 'CrashLoopBackOff' }, on: EVICT_OR_DELETE },
    CrashLoopBackOff: {
      after: { crashBackOff: { target: 'Running', actions: 'countRestart' } },
      on: EVICT_OR_DELETE,
    },
    /** SIGTERM sent; SIGKILL when the grace period ends. */
    Terminating: {
      entry: 'killContainer',
      after: { gracePeriod: 'Deleted' },
      on: { 'container.stopped': 'Deleted' },
    },
    // Finished pods keep their status until deleted.
    Succeeded: { on: DELETE },
    Failed: { on: DELETE },
    Evicted: { on: DELETE },
    Deleted: { type: 'final', entry: 'removePod' },
  },
});

export type PodMachineState =
  | 'Pending'
  | 'ContainerCreating'
  | 'ErrImagePull'
  | 'ImagePullBackOff'
  | 'Running'
  | 'Terminated'
  | 'CrashLoopBackOff'
  | 'Terminating'
  | 'Succeeded'
  | 'Failed'
  | 'Evicted'
  | 'Deleted';

/** The STATUS column of `kubectl get pods` for a pod in this state (§5.1). */
export function podStatusText(state: PodMachineState, context: PodMachineContext): string {
  switch (state) {
    case 'Terminated':
      return context.lastTermination?.reason ?? 'Error';
    case 'Succeeded':
      return 'Completed';
    case 'Failed':
      return context.lastTermination?.reason === 'OOMKilled' ? 'OOMKilled' : 'Error';
    case 'Deleted':
      return 'Terminating';
    default:
      return state;
  }
}

/** The kubelet's exit code for an out-of-memory kill (SIGKILL, 128 + 9). */
export const OOM_EXIT_CODE = 137;
