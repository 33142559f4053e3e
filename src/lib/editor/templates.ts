/**
 * Starting documents per scenario: for ECS, a task definition the learner can register as it is,
 * sized for the scenario's launch type; for a Kubernetes (EKS) scenario, a manifest the learner
 * can `kubectl apply` as it is. Only a Kubernetes scenario loads the YAML editor. A scenario with
 * a workstation (`initial.ecr.files`) adds its build context — the Dockerfile and the sources
 * `docker build .` reads — so the learner builds what they see and edit.
 */
export interface EditorDocument {
  /** File name, as `file://<name>` in the terminal. */
  name: string;
  /** A Monaco language id: every one here is bundled with the editor (load-monaco.ts). */
  language: 'json' | 'yaml' | 'dockerfile' | 'javascript' | 'plaintext';
  /** What the document is, for the picker and screen readers. */
  label: string;
  text: string;
  /** A file of the pipeline's repository (a GitHub Actions workflow): saved and committed, not applied. */
  workflow?: true;
  /** A file of the workstation's build context (`docker build .` reads it): edited, not applied. */
  build?: true;
}

export interface ScenarioLike {
  id: string;
  orchestrator: string;
  allowedActions?: readonly string[];
  initial?: {
    taskDefinitions?: readonly object[];
    ecr?: { files?: Readonly<Record<string, string>> };
  };
}

/** A scenario whose learner writes Kubernetes manifests: an EKS one, or one allowing kubectl apply. */
export function isKubernetesScenario(scenario: ScenarioLike): boolean {
  return scenario.orchestrator === 'eks' || (scenario.allowedActions ?? []).includes('k8s.apply');
}

const ec2TaskDefinition = {
  family: 'web',
  requiresCompatibilities: ['EC2'],
  networkMode: 'bridge',
  containerDefinitions: [
    {
      name: 'web',
      image: 'shipyard/web:1.0',
      cpu: 256,
      memory: 512,
      essential: true,
      portMappings: [{ containerPort: 80, hostPort: 0, protocol: 'tcp' }],
    },
  ],
};

const fargateTaskDefinition = {
  family: 'web',
  requiresCompatibilities: ['FARGATE'],
  networkMode: 'awsvpc',
  cpu: '256',
  memory: '512',
  containerDefinitions: [
    {
      name: 'web',
      image: 'public.ecr.aws/nginx/nginx:1.27',
      essential: true,
      portMappings: [{ containerPort: 80, protocol: 'tcp' }],
    },
  ],
};

const manifest = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 3
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: web
          image: public.ecr.aws/nginx/nginx:1.27
          ports:
            - containerPort: 80
          resources:
            requests:
              cpu: 250m
              memory: 256Mi
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: LoadBalancer
  selector:
    app: web
  ports:
    - port: 80
      targetPort: 80
`;

/** The manifest a Kubernetes scenario starts from. */
export const MANIFEST_TEMPLATE: EditorDocument = {
  name: 'web.yaml',
  language: 'yaml',
  label: 'Kubernetes manifest (Deployment and Service)',
  text: manifest,
};

/** The repository's workflow files (`.github/workflows/*.yml`), sorted by path. */
export function workflowDocuments(repoFiles: Readonly<Record<string, string>>): EditorDocument[] {
  return Object.keys(repoFiles)
    .filter((p) => /^\.github\/workflows\/[^/]+\.ya?ml$/.test(p))
    .sort()
    .map((p) => ({
      name: p,
      language: 'yaml' as const,
      label: 'GitHub Actions workflow (the repository’s)',
      text: repoFiles[p] ?? '',
      workflow: true as const,
    }));
}

/** The editor language of a build-context file, by its name as Monaco's own registrations match it. */
function buildLanguage(name: string): EditorDocument['language'] {
  const base = name.slice(name.lastIndexOf('/') + 1);
  if (/^Dockerfile(\..+)?$/.test(base) || base.endsWith('.dockerfile')) return 'dockerfile';
  if (/\.json$/.test(base)) return 'json';
  if (/\.[cm]?js$/.test(base)) return 'javascript';
  return 'plaintext';
}

/** The workstation's build context (`initial.ecr.files`): the Dockerfile first, then by name. */
export function buildDocuments(files: Readonly<Record<string, string>>): EditorDocument[] {
  return Object.keys(files)
    .sort((a, b) => Number(b === 'Dockerfile') - Number(a === 'Dockerfile') || (a < b ? -1 : 1))
    .map((name) => ({
      name,
      language: buildLanguage(name),
      label:
        name === 'Dockerfile' ? 'the steps docker build . runs' : 'a file of the build context',
      text: files[name] ?? '',
      build: true as const,
    }));
}

/**
 * The documents to start from: the scenario's own documents (below), then its build context. A
 * scenario that builds images but lets the learner neither register a task definition nor apply
 * a manifest starts from its build context alone.
 */
export function templatesFor(
  scenario: ScenarioLike,
  repoFiles?: Readonly<Record<string, string>>,
): EditorDocument[] {
  const context = buildDocuments(scenario.initial?.ecr?.files ?? {});
  const allowed = scenario.allowedActions ?? [];
  const edits =
    allowed.length === 0 ||
    allowed.includes('ecs.taskdef.register') ||
    allowed.includes('k8s.apply');
  if (context.length > 0 && !edits) return context;
  return [...scenarioDocuments(scenario, repoFiles), ...context];
}

/**
 * The task definition to start from: the scenario's own (latest) one when it has some — the
 * learner edits what runs — else a new one for the scenario's launch type. In a pipeline
 * scenario, the repository's workflow files come first (`repoFiles`: the world's working tree).
 */
function scenarioDocuments(
  scenario: ScenarioLike,
  repoFiles?: Readonly<Record<string, string>>,
): EditorDocument[] {
  const workflows = workflowDocuments(repoFiles ?? {});
  if (workflows.length > 0) {
    // A pipeline scenario that does not allow kubectl apply edits its workflow only; one that
    // allows everything (the playground) keeps the manifest first.
    const allowed = scenario.allowedActions ?? [];
    return allowed.length === 0 || allowed.includes('k8s.apply')
      ? [{ ...MANIFEST_TEMPLATE }, ...workflows]
      : workflows;
  }
  if (isKubernetesScenario(scenario)) return [{ ...MANIFEST_TEMPLATE }];
  const existing = scenario.initial?.taskDefinitions ?? [];
  const fargate = scenario.id.includes('fargate');
  const start =
    existing.length > 0
      ? existing[existing.length - 1]
      : fargate
        ? fargateTaskDefinition
        : ec2TaskDefinition;
  const family = (start as { family?: unknown }).family;
  return [
    {
      name: `${typeof family === 'string' ? family : 'web'}.json`,
      language: 'json',
      label:
        existing.length > 0
          ? 'ECS task definition (the one running now)'
          : `ECS task definition (${fargate ? 'Fargate' : 'EC2'})`,
      text: `${JSON.stringify(start, null, 2)}\n`,
    },
  ];
}
