/**
 * The ECR slice of the world: the account's private registry in the world's Region (its
 * repositories, their images, tags and lifecycle policies), the learner's workstation Docker
 * (images it built or pulled, registry logins), and which IAM roles lost ECR pull permission.
 * Present only in worlds whose scenario runs the registry (`initial.ecr`).
 */

export type TagMutability = 'MUTABLE' | 'IMMUTABLE';

/** One finding of a basic scan (the sandbox's sample findings, not a real vulnerability database). */
export interface ScanFinding {
  name: string;
  severity: 'CRITICAL' | 'HIGH' | 'MEDIUM' | 'LOW' | 'INFORMATIONAL';
  uri: string;
  package: string;
  version: string;
}

export interface ImageScan {
  status: 'IN_PROGRESS' | 'COMPLETE';
  startedAt: number;
  completedAt: number | null;
  findings: ScanFinding[];
}

/** An image in a repository: its manifest (Docker V2 Schema 2) and where its tags point. */
export interface RegistryImage {
  /** `sha256:` of the manifest's bytes: the image's identity. */
  digest: string;
  /** The manifest as pushed (its bytes are what `digest` and `manifestSize` are of). */
  manifest: string;
  manifestSize: number;
  /** Compressed layer sizes plus the config: ECR's `imageSizeInBytes`. */
  sizeInBytes: number;
  layers: string[];
  config: string;
  tags: string[];
  pushedAt: number;
  lastPulledAt: number | null;
  scan: ImageScan | null;
}

export interface LifecycleRule {
  rulePriority: number;
  description?: string;
  selection: {
    tagStatus: 'tagged' | 'untagged' | 'any';
    tagPrefixList?: string[];
    countType: 'imageCountMoreThan' | 'sinceImagePushed';
    countUnit?: 'days';
    countNumber: number;
  };
  action: { type: 'expire' };
}

/** One image a lifecycle policy preview would expire, and the rule that would expire it. */
export interface PreviewResult {
  digest: string;
  tags: string[];
  pushedAt: number;
  rulePriority: number;
}

export interface LifecyclePreview {
  /** The policy text previewed (the one given, or the repository's own when none was). */
  text: string;
  rules: LifecycleRule[];
  status: 'IN_PROGRESS' | 'COMPLETE';
  startedAt: number;
  completedAt: number | null;
  /** Filled when the preview completes: evaluated over the images the repository held then. */
  results: PreviewResult[];
}

export interface Repository {
  name: string;
  arn: string;
  uri: string;
  createdAt: number;
  mutability: TagMutability;
  scanOnPush: boolean;
  /** The policy text as put (AWS returns it as given) and its parsed rules. */
  lifecyclePolicy: {
    text: string;
    rules: LifecycleRule[];
    putAt: number;
    /** When the registry next applies it (the first pass soon after the put, then daily). */
    nextPassAt: number;
    /** Images (manifest digests, with their tags) it has expired since it was put. */
    expired: { digest: string; tags: string[] }[];
  } | null;
  /**
   * The last lifecycle policy preview started on the repository (absent until one is):
   * StartLifecyclePolicyPreview's policy, and what it would expire once the preview is COMPLETE.
   */
  lifecyclePreview?: LifecyclePreview;
  /** Images by manifest digest, oldest push first. */
  images: Record<string, RegistryImage>;
  /** Layer and config blobs the repository holds, with their compressed sizes. */
  blobs: Record<string, number>;
}

/** A layer in the workstation's image store. */
export interface LocalLayer {
  digest: string;
  size: number;
  /** The Dockerfile instruction that made it (`FROM node:20-alpine` for base layers). */
  createdBy: string;
}

/** An image in the workstation's Docker. */
export interface LocalImage {
  /** `sha256:` of its config: what `docker images` shows as IMAGE ID. */
  id: string;
  config: string;
  layers: LocalLayer[];
  createdAt: number;
  /** Image config fields a build sets. */
  env: string[];
  workdir: string;
  cmd: string[] | null;
  exposed: string[];
}

export interface Workstation {
  images: Record<string, LocalImage>;
  /** `repository:tag` → image id, in the order tags were made. */
  tags: Record<string, string>;
  /** Registry host → when its login expires (sim seconds). */
  logins: Record<string, number>;
  /** Build cache: `parent layer|instruction|content` → the layer it made. */
  cache: Record<string, LocalLayer>;
}

export interface EcrSlice {
  repositories: Record<string, Repository>;
  workstation: Workstation;
  /** The workstation's build context from the scenario (file name → text): `docker build .` reads it. */
  files: Record<string, string>;
  /**
   * EventBridge rules on this registry's push events whose target redeploys an ECS service
   * (in AWS a pipeline or a function behind the rule runs `update-service --force-new-deployment`).
   */
  rules: { name: string; repository: string; tag: string | null; service: string }[];
  /** IAM roles (ARNs) whose ECR pull permission was removed. */
  pullDenied: string[];
  /** When the registry controller next has work (a scan to finish, a lifecycle pass), or null. */
  wakeAt: number | null;
}

export function emptyEcrSlice(): EcrSlice {
  return {
    repositories: {},
    workstation: { images: {}, tags: {}, logins: {}, cache: {} },
    files: {},
    rules: [],
    pullDenied: [],
    wakeAt: null,
  };
}
