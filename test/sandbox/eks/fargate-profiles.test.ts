import { describe, expect, it } from 'vitest';
import {
  matchFargateProfile,
  wildcardMatch,
} from '../../../sandbox/services/eks/fargate-profiles.ts';
import {
  managedNodeLabels,
  sizeProblem,
  taintEffectFromApi,
  updateSurge,
} from '../../../sandbox/services/eks/nodegroups.ts';
import { pod } from './helpers.ts';

const inNs = (ns: string, labels: Record<string, string> = {}) => {
  const p = pod('p', 100, 100, {}, labels);
  p.metadata.namespace = ns;
  return p;
};

describe('Fargate profile selection', () => {
  const profiles = [
    { name: 'zeta', selectors: [{ namespace: 'prod-*', labels: {} }] },
    { name: 'alpha', selectors: [{ namespace: 'prod-?', labels: { tier: 'web' } }] },
    {
      name: 'system',
      selectors: [{ namespace: 'kube-system', labels: { 'k8s-app': 'kube-dns' } }],
    },
  ];
  it('matches wildcards', () => {
    expect(wildcardMatch('prod-*', 'prod-eu')).toBe(true);
    expect(wildcardMatch('prod-?', 'prod-eu')).toBe(false);
    expect(wildcardMatch('a.b', 'axb')).toBe(false);
  });
  it('picks the first name alphabetically among matching profiles', () => {
    expect(matchFargateProfile(inNs('prod-a', { tier: 'web' }), profiles)).toBe('alpha');
    expect(matchFargateProfile(inNs('prod-a'), profiles)).toBe('zeta');
    expect(matchFargateProfile(inNs('kube-system', { 'k8s-app': 'kube-dns' }), profiles)).toBe(
      'system',
    );
  });
  it('follows the fargate-profile label, and leaves unmatched pods to EC2', () => {
    expect(
      matchFargateProfile(
        inNs('prod-a', { tier: 'web', 'eks.amazonaws.com/fargate-profile': 'zeta' }),
        profiles,
      ),
    ).toBe('zeta');
    expect(matchFargateProfile(inNs('default'), profiles)).toBeNull();
    expect(matchFargateProfile(inNs('kube-system'), profiles)).toBeNull();
  });
});

describe('managed node groups', () => {
  it('labels nodes as EKS does', () => {
    expect(managedNodeLabels('ng-1', 'ami-0abc', 'SPOT')).toEqual({
      'eks.amazonaws.com/nodegroup': 'ng-1',
      'eks.amazonaws.com/nodegroup-image': 'ami-0abc',
      'eks.amazonaws.com/capacityType': 'SPOT',
    });
    expect(
      ['NO_SCHEDULE', 'PREFER_NO_SCHEDULE', 'NO_EXECUTE', 'NoSchedule'].map(taintEffectFromApi),
    ).toEqual(['NoSchedule', 'PreferNoSchedule', 'NoExecute', null]);
  });
  it('checks sizes and computes the update surge', () => {
    expect(sizeProblem(1, 2, 3)).toBeNull();
    expect(sizeProblem(3, 2, 3)).toBe('desiredSize must be between minSize and maxSize');
    expect(sizeProblem(4, 4, 3)).toBe('minSize must not be greater than maxSize');
    expect(updateSurge(3, 1)).toBe(6);
    expect(updateSurge(3, 10)).toBe(10);
  });
});
