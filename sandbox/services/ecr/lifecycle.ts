/**
 * Lifecycle policies (aws-facts.md §6; the ECR user guide's "Lifecycle policy properties" and
 * its evaluation rules): validation of the policy text, and the evaluation both the preview and
 * the registry controller's expiry use, so a preview shows exactly what expiry removes.
 *
 * Evaluation, as documented: rules apply in rulePriority order (lowest first); an image is
 * expired by at most one rule; an image that matches the tagging requirements of a higher
 * priority rule cannot be expired by a lower one, but lower rules still count it; expiry is
 * always oldest push first. `imageCountMoreThan` keeps the newest countNumber images it selects;
 * `sinceImagePushed` expires images pushed more than countNumber days ago.
 */
import type { LifecycleRule, RegistryImage } from './world.ts';

export const DAY_SECONDS = 86400;

/** The prefix of every validation error, as PutLifecyclePolicy words it. */
const PREFIX =
  "Invalid parameter at 'LifecyclePolicyText' failed to satisfy constraint: 'Lifecycle policy validation failure: ";

export type PolicyResult = { ok: true; rules: LifecycleRule[] } | { ok: false; error: string };

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Parses and validates a lifecycle policy's text. The reasons after the API's prefix are the
 * sandbox's own wording of the documented rules (AWS reports schema failures more tersely).
 */
export function parseLifecyclePolicy(text: string): PolicyResult {
  const bad = (reason: string): PolicyResult => ({ ok: false, error: `${PREFIX}${reason}'` });
  if (text.length > 30720) return bad('the policy text is longer than 30720 characters');
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return bad('the policy text is not valid JSON');
  }
  if (!isObject(doc) || !Array.isArray(doc['rules']))
    return bad('object has missing required properties (["rules"])');
  const extra = Object.keys(doc).filter((k) => k !== 'rules');
  if (extra.length > 0)
    return bad(
      `object instance has properties which are not allowed by the schema: ${JSON.stringify(extra)}`,
    );
  if (doc['rules'].length === 0 || doc['rules'].length > 50)
    return bad('rules must hold between 1 and 50 rules');
  const rules: LifecycleRule[] = [];
  for (const [i, raw] of (doc['rules'] as unknown[]).entries()) {
    const at = `rules[${i}]`;
    if (!isObject(raw)) return bad(`${at} is not an object`);
    const missing = ['rulePriority', 'selection', 'action'].filter((k) => !(k in raw));
    if (missing.length > 0)
      return bad(`${at}: object has missing required properties (${JSON.stringify(missing)})`);
    const unknown = Object.keys(raw).filter(
      (k) => !['rulePriority', 'description', 'selection', 'action'].includes(k),
    );
    if (unknown.length > 0)
      return bad(
        `${at}: object instance has properties which are not allowed by the schema: ${JSON.stringify(unknown)}`,
      );
    const p = raw['rulePriority'];
    if (typeof p !== 'number' || !Number.isInteger(p) || p < 1)
      return bad(`${at}.rulePriority must be a positive integer`);
    const sel = raw['selection'];
    const act = raw['action'];
    if (!isObject(sel)) return bad(`${at}.selection is not an object`);
    if (!isObject(act) || act['type'] !== 'expire')
      return bad(`${at}.action.type must be "expire"`);
    const tagStatus = sel['tagStatus'];
    if (tagStatus !== 'tagged' && tagStatus !== 'untagged' && tagStatus !== 'any')
      return bad(`${at}.selection.tagStatus must be one of "tagged", "untagged", "any"`);
    if ('tagPatternList' in sel)
      return bad(`${at}.selection.tagPatternList: the sandbox models tagPrefixList only`);
    const prefixes = sel['tagPrefixList'];
    if (
      prefixes !== undefined &&
      (!Array.isArray(prefixes) ||
        prefixes.length === 0 ||
        prefixes.some((x) => typeof x !== 'string' || x === ''))
    )
      return bad(`${at}.selection.tagPrefixList must be a non-empty list of tag prefixes`);
    if (tagStatus === 'tagged' && prefixes === undefined)
      return bad(`${at}: tagPrefixList is required when tagStatus is "tagged"`);
    if (tagStatus !== 'tagged' && prefixes !== undefined)
      return bad(`${at}: tagPrefixList can only be used when tagStatus is "tagged"`);
    const countType = sel['countType'];
    if (countType !== 'imageCountMoreThan' && countType !== 'sinceImagePushed')
      return bad(`${at}.selection.countType must be "imageCountMoreThan" or "sinceImagePushed"`);
    const countNumber = sel['countNumber'];
    if (typeof countNumber !== 'number' || !Number.isInteger(countNumber) || countNumber < 1)
      return bad(`${at}.selection.countNumber must be a positive integer`);
    const unit = sel['countUnit'];
    if (countType === 'sinceImagePushed' && unit !== 'days')
      return bad(`${at}: countUnit must be "days" when countType is "sinceImagePushed"`);
    if (countType === 'imageCountMoreThan' && unit !== undefined)
      return bad(`${at}: countUnit is not allowed when countType is "imageCountMoreThan"`);
    const selUnknown = Object.keys(sel).filter(
      (k) => !['tagStatus', 'tagPrefixList', 'countType', 'countUnit', 'countNumber'].includes(k),
    );
    if (selUnknown.length > 0)
      return bad(
        `${at}.selection: object instance has properties which are not allowed by the schema: ${JSON.stringify(selUnknown)}`,
      );
    const desc = raw['description'];
    if (desc !== undefined && typeof desc !== 'string')
      return bad(`${at}.description must be a string`);
    rules.push({
      rulePriority: p,
      ...(typeof desc === 'string' ? { description: desc } : {}),
      selection: {
        tagStatus,
        ...(prefixes ? { tagPrefixList: [...(prefixes as string[])] } : {}),
        countType,
        ...(unit === 'days' ? { countUnit: 'days' as const } : {}),
        countNumber,
      },
      action: { type: 'expire' },
    });
  }
  const priorities = rules.map((r) => r.rulePriority);
  if (new Set(priorities).size !== priorities.length)
    return bad('rulePriority values must be unique');
  if (rules.filter((r) => r.selection.tagStatus === 'untagged').length > 1)
    return bad('only one rule can select untagged images');
  const sorted = [...rules].sort((a, b) => a.rulePriority - b.rulePriority);
  const anyIndex = sorted.findIndex((r) => r.selection.tagStatus === 'any');
  if (anyIndex >= 0 && anyIndex !== sorted.length - 1)
    return bad('a rule with tagStatus "any" must have the highest rulePriority');
  const prefixSets = sorted
    .filter((r) => r.selection.tagPrefixList)
    .map((r) => [...r.selection.tagPrefixList!].sort().join('\n'));
  if (new Set(prefixSets).size !== prefixSets.length)
    return bad('the rules must have a unique set of tag prefixes');
  return { ok: true, rules: sorted };
}

/** Whether the rule's tag requirements select this image. */
export function selects(rule: LifecycleRule, image: RegistryImage): boolean {
  const s = rule.selection;
  if (s.tagStatus === 'any') return true;
  if (s.tagStatus === 'untagged') return image.tags.length === 0;
  if (image.tags.length === 0) return false;
  // Every prefix in the list must match one of the image's tags.
  return (s.tagPrefixList ?? []).every((p) => image.tags.some((t) => t.startsWith(p)));
}

export interface Expiry {
  digest: string;
  tags: string[];
  pushedAt: number;
  rulePriority: number;
}

/** The images the policy expires at `now`, oldest push first, each with the one rule that expires it. */
export function evaluateLifecycle(
  rules: readonly LifecycleRule[],
  images: readonly RegistryImage[],
  now: number,
): Expiry[] {
  const sorted = [...rules].sort((a, b) => a.rulePriority - b.rulePriority);
  const byAge = [...images].sort(
    (a, b) => a.pushedAt - b.pushedAt || (a.digest < b.digest ? -1 : 1),
  );
  const expiredBy = new Map<string, number>();
  const claimed = new Set<string>();
  for (const rule of sorted) {
    const selected = byAge.filter((img) => selects(rule, img));
    let candidates: RegistryImage[];
    if (rule.selection.countType === 'imageCountMoreThan') {
      const excess = selected.length - rule.selection.countNumber;
      candidates = excess > 0 ? selected.slice(0, excess) : [];
    } else {
      const limit = now - rule.selection.countNumber * DAY_SECONDS;
      candidates = selected.filter((img) => img.pushedAt < limit);
    }
    for (const img of candidates)
      if (!claimed.has(img.digest) && !expiredBy.has(img.digest))
        expiredBy.set(img.digest, rule.rulePriority);
    for (const img of selected) claimed.add(img.digest);
  }
  return byAge
    .filter((img) => expiredBy.has(img.digest))
    .map((img) => ({
      digest: img.digest,
      tags: [...img.tags],
      pushedAt: img.pushedAt,
      rulePriority: expiredBy.get(img.digest)!,
    }));
}
