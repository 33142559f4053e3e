/**
 * Registry addresses and names as ECR spells them (aws-facts.md §6): the private registry
 * `<account>.dkr.ecr.<region>.amazonaws.com`, image URIs `<registry>/<repo>[:tag|@sha256:…]`,
 * and the repository name rules with CreateRepository's own validation message.
 */

export function registryHost(accountId: string, region: string): string {
  return `${accountId}.dkr.ecr.${region}.amazonaws.com`;
}

export function repositoryArn(accountId: string, region: string, name: string): string {
  return `arn:aws:ecr:${region}:${accountId}:repository/${name}`;
}

/** The pattern CreateRepository checks `repositoryName` against (the API reference's). */
export const REPOSITORY_NAME_PATTERN =
  '(?:[a-z0-9]+(?:[._-][a-z0-9]+)*/)*[a-z0-9]+(?:[._-][a-z0-9]+)*';
const NAME = new RegExp(`^${REPOSITORY_NAME_PATTERN}$`);

/** The length CreateRepository allows a repository name (the API reference's 2 to 256). */
export const REPOSITORY_NAME_LENGTH = { min: 2, max: 256 } as const;

/**
 * Why a repository name is refused, in the API's words, or null. The console adds that a name
 * must start with a letter; the API accepts a leading digit, and so does the sandbox. The short
 * name's message is quoted in aws/aws-dotnet-deploy#549 (a one-letter name); the long one's is
 * worded the same way.
 */
export function repositoryNameProblem(name: string): string | null {
  const { min, max } = REPOSITORY_NAME_LENGTH;
  if (name.length < min)
    return `Invalid parameter at 'repositoryName' failed to satisfy constraint: 'must have length greater than or equal to ${min}'`;
  if (name.length > max)
    return `Invalid parameter at 'repositoryName' failed to satisfy constraint: 'must have length less than or equal to ${max}'`;
  if (!NAME.test(name))
    return `Invalid parameter at 'repositoryName' failed to satisfy constraint: 'must satisfy regular expression '${REPOSITORY_NAME_PATTERN}''`;
  return null;
}

/** A tag as Docker accepts it: up to 128 word characters, dots and dashes, not starting with either. */
export const TAG_PATTERN = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;

export interface ImageRef {
  /** The registry host, or null for Docker Hub (`nginx`, `bitnami/redis`). */
  registry: string | null;
  /** The repository path inside the registry (`web`, `team-a/web`, `library/nginx`). */
  repository: string;
  tag: string | null;
  digest: string | null;
}

/**
 * Parses an image reference as Docker does: a first part with a dot, a colon or `localhost` is
 * a registry host; `:tag` and `@sha256:…` are optional (no tag and no digest means `latest`
 * where a tag is needed). Null when it is not a valid reference.
 */
export function parseImageRef(text: string): ImageRef | null {
  if (text.length === 0 || text.length > 512 || /\s/.test(text)) return null;
  let rest = text;
  let digest: string | null = null;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!/^sha256:[0-9a-f]{64}$/.test(digest)) return null;
  }
  let registry: string | null = null;
  const slash = rest.indexOf('/');
  if (slash >= 0) {
    const first = rest.slice(0, slash);
    if (first.includes('.') || first.includes(':') || first === 'localhost') {
      registry = first;
      rest = rest.slice(slash + 1);
    }
  }
  let tag: string | null = null;
  const colon = rest.lastIndexOf(':');
  if (colon >= 0 && !rest.slice(colon).includes('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!TAG_PATTERN.test(tag)) return null;
  }
  if (
    !/^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$/.test(
      rest,
    )
  )
    return null;
  return { registry, repository: rest, tag, digest };
}

/** `registry/repository:tag` (or `@digest`) back as text, Docker Hub's `library/` dropped. */
export function formatImageRef(ref: ImageRef): string {
  const repo =
    ref.registry === null && ref.repository.startsWith('library/')
      ? ref.repository.slice('library/'.length)
      : ref.repository;
  const name = ref.registry ? `${ref.registry}/${repo}` : repo;
  return ref.digest ? `${name}@${ref.digest}` : `${name}:${ref.tag ?? 'latest'}`;
}

/** `registry/repository` without a tag: the name `docker push` reports it refers to. */
export function repositoryOf(ref: ImageRef): string {
  return ref.registry ? `${ref.registry}/${ref.repository}` : `docker.io/${ref.repository}`;
}

/** The host of a private ECR registry: `{ account, region }`, or null for any other host. */
export function ecrHost(host: string | null): { account: string; region: string } | null {
  if (!host) return null;
  const m = /^(\d{12})\.dkr\.ecr\.([a-z0-9-]+)\.amazonaws\.com$/.exec(host);
  return m ? { account: m[1]!, region: m[2]! } : null;
}
