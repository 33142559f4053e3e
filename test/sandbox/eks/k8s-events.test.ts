import { describe, expect, it } from 'vitest';
import { nodeEvents, podEvents } from '../../../sandbox/services/eks/k8s-events.ts';
import { eventsBlock, recordEvent } from '../../../sandbox/services/eks/kubectl-format.ts';
import type { KubeEvent } from '../../../sandbox/services/eks/types.ts';

const web = { name: 'web-7d9f8c6b5-x2n4q', namespace: 'default', uid: '0c2d0e9a' };

describe('event texts', () => {
  it('words the pod lifecycle as the kubelet and scheduler do', () => {
    expect(
      [
        podEvents.scheduled(web, 'ip-10-0-1-23.eu-west-3.compute.internal'),
        podEvents.pulling(web, 'nginx:1.27'),
        podEvents.pulled(web, 'nginx:1.27', 1.2),
        podEvents.created(web, 'web'),
        podEvents.started(web, 'web'),
        podEvents.crashBackOff(web, 'web'),
        podEvents.killing(web, 'web'),
        ...podEvents.pullBackOff(web, 'nginx:1.99'),
      ].map((e) => `${e.type} ${e.reason} ${e.source}: ${e.message}`),
    ).toEqual([
      'Normal Scheduled default-scheduler: Successfully assigned default/web-7d9f8c6b5-x2n4q to ip-10-0-1-23.eu-west-3.compute.internal',
      'Normal Pulling kubelet: Pulling image "nginx:1.27"',
      'Normal Pulled kubelet: Successfully pulled image "nginx:1.27" in 1.2s (1.2s including waiting)',
      'Normal Created kubelet: Created container web',
      'Normal Started kubelet: Started container web',
      'Warning BackOff kubelet: Back-off restarting failed container web in pod web-7d9f8c6b5-x2n4q_default(0c2d0e9a)',
      'Normal Killing kubelet: Stopping container web',
      'Normal BackOff kubelet: Back-off pulling image "nginx:1.99"',
      'Warning Failed kubelet: Error: ImagePullBackOff',
    ]);
    expect(podEvents.evictedForMemory(web, '48Mi', 'app', '900Mi', '256Mi').message).toBe(
      'The node was low on resource: memory. Threshold quantity: 100Mi, available: 48Mi. Container app was using 900Mi, request is 256Mi, has larger consumption of memory.',
    );
    expect(nodeEvents.notReady('ip-10-0-1-23.eu-west-3.compute.internal').message).toBe(
      'Node ip-10-0-1-23.eu-west-3.compute.internal status is now: NodeNotReady',
    );
  });

  it('counts a back-off that repeats in the describe block', () => {
    let events: KubeEvent[] = [];
    for (const t of [0, 10, 30, 70])
      events = recordEvent(events, podEvents.crashBackOff(web, 'web'), t);
    expect(eventsBlock(events, 76).split('\n').slice(3)).toEqual([
      '  Warning  BackOff  6s (x4 over 76s)  kubelet  Back-off restarting failed container web in pod web-7d9f8c6b5-x2n4q_default(0c2d0e9a)',
    ]);
  });
});
