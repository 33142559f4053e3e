import { describe, expect, it } from 'vitest';
import { replay, type World } from '@sandbox';
import { eksView, type EksClusterView, type PodChipView } from '@lib/sandbox-view/eks-view.ts';
import {
  controlPlaneLine,
  cpuOf,
  memoryOf,
  nodeRows,
  podIcon,
  podRows,
  podStatusText,
} from '@lib/sandbox-view/eks-list.ts';
import { loadScenario } from '../sandbox/helpers.ts';

function world(file: string, until: number, solution: boolean): World {
  const scenario = loadScenario(file);
  const steps = solution ? scenario.solution.map((s) => ({ ...s, by: 'learner' as const })) : [];
  return replay(scenario, steps, { until }).world;
}

const cluster = (w: World, name: string): EksClusterView => {
  const found = eksView(w).find((c) => c.name === name);
  if (!found) throw new Error(`no cluster ${name}`);
  return found;
};

describe('the list view of a cluster (eks-list)', () => {
  it('writes requests against allocatable in vCPU, MiB below a GiB and GiB above', () => {
    expect(cpuOf(1200, 1930)).toBe('1.2 of 1.93 vCPU');
    expect(cpuOf(50, 500)).toBe('0.05 of 0.5 vCPU');
    expect(cpuOf(0, 2000)).toBe('0 of 2 vCPU');
    expect(memoryOf(64 * 2 ** 20, 3554 * 2 ** 20)).toBe('64 MiB of 3.47 GiB');
    expect(memoryOf(2 ** 30, 2 * 2 ** 30)).toBe('1 GiB of 2 GiB');
  });

  it('lists the node and its pods, and leaves the pods that wait to the tray (eks-fargate-profile, no action)', () => {
    const lab = cluster(world('eks-fargate-profile.yaml', 30, false), 'lab');
    expect(nodeRows(lab)).toEqual([
      {
        name: 'ip-10-0-0-20.eu-west-3.compute.internal',
        az: 'eu-west-3a',
        group: 'general',
        capacity: 'On-Demand',
        status: 'Ready',
        tone: 'ok',
        cpu: '0.55 of 1.93 vCPU',
        memory: '576 MiB of 3.47 GiB',
        pods: '3 of 17 pods',
      },
    ]);
    const node = 'ip-10-0-0-20.eu-west-3.compute.internal';
    expect(podRows(lab)).toEqual(
      ['web-5579cfbd44-xftvf', 'web-5579cfbd44-cvk27', 'log-agent-99m8r'].map((name) => ({
        key: `default/${name}`,
        name,
        namespace: 'default',
        icon: '●',
        status: 'Running',
        tone: 'ok',
        ready: '1/1',
        node,
      })),
    );
    expect(lab.pending.map((p) => p.name)).toEqual([
      'api-f97ddbb77-2hjv7',
      'api-f97ddbb77-twk7l',
      'api-f97ddbb77-wt9dd',
    ]);
    expect(controlPlaneLine(lab)).toBe(
      'Control plane managed by AWS: API answering. 2 of 2 API servers up, etcd 3 of 3 (quorum 2): eu-west-3a API server and etcd up, eu-west-3b API server and etcd up, eu-west-3c etcd up.',
    );
  });

  it('gives a Fargate node its micro-VM size and its one pod (eks-fargate-profile, solved)', () => {
    const lab = cluster(world('eks-fargate-profile.yaml', 300, true), 'lab');
    expect(nodeRows(lab)[1]).toEqual({
      name: 'fargate-ip-10-0-0-24.eu-west-3.compute.internal',
      az: 'eu-west-3a',
      group: 'Fargate',
      capacity: '0.5vCPU 2GB',
      status: 'Ready',
      tone: 'ok',
      cpu: '0.5 of 0.5 vCPU',
      memory: '1 GiB of 2 GiB',
      pods: '1 of 1 pods',
    });
    expect(podRows(lab)[3]).toEqual({
      key: 'apps/api-5fdb4cb758-4xbqf',
      name: 'api-5fdb4cb758-4xbqf',
      namespace: 'apps',
      icon: '●',
      status: 'Running',
      tone: 'ok',
      ready: '1/1',
      node: 'fargate-ip-10-0-0-24.eu-west-3.compute.internal',
    });
  });

  it('says which members an AZ outage took, and marks that AZ on its nodes (eks-az-outage-control-plane)', () => {
    const w = world('eks-az-outage-control-plane.yaml', 330, false);
    const demo = cluster(w, 'demo');
    expect(controlPlaneLine(demo)).toBe(
      'Control plane managed by AWS: API answering. 1 of 2 API servers up, etcd 2 of 3 (quorum 2): eu-west-3a API server and etcd down (AZ outage), eu-west-3b API server and etcd up, eu-west-3c etcd up.',
    );
    expect(nodeRows(demo).map((n) => [n.az, n.group, n.status, n.tone])).toEqual([
      ['eu-west-3a (outage)', 'general', 'Ready', 'failed'],
      ['eu-west-3a (outage)', 'self-managed', 'Ready', 'failed'],
      ['eu-west-3b', 'general', 'Ready', 'ok'],
      ['eu-west-3c', 'general', 'Ready', 'ok'],
    ]);
    expect(controlPlaneLine(cluster(w, 'lab'))).toBe(
      'Control plane self-managed (kubeadm), master ip-10-0-0-20.eu-west-3.compute.internal lost with its AZ: API not answering. 0 of 1 API server up, etcd 0 of 1 (quorum 1): eu-west-3a API server and etcd down (AZ outage).',
    );
    expect(
      controlPlaneLine(cluster(world('eks-az-outage-control-plane.yaml', 200, false), 'lab')),
    ).toBe(
      'Control plane self-managed (kubeadm), master ip-10-0-0-20.eu-west-3.compute.internal Ready: API answering. 1 of 1 API server up, etcd 1 of 1 (quorum 1): eu-west-3a API server and etcd up.',
    );
  });

  it('prints a crash-looping pod with its restarts and the chip symbol (eks-rolling-update, solved)', () => {
    const demo = cluster(world('eks-rolling-update.yaml', 120, true), 'demo');
    expect(podRows(demo)[1]).toEqual({
      key: 'default/web-7d7f8cddc4-kvmhc',
      name: 'web-7d7f8cddc4-kvmhc',
      namespace: 'default',
      icon: '↻',
      status: 'CrashLoopBackOff · 4 restarts',
      tone: 'failed',
      ready: '0/1',
      node: 'ip-10-0-0-20.eu-west-3.compute.internal',
    });
  });

  it('says a Running pod that is not Ready, and one restart in the singular', () => {
    const chip: PodChipView = {
      key: 'default/web-1',
      name: 'web-1',
      namespace: 'default',
      status: 'Running',
      tone: 'pending',
      ready: '0/1',
      restarts: 1,
      node: 'ip-10-0-0-20.eu-west-3.compute.internal',
      owner: null,
    };
    expect(podStatusText(chip)).toBe('Running, not ready · 1 restart');
    expect(podIcon(chip)).toBe('◑');
  });
});
