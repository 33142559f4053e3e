/**
 * Starting documents per scenario: for ECS, a task definition the learner can register as it is,
 * sized for the scenario's launch type; for a Kubernetes (EKS) scenario, a manifest the learner
 * can `kubectl apply` as it is. Only a Kubernetes scenario loads the YAML editor.
 */
export interface EditorDocument {
  /** File name, as `file://<name>` in the terminal. */
  name: string;
  language: 'json' | 'yaml';
  /** What the document is, for the picker and screen readers. */
  label: string;
  text: string;
  /** A file of the pipeline's repository (a GitHub Actions workflow): saved and committed, not applied. */
  workflow?: true;
}

export interface ScenarioLike {
  id: string;
  orchestrator: string;
  allowedActions?: readonly string[];
  initial?: { taskDefinitions?: readonly object[] };
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

/**
 * The task definition to start from: the scenario's own (latest) one when it has some — the
 * learner edits what runs — else a new one for the scenario's launch type. In a pipeline
 * scenario, the repository's workflow files come first (`repoFiles`: the world's working tree).
 */
export function templatesFor(
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
