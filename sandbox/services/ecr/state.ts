/** Small helpers every ECR file shares: the slice, the account's registry, tag lookups. */
import { own } from '../../model/record.ts';
import type { World } from '../../model/types.ts';
import { formatImageRef, parseImageRef, registryHost, type ImageRef } from './names.ts';
import type { EcrSlice, RegistryImage, Repository } from './world.ts';

export function ecrOf(world: World): EcrSlice {
  const slice = world.ecr;
  if (!slice) throw new Error('this world has no ECR registry');
  return slice;
}

export function ownRegistry(world: World): string {
  return registryHost(world.accountId, world.region);
}

export function repositoryOfWorld(world: World, name: string): Repository | undefined {
  return world.ecr ? own(world.ecr.repositories, name) : undefined;
}

/** The image a tag points at in a repository, or undefined. */
export function imageByTag(repo: Repository, tag: string): RegistryImage | undefined {
  for (const d in repo.images) if (repo.images[d]!.tags.includes(tag)) return repo.images[d];
  return undefined;
}

/** A reference as the workstation's tag store keys it (`web:latest`, `<registry>/web:1.0`). */
export function localKey(ref: ImageRef): string {
  return formatImageRef({ ...ref, digest: null, tag: ref.tag ?? 'latest' });
}

export function parseLocal(text: string): ImageRef | null {
  const ref = parseImageRef(text);
  return ref && ref.digest === null ? ref : null;
}

/** Total bytes the repository stores (its distinct blobs), as billed. */
export function storedBytes(repo: Repository): number {
  let n = 0;
  for (const d in repo.blobs) n += repo.blobs[d]!;
  return n;
}

/** Removes an image; its blobs go when no remaining image uses them. */
export function removeImage(repo: Repository, digest: string): void {
  delete repo.images[digest];
  const used = new Set<string>();
  for (const d in repo.images) {
    const img = repo.images[d]!;
    used.add(img.config);
    for (const l of img.layers) used.add(l);
  }
  for (const b of Object.keys(repo.blobs)) if (!used.has(b)) delete repo.blobs[b];
}
