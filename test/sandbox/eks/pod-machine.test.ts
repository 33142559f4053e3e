import { SimulatedClock, createActor, initialTransition, transition } from 'xstate';
import { describe, expect, it } from 'vitest';
import {
  backOffSeconds,
  podMachine,
  podStatusText,
  type PodMachineContext,
  type PodMachineEvent,
  type PodMachineState,
} from '../../../sandbox/services/eks/pod-machine.ts';
import {
  catalogueResolver,
  normalizeImage,
  pullFailureMessage,
} from '../../../sandbox/services/eks/images.ts';
import { tableRows } from './helpers.ts';

const resolve = catalogueResolver(undefined, {
  missing: ['nginx:1.26'],
  denied: ['public.ecr.aws/aws-containers/retail-store-sample-ui:0.2.0'],
});
const pulled = (image: string): PodMachineEvent => ({
  type: 'image.pulled',
  resolution: resolve(image),
});
const exited = (exitCode: number, reason: string, ranSeconds = 5): PodMachineEvent => ({
  type: 'container.exited',
  exitCode,
  reason,
  ranSeconds,
});

describe('image resolution', () => {
  it('normalizes references as containerd does', () => {
    expect(normalizeImage('nginx')).toBe('docker.io/library/nginx:latest');
    expect(normalizeImage('bitnami/redis:7')).toBe('docker.io/bitnami/redis:7');
    expect(normalizeImage('registry.k8s.io/pause:3.9')).toBe('registry.k8s.io/pause:3.9');
    expect(normalizeImage('localhost/app')).toBe('localhost/app:latest');
  });

  it('answers found, not-found (also for a removed tag) and access-denied', () => {
    expect(resolve('nginx:1.27')).toEqual({
      result: 'found',
      reference: 'docker.io/library/nginx:1.27',
    });
    expect(resolve('nginx:1.99').result).toBe('not-found');
    expect(resolve('nginx:1.26').result).toBe('not-found');
    expect(resolve('public.ecr.aws/aws-containers/retail-store-sample-ui:0.2.0').result).toBe(
      'access-denied',
    );
  });

  it('words a failed pull as containerd does', () => {
    expect(pullFailureMessage('nginx:1.99', resolve('nginx:1.99'))).toBe(
      'Failed to pull image "nginx:1.99": rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/nginx:1.99": failed to resolve reference "docker.io/library/nginx:1.99": docker.io/library/nginx:1.99: not found',
    );
  });
});

describe('back-off', () => {
  it('doubles from 10 s and caps at 300 s', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 50].map(backOffSeconds)).toEqual([
      10, 20, 40, 80, 160, 300, 300, 300,
    ]);
  });
});

describe('pod statechart: pure transition()', () => {
  it('runs Pending → ContainerCreating → Running and names its effects', () => {
    let [s, actions] = initialTransition(podMachine, {});
    expect(s.value).toBe('Pending');
    expect(actions).toEqual([]);
    [s, actions] = transition(podMachine, s, { type: 'pod.scheduled', node: 'ip-10-0-1-23' });
    expect(s.value).toBe('ContainerCreating');
    expect(actions.map((a) => a.type)).toEqual(['pullImage']);
    [s, actions] = transition(podMachine, s, pulled('nginx:1.27'));
    expect(s.value).toBe('Running');
    expect(actions.map((a) => a.type)).toContain('startContainer');
  });

  it('records OOMKilled with exit code 137 and shows it as the STATUS', () => {
    let [s] = initialTransition(podMachine, {});
    [s] = transition(podMachine, s, { type: 'pod.scheduled', node: 'n' });
    [s] = transition(podMachine, s, pulled('nginx:1.27'));
    [s] = transition(podMachine, s, exited(137, 'OOMKilled'));
    expect(s.value).toBe('Terminated');
    expect(s.context.lastTermination).toEqual({ reason: 'OOMKilled', exitCode: 137 });
    expect(podStatusText(s.value as PodMachineState, s.context)).toBe('OOMKilled');
  });

  it('keeps the registry answer of a failed pull', () => {
    let [s] = initialTransition(podMachine, {});
    [s] = transition(podMachine, s, { type: 'pod.scheduled', node: 'n' });
    [s] = transition(podMachine, s, pulled('nginx:1.26'));
    expect(s.value).toBe('ErrImagePull');
    expect(s.context.pullFailures).toBe(1);
    expect(s.context.pullError).toEqual({
      result: 'not-found',
      reference: 'docker.io/library/nginx:1.26',
    });
  });
});

describe('pod statechart: table of {state, event → next}', () => {
  it('has exactly these transitions, all representable as a table', () => {
    expect(tableRows(podMachine)).toEqual([
      'Pending --pod.scheduled--> ContainerCreating',
      'Pending --pod.delete--> Deleted',
      'ContainerCreating --image.pulled[imageFound]--> Running',
      'ContainerCreating --image.pulled--> ErrImagePull',
      'ContainerCreating --pod.delete--> Terminating',
      'ContainerCreating --pod.evicted--> Evicted',
      'ErrImagePull --pod.delete--> Terminating',
      'ErrImagePull --pod.evicted--> Evicted',
      'ErrImagePull --after sync--> ImagePullBackOff',
      'ImagePullBackOff --pod.delete--> Terminating',
      'ImagePullBackOff --pod.evicted--> Evicted',
      'ImagePullBackOff --after pullBackOff--> ContainerCreating',
      'Running --container.exited[willRestart]--> Terminated',
      'Running --container.exited[exitedCleanly]--> Succeeded',
      'Running --container.exited--> Failed',
      'Running --pod.delete--> Terminating',
      'Running --pod.evicted--> Evicted',
      'Terminated --pod.delete--> Terminating',
      'Terminated --pod.evicted--> Evicted',
      'Terminated --after sync--> CrashLoopBackOff',
      'CrashLoopBackOff --pod.delete--> Terminating',
      'CrashLoopBackOff --pod.evicted--> Evicted',
      'CrashLoopBackOff --after crashBackOff--> Running',
      'Terminating --container.stopped--> Deleted',
      'Terminating --after gracePeriod--> Deleted',
      'Succeeded --pod.delete--> Terminating',
      'Failed --pod.delete--> Terminating',
      'Evicted --pod.delete--> Terminating',
    ]);
  });

  const base = initialTransition(podMachine, {})[0].context;
  const ctx = (over: Partial<PodMachineContext> = {}) => ({ ...base, ...over });
  const rows: [PodMachineState, PodMachineEvent, PodMachineState, Partial<PodMachineContext>?][] = [
    ['Pending', { type: 'pod.scheduled', node: 'n' }, 'ContainerCreating'],
    ['Pending', { type: 'pod.delete' }, 'Deleted'],
    ['Pending', { type: 'pod.evicted', message: 'x' }, 'Pending'],
    ['ContainerCreating', pulled('busybox:1.36'), 'Running'],
    ['ContainerCreating', pulled('nginx:1.99'), 'ErrImagePull'],
    [
      'ContainerCreating',
      pulled('public.ecr.aws/aws-containers/retail-store-sample-ui:0.2.0'),
      'ErrImagePull',
    ],
    ['ContainerCreating', { type: 'pod.delete' }, 'Terminating'],
    ['ErrImagePull', { type: 'pod.delete' }, 'Terminating'],
    ['ImagePullBackOff', { type: 'pod.evicted', message: 'x' }, 'Evicted'],
    ['Running', exited(1, 'Error'), 'Terminated'],
    ['Running', exited(0, 'Completed'), 'Terminated'],
    ['Running', exited(0, 'Completed'), 'Succeeded', { restartPolicy: 'OnFailure' }],
    ['Running', exited(1, 'Error'), 'Terminated', { restartPolicy: 'OnFailure' }],
    ['Running', exited(1, 'Error'), 'Failed', { restartPolicy: 'Never' }],
    ['Running', exited(137, 'OOMKilled'), 'Failed', { restartPolicy: 'Never' }],
    [
      'Running',
      { type: 'pod.evicted', message: 'The node was low on resource: memory.' },
      'Evicted',
    ],
    ['Running', { type: 'pod.delete', gracePeriodSeconds: 0 }, 'Terminating'],
    ['CrashLoopBackOff', { type: 'pod.delete' }, 'Terminating'],
    ['Terminating', { type: 'container.stopped' }, 'Deleted'],
    ['Terminating', { type: 'pod.delete' }, 'Terminating'],
    ['Terminating', { type: 'pod.evicted', message: 'x' }, 'Terminating'],
    ['Succeeded', { type: 'pod.evicted', message: 'x' }, 'Succeeded'],
    ['Failed', { type: 'pod.delete' }, 'Terminating'],
    ['Evicted', { type: 'pod.delete' }, 'Terminating'],
  ];
  it.each(rows)('%s --%o--> %s', (state, event, next, over) => {
    const snapshot = podMachine.resolveState({ value: state, context: ctx(over) });
    expect(transition(podMachine, snapshot, event)[0].value).toBe(next);
  });

  it('gives kubectl STATUS for every state', () => {
    const c = ctx({ lastTermination: { reason: 'Error', exitCode: 1 } });
    const states: PodMachineState[] = [
      'Pending',
      'ContainerCreating',
      'ErrImagePull',
      'ImagePullBackOff',
      'Running',
      'Terminated',
      'CrashLoopBackOff',
      'Terminating',
      'Succeeded',
      'Failed',
      'Evicted',
    ];
    expect(states.map((s) => podStatusText(s, c))).toEqual([
      'Pending',
      'ContainerCreating',
      'ErrImagePull',
      'ImagePullBackOff',
      'Running',
      'Error',
      'CrashLoopBackOff',
      'Terminating',
      'Completed',
      'Error',
      'Evicted',
    ]);
  });
});

describe('pod statechart: an actor on a simulated clock', () => {
  const start = (input = {}) => {
    const clock = new SimulatedClock();
    const actor = createActor(podMachine, { clock, input }).start();
    actor.send({ type: 'pod.scheduled', node: 'n' });
    return { clock, actor };
  };

  it('backs off 10, 20, 40 s between restarts and resets after 10 minutes of running', () => {
    const { clock, actor } = start();
    actor.send(pulled('nginx:1.27'));
    const restartAfterCrash = (ranSeconds: number) => {
      actor.send(exited(1, 'Error', ranSeconds));
      expect(actor.getSnapshot().value).toBe('Terminated');
      clock.increment(1_000);
      expect(actor.getSnapshot().value).toBe('CrashLoopBackOff');
      let waited = 0;
      while (actor.getSnapshot().value === 'CrashLoopBackOff' && waited < 400) {
        clock.increment(1_000);
        waited++;
      }
      expect(actor.getSnapshot().value).toBe('Running');
      return waited;
    };
    expect([5, 5, 5, 5, 5, 5, 5].map(restartAfterCrash)).toEqual([10, 20, 40, 80, 160, 300, 300]);
    expect(actor.getSnapshot().context.restartCount).toBe(7);
    // After 600 s of clean running the next crash waits 10 s again.
    expect(restartAfterCrash(600)).toBe(10);
    expect(restartAfterCrash(599)).toBe(20);
  });

  it('alternates ErrImagePull and ImagePullBackOff until the image appears', () => {
    const { clock, actor } = start();
    actor.send(pulled('nginx:1.99'));
    expect(actor.getSnapshot().value).toBe('ErrImagePull');
    clock.increment(1_000);
    expect(actor.getSnapshot().value).toBe('ImagePullBackOff');
    clock.increment(9_999);
    expect(actor.getSnapshot().value).toBe('ImagePullBackOff');
    clock.increment(1);
    expect(actor.getSnapshot().value).toBe('ContainerCreating');
    actor.send(pulled('nginx:1.99'));
    clock.increment(1_000);
    expect(actor.getSnapshot().value).toBe('ImagePullBackOff');
    clock.increment(19_999);
    expect(actor.getSnapshot().value).toBe('ImagePullBackOff');
    clock.increment(1);
    expect(actor.getSnapshot().value).toBe('ContainerCreating');
    actor.send(pulled('nginx:1.27'));
    expect(actor.getSnapshot().value).toBe('Running');
    expect(actor.getSnapshot().context.pullFailures).toBe(0);
  });

  it('terminates after the 30 s grace period, or sooner when the container stops', () => {
    const { clock, actor } = start();
    actor.send(pulled('nginx:1.27'));
    actor.send({ type: 'pod.delete' });
    expect(actor.getSnapshot().value).toBe('Terminating');
    clock.increment(29_999);
    expect(actor.getSnapshot().value).toBe('Terminating');
    clock.increment(1);
    expect(actor.getSnapshot().value).toBe('Deleted');
    expect(actor.getSnapshot().status).toBe('done');

    const quick = start({ gracePeriodSeconds: 60 });
    quick.actor.send(pulled('nginx:1.27'));
    quick.actor.send({ type: 'pod.delete' });
    quick.clock.increment(3_000);
    quick.actor.send({ type: 'container.stopped' });
    expect(quick.actor.getSnapshot().value).toBe('Deleted');
  });

  it('takes a grace period from kubectl delete --grace-period', () => {
    const { clock, actor } = start();
    actor.send(pulled('nginx:1.27'));
    actor.send({ type: 'pod.delete', gracePeriodSeconds: 5 });
    clock.increment(5_000);
    expect(actor.getSnapshot().value).toBe('Deleted');
  });

  it('round-trips a snapshot', () => {
    const { actor } = start();
    actor.send(pulled('nginx:1.27'));
    actor.send(exited(137, 'OOMKilled'));
    const persisted = JSON.parse(JSON.stringify(actor.getPersistedSnapshot()));
    const restored = createActor(podMachine, {
      snapshot: persisted,
      clock: new SimulatedClock(),
      input: {},
    }).start();
    expect(restored.getSnapshot().value).toBe('Terminated');
    expect(restored.getSnapshot().context.lastTermination).toEqual({
      reason: 'OOMKilled',
      exitCode: 137,
    });
  });
});
