/**
 * Image resolution for the kubelet: the registry interface (model/images.ts: found, not-found or
 * access-denied), a fixed catalogue resolver over the public images, and the containerd error
 * texts a failed pull produces.
 */
import {
  normalizeImage,
  PUBLIC_IMAGES,
  type ImageResolution,
  type ResolveImage,
} from '../../model/images.ts';

export { normalizeImage, PUBLIC_IMAGES, type ImageResolution, type ResolveImage };

/**
 * A resolver over a fixed catalogue. `missing` removes references (the "missing tag" fault);
 * `denied` answers access-denied (a private repository without pull permission).
 */
export function catalogueResolver(
  catalogue: readonly string[] = PUBLIC_IMAGES,
  faults: { missing?: readonly string[]; denied?: readonly string[] } = {},
): ResolveImage {
  const known = new Set(catalogue.map(normalizeImage));
  const missing = new Set((faults.missing ?? []).map(normalizeImage));
  const denied = new Set((faults.denied ?? []).map(normalizeImage));
  return (ref) => {
    const reference = normalizeImage(ref);
    if (denied.has(reference)) return { result: 'access-denied', reference };
    if (known.has(reference) && !missing.has(reference)) return { result: 'found', reference };
    return { result: 'not-found', reference };
  };
}

/** The kubelet's `Failed` event message for a pull that did not succeed (containerd's text). */
export function pullFailureMessage(image: string, r: ImageResolution): string {
  const ref = r.reference;
  const cause =
    r.result === 'access-denied' && r.registry === 'ecr'
      ? `code = Unknown desc = failed to pull and unpack image ${JSON.stringify(ref)}: failed to resolve reference ${JSON.stringify(ref)}: unexpected status from HEAD request to https://${ref.slice(0, ref.indexOf('/'))}/v2/${ecrPath(ref)}: 403 Forbidden`
      : r.result === 'access-denied'
        ? `code = Unknown desc = failed to pull and unpack image ${JSON.stringify(ref)}: failed to resolve reference ${JSON.stringify(ref)}: pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed`
        : `code = NotFound desc = failed to pull and unpack image ${JSON.stringify(ref)}: failed to resolve reference ${JSON.stringify(ref)}: ${ref}: not found`;
  return `Failed to pull image ${JSON.stringify(image)}: rpc error: ${cause}`;
}

/** `<host>/<repo>:<tag>` → `<repo>/manifests/<tag>` (the registry API path a HEAD request asks). */
function ecrPath(ref: string): string {
  const rest = ref.slice(ref.indexOf('/') + 1);
  const at = rest.indexOf('@');
  const colon = rest.lastIndexOf(':');
  const cut = at >= 0 ? at : colon;
  return `${rest.slice(0, cut)}/manifests/${rest.slice(cut + 1)}`;
}
