/**
 * JSON Schema for the ECS task definitions the sandbox understands (the RegisterTaskDefinition
 * subset). Descriptions follow the fact sheet (aws-facts.md §1.2, §2.1); Monaco shows
 * markdownDescription on hover and in completion. Fields real task definitions carry that the
 * sandbox ignores (roles, logging…) are allowed so that a pasted real definition validates, but
 * left out of completion (see `unsuggested`).
 */
import type { JSONSchema } from './json-schema.ts';

export const ECS_TASK_DEFINITION_SCHEMA_URI =
  'https://shipyard.local/schemas/ecs-task-definition.json';

const FARGATE_SIZES =
  '| cpu | memory (MiB) |\n|---|---|\n| 256 | 512, 1024, 2048 |\n| 512 | 1024–4096 (step 1024) |\n| 1024 | 2048–8192 (step 1024) |\n| 2048 | 4096–16384 (step 1024) |\n| 4096 | 8192–30720 (step 1024) |\n| 8192 | 16384–61440 (step 4096) |\n| 16384 | 32768–122880 (step 8192) |';

const portMapping: JSONSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['containerPort'],
  properties: {
    containerPort: {
      type: 'integer',
      minimum: 1,
      maximum: 65535,
      description: 'The port the application listens on inside the container.',
      markdownDescription:
        'The port the application listens on **inside** the container (1–65535).',
    },
    hostPort: {
      type: 'integer',
      minimum: 0,
      maximum: 65535,
      description:
        'The port on the host. With awsvpc it is empty or equal to containerPort; on EC2 bridge mode 0 or omitted means a dynamic port.',
      markdownDescription:
        'The port on the **host**. With `awsvpc` (and so on Fargate) leave it out or make it equal to `containerPort`. In EC2 `bridge` mode, `0` or omitted means a **dynamic** host port (49153–65535), which lets several copies of the task share one instance. Reserved on every container instance: 22, 2375, 2376, 51678, 51679.',
    },
    protocol: {
      type: 'string',
      enum: ['tcp', 'udp'],
      default: 'tcp',
      description: 'tcp (default) or udp.',
    },
    name: {
      type: 'string',
      description: 'A name for the mapping (used by Service Connect; ignored by the sandbox).',
    },
    appProtocol: {
      type: 'string',
      enum: ['http', 'http2', 'grpc'],
      description: 'Ignored by the sandbox.',
    },
  },
};

const containerDefinition: JSONSchema = {
  type: 'object',
  required: ['name', 'image'],
  additionalProperties: false,
  defaultSnippets: [
    {
      label: 'New container',
      body: {
        name: '${1:web}',
        image: '${2:nginx:1.27}',
        cpu: 256,
        memory: 512,
        essential: true,
        portMappings: [{ containerPort: 80 }],
      },
    },
  ],
  properties: {
    name: {
      type: 'string',
      pattern: '^[A-Za-z0-9_-]{1,255}$',
      patternErrorMessage: 'Up to 255 letters, digits, hyphens (-) and underscores (_).',
      description: 'The container name: up to 255 letters, digits, - and _.',
      markdownDescription:
        'The container name: up to **255** letters, digits, `-` and `_`. Other containers of the task and the load balancer refer to it by this name.',
    },
    image: {
      type: 'string',
      minLength: 1,
      description:
        'repository-url/image:tag or repository-url/image@digest. Pulled when the task starts.',
      markdownDescription:
        'The image: `repository-url/image:tag` or `…@sha256:digest` (e.g. `123456789012.dkr.ecr.eu-west-3.amazonaws.com/web:1.4`). The agent resolves and pulls it **when the task starts**; pushing a new image under the same tag later does **not** change tasks already running.',
    },
    cpu: {
      type: 'integer',
      minimum: 0,
      description:
        'CPU units reserved for the container (1024 = 1 vCPU). The sum across containers must not exceed the task cpu.',
      markdownDescription:
        'CPU units for this container (**1024 units = 1 vCPU**; maps to Docker `--cpu-shares`). Placement subtracts it from the instance; spare CPU is shared in proportion. The sum across containers must be ≤ the task-level `cpu`.',
    },
    memory: {
      type: 'integer',
      minimum: 6,
      description:
        'Hard memory limit in MiB: the container is killed (exit 137, OutOfMemoryError) above it.',
      markdownDescription:
        '**Hard limit** in MiB. A container that goes over it is killed: `OutOfMemoryError: Container killed due to memory usage`, exit code **137**. If `memoryReservation` is also set, `memory` must be greater. Docker reserves at least 6 MiB.',
    },
    memoryReservation: {
      type: 'integer',
      minimum: 6,
      description: 'Soft memory limit in MiB: what placement subtracts from the instance when set.',
      markdownDescription:
        '**Soft limit** in MiB. When set, placement subtracts **this** (not `memory`) from the instance, so more tasks fit; the container may use more up to `memory`. On EC2 you need a task-level `memory` or a container-level `memory`/`memoryReservation`.',
    },
    essential: {
      type: 'boolean',
      default: true,
      description: 'Default true. If an essential container stops, the whole task stops.',
      markdownDescription:
        'Default **true**. If an essential container stops, the whole task stops (`Essential container in task exited`). A task needs at least one essential container.',
    },
    portMappings: {
      type: 'array',
      items: portMapping,
      description: 'Ports to expose: containerPort, hostPort, protocol.',
    },
    environment: { type: 'array', description: 'Environment variables (ignored by the sandbox).' },
    secrets: { type: 'array', description: 'Secrets (ignored by the sandbox).' },
    logConfiguration: { type: 'object', description: 'Logging driver (ignored by the sandbox).' },
    command: {
      type: 'array',
      items: { type: 'string' },
      description: 'Overrides the image CMD (ignored by the sandbox).',
    },
    entryPoint: {
      type: 'array',
      items: { type: 'string' },
      description: 'Overrides the image ENTRYPOINT (ignored by the sandbox).',
    },
    healthCheck: {
      type: 'object',
      description:
        'Container health check: interval 5–300 s (default 30), timeout 2–60 s (default 5), retries 1–10 (default 3). Ignored by the sandbox.',
    },
    stopTimeout: {
      type: 'integer',
      minimum: 0,
      maximum: 120,
      description:
        'Seconds between SIGTERM and SIGKILL (Fargate default 30, max 120). Ignored by the sandbox.',
    },
    workingDirectory: { type: 'string', description: 'Ignored by the sandbox.' },
    mountPoints: { type: 'array', description: 'Ignored by the sandbox.' },
    dependsOn: { type: 'array', description: 'Ignored by the sandbox.' },
    user: { type: 'string', description: 'Ignored by the sandbox.' },
    ulimits: { type: 'array', description: 'Ignored by the sandbox.' },
    dockerLabels: { type: 'object', description: 'Ignored by the sandbox.' },
    readonlyRootFilesystem: { type: 'boolean', description: 'Ignored by the sandbox.' },
    privileged: { type: 'boolean', description: 'Ignored by the sandbox.' },
    startTimeout: { type: 'integer', description: 'Ignored by the sandbox.' },
    volumesFrom: { type: 'array', description: 'Ignored by the sandbox.' },
    linuxParameters: { type: 'object', description: 'Ignored by the sandbox.' },
    repositoryCredentials: { type: 'object', description: 'Ignored by the sandbox.' },
    environmentFiles: { type: 'array', description: 'Ignored by the sandbox.' },
    systemControls: { type: 'array', description: 'Ignored by the sandbox.' },
    restartPolicy: { type: 'object', description: 'Ignored by the sandbox.' },
  },
};

const sizeValue = (what: 'cpu' | 'memory'): JSONSchema => ({
  type: ['string', 'integer'],
  pattern: what === 'cpu' ? '^(\\d+|\\d+(\\.\\d+)? ?vCPU)$' : '^(\\d+|\\d+(\\.\\d+)? ?GB)$',
  patternErrorMessage:
    what === 'cpu'
      ? 'CPU units such as "256" or vCPU such as "1 vCPU".'
      : 'MiB such as "512" or GB such as "1GB".',
});

/** Marks every property the sandbox ignores (its description says so) as valid but not suggested. */
function unsuggested(schema: JSONSchema): JSONSchema {
  const properties = schema.properties
    ? Object.fromEntries(
        Object.entries(schema.properties).map(([name, property]) => {
          const marked = unsuggested(property);
          return [
            name,
            /ignored by the sandbox/i.test(property.description ?? '')
              ? { ...marked, doNotSuggest: true }
              : marked,
          ];
        }),
      )
    : undefined;
  return {
    ...schema,
    ...(properties ? { properties } : {}),
    ...(schema.items ? { items: unsuggested(schema.items) } : {}),
  };
}

export const ECS_TASK_DEFINITION_SCHEMA: JSONSchema = unsuggested({
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'Amazon ECS task definition (RegisterTaskDefinition input)',
  type: 'object',
  required: ['family', 'containerDefinitions'],
  additionalProperties: false,
  properties: {
    family: {
      type: 'string',
      pattern: '^[A-Za-z0-9_-]{1,255}$',
      patternErrorMessage: 'Up to 255 letters, digits, hyphens (-) and underscores (_).',
      description:
        'Required. The family name; registrations in a family get revisions 1, 2, 3… (family:revision).',
      markdownDescription:
        'Required. The **family** groups revisions: the first registration gets revision **1**, each new one the next number. Services and tasks refer to `family:revision` (e.g. `web:3`), ARN `arn:aws:ecs:<region>:<account>:task-definition/web:3`.',
    },
    requiresCompatibilities: {
      type: 'array',
      uniqueItems: true,
      items: {
        type: 'string',
        enum: ['EC2', 'FARGATE', 'EXTERNAL'],
        enumDescriptions: [
          'Your own container instances',
          'One micro-VM per task',
          'On-premises (ECS Anywhere), not modelled',
        ],
      },
      description: 'Launch types to validate against: EC2, FARGATE (or EXTERNAL).',
      markdownDescription:
        'The launch types this definition is validated against: `EC2`, `FARGATE` (or `EXTERNAL`). With **FARGATE**, `networkMode` must be `awsvpc` and task-level `cpu` and `memory` are required and must be a valid pair.',
    },
    networkMode: {
      type: 'string',
      enum: ['bridge', 'awsvpc', 'host', 'none'],
      enumDescriptions: [
        'Docker bridge; dynamic host ports (EC2 default)',
        'Each task gets its own ENI (required by Fargate)',
        'Container ports are host ports: one copy per instance',
        'No networking',
      ],
      description: 'bridge (EC2 default), awsvpc (required by Fargate), host, none.',
      markdownDescription:
        'On EC2 Linux: `bridge` (**default**), `awsvpc`, `host`, `none`. **Fargate requires `awsvpc`**, which gives each task its own ENI. `host` needs a fixed hostPort, so two copies of the task cannot share an instance.',
    },
    cpu: {
      ...sizeValue('cpu'),
      description:
        'Task-level CPU units ("256") or vCPU ("1 vCPU"). Required on Fargate: 256, 512, 1024, 2048, 4096, 8192, 16384.',
      markdownDescription: `Task-level CPU: units (\`"256"\`) or vCPU (\`"1 vCPU"\`). **Required on Fargate**, where only these pairs exist:\n\n${FARGATE_SIZES}\n\nOtherwise: \`Invalid 'cpu' setting for task.\` / \`No Fargate configuration exists for given values.\``,
      examples: ['256', '512', '1024', '2048', '4096'],
    },
    memory: {
      ...sizeValue('memory'),
      description:
        'Task-level memory in MiB ("512") or GB ("1GB"). Required on Fargate; must pair with cpu.',
      markdownDescription: `Task-level memory: MiB (\`"512"\`) or GB (\`"1GB"\`). **Required on Fargate**, in one of these pairs:\n\n${FARGATE_SIZES}`,
      examples: ['512', '1024', '2048', '4096'],
    },
    containerDefinitions: {
      type: 'array',
      minItems: 1,
      maxItems: 10,
      items: containerDefinition,
      description:
        'The containers of the task (1–10): name, image, cpu, memory, memoryReservation, portMappings, essential.',
      markdownDescription:
        'The containers of the task (**1–10**). Each needs `name` and `image`; size it with `cpu`, `memory` (hard) and/or `memoryReservation` (soft).',
    },
    executionRoleArn: {
      type: 'string',
      description:
        'The role the agent uses to pull images and write logs (ignored by the sandbox).',
    },
    taskRoleArn: {
      type: 'string',
      description: 'The role the application assumes (ignored by the sandbox).',
    },
    volumes: { type: 'array', description: 'Ignored by the sandbox.' },
    placementConstraints: {
      type: 'array',
      description: "Ignored by the sandbox (use the service's placement constraints).",
    },
    tags: { type: 'array', description: 'Ignored by the sandbox.' },
    pidMode: { type: 'string', description: 'Ignored by the sandbox.' },
    ipcMode: { type: 'string', description: 'Ignored by the sandbox.' },
    runtimePlatform: { type: 'object', description: 'Ignored by the sandbox.' },
    ephemeralStorage: {
      type: 'object',
      description: 'Fargate ephemeral storage, 20–200 GiB (ignored by the sandbox).',
    },
    proxyConfiguration: { type: 'object', description: 'Ignored by the sandbox.' },
    inferenceAccelerators: { type: 'array', description: 'Ignored by the sandbox.' },
    enableFaultInjection: { type: 'boolean', description: 'Ignored by the sandbox.' },
  },
});
