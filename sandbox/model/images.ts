/**
 * Images every orchestrator pulls: what a registry answers for a reference (found, not found,
 * access denied), how containerd fully qualifies a reference, and the public catalogue (Docker
 * Hub, registry.k8s.io, ECR Public…) the sandbox can pull from without the private registry.
 * The private registry (services/ecr) answers for its own references through the engine
 * (`EngineContext.resolveImage`); ECS and EKS never import it.
 */

export type ImageResolution =
  | { result: 'found'; reference: string; digest?: string }
  | { result: 'not-found'; reference: string; registry?: 'ecr' }
  | { result: 'access-denied'; reference: string; registry?: 'ecr'; principal?: string };

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

/** Public images the sandbox can pull (Docker Hub and other public registries). */
export const PUBLIC_IMAGES: readonly string[] = [
  'nginx:1.25',
  'nginx:1.26',
  'nginx:1.27',
  'nginx:1.28',
  'nginx:1.29',
  // ECR Public's copy of the official image (the editor's templates use it).
  'public.ecr.aws/nginx/nginx:1.27',
  'public.ecr.aws/nginx/nginx:latest',
  'nginx:latest',
  'nginx:alpine',
  'httpd:2.4',
  'node:20-alpine',
  'node:22-alpine',
  'python:3.12-slim',
  'golang:1.22',
  'alpine:3.20',
  'alpine:latest',
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

/** A pull as an orchestrator asks for it: the reference and the IAM role the pull runs as. */
export interface PullRequest {
  image: string;
  /** The role ARN that pulls: an EKS node's role, an ECS task execution role; null = none known. */
  role: string | null;
}
