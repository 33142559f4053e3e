import type { AnyStateMachine } from 'xstate';
import { expect } from 'vitest';
import { plainNode, podFromTemplate } from '../../../sandbox/services/eks/objects.ts';
import type { Labels, Node, Pod, PodSpec } from '../../../sandbox/services/eks/types.ts';

export const MI = 2 ** 20;

/** A node with `cpu` millicores, `memMi` MiB and `pods` pod slots allocatable. */
export function node(
  name: string,
  cpu: number,
  memMi: number,
  pods = 110,
  labels: Labels = {},
): Node {
  return plainNode(name, { cpuMilli: cpu, memoryBytes: memMi * MI, pods }, labels);
}

/** A pod with one container requesting `cpu` millicores and `memMi` MiB (0 = no request). */
export function pod(
  name: string,
  cpu: number,
  memMi: number,
  spec: Partial<PodSpec> = {},
  labels: Labels = {},
): Pod {
  return podFromTemplate(
    {
      labels,
      annotations: {},
      spec: {
        containers: [
          {
            name: 'app',
            image: 'nginx:1.27',
            requests: { cpuMilli: cpu || null, memoryBytes: memMi ? memMi * MI : null },
            limits: { cpuMilli: null, memoryBytes: null },
            ports: [],
            privileged: false,
            livenessProbe: null,
            readinessProbe: null,
            startupProbe: null,
          },
        ],
        initContainers: [],
        restartPolicy: 'Always',
        terminationGracePeriodSeconds: 30,
        nodeSelector: {},
        nodeAffinity: null,
        tolerations: [],
        topologySpreadConstraints: [],
        hostNetwork: false,
        nodeName: null,
        priority: 0,
        ...spec,
      },
    },
    { name, namespace: 'default', uid: name, now: 0, owner: null },
  );
}

/** The same pod, bound to a node. */
export function bound(p: Pod, nodeName: string): Pod {
  return { ...p, spec: { ...p.spec, nodeName } };
}

/**
 * The shape the engine's transition tables can represent: atomic states only, no
 * transitions on the root, every transition with one target, named guards, actions and
 * delays. Returns a line per transition (`state --event[guard]--> target`).
 */
export function tableRows(machine: AnyStateMachine): string[] {
  const root = machine.root;
  expect(Object.keys(root.on)).toEqual([]);
  const rows: string[] = [];
  const named = (a: unknown) => (typeof a === 'string' ? a : (a as { type: string }).type);
  for (const [name, node] of Object.entries(root.states)) {
    expect(['atomic', 'final']).toContain(node.type);
    // Entry and exit actions are named (xstate's own raise for `after` aside).
    for (const a of [...node.entry, ...node.exit]) expect(typeof named(a)).toBe('string');
    for (const [event, transitions] of Object.entries(node.on)) {
      if (event.startsWith('xstate.after')) continue;
      for (const t of transitions) {
        expect(t.target).toHaveLength(1);
        const guard = t.guard === undefined ? '' : `[${named(t.guard)}]`;
        rows.push(`${name} --${event}${guard}--> ${t.target![0]!.key}`);
      }
    }
    for (const t of node.after) {
      expect(typeof t.delay).toBe('string');
      expect(t.target).toHaveLength(1);
      rows.push(`${name} --after ${String(t.delay)}--> ${t.target![0]!.key}`);
    }
  }
  return rows;
}
