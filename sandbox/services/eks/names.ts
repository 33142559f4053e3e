/**
 * Kubernetes object names: a ReplicaSet is `<deployment>-<pod-template-hash>`, a pod is
 * `<replicaset>-<5 chars>`, both in the API machinery's safe alphabet (no vowels, no 0/1/3,
 * so no words and no look-alike characters).
 *
 * The hash is a function of the pod template, as in Kubernetes (so `rollout undo` finds the
 * old ReplicaSet again): FNV-32a over the template's canonical JSON, its decimal digits
 * mapped through the safe alphabet as `SafeEncodeString` does. The bytes hashed differ from
 * the Go object hash, so the values differ from a real cluster's; the shape does not. Pod
 * suffixes come from the PRNG passed in.
 */

export const SAFE_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';
/** A generated name is at most 63 characters: the base is cut to 58 before the 5 random ones. */
const MAX_GENERATED_BASE = 58;

/** `SafeEncodeString`: each character to the safe alphabet by its code. */
export function safeEncode(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) out += SAFE_ALPHABET[s.charCodeAt(i) % SAFE_ALPHABET.length];
  return out;
}

function canonical(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v) ?? 'null';
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  const o = v as Record<string, unknown>;
  return `{${Object.keys(o)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`)
    .join(',')}}`;
}

/** FNV-32a of a string's UTF-8 bytes. */
export function fnv32a(text: string): number {
  let h = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) {
    h ^= byte;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** The `pod-template-hash` label value of a template (plus the Deployment's collision count). */
export function podTemplateHash(template: unknown, collisionCount = 0): string {
  const text = canonical(template) + (collisionCount > 0 ? String(collisionCount) : '');
  return safeEncode(String(fnv32a(text)));
}

/** `<base>-<5 safe characters>`, drawing each character from `random` (a float in [0, 1)). */
export function generateName(base: string, random: () => number): string {
  let name = base.length > MAX_GENERATED_BASE ? base.slice(0, MAX_GENERATED_BASE) : base;
  for (let i = 0; i < 5; i++) name += SAFE_ALPHABET[Math.floor(random() * SAFE_ALPHABET.length)];
  return name;
}

/** `ip-10-0-1-23.eu-west-3.compute.internal` for an EC2 node; `fargate-ip-…` on Fargate. */
export function nodeNameFor(ip: string, region: string, fargate = false): string {
  return `${fargate ? 'fargate-' : ''}ip-${ip.replaceAll('.', '-')}.${region}.compute.internal`;
}
