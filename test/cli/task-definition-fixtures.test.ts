/**
 * Sixteen task definitions as their repositories publish them (test/fixtures/task-definitions,
 * sources in its README), registered with `aws ecs register-task-definition --cli-input-json`:
 * each is accepted or refused as AWS accepts or refuses it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createWorld } from '../../sandbox/index.ts';
import { own } from '../../sandbox/model/record.ts';
import { runCommandLine } from '../../sandbox/cli/index.ts';
import { loadScenario } from '../sandbox/helpers.ts';

const DIR = join(import.meta.dirname, '../fixtures/task-definitions');
const world = createWorld(loadScenario('ecs-first-service.yaml'));

function register(file: string) {
  const files = { [file]: readFileSync(join(DIR, file), 'utf8') };
  return runCommandLine(`aws ecs register-task-definition --cli-input-json file://${file}`, {
    world,
    files,
    session: { dockerContext: null },
  });
}

const ACCEPTED: [file: string, source: string, family: string][] = [
  [
    'aws-samples-nginx-ec2.json',
    'aws-samples/aws-containers-task-definitions nginx/nginx_ec2.json',
    'nginx',
  ],
  [
    'aws-samples-nginx-fargate.json',
    'aws-samples/aws-containers-task-definitions nginx/nginx_fargate.json',
    'nginx',
  ],
  [
    'aws-samples-tomcat-fargate.json',
    'aws-samples/aws-containers-task-definitions tomcat/tomcat_fargate.json',
    'tomcat-webserver',
  ],
  [
    'aws-samples-consul-client-host.json',
    'aws-samples/aws-containers-task-definitions consul/ConsulClient.json',
    'consulClient',
  ],
  [
    'aws-samples-gunicorn-fargate.json',
    'aws-samples/aws-containers-task-definitions gunicorn/gunicorn_fargate.json',
    'gunicorn',
  ],
  [
    'aws-samples-wildfly-awsvpc.json',
    'aws-samples/aws-containers-task-definitions wildfly/wildfly_ec2.json',
    'wildfly',
  ],
  [
    'firelens-datadog.json',
    'aws-samples/amazon-ecs-firelens-examples examples/fluent-bit/datadog/task-definition.json',
    'firelens-example-datadog',
  ],
  [
    'firelens-emf-bridge-links.json',
    'aws-samples/amazon-ecs-firelens-examples examples/fluent-bit/cloudwatchlogs-emf/emf-over-tcp/task-definition-bridge.json',
    'firelens-example-cloudwatch',
  ],
  [
    'firelens-app-mesh-envoy.json',
    'aws-samples/amazon-ecs-firelens-examples examples/fluent-bit/parse-envoy-app-mesh/appmesh-firelens-colorteller-black-ecs-task-def.json',
    'appmesh-firelens-colorteller-black',
  ],
  [
    'firelens-newrelic-vcpu-units.json',
    'aws-samples/amazon-ecs-firelens-examples examples/fluent-bit/newrelic/example-task-definition.json',
    'newrelic-firelens-example',
  ],
  [
    'gha-fargate-deploy.json',
    'AbdElRhmanArafa/aws-ecs-github-actions-deployment .aws/task-definition.json',
    'myapp-task-def-family',
  ],
];

describe('published task definitions AWS accepts', () => {
  it.each(ACCEPTED)('%s (%s) registers as %s:1', (file, _source, family) => {
    const r = register(file);
    expect(r.output.exitCode, r.output.stderr).toBe(0);
    expect(JSON.parse(r.output.stdout).taskDefinition.taskDefinitionArn).toBe(
      `arn:aws:ecs:eu-west-3:123456789012:task-definition/${family}:1`,
    );
    expect(r.output.stderr).toMatch(/^Accepted as AWS does; the sandbox does not model /);
  });

  it('reads "1 vcpu" and "2 gb" as 1024 CPU units and 2048 MiB (firelens-newrelic-vcpu-units.json)', () => {
    const td = JSON.parse(
      register('firelens-newrelic-vcpu-units.json').output.stdout,
    ).taskDefinition;
    expect([td.cpu, td.memory]).toEqual(['1024', '2048']);
  });

  it('names what it accepted without modelling it (aws-samples-consul-client-host.json)', () => {
    expect(register('aws-samples-consul-client-host.json').output.stderr).toBe(
      "Accepted as AWS does; the sandbox does not model containerDefinitions[0].command, containerDefinitions[0].dockerLabels, containerDefinitions[0].entryPoint, containerDefinitions[0].environment, containerDefinitions[0].logConfiguration (this note is the sandbox's, not the AWS CLI's).",
    );
  });
});

const MUST_BE_ONE_OF =
  'must be one of: family, taskRoleArn, executionRoleArn, networkMode, containerDefinitions, volumes, placementConstraints, requiresCompatibilities, cpu, memory, tags, pidMode, ipcMode, proxyConfiguration, inferenceAccelerators, ephemeralStorage, runtimePlatform, enableFaultInjection';
const none = (path: string, valid: string) =>
  `Invalid type for parameter ${path}, value: None, type: <class 'NoneType'>, valid types: ${valid}`;
const LIST = "<class 'list'>, <class 'tuple'>";

describe('published task definitions AWS refuses, with its words', () => {
  it('kibana_ec2.json (aws-samples/aws-containers-task-definitions): awsvpc with hostPort 80 for containerPort 5601', () => {
    const r = register('aws-samples-kibana-awsvpc-hostport.json');
    expect(r.output).toEqual({
      stdout: '',
      stderr:
        '\nAn error occurred (ClientException) when calling the RegisterTaskDefinition operation: When networkMode=awsvpc, the host ports and container ports in port mappings must match.',
      exitCode: 254,
    });
    expect(r.world).toBe(world);
  });

  it('nginx_fargate.json before its fix (aws-samples/aws-containers-task-definitions 2e12987): the three problems its pull request #3 quotes, at once', () => {
    expect(register('aws-samples-nginx-fargate-2018.json').output).toEqual({
      stdout: '',
      stderr: [
        '\nParameter validation failed:',
        "Invalid type for parameter containerDefinitions[0].memory, value: 256, type: <class 'str'>, valid types: <class 'int'>",
        "Invalid type for parameter containerDefinitions[0].cpu, value: 256, type: <class 'str'>, valid types: <class 'int'>",
        none('containerDefinitions[0].logConfiguration', "<class 'dict'>"),
      ].join('\n'),
      exitCode: 252,
    });
  });

  it('dynatrace task-definition.json (aws-samples/amazon-ecs-firelens-examples): not JSON, a comma missing on line 34', () => {
    const r = register('firelens-dynatrace-malformed.json');
    expect(r.output.exitCode).toBe(252);
    expect(r.output.stderr.split('\n')[1]).toBe(
      "Error parsing parameter 'cli-input-json': Invalid JSON: Expected ',' or '}' after property value: line 34 column 20 (char 1268)",
    );
  });

  it('describe-task-definition output (Casper-Lee/simple-weather-app .aws/task-definition.json): its read-only fields are unknown parameters', () => {
    expect(register('gha-describe-output.json').output).toEqual({
      stdout: '',
      stderr: [
        '\nParameter validation failed:',
        ...[
          'taskDefinitionArn',
          'revision',
          'status',
          'requiresAttributes',
          'compatibilities',
          'registeredAt',
          'registeredBy',
        ].map((f) => `Unknown parameter in input: "${f}", ${MUST_BE_ONE_OF}`),
      ].join('\n'),
      exitCode: 252,
    });
  });

  it('a console export full of nulls (14km/aws-community-day-2021 .aws/task-definition.json): every null, in botocore’s order', () => {
    const c = (f: string) => `containerDefinitions[0].${f}`;
    expect(register('gha-console-export-nulls.json').output.stderr.split('\n').slice(1)).toEqual([
      'Parameter validation failed:',
      none('ipcMode', "<class 'str'>"),
      none(c('dnsSearchDomains'), LIST),
      none(c('environmentFiles'), LIST),
      none(c('logConfiguration.secretOptions'), LIST),
      none(c('entryPoint'), LIST),
      none(c('command'), LIST),
      none(c('linuxParameters'), "<class 'dict'>"),
      none(c('resourceRequirements'), LIST),
      none(c('ulimits'), LIST),
      none(c('dnsServers'), LIST),
      none(c('workingDirectory'), "<class 'str'>"),
      none(c('secrets'), LIST),
      none(c('dockerSecurityOptions'), LIST),
      none(c('memory'), "<class 'int'>"),
      none(c('memoryReservation'), "<class 'int'>"),
      none(c('stopTimeout'), "<class 'int'>"),
      none(c('startTimeout'), "<class 'int'>"),
      none(c('firelensConfiguration'), "<class 'dict'>"),
      none(c('dependsOn'), LIST),
      none(c('disableNetworking'), "<class 'bool'>"),
      none(c('interactive'), "<class 'bool'>"),
      none(c('healthCheck'), "<class 'dict'>"),
      none(c('links'), LIST),
      none(c('hostname'), "<class 'str'>"),
      none(c('extraHosts'), LIST),
      none(c('pseudoTerminal'), "<class 'bool'>"),
      none(c('user'), "<class 'str'>"),
      none(c('readonlyRootFilesystem'), "<class 'bool'>"),
      none(c('dockerLabels'), "<class 'dict'>"),
      none(c('systemControls'), LIST),
      none(c('privileged'), "<class 'bool'>"),
      none('pidMode', "<class 'str'>"),
      none('proxyConfiguration', "<class 'dict'>"),
    ]);
  });
});

describe('shapes AWS accepts that the sandbox used to refuse', () => {
  const inline = (json: object) =>
    runCommandLine(`aws ecs register-task-definition --cli-input-json '${JSON.stringify(json)}'`, {
      world,
      files: {},
      session: { dockerContext: null },
    }).output;

  it('an image tag with capitals, EXTERNAL compatibility, PortMapping name and appProtocol', () => {
    const out = inline({
      family: 'edge',
      requiresCompatibilities: ['EC2', 'EXTERNAL'],
      containerDefinitions: [
        {
          name: 'edge',
          image: 'registry.example.com/team/Edge:V2-RC1',
          memory: 256,
          portMappings: [{ containerPort: 8080, name: 'edge-8080-tcp', appProtocol: 'http' }],
        },
      ],
    });
    expect(out.exitCode, out.stderr).toBe(0);
    expect(JSON.parse(out.stdout).taskDefinition.containerDefinitions[0].image).toBe(
      'registry.example.com/team/Edge:V2-RC1',
    );
  });

  it('shorthand container definitions get the CLI’s integer conversion', () => {
    const r = runCommandLine(
      'aws ecs register-task-definition --family short --container-definitions name=web,image=nginx:1.27,memory=256,essential=true',
      { world, files: {}, session: { dockerContext: null } },
    );
    expect(r.output.exitCode, r.output.stderr).toBe(0);
    expect(JSON.parse(r.output.stdout).taskDefinition.containerDefinitions[0].memory).toBe(256);
  });

  it('host mode: hostPort blank or equal to containerPort, else AWS’s error', () => {
    const base = { family: 'h', networkMode: 'host' };
    const c = (portMappings: object[]) => [
      { name: 'h', image: 'nginx', memory: 128, portMappings },
    ];
    expect(inline({ ...base, containerDefinitions: c([{ containerPort: 80 }]) }).exitCode).toBe(0);
    expect(
      inline({ ...base, containerDefinitions: c([{ containerPort: 80, hostPort: 80 }]) }).exitCode,
    ).toBe(0);
    expect(
      inline({ ...base, containerDefinitions: c([{ containerPort: 80, hostPort: 8080 }]) }).stderr,
    ).toBe(
      '\nAn error occurred (ClientException) when calling the RegisterTaskDefinition operation: When networkMode=host, the host ports and container ports in port mappings must match.',
    );
  });
});

describe('inside the structures the sandbox does not model', () => {
  const register = (containerDefinitions: object[], extra: object = {}) =>
    runCommandLine(
      `aws ecs register-task-definition --cli-input-json '${JSON.stringify({ family: 'inner', containerDefinitions, ...extra })}'`,
      { world, files: {}, session: { dockerContext: null } },
    ).output;

  it('a null or a wrong type is refused where the CLI refuses it, depth first in the input’s order', () => {
    const out = register(
      [
        {
          name: 'web',
          image: 'nginx',
          memory: 128,
          environment: [{ name: 'A', value: null }],
          dockerLabels: { team: 5 },
          healthCheck: { command: ['CMD-SHELL', 'true'], interval: '30' },
          logConfiguration: { logDriver: 'awslogs', options: null },
        },
      ],
      { tags: [{ key: 'env', value: true }], ephemeralStorage: { sizeInGiB: 21 } },
    );
    expect(out).toEqual({
      stdout: '',
      stderr: [
        '\nParameter validation failed:',
        none('containerDefinitions[0].environment[0].value', "<class 'str'>"),
        "Invalid type for parameter containerDefinitions[0].dockerLabels.team, value: 5, type: <class 'int'>, valid types: <class 'str'>",
        "Invalid type for parameter containerDefinitions[0].healthCheck.interval, value: 30, type: <class 'str'>, valid types: <class 'int'>",
        none('containerDefinitions[0].logConfiguration.options', "<class 'dict'>"),
        "Invalid type for parameter tags[0].value, value: True, type: <class 'bool'>, valid types: <class 'str'>",
      ].join('\n'),
      exitCode: 252,
    });
  });

  it('a missing required member or an unknown one is refused as botocore refuses it: per structure, required, then unknown, then its members', () => {
    // Members and required members of each shape: botocore 1.43.67's ECS model (service-2.json).
    const out = register(
      [
        {
          name: 'web',
          image: 'nginx',
          memory: 128,
          logConfiguration: { options: {}, logdriver: 'awslogs' },
          healthCheck: { command: ['CMD', 'true'], intervalSeconds: 30 },
          ulimits: [{ name: 'nofile', softLimit: 1024 }],
        },
      ],
      { volumes: [{ name: 'data', efsVolumeConfiguration: { filesystemId: 'fs-1' } }] },
    );
    expect(out).toEqual({
      stdout: '',
      stderr: [
        '\nParameter validation failed:',
        'Missing required parameter in containerDefinitions[0].logConfiguration: "logDriver"',
        'Unknown parameter in containerDefinitions[0].logConfiguration: "logdriver", must be one of: logDriver, options, secretOptions',
        'Unknown parameter in containerDefinitions[0].healthCheck: "intervalSeconds", must be one of: command, interval, timeout, retries, startPeriod',
        'Missing required parameter in containerDefinitions[0].ulimits[0]: "hardLimit"',
        'Missing required parameter in volumes[0].efsVolumeConfiguration: "fileSystemId"',
        'Unknown parameter in volumes[0].efsVolumeConfiguration: "filesystemId", must be one of: fileSystemId, rootDirectory, transitEncryption, transitEncryptionPort, authorizationConfig',
      ].join('\n'),
      exitCode: 252,
    });
  });

  it('well-typed members are accepted and named in the note as before', () => {
    const out = register([
      {
        name: 'web',
        image: 'nginx',
        memory: 128,
        environment: [{ name: 'A', value: '1' }],
        logConfiguration: { logDriver: 'awslogs', options: { 'awslogs-group': '/ecs/web' } },
      },
    ]);
    expect(out.exitCode, out.stderr).toBe(0);
    expect(out.stderr).toBe(
      "Accepted as AWS does; the sandbox does not model containerDefinitions[0].environment, containerDefinitions[0].logConfiguration (this note is the sandbox's, not the AWS CLI's).",
    );
  });
});

describe('port ranges (PortMapping.containerPortRange)', () => {
  const inline = (json: object) =>
    runCommandLine(`aws ecs register-task-definition --cli-input-json '${JSON.stringify(json)}'`, {
      world,
      files: {},
      session: { dockerContext: null },
    });
  const e =
    '\nAn error occurred (ClientException) when calling the RegisterTaskDefinition operation: ';
  const ports = (networkMode: string, portMappings: object[]) => ({
    family: 'ranges',
    networkMode,
    containerDefinitions: [{ name: 'web', image: 'nginx', memory: 128, portMappings }],
  });

  it('a range alone is accepted in bridge and awsvpc, named in the note, and only the single ports are placed', () => {
    for (const mode of ['bridge', 'awsvpc']) {
      const r = inline(
        ports(mode, [{ containerPort: 80 }, { containerPortRange: '8000-8010', protocol: 'tcp' }]),
      );
      expect(r.output.exitCode, r.output.stderr).toBe(0);
      expect(r.output.stderr).toBe(
        "Accepted as AWS does; the sandbox does not model containerDefinitions[0].portMappings[1].containerPortRange (this note is the sandbox's, not the AWS CLI's).",
      );
      expect(
        JSON.parse(r.output.stdout).taskDefinition.containerDefinitions[0].portMappings.map(
          (p: { containerPort: number }) => p.containerPort,
        ),
      ).toEqual([80]);
    }
  });

  it('is refused in host mode, reversed or out of 1–65535, every problem at once', () => {
    const r = inline(
      ports('host', [{ containerPortRange: '9000-8000' }, { containerPortRange: '1-70000' }]),
    );
    expect(r.output).toEqual({
      stdout: '',
      stderr: [
        "Invalid 'containerPortRange' setting for container 'web' (only in the bridge and awsvpc network modes).",
        "Invalid 'containerPortRange' setting for container 'web' (first-last, from 1 to 65535, the first port lower than the last).",
        "Invalid 'containerPortRange' setting for container 'web' (first-last, from 1 to 65535, the first port lower than the last).",
      ]
        .map((l) => `${e}${l}`)
        .join(''),
      exitCode: 254,
    });
    expect(r.world).toBe(world);
  });

  it('a mapping with neither a port nor a range is refused', () => {
    expect(inline(ports('bridge', [{ protocol: 'tcp' }])).output.stderr).toBe(
      `${e}Invalid 'containerPort' setting for container 'web' (a port mapping needs a containerPort or a containerPortRange).`,
    );
  });
});

describe('values AWS refuses at registration', () => {
  it('are all reported at once, each with its limit, never as zod text', () => {
    const td = {
      family: 'x',
      containerDefinitions: [
        { name: 'a b', image: 'nginx', memory: 4 },
        {
          name: 'big',
          image: 'nginx',
          cpu: 999999,
          memory: 99999999999,
          portMappings: [{ containerPort: 70000 }],
        },
      ],
    };
    const r = runCommandLine(
      `aws ecs register-task-definition --cli-input-json '${JSON.stringify(td)}'`,
      {
        world,
        files: {},
        session: { dockerContext: null },
      },
    );
    const e =
      '\nAn error occurred (ClientException) when calling the RegisterTaskDefinition operation: ';
    expect(r.output).toEqual({
      stdout: '',
      stderr: [
        "Invalid 'name' setting for container 'a b' (up to 255 letters (uppercase and lowercase), numbers, hyphens and underscores).",
        "Invalid 'memory' setting for container 'a b' (from 6 MiB to 1,000,000 MiB in the sandbox).",
        "Invalid 'cpu' setting for container 'big' (from 0 to 196608 CPU units, 192 vCPU).",
        "Invalid 'memory' setting for container 'big' (from 6 MiB to 1,000,000 MiB in the sandbox).",
        "Invalid 'containerPort' setting for container 'big' (from 1 to 65535).",
      ]
        .map((l) => `${e}${l}`)
        .join(''),
      exitCode: 254,
    });
    expect(r.world).toBe(world);
  });
});

describe('what the sandbox does not model is kept and shown, not dropped', () => {
  it('a FireLens task definition keeps the fields it only accepts, and Inspect names them', () => {
    const r = register('firelens-datadog.json');
    expect(r.output.exitCode).toBe(0);
    const td = own(r.world.ecs.taskDefinitions, 'firelens-example-datadog:1')!;
    expect(td.notModelled).toEqual([
      'containerDefinitions[0].firelensConfiguration',
      'containerDefinitions[1].logConfiguration',
    ]);
    expect(r.output.stderr).toBe(
      "Accepted as AWS does; the sandbox does not model containerDefinitions[0].firelensConfiguration, containerDefinitions[1].logConfiguration (this note is the sandbox's, not the AWS CLI's).",
    );
  });

  it('a task definition with nothing unmodelled stores no such list (world hashes stay as they were)', () => {
    const r = runCommandLine(
      'aws ecs register-task-definition --family plain --container-definitions \'[{"name":"web","image":"nginx:1.27","memory":256}]\'',
      { world, files: {}, session: { dockerContext: null } },
    );
    expect(r.output.exitCode).toBe(0);
    expect(r.output.stderr).toBe('');
    expect('notModelled' in own(r.world.ecs.taskDefinitions, 'plain:1')!).toBe(false);
  });
});
