import { describe, expect, it } from 'vitest';
import {
  createClusterAction,
  createNodegroupAction,
  fargateProfileAction,
  parseLabels,
  scaleNodegroupAction,
  type NodegroupInput,
} from '@lib/sandbox-view/eks-forms.ts';

const group: NodegroupInput = {
  cluster: 'demo',
  name: 'general',
  instanceType: 't3.medium',
  min: '1',
  desired: '2',
  max: '3',
  capacityType: 'ON_DEMAND',
  labels: '',
};

describe('the EKS forms', () => {
  it('send the action the terminal would send', () => {
    expect(createClusterAction({ name: ' demo ', version: '1.31' })).toEqual({
      ok: true,
      action: { type: 'eks.cluster.create', name: 'demo', version: '1.31' },
    });
    expect(
      createNodegroupAction({
        ...group,
        capacityType: 'SPOT',
        labels: 'workload=memory, tier=cache',
      }),
    ).toEqual({
      ok: true,
      action: {
        type: 'eks.nodegroup.create',
        cluster: 'demo',
        name: 'general',
        instanceTypes: ['t3.medium'],
        min: 1,
        desired: 2,
        max: 3,
        capacityType: 'SPOT',
        labels: { workload: 'memory', tier: 'cache' },
      },
    });
    expect(
      scaleNodegroupAction({ cluster: 'demo', name: 'general', min: '0', desired: '4', max: '5' }),
    ).toEqual({
      ok: true,
      action: {
        type: 'eks.nodegroup.update-config',
        cluster: 'demo',
        name: 'general',
        min: 0,
        desired: 4,
        max: 5,
      },
    });
    expect(
      fargateProfileAction({ cluster: 'demo', name: 'apps', namespace: 'apps', labels: '' }),
    ).toEqual({
      ok: true,
      action: {
        type: 'eks.fargate-profile.create',
        cluster: 'demo',
        name: 'apps',
        selectors: [{ namespace: 'apps' }],
      },
    });
  });

  it('refuse bad input with a message naming the field', () => {
    expect(createClusterAction({ name: '', version: '1.31' })).toEqual({
      ok: false,
      field: 'name',
      message: 'Cluster name: enter a name.',
    });
    expect(createClusterAction({ name: '-bad name', version: '1.31' })).toEqual({
      ok: false,
      field: 'name',
      message:
        'Cluster name: start with a letter or digit and use only letters, digits, hyphens and underscores.',
    });
    expect(createNodegroupAction({ ...group, desired: '1e9' })).toEqual({
      ok: false,
      field: 'desired',
      message: 'Desired size: enter a whole number from 0 to 450.',
    });
    expect(createNodegroupAction({ ...group, max: '451' })).toEqual({
      ok: false,
      field: 'max',
      message: 'Maximum size: at most 450 (the EKS quota of nodes per managed node group).',
    });
    expect(createNodegroupAction({ ...group, min: '3', desired: '2' })).toEqual({
      ok: false,
      field: 'desired',
      message: 'Desired size: 2 is below the minimum 3.',
    });
    expect(createNodegroupAction({ ...group, desired: '4' })).toEqual({
      ok: false,
      field: 'desired',
      message: 'Desired size: 4 is above the maximum 3.',
    });
    expect(createNodegroupAction({ ...group, instanceType: 'x1e.32xlarge' })).toEqual({
      ok: false,
      field: 'instanceType',
      message: 'Instance type: choose one from the list.',
    });
    expect(createNodegroupAction({ ...group, cluster: '' })).toEqual({
      ok: false,
      field: 'cluster',
      message: 'Cluster: create a cluster first.',
    });
    expect(
      fargateProfileAction({ cluster: 'demo', name: 'apps', namespace: 'Apps', labels: '' }),
    ).toEqual({
      ok: false,
      field: 'namespace',
      message:
        'Namespace: lowercase letters, digits and hyphens, starting and ending with a letter or digit (at most 63).',
    });
  });

  it('refuse malformed and hostile labels, naming the pair', () => {
    expect(parseLabels('Labels', 'workload')).toBe('Labels: “workload” needs the form key=value.');
    expect(parseLabels('Labels', 'a=b, bad key=x')).toBe(
      'Labels: “bad key=x” has an invalid key (letters, digits, - _ . and an optional prefix/).',
    );
    expect(parseLabels('Labels', `k=${'v'.repeat(64)}`)).toBe(
      `Labels: “k=${'v'.repeat(38)}…” has an invalid value (at most 63 letters, digits, - _ .).`,
    );
    expect(parseLabels('Labels', '__proto__=x')).toBe(
      'Labels: “__proto__=x” has an invalid key (letters, digits, - _ . and an optional prefix/).',
    );
    expect(parseLabels('Labels', Array.from({ length: 65 }, (_, i) => `k${i}=v`).join(','))).toBe(
      'Labels: at most 64 labels.',
    );
    const start = performance.now();
    expect(parseLabels('Labels', `${'a'.repeat(200_000)}=b`)).toMatch(/has an invalid key/);
    expect(performance.now() - start).toBeLessThan(200);
  });
});
