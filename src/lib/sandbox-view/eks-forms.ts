/**
 * The EKS forms' input, checked field by field and turned into the same `eks.*` / `k8s.*`
 * action the terminal would send. A refusal names the field and what is wrong, and nothing is
 * sent. Pure, so tests can check every message without a DOM. The engine still judges what it
 * receives (does the cluster exist, is it ACTIVE) in AWS's and Kubernetes' own words.
 */
import type { Action } from '@sandbox';

export type FormResult =
  { ok: true; action: Action } | { ok: false; field: string; message: string };

const EKS_NAME = /^[0-9A-Za-z][A-Za-z0-9\-_]*$/;
const K8S_NAMESPACE = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const LABEL_KEY = /^([a-z0-9]([-a-z0-9.]*[a-z0-9])?\/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
const LABEL_VALUE = /^([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)?$/;

/** Instance types the node group form offers (those the sandbox knows max pods for). */
export const NODE_INSTANCE_TYPES = [
  't3.small',
  't3.medium',
  't3.large',
  'm5.large',
  'm5.xlarge',
  'c5.large',
] as const;

export const MAX_NODEGROUP_SIZE = 450;

const refuse = (field: string, message: string): FormResult => ({ ok: false, field, message });

function eksName(field: string, value: string): string | null {
  const v = value.trim();
  if (v === '') return `${field}: enter a name.`;
  if (v.length > 100) return `${field}: at most 100 characters.`;
  if (!EKS_NAME.test(v))
    return `${field}: start with a letter or digit and use only letters, digits, hyphens and underscores.`;
  return null;
}

function wholeNumber(field: string, value: string, max: number): number | string {
  const v = value.trim();
  if (!/^\d{1,6}$/.test(v)) return `${field}: enter a whole number from 0 to ${max}.`;
  const n = Number(v);
  if (n > max) return `${field}: at most ${max} (the EKS quota of nodes per managed node group).`;
  return n;
}

/** `key=value, key2=value2` → labels, or the message naming the bad pair. */
export function parseLabels(field: string, text: string): Record<string, string> | string {
  // A label key starts with a letter or digit, so `__proto__` never reaches the record.
  const out: Record<string, string> = {};
  const pairs = text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  if (pairs.length > 64) return `${field}: at most 64 labels.`;
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    const key = eq < 0 ? pair : pair.slice(0, eq).trim();
    const value = eq < 0 ? '' : pair.slice(eq + 1).trim();
    const shown = pair.length > 40 ? `${pair.slice(0, 40)}…` : pair;
    if (eq < 0) return `${field}: “${shown}” needs the form key=value.`;
    if (key.length > 317 || !LABEL_KEY.test(key))
      return `${field}: “${shown}” has an invalid key (letters, digits, - _ . and an optional prefix/).`;
    if (value.length > 63 || !LABEL_VALUE.test(value))
      return `${field}: “${shown}” has an invalid value (at most 63 letters, digits, - _ .).`;
    out[key] = value;
  }
  return out;
}

export function createClusterAction(input: { name: string; version: string }): FormResult {
  const bad = eksName('Cluster name', input.name);
  if (bad) return refuse('name', bad);
  return {
    ok: true,
    action: {
      type: 'eks.cluster.create',
      name: input.name.trim(),
      version: input.version as '1.31',
    },
  };
}

export interface NodegroupInput {
  cluster: string;
  name: string;
  instanceType: string;
  min: string;
  desired: string;
  max: string;
  capacityType: 'ON_DEMAND' | 'SPOT';
  labels: string;
}

function sizes(
  input: Pick<NodegroupInput, 'min' | 'desired' | 'max'>,
): { min: number; desired: number; max: number } | { field: string; message: string } {
  const min = wholeNumber('Minimum size', input.min, MAX_NODEGROUP_SIZE);
  if (typeof min === 'string') return { field: 'min', message: min };
  const desired = wholeNumber('Desired size', input.desired, MAX_NODEGROUP_SIZE);
  if (typeof desired === 'string') return { field: 'desired', message: desired };
  const max = wholeNumber('Maximum size', input.max, MAX_NODEGROUP_SIZE);
  if (typeof max === 'string') return { field: 'max', message: max };
  if (max < 1) return { field: 'max', message: 'Maximum size: must be at least 1.' };
  if (desired < min)
    return { field: 'desired', message: `Desired size: ${desired} is below the minimum ${min}.` };
  if (desired > max)
    return { field: 'desired', message: `Desired size: ${desired} is above the maximum ${max}.` };
  return { min, desired, max };
}

export function createNodegroupAction(input: NodegroupInput): FormResult {
  if (!input.cluster) return refuse('cluster', 'Cluster: create a cluster first.');
  const bad = eksName('Node group name', input.name);
  if (bad) return refuse('name', bad);
  if (!(NODE_INSTANCE_TYPES as readonly string[]).includes(input.instanceType))
    return refuse('instanceType', 'Instance type: choose one from the list.');
  const s = sizes(input);
  if ('field' in s) return refuse(s.field, s.message);
  const labels = parseLabels('Labels', input.labels);
  if (typeof labels === 'string') return refuse('labels', labels);
  return {
    ok: true,
    action: {
      type: 'eks.nodegroup.create',
      cluster: input.cluster,
      name: input.name.trim(),
      instanceTypes: [input.instanceType],
      ...s,
      ...(input.capacityType === 'SPOT' ? { capacityType: 'SPOT' as const } : {}),
      ...(Object.keys(labels).length > 0 ? { labels } : {}),
    },
  };
}

export function scaleNodegroupAction(input: {
  cluster: string;
  name: string;
  min: string;
  desired: string;
  max: string;
}): FormResult {
  if (!input.cluster || !input.name) return refuse('name', 'Node group: create one first.');
  const s = sizes(input);
  if ('field' in s) return refuse(s.field, s.message);
  return {
    ok: true,
    action: { type: 'eks.nodegroup.update-config', cluster: input.cluster, name: input.name, ...s },
  };
}

export function fargateProfileAction(input: {
  cluster: string;
  name: string;
  namespace: string;
  labels: string;
}): FormResult {
  if (!input.cluster) return refuse('cluster', 'Cluster: create a cluster first.');
  const bad = eksName('Profile name', input.name);
  if (bad) return refuse('name', bad);
  const ns = input.namespace.trim();
  if (!K8S_NAMESPACE.test(ns) || ns.length > 63)
    return refuse(
      'namespace',
      'Namespace: lowercase letters, digits and hyphens, starting and ending with a letter or digit (at most 63).',
    );
  const labels = parseLabels('Pod labels', input.labels);
  if (typeof labels === 'string') return refuse('labels', labels);
  return {
    ok: true,
    action: {
      type: 'eks.fargate-profile.create',
      cluster: input.cluster,
      name: input.name.trim(),
      selectors: [{ namespace: ns, ...(Object.keys(labels).length > 0 ? { labels } : {}) }],
    },
  };
}
