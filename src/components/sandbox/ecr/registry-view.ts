/**
 * What the registry panel shows, worked out from the world: pure and locale-independent, so the
 * panel's text is testable without a browser. Nothing here imports the ECR behaviour chunk.
 */
import type { World } from '@sandbox';

export interface ImageRow {
  digest: string;
  /** `sha256:` and the first 12 hex digits, as the console shortens it. */
  shortDigest: string;
  tags: string[];
  pushed: string;
  size: string;
  scan: string;
}

export interface RepositoryRow {
  name: string;
  uri: string;
  mutability: 'MUTABLE' | 'IMMUTABLE';
  scanOnPush: boolean;
  lifecycle: string;
  /** Newest push first. */
  images: ImageRow[];
  expired: { short: string; tags: string[] }[];
}

export interface RegistryView {
  host: string;
  login: string;
  repositories: RepositoryRow[];
  denied: string[];
}

const HOUR = 3600;
const DAY = 24 * HOUR;

export function shortDigest(digest: string): string {
  return digest.startsWith('sha256:') ? `sha256:${digest.slice(7, 19)}` : digest.slice(0, 19);
}

/** How long ago, from the sim clock: "just now", "4 min ago", "3 h ago", "5 days ago". */
export function ago(seconds: number): string {
  if (seconds < 60) return 'just now';
  if (seconds < HOUR) return `${Math.floor(seconds / 60)} min ago`;
  if (seconds < DAY) return `${Math.floor(seconds / HOUR)} h ago`;
  const days = Math.floor(seconds / DAY);
  return `${days} day${days === 1 ? '' : 's'} ago`;
}

/** Sim seconds as `hh:mm:ss`, as the toolbar shows long runs (hours keep counting past 23). */
export function clock(seconds: number): string {
  const whole = Math.max(0, Math.floor(seconds));
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(Math.floor(whole / HOUR))}:${pad(Math.floor((whole % HOUR) / 60))}:${pad(whole % 60)}`;
}

/** Megabytes with one decimal, as ECR's console shows image sizes. */
export function megabytes(bytes: number): string {
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}

function loginText(world: World, host: string): string {
  const expires = world.ecr?.workstation.logins[host];
  if (expires === undefined) return 'Docker on the workstation is not logged in to this registry.';
  if (expires <= world.time)
    return 'Docker’s login to this registry has expired (a token lasts 12 hours): log in again.';
  const left = expires - world.time;
  const hours = Math.floor(left / HOUR);
  const minutes = Math.floor((left % HOUR) / 60);
  return `Docker on the workstation is logged in to this registry (token valid ${hours} h ${minutes} min more).`;
}

export function registryRows(world: World): RegistryView | null {
  const slice = world.ecr;
  if (!slice) return null;
  const host = `${world.accountId}.dkr.ecr.${world.region}.amazonaws.com`;
  const repositories = Object.values(slice.repositories)
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((repo): RepositoryRow => {
      const images = Object.values(repo.images)
        .sort((a, b) => b.pushedAt - a.pushedAt || (a.digest < b.digest ? -1 : 1))
        .map((image) => {
          const scan = image.scan;
          let scanText = 'not scanned';
          if (scan?.status === 'IN_PROGRESS') scanText = 'in progress';
          else if (scan?.status === 'COMPLETE') {
            const counts = new Map<string, number>();
            for (const f of scan.findings)
              counts.set(f.severity, (counts.get(f.severity) ?? 0) + 1);
            scanText =
              scan.findings.length === 0
                ? 'complete: no findings'
                : `complete: ${[...counts].map(([s, n]) => `${n} ${s}`).join(', ')}`;
          }
          return {
            digest: image.digest,
            shortDigest: shortDigest(image.digest),
            tags: [...image.tags],
            pushed: ago(world.time - image.pushedAt),
            size: megabytes(image.sizeInBytes),
            scan: scanText,
          };
        });
      const policy = repo.lifecyclePolicy;
      const rules = policy?.rules.length ?? 0;
      const lifecycle =
        policy === null
          ? 'none'
          : `${rules} rule${rules === 1 ? '' : 's'}, put at ${clock(policy.putAt)}; the registry's next pass at ${clock(policy.nextPassAt)}`;
      return {
        name: repo.name,
        uri: repo.uri,
        mutability: repo.mutability,
        scanOnPush: repo.scanOnPush,
        lifecycle,
        images,
        expired: (policy?.expired ?? []).map((e) => ({
          short: shortDigest(e.digest),
          tags: [...e.tags],
        })),
      };
    });
  return {
    host,
    login: loginText(world, host),
    repositories,
    denied: [...slice.pullDenied].sort(),
  };
}
