/**
 * Starting documents per scenario: a task definition the learner can register as it is, sized
 * for the scenario's launch type, and a Kubernetes Deployment (YAML preview).
 */
export interface EditorDocument {
  /** File name, as `file://<name>` in the terminal. */
  name: string;
  language: 'json' | 'yaml';
  /** What the document is, for the picker and screen readers. */
  label: string;
  text: string;
}

export interface ScenarioLike {
  id: string;
  orchestrator: string;
  initial?: { taskDefinitions?: readonly object[] };
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

const deployment = `apiVersion: apps/v1
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
          resources:
            requests:
              cpu: 250m
              memory: 256Mi
`;

/**
 * The task definition to start from: the scenario's own (latest) one when it has some — the
 * learner edits what runs — else a new one for the scenario's launch type.
 */
export function templatesFor(scenario: ScenarioLike): EditorDocument[] {
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
    {
      name: 'deployment.yaml',
      language: 'yaml',
      label: 'Kubernetes Deployment (preview: validated, not applied)',
      text: deployment,
    },
  ];
}
