/**
 * The ECS task-definition schema, checked by the language service Monaco's JSON worker runs
 * (vscode-json-languageservice), so a diagnostic here is a marker there. The Kubernetes manifest
 * schema has its own file: k8s-schema.test.ts.
 */
import { getLanguageService as getJsonService, TextDocument } from 'vscode-json-languageservice';
import { describe, expect, it } from 'vitest';
import {
  ECS_TASK_DEFINITION_SCHEMA,
  ECS_TASK_DEFINITION_SCHEMA_URI,
} from '../../src/lib/editor/ecs-task-definition-schema.ts';
import { templatesFor } from '../../src/lib/editor/templates.ts';

const json = getJsonService({});
json.configure({
  validate: true,
  allowComments: false,
  schemas: [
    {
      uri: ECS_TASK_DEFINITION_SCHEMA_URI,
      fileMatch: ['*.taskdef.json'],
      schema: ECS_TASK_DEFINITION_SCHEMA as never,
    },
  ],
});

async function diagnose(text: string) {
  const doc = TextDocument.create('file:///test/web.taskdef.json', 'json', 1, text);
  const diagnostics = await json.doValidation(doc, json.parseJSONDocument(doc), {
    schemaValidation: 'error',
  });
  return diagnostics.map(
    (d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message}`,
  );
}

/** The AWS documentation's Fargate web server example, as registered in real accounts. */
const AWS_FARGATE_EXAMPLE = `{
  "family": "sample-fargate",
  "networkMode": "awsvpc",
  "executionRoleArn": "arn:aws:iam::123456789012:role/ecsTaskExecutionRole",
  "containerDefinitions": [
    {
      "name": "fargate-app",
      "image": "public.ecr.aws/docker/library/httpd:latest",
      "portMappings": [{ "containerPort": 80, "hostPort": 80, "protocol": "tcp" }],
      "essential": true,
      "entryPoint": ["sh", "-c"],
      "command": ["/bin/sh -c \\"echo hello > /usr/local/apache2/htdocs/index.html && httpd-foreground\\""],
      "logConfiguration": { "logDriver": "awslogs", "options": { "awslogs-group": "/ecs/fargate", "awslogs-region": "eu-west-3", "awslogs-stream-prefix": "ecs" } }
    }
  ],
  "requiresCompatibilities": ["FARGATE"],
  "cpu": "256",
  "memory": "512"
}`;

const EC2_WITH_TWO_CONTAINERS = `{
  "family": "shop",
  "requiresCompatibilities": ["EC2"],
  "networkMode": "bridge",
  "containerDefinitions": [
    { "name": "web", "image": "123456789012.dkr.ecr.eu-west-3.amazonaws.com/web:1.4", "cpu": 256, "memoryReservation": 256, "memory": 512, "essential": true, "portMappings": [{ "containerPort": 8080, "hostPort": 0 }] },
    { "name": "log_router", "image": "amazon/aws-for-fluent-bit:stable", "cpu": 64, "memory": 128, "essential": false }
  ]
}`;

describe('ECS task definition schema', () => {
  it.each([
    ['the AWS documentation Fargate example', AWS_FARGATE_EXAMPLE],
    ['an EC2 definition with two containers and a dynamic host port', EC2_WITH_TWO_CONTAINERS],
    [
      'vCPU and GB strings',
      '{"family":"api","cpu":"1 vCPU","memory":"2GB","containerDefinitions":[{"name":"api","image":"nginx"}]}',
    ],
    ...templatesFor({ id: 'ecs-first-service', orchestrator: 'ecs' })
      .filter((d) => d.language === 'json')
      .map((d) => [`the ${d.label} template`, d.text] as [string, string]),
    ...templatesFor({ id: 'fargate-x', orchestrator: 'ecs' })
      .filter((d) => d.language === 'json')
      .map((d) => [`the ${d.label} template`, d.text] as [string, string]),
  ])('accepts %s', async (_label, text) => {
    expect(await diagnose(text)).toEqual([]);
  });

  it('names each bad field with its line and column', async () => {
    const text = `{
  "family": "web app",
  "networkMode": "nat",
  "cpu": "lots",
  "containerDefinitions": [
    {
      "name": "web",
      "memory": "512",
      "essential": "yes",
      "portMappings": [{ "containerPort": 70000, "hostProtocol": "tcp" }],
      "colour": "blue"
    }
  ]
}`;
    expect(await diagnose(text)).toEqual([
      '2:13 Up to 255 letters, digits, hyphens (-) and underscores (_).',
      '3:18 Value is not accepted. Valid values: "bridge", "awsvpc", "host", "none".',
      '4:10 CPU units such as "256" or vCPU such as "1 vCPU".',
      '6:5 Missing property "image".',
      '8:17 Incorrect type. Expected "integer".',
      '9:20 Incorrect type. Expected "boolean".',
      '10:43 Value is above the maximum of 65535.',
      '10:50 Property hostProtocol is not allowed.',
      '11:7 Property colour is not allowed.',
    ]);
  });

  it('requires a family and at least one container', async () => {
    expect(await diagnose('{ "containerDefinitions": [] }')).toEqual([
      '1:1 Missing property "family".',
      '1:27 Array has too few items. Expected 1 or more.',
    ]);
  });

  it('documents every field the sandbox models, for hover', () => {
    const top = ECS_TASK_DEFINITION_SCHEMA.properties ?? {};
    const container = top['containerDefinitions']?.items?.properties ?? {};
    for (const [name, schema] of [
      ...[
        'family',
        'requiresCompatibilities',
        'networkMode',
        'cpu',
        'memory',
        'containerDefinitions',
      ].map((k) => [k, top[k]] as const),
      ...['name', 'image', 'cpu', 'memory', 'memoryReservation', 'portMappings', 'essential'].map(
        (k) => [`containerDefinitions[].${k}`, container[k]] as const,
      ),
    ]) {
      expect(schema?.description, name).toMatch(/\w{3,}/);
    }
    expect(container['memory']?.markdownDescription).toContain('**Hard limit** in MiB');
    expect(top['cpu']?.markdownDescription).toContain('| 256 | 512, 1024, 2048 |');
  });

  it('offers the fields the sandbox models as completions, and not those it ignores', async () => {
    const text =
      '{\n  "family": "web",\n  \n  "containerDefinitions": [{ "name": "web", "image": "nginx",  }]\n}';
    const doc = TextDocument.create('file:///test/web.taskdef.json', 'json', 1, text);
    const top = await json.doComplete(doc, { line: 2, character: 2 }, json.parseJSONDocument(doc));
    expect(top?.items.map((i) => i.label).sort()).toEqual([
      'cpu',
      'memory',
      'networkMode',
      'requiresCompatibilities',
    ]);
    const inContainer = await json.doComplete(
      doc,
      { line: 3, character: 62 },
      json.parseJSONDocument(doc),
    );
    expect(inContainer?.items.map((i) => i.label).sort()).toEqual([
      'cpu',
      'essential',
      'memory',
      'memoryReservation',
      'portMappings',
    ]);
  });
});
