import { SimulatedClock, createActor, initialTransition, transition } from 'xstate';
import { describe, expect, it } from 'vitest';
import {
  clusterMachine,
  type ClusterMachineEvent,
} from '../../../sandbox/services/eks/cluster-machine.ts';
import {
  KUBECTL_NO_KUBECONFIG,
  controlPlaneHealth,
  controlPlanePricePerHour,
  eksControlPlane,
  kubeadmControlPlane,
  kubectlConnectionError,
  kubectlDeletedClusterError,
} from '../../../sandbox/services/eks/control-plane.ts';
import { tableRows } from './helpers.ts';

const AZS = ['eu-west-3a', 'eu-west-3b', 'eu-west-3c'];
const ENDPOINT = 'https://0A1B2C3D4E5F60718293A4B5C6D7E8F9.gr7.eu-west-3.eks.amazonaws.com';

describe('EKS cluster status chart', () => {
  it('is CREATING, names its effects, and turns ACTIVE after 570 s (approx)', () => {
    const [s, actions] = initialTransition(clusterMachine, {});
    expect(s.value).toBe('CREATING');
    expect(actions.map((a) => a.type).filter((t) => !t.startsWith('xstate.'))).toEqual([
      'provisionControlPlane',
      'startBilling',
    ]);
    const clock = new SimulatedClock();
    const actor = createActor(clusterMachine, { clock, input: {} }).start();
    clock.increment(569_999);
    expect(actor.getSnapshot().value).toBe('CREATING');
    clock.increment(1);
    expect(actor.getSnapshot().value).toBe('ACTIVE');
    actor.send({ type: 'cluster.update' });
    expect(actor.getSnapshot().value).toBe('UPDATING');
    clock.increment(1_500_000);
    expect(actor.getSnapshot().value).toBe('ACTIVE');
    actor.send({ type: 'cluster.delete' });
    clock.increment(240_000);
    expect(actor.getSnapshot().status).toBe('done');
  });

  it('has exactly these transitions, all representable as a table', () => {
    expect(tableRows(clusterMachine)).toEqual([
      'CREATING --cluster.creation-failed--> FAILED',
      'CREATING --after create--> ACTIVE',
      'ACTIVE --cluster.update--> UPDATING',
      'ACTIVE --cluster.delete--> DELETING',
      'UPDATING --after update--> ACTIVE',
      'FAILED --cluster.delete--> DELETING',
      'DELETING --after remove--> DELETED',
    ]);
  });

  const rows: [string, ClusterMachineEvent, string][] = [
    ['CREATING', { type: 'cluster.creation-failed', reason: 'subnets in one AZ' }, 'FAILED'],
    ['CREATING', { type: 'cluster.delete' }, 'CREATING'],
    ['ACTIVE', { type: 'cluster.update' }, 'UPDATING'],
    ['ACTIVE', { type: 'cluster.delete' }, 'DELETING'],
    ['UPDATING', { type: 'cluster.delete' }, 'UPDATING'],
    ['FAILED', { type: 'cluster.delete' }, 'DELETING'],
    ['FAILED', { type: 'cluster.update' }, 'FAILED'],
  ];
  it.each(rows)('%s --%o--> %s', (state, event, next) => {
    const ctx = initialTransition(clusterMachine, {})[0].context;
    const snap = clusterMachine.resolveState({ value: state, context: ctx });
    expect(transition(clusterMachine, snap, event)[0].value).toBe(next);
  });

  it('bills $0.10 per cluster-hour, $0.60 in extended support', () => {
    expect(controlPlanePricePerHour('STANDARD')).toBe(0.1);
    expect(controlPlanePricePerHour('EXTENDED')).toBe(0.6);
  });
});

describe('control plane availability', () => {
  const eks = eksControlPlane(AZS, ENDPOINT);
  it('lays out 2 API servers and 3 etcd members over 3 AZs', () => {
    expect(eks.members).toEqual([
      { role: 'api-server', az: 'eu-west-3a' },
      { role: 'api-server', az: 'eu-west-3b' },
      { role: 'etcd', az: 'eu-west-3a' },
      { role: 'etcd', az: 'eu-west-3b' },
      { role: 'etcd', az: 'eu-west-3c' },
    ]);
  });

  it('keeps answering with one AZ down (etcd 2 of 3 is a quorum)', () => {
    for (const az of AZS) {
      const h = controlPlaneHealth(eks, [az]);
      expect(h.state).toBe('available');
      expect(h.etcd).toBe(2);
      expect(kubectlConnectionError(eks, h)).toBeNull();
    }
  });

  it('loses etcd quorum with two AZs down', () => {
    const h = controlPlaneHealth(eks, ['eu-west-3b', 'eu-west-3c']);
    expect(h).toEqual({ state: 'no-quorum', apiServers: 1, etcd: 1, etcdTotal: 3 });
    expect(kubectlConnectionError(eks, h)).toBe('Error from server: etcdserver: request timed out');
    const all = controlPlaneHealth(eks, AZS);
    expect(kubectlConnectionError(eks, all)).toBe(
      'Unable to connect to the server: dial tcp 0A1B2C3D4E5F60718293A4B5C6D7E8F9.gr7.eu-west-3.eks.amazonaws.com:443: i/o timeout',
    );
  });

  it('a kubeadm single master dies with its AZ', () => {
    const kubeadm = kubeadmControlPlane('eu-west-3a', '10.0.1.10');
    expect(controlPlaneHealth(kubeadm, ['eu-west-3b']).state).toBe('available');
    const h = controlPlaneHealth(kubeadm, ['eu-west-3a']);
    expect(h).toEqual({ state: 'unreachable', apiServers: 0, etcd: 0, etcdTotal: 1 });
    expect(kubectlConnectionError(kubeadm, h)).toBe(
      'Unable to connect to the server: dial tcp 10.0.1.10:6443: i/o timeout',
    );
  });

  it('has kubectl’s texts for no kubeconfig and a deleted cluster', () => {
    expect(KUBECTL_NO_KUBECONFIG).toBe(
      'The connection to the server localhost:8080 was refused - did you specify the right host or port?',
    );
    expect(kubectlDeletedClusterError(ENDPOINT)).toBe(
      'Unable to connect to the server: dial tcp: lookup 0A1B2C3D4E5F60718293A4B5C6D7E8F9.gr7.eu-west-3.eks.amazonaws.com: no such host',
    );
  });
});
