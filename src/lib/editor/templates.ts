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
}

const ec2TaskDefinition = {
  family: 'web',
  requiresCompatibilities: ['EC2'],
  networkMode: 'bridge',
  containerDefinitions: [
    {
      name: 'web',
      image: 'public.ecr.aws/nginx/nginx:1.27',
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

export function templatesFor(scenario: ScenarioLike): EditorDocument[] {
  const fargate = scenario.id.includes('fargate');
  return [
    {
      name: 'web.json',
      language: 'json',
      label: `ECS task definition (${fargate ? 'Fargate' : 'EC2'})`,
      text: `${JSON.stringify(fargate ? fargateTaskDefinition : ec2TaskDefinition, null, 2)}\n`,
    },
    { name: 'deployment.yaml', language: 'yaml', label: 'Kubernetes Deployment (preview: validated, not applied)', text: deployment },
  ];
}
