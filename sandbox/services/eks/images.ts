/**
 * Image resolution for the kubelet: a registry interface (`resolveImage(ref)` → found,
 * not-found or access-denied) that the ECR module will fill in, and for now a fixed
 * catalogue of public images, plus the containerd error texts a failed pull produces.
 */

export type ImageResolution =
  | { result: 'found'; reference: string }
  | { result: 'not-found'; reference: string }
  | { result: 'access-denied'; reference: string };

export type ResolveImage = (ref: string) => ImageResolution;

/**
 * The fully qualified reference containerd resolves: `nginx` → `docker.io/library/nginx:latest`,
 * `bitnami/redis:7` → `docker.io/bitnami/redis:7`; a registry host (a first part with a dot,
 * a colon or `localhost`) is kept.
 */
export function normalizeImage(ref: string): string {
  let name = ref;
  const slash = name.indexOf('/');
  const first = slash < 0 ? '' : name.slice(0, slash);
  const hasRegistry =
    slash >= 0 && (first.includes('.') || first.includes(':') || first === 'localhost');
  if (!hasRegistry) name = `docker.io/${slash < 0 ? `library/${name}` : name}`;
  const lastPart = name.slice(name.lastIndexOf('/') + 1);
  if (!lastPart.includes(':') && !lastPart.includes('@')) name += ':latest';
  return name;
}

/** Public images the sandbox can pull before the ECR module exists. */
export const PUBLIC_IMAGES: readonly string[] = [
  'nginx:1.25',
  'nginx:1.26',
  'nginx:1.27',
  'nginx:1.28',
  'nginx:1.29',
  'nginx:latest',
  'httpd:2.4',
  'busybox:1.36',
  'busybox:latest',
  'redis:7',
  'redis:6.0-alpine',
  'mysql:5.7',
  'rabbitmq:3-management',
  'amazon/dynamodb-local:1.13.1',
  'registry.k8s.io/hpa-example:latest',
  'registry.k8s.io/pause:3.9',
  'k8s.gcr.io/redis:e2e',
  'gcr.io/google-samples/gb-frontend:v4',
  'gcr.io/google_samples/gb-redisslave:v1',
  'public.ecr.aws/aws-containers/retail-store-sample-ui:0.2.0',
  'public.ecr.aws/aws-containers/retail-store-sample-catalog:0.2.0',
  'public.ecr.aws/aws-containers/retail-store-sample-cart:0.2.0',
  'public.ecr.aws/aws-containers/retail-store-sample-orders:0.2.0',
  'public.ecr.aws/aws-containers/retail-store-sample-checkout:0.2.0',
  'public.ecr.aws/aws-containers/retail-store-sample-assets:0.2.0',
];

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
    r.result === 'access-denied'
      ? `code = Unknown desc = failed to pull and unpack image ${JSON.stringify(ref)}: failed to resolve reference ${JSON.stringify(ref)}: pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed`
      : `code = NotFound desc = failed to pull and unpack image ${JSON.stringify(ref)}: failed to resolve reference ${JSON.stringify(ref)}: ${ref}: not found`;
  return `Failed to pull image ${JSON.stringify(image)}: rpc error: ${cause}`;
}
