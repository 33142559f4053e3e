/**
 * Which Fargate profile runs a pod (aws-facts.md §4.5): a profile has up to five selectors,
 * each with a namespace and optional labels that must all match; `*` and `?` wildcards are
 * allowed. When several profiles match, the one whose name sorts first wins, unless the pod
 * names one with the `eks.amazonaws.com/fargate-profile` label. A pod no profile selects
 * stays Pending (it is not a Fargate pod).
 */
import type { Labels, Pod } from './types.ts';

export const MAX_FARGATE_SELECTORS = 5;
export const PROFILE_LABEL = 'eks.amazonaws.com/fargate-profile';

export interface FargateSelector {
  namespace: string;
  labels: Labels;
}

export interface FargateProfile {
  name: string;
  selectors: FargateSelector[];
}

/** `*` matches any run of characters, `?` exactly one; everything else literally. */
export function wildcardMatch(pattern: string, value: string): boolean {
  const re = new RegExp(
    `^${pattern
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.')}$`,
  );
  return re.test(value);
}

function selects(selector: FargateSelector, pod: Pod): boolean {
  if (!wildcardMatch(selector.namespace, pod.metadata.namespace)) return false;
  const labels = pod.metadata.labels;
  for (const [k, v] of Object.entries(selector.labels))
    if (!Object.hasOwn(labels, k) || !wildcardMatch(v, labels[k]!)) return false;
  return true;
}

/** The profile that runs the pod, or null (the pod is not a Fargate pod). */
export function matchFargateProfile(pod: Pod, profiles: FargateProfile[]): string | null {
  const matching = profiles
    .filter((p) => p.selectors.some((s) => selects(s, pod)))
    .map((p) => p.name)
    .sort();
  const labels = pod.metadata.labels;
  if (Object.hasOwn(labels, PROFILE_LABEL)) {
    const wanted = labels[PROFILE_LABEL]!;
    return matching.includes(wanted) ? wanted : null;
  }
  return matching[0] ?? null;
}
