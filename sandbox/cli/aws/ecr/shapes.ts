/** The JSON shapes `aws ecr` prints (the API reference's Repository, ImageDetail, ImageScanFindings…). */
import type { World } from '../../../model/types.ts';
import { severityCounts } from '../../../services/ecr/registry.ts';
import type {
  LifecyclePreview,
  PreviewResult,
  RegistryImage,
  Repository,
} from '../../../services/ecr/world.ts';

const DAYS_BEFORE_EPOCH = daysFromCivil(2026, 1, 5);

/** Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm). */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function civilFromDays(z0: number): [number, number, number] {
  const z = z0 + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp + (mp < 10 ? 3 : -9);
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

/**
 * An ISO timestamp from simulated seconds, as the AWS CLI prints it; the same instant as
 * the other commands use for time 0 (2026-01-05 09:00 UTC), and correct for times before it
 * (images pushed days before the scenario starts).
 */
export function ecrTime(simSeconds: number): string {
  const total = Math.floor(simSeconds) + 9 * 3600;
  const days = Math.floor(total / 86400);
  const rem = total - days * 86400;
  const [y, m, d] = civilFromDays(DAYS_BEFORE_EPOCH + days);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${y}-${pad(m)}-${pad(d)}T${pad(Math.floor(rem / 3600))}:${pad(Math.floor((rem % 3600) / 60))}:${pad(rem % 60)}+00:00`;
}

export function repositoryJson(world: World, r: Repository) {
  return {
    repositoryArn: r.arn,
    registryId: world.accountId,
    repositoryName: r.name,
    repositoryUri: r.uri,
    createdAt: ecrTime(r.createdAt),
    imageTagMutability: r.mutability,
    imageScanningConfiguration: { scanOnPush: r.scanOnPush },
    encryptionConfiguration: { encryptionType: 'AES256' },
  };
}

export function imageDetailJson(world: World, r: Repository, img: RegistryImage) {
  return {
    registryId: world.accountId,
    repositoryName: r.name,
    imageDigest: img.digest,
    ...(img.tags.length > 0 ? { imageTags: [...img.tags] } : {}),
    imageSizeInBytes: img.sizeInBytes,
    imagePushedAt: ecrTime(img.pushedAt),
    ...(img.scan
      ? {
          imageScanStatus:
            img.scan.status === 'COMPLETE'
              ? { status: 'COMPLETE', description: 'The scan was completed successfully.' }
              : { status: 'IN_PROGRESS' },
          ...(img.scan.status === 'COMPLETE'
            ? {
                imageScanFindingsSummary: {
                  imageScanCompletedAt: ecrTime(img.scan.completedAt ?? img.scan.startedAt),
                  vulnerabilitySourceUpdatedAt: ecrTime(img.scan.completedAt ?? img.scan.startedAt),
                  findingSeverityCounts: severityCounts(img.scan.findings),
                },
              }
            : {}),
        }
      : {}),
    imageManifestMediaType: 'application/vnd.docker.distribution.manifest.v2+json',
    artifactMediaType: 'application/vnd.docker.container.image.v1+json',
    ...(img.lastPulledAt !== null ? { lastRecordedPullTime: ecrTime(img.lastPulledAt) } : {}),
  };
}

/**
 * GetLifecyclePolicyPreview's answer: the status, and once COMPLETE the images the policy would
 * expire (the given results: all of them, or those the filters kept) with their count. While
 * IN_PROGRESS there are no results yet.
 */
export function previewJson(
  world: World,
  r: Repository,
  preview: LifecyclePreview,
  results: readonly PreviewResult[],
) {
  const done = preview.status === 'COMPLETE';
  return {
    registryId: world.accountId,
    repositoryName: r.name,
    lifecyclePolicyText: preview.text,
    status: preview.status,
    previewResults: done
      ? results.map((e) => ({
          ...(e.tags.length > 0 ? { imageTags: e.tags } : {}),
          imageDigest: e.digest,
          imagePushedAt: ecrTime(e.pushedAt),
          action: { type: 'EXPIRE' },
          appliedRulePriority: e.rulePriority,
        }))
      : [],
    ...(done ? { summary: { expiringImageTotalCount: results.length } } : {}),
  };
}
