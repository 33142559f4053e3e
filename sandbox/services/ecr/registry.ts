/**
 * The registry's own work: basic scans and lifecycle policy previews that finish a little after
 * they start, lifecycle policies applied by the `ecr-registry` controller (first soon after the
 * put, then daily: AWS says expiry happens within 24 hours), pulls resolved for ECS and EKS
 * through the engine's `resolveImage`, and storage on the bill.
 */
import type { EngineContext } from '../../engine/module.ts';
import { charge } from '../../engine/world-ops.ts';
import type { ImageResolution, PullRequest } from '../../model/images.ts';
import { own } from '../../model/record.ts';
import type { World } from '../../model/types.ts';
import { baseLayers } from './build.ts';
import { DAY_SECONDS, evaluateLifecycle } from './lifecycle.ts';
import { ecrHost, parseImageRef } from './names.ts';
import { ecrOf, imageByTag, ownRegistry, removeImage, storedBytes } from './state.ts';
import type { LifecycleRule, RegistryImage, Repository, ScanFinding } from './world.ts';

/** A basic scan's duration (approx: AWS gives none; small images finish within a minute or so). */
export const SCAN_SECONDS = 30;
/**
 * How long a lifecycle policy preview stays IN_PROGRESS (approx: AWS documents no duration; the
 * preview is asynchronous and GetLifecyclePolicyPreview answers IN_PROGRESS until it is done).
 * A tunable constant.
 */
export const PREVIEW_SECONDS = 10;
/** The first lifecycle pass after a put (approx: AWS promises only "within 24 hours"). */
export const LIFECYCLE_FIRST_PASS_SECONDS = 1800;
/** ECR private storage, USD per GB-month (aws-facts.md §6, us-east-1 list price). */
export const STORAGE_USD_PER_GB_MONTH = 0.1;
/** Hours in a billing month, as AWS prices monthly rates. */
const HOURS_PER_MONTH = 730;

/**
 * Sample findings by base image: real CVE identifiers in the packages these bases ship, chosen
 * by the sandbox for teaching; not a live vulnerability database (a real scan's list is longer
 * and changes every day).
 */
const SAMPLE_FINDINGS: Record<string, ScanFinding[]> = {
  alpine: [
    {
      name: 'CVE-2024-6119',
      severity: 'HIGH',
      uri: 'https://nvd.nist.gov/vuln/detail/CVE-2024-6119',
      package: 'openssl',
      version: '3.3.1-r0',
    },
    {
      name: 'CVE-2024-5535',
      severity: 'LOW',
      uri: 'https://nvd.nist.gov/vuln/detail/CVE-2024-5535',
      package: 'openssl',
      version: '3.3.1-r0',
    },
  ],
  debian: [
    {
      name: 'CVE-2023-45853',
      severity: 'CRITICAL',
      uri: 'https://nvd.nist.gov/vuln/detail/CVE-2023-45853',
      package: 'zlib',
      version: '1:1.2.13.dfsg-1',
    },
    {
      name: 'CVE-2024-37371',
      severity: 'CRITICAL',
      uri: 'https://nvd.nist.gov/vuln/detail/CVE-2024-37371',
      package: 'krb5',
      version: '1.20.1-2+deb12u1',
    },
    {
      name: 'CVE-2024-5535',
      severity: 'LOW',
      uri: 'https://nvd.nist.gov/vuln/detail/CVE-2024-5535',
      package: 'openssl',
      version: '3.0.13-1~deb12u1',
    },
  ],
};
const ALPINE_BASES = [
  'alpine:3.20',
  'alpine:latest',
  'node:20-alpine',
  'node:22-alpine',
  'nginx:alpine',
];
const DEBIAN_BASES = ['python:3.12-slim', 'golang:1.22', 'nginx:1.27'];

function findingsFor(img: RegistryImage): ScanFinding[] {
  const first = img.layers[0];
  const is = (bases: string[]) => bases.some((b) => baseLayers(b)?.[0]?.digest === first);
  if (is(ALPINE_BASES)) return SAMPLE_FINDINGS['alpine']!;
  if (is(DEBIAN_BASES)) return SAMPLE_FINDINGS['debian']!;
  return [];
}

function wake(world: World, at: number): void {
  const ecr = ecrOf(world);
  if (ecr.wakeAt === null || at < ecr.wakeAt) ecr.wakeAt = at;
}

export function startScan(ctx: EngineContext, _repo: Repository, img: RegistryImage): void {
  img.scan = { status: 'IN_PROGRESS', startedAt: ctx.world.time, completedAt: null, findings: [] };
  wake(ctx.world, ctx.world.time + SCAN_SECONDS);
}

/** Starts a preview of `rules` on `repo`; it completes PREVIEW_SECONDS later. */
export function startPreview(
  world: World,
  repo: Repository,
  text: string,
  rules: LifecycleRule[],
): void {
  repo.lifecyclePreview = {
    text,
    rules,
    status: 'IN_PROGRESS',
    startedAt: world.time,
    completedAt: null,
    results: [],
  };
  wake(world, world.time + PREVIEW_SECONDS);
}

export function scheduleLifecycle(world: World, repo: Repository): void {
  if (repo.lifecyclePolicy) wake(world, repo.lifecyclePolicy.nextPassAt);
}

export function severityCounts(findings: readonly ScanFinding[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const f of findings) out[f.severity] = (out[f.severity] ?? 0) + 1;
  return out;
}

/** The `ecr-registry` controller: finishes scans and previews, applies lifecycle policies when due. */
export function registryController(ctx: EngineContext): void {
  const world = ctx.world;
  const ecr = world.ecr;
  if (!ecr || ecr.wakeAt === null || ecr.wakeAt > world.time) return;
  const now = world.time;
  let next: number | null = null;
  const later = (t: number) => {
    if (next === null || t < next) next = t;
  };
  for (const name in ecr.repositories) {
    const repo = ecr.repositories[name]!;
    for (const d in repo.images) {
      const img = repo.images[d]!;
      const scan = img.scan;
      if (!scan || scan.status !== 'IN_PROGRESS') continue;
      if (scan.startedAt + SCAN_SECONDS > now) {
        later(scan.startedAt + SCAN_SECONDS);
        continue;
      }
      scan.status = 'COMPLETE';
      scan.completedAt = now;
      scan.findings = findingsFor(img);
      ctx.emit(
        'ecr',
        scan.findings.some((f) => f.severity === 'CRITICAL') ? 'warning' : 'info',
        `EventBridge ECR Image Scan ${JSON.stringify({
          source: 'aws.ecr',
          'detail-type': 'ECR Image Scan',
          detail: {
            'scan-status': 'COMPLETE',
            'repository-name': repo.name,
            'finding-severity-counts': severityCounts(scan.findings),
            'image-digest': img.digest,
            'image-tags': img.tags,
          },
        })}`,
        { subject: repo.name },
      );
    }
    const preview = repo.lifecyclePreview;
    if (preview?.status === 'IN_PROGRESS') {
      if (preview.startedAt + PREVIEW_SECONDS > now) later(preview.startedAt + PREVIEW_SECONDS);
      else {
        preview.status = 'COMPLETE';
        preview.completedAt = now;
        preview.results = evaluateLifecycle(preview.rules, Object.values(repo.images), now);
        const n = preview.results.length;
        ctx.emit(
          'ecr',
          'info',
          `Lifecycle policy preview of ${repo.name} is COMPLETE: it would expire ${n} image${n === 1 ? '' : 's'}${n > 0 ? ` (${preview.results.map((r) => (r.tags.length > 0 ? r.tags.join('/') : 'untagged')).join(', ')})` : ''}; nothing was deleted.`,
          { subject: repo.name },
        );
      }
    }
    const policy = repo.lifecyclePolicy;
    if (!policy) continue;
    if (policy.nextPassAt > now) {
      later(policy.nextPassAt);
      continue;
    }
    const expired = evaluateLifecycle(policy.rules, Object.values(repo.images), now);
    for (const e of expired) {
      removeImage(repo, e.digest);
      policy.expired.push({ digest: e.digest, tags: e.tags });
      ctx.emit(
        'ecr',
        'info',
        `Lifecycle policy of ${repo.name}: rule ${e.rulePriority} expired ${e.digest} (${e.tags.length > 0 ? `tags ${e.tags.join(', ')}` : 'untagged'}, pushed ${Math.floor((now - e.pushedAt) / DAY_SECONDS)} days ago).`,
        { subject: repo.name },
      );
    }
    policy.nextPassAt = now + DAY_SECONDS;
    later(policy.nextPassAt);
  }
  ecr.wakeAt = next;
}

/**
 * What the account's registry answers for a pull, or null when the reference is not one of its
 * own (public images are the catalogue's business). Read-only: a pull changes nothing here.
 */
export function resolvePull(world: World, request: PullRequest): ImageResolution | null {
  const ecr = world.ecr;
  const ref = parseImageRef(request.image);
  if (!ecr || !ref || !ecrHost(ref.registry)) return null;
  const reference = ref.digest
    ? `${ref.registry}/${ref.repository}@${ref.digest}`
    : `${ref.registry}/${ref.repository}:${ref.tag ?? 'latest'}`;
  if (ref.registry !== ownRegistry(world))
    return {
      result: 'access-denied',
      reference,
      registry: 'ecr',
      ...(request.role ? { principal: request.role } : {}),
    };
  if (request.role && ecr.pullDenied.includes(request.role))
    return { result: 'access-denied', reference, registry: 'ecr', principal: request.role };
  const repo = own(ecr.repositories, ref.repository);
  if (!repo) return { result: 'not-found', reference, registry: 'ecr' };
  const img = ref.digest ? own(repo.images, ref.digest) : imageByTag(repo, ref.tag ?? 'latest');
  if (!img) return { result: 'not-found', reference, registry: 'ecr' };
  return { result: 'found', reference, digest: img.digest };
}

export function storageRatePerHour(world: World): number {
  const ecr = world.ecr;
  if (!ecr) return 0;
  let bytes = 0;
  for (const name in ecr.repositories) bytes += storedBytes(ecr.repositories[name]!);
  return ((bytes / 1024 ** 3) * STORAGE_USD_PER_GB_MONTH) / HOURS_PER_MONTH;
}

export function chargeStorage(ctx: EngineContext): number {
  const world = ctx.world;
  const ecr = world.ecr;
  if (!ecr) return 0;
  let rate = 0;
  for (const name in ecr.repositories) {
    const repo = ecr.repositories[name]!;
    const perHour = ((storedBytes(repo) / 1024 ** 3) * STORAGE_USD_PER_GB_MONTH) / HOURS_PER_MONTH;
    if (perHour === 0) continue;
    charge(world, repo.arn, 'ecr', perHour / 3600);
    rate += perHour;
  }
  return rate;
}
