/**
 * The HPA's replica calculator with pods that are starting (aws-facts.md §5.6): on a scale-up,
 * unready pods and pods without metrics count as 0 % of their request; on a scale-down, pods
 * without metrics count as 100 %; CPU initialization period 5 min, initial readiness delay
 * 30 s. Without that, the HPA keeps adding pods for load the pods it just added will take.
 */
import { describe, expect, it } from 'vitest';
import { advance, createWorld } from '../../../sandbox/index.ts';
import {
  groupPod,
  resourceReplicas,
  type HpaPodSample,
} from '../../../sandbox/services/eks/hpa.ts';
import { scenarioFromYaml } from '../helpers.ts';

/** A Running, Ready pod with metrics that started at 0, using `usage` of a 500m request. */
const sample = (usage: number, extra: Partial<HpaPodSample> = {}): HpaPodSample => ({
  ignored: false,
  pending: false,
  hasMetrics: true,
  ready: true,
  startedAt: 0,
  readyAt: 5,
  usage,
  request: 500,
  ...extra,
});
const pending = sample(0, {
  pending: true,
  hasMetrics: false,
  ready: false,
  startedAt: null,
  readyAt: null,
});
const starting = sample(5, { ready: false, startedAt: 990, readyAt: null });
const lost = sample(0, { hasMetrics: false });

describe('groupPod', () => {
  it('sorts pods as the controller does', () => {
    expect(groupPod(sample(500, { ignored: true }), 1000)).toBe('ignored');
    expect(groupPod(pending, 1000)).toBe('unready');
    expect(groupPod(lost, 1000)).toBe('missing');
    // Within 300 s of its start a pod counts only while Ready.
    expect(groupPod(starting, 1000)).toBe('unready');
    expect(groupPod(sample(500, { startedAt: 990, readyAt: 995 }), 1000)).toBe('ready');
    // After 300 s: unready only if it never turned Ready within 30 s of starting.
    expect(groupPod(sample(500, { ready: false, readyAt: null }), 1000)).toBe('unready');
    expect(groupPod(sample(500, { ready: false, readyAt: 31 }), 1000)).toBe('unready');
    expect(groupPod(sample(500, { ready: false, readyAt: 30 }), 1000)).toBe('ready');
  });
});

describe('resourceReplicas (target 50 %)', () => {
  it('with every pod ready: ceil(ratio × ready pods), or current within the tolerance', () => {
    // 2 pods at 100 %: ratio 2 → 4.
    expect(resourceReplicas(2, [sample(500), sample(500)], 50, 1000)).toEqual({
      replicas: 4,
      utilization: 100,
    });
    // 2 pods at 52 %: ratio 1.04, within 0.1 → current.
    expect(resourceReplicas(2, [sample(260), sample(260)], 50, 1000)).toEqual({
      replicas: 2,
      utilization: 52,
    });
  });

  it('on a scale-up counts unready pods at 0 %, so starting pods do not inflate the count', () => {
    // 3 ready at 100 %, 1 Pending: (3 × 500 + 0) / (4 × 500) = 75 % → ratio 1.5 → ceil(6).
    // Counting spec replicas (4) at the ready pods' 100 % would ask for 8.
    expect(resourceReplicas(4, [sample(500), sample(500), sample(500), pending], 50, 1000)).toEqual(
      {
        replicas: 6,
        utilization: 100,
      },
    );
    // 3 ready at 100 %, 3 Pending: 1500 / 3000 = 50 % → ratio 1, within tolerance → stay at 6.
    expect(
      resourceReplicas(
        6,
        [sample(500), sample(500), sample(500), pending, pending, starting],
        50,
        1000,
      ),
    ).toEqual({ replicas: 6, utilization: 100 });
    // 4 ready at 91 % (455m), 2 starting: 1820 / 3000 = 60 % → ratio 1.2 → ceil(7.2) = 8.
    expect(
      resourceReplicas(
        6,
        [sample(455), sample(455), sample(455), sample(455), starting, starting],
        50,
        1000,
      ),
    ).toEqual({ replicas: 8, utilization: 91 });
  });

  it('on a scale-up counts pods without metrics at 0 %', () => {
    // 2 ready at 100 %, 2 missing: 1000 / 2000 = 50 % → within tolerance → current 4.
    expect(resourceReplicas(4, [sample(500), sample(500), lost, lost], 50, 1000)).toEqual({
      replicas: 4,
      utilization: 100,
    });
  });

  it('on a scale-down counts pods without metrics at 100 % and leaves unready pods out', () => {
    // 2 ready at 10 % (50m): ratio 0.2 → 1 alone; with 2 missing at 100 %:
    // (100 + 1000) / 2000 = 55 % → ratio 1.1 > 1 points the other way → current.
    expect(resourceReplicas(4, [sample(50), sample(50), lost, lost], 50, 1000)).toEqual({
      replicas: 4,
      utilization: 10,
    });
    // 3 ready at 10 %, 1 missing: (150 + 500) / 2000 = 32 % → ratio 0.64 → ceil(2.56) = 3.
    expect(resourceReplicas(4, [sample(50), sample(50), sample(50), lost], 50, 1000)).toEqual({
      replicas: 3,
      utilization: 10,
    });
    // 2 ready at 10 %, 2 starting: unready pods do not hold a scale-down → ceil(0.2 × 2) = 1.
    expect(resourceReplicas(4, [sample(50), sample(50), starting, starting], 50, 1000)).toEqual({
      replicas: 1,
      utilization: 10,
    });
  });

  it('returns null with no ready pod to measure', () => {
    expect(resourceReplicas(2, [pending, starting], 50, 1000)).toBeNull();
    expect(resourceReplicas(0, [], 50, 1000)).toBeNull();
  });
});

describe('the HPA in the engine while new pods start', () => {
  it('asks for 4, then 6 (one pod Pending at 0 %), then holds at 6 while three wait for a node', () => {
    // One t3.medium holds three 500m pods; 900 rps is more than three pods can serve
    // ((500 − 5) / 2 = 247.5 each), so the ready pods sit at 100 %.
    let w = createWorld(
      scenarioFromYaml(`id: eks-test-playground
title: t
orchestrator: eks
seed: 48
duration: 7200
goals: []
solution: []
initial:
  eks:
    clusters:
      - { name: prod, addons: [metrics-server] }
    nodegroups:
      - { cluster: prod, name: general, instanceType: t3.medium, min: 1, desired: 1, max: 1 }
    manifests:
      - cluster: prod
        yaml: |
          apiVersion: apps/v1
          kind: Deployment
          metadata: { name: web }
          spec:
            replicas: 2
            selector: { matchLabels: { app: web } }
            template:
              metadata: { labels: { app: web } }
              spec:
                containers:
                  - name: web
                    image: nginx:1.27
                    resources:
                      requests: { cpu: 500m, memory: 256Mi }
                      limits: { cpu: 500m, memory: 256Mi }
          ---
          apiVersion: v1
          kind: Service
          metadata: { name: web }
          spec:
            selector: { app: web }
            ports: [{ port: 80 }]
          ---
          apiVersion: autoscaling/v2
          kind: HorizontalPodAutoscaler
          metadata: { name: web }
          spec:
            scaleTargetRef: { apiVersion: apps/v1, kind: Deployment, name: web }
            minReplicas: 2
            maxReplicas: 8
            metrics:
              - type: Resource
                resource: { name: cpu, target: { type: Utilization, averageUtilization: 50 } }
    traffic:
      - { service: web, rps: 900 }`),
    );
    w = advance(w, 1200);
    const rescales = w.events
      .filter((e) => e.message.includes('SuccessfulRescale'))
      .map((e) => e.message.replace(/.*New size: (\d+);.*/, '$1'));
    expect(rescales).toEqual(['4', '6']);
    const kube = w.eks!.kube.prod!;
    expect(kube.deployments['default/web']!.object.spec.replicas).toBe(6);
    const states = Object.values(kube.pods).map((p) => p.runtime.state);
    expect(states.filter((s) => s === 'Running')).toHaveLength(3);
    expect(states.filter((s) => s === 'Pending')).toHaveLength(3);
    expect(kube.hpas['default/web']!.currentUtilization).toBe(100);
  });
});
