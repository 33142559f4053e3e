/**
 * `aws events` reads the scenario's EventBridge rules on ECR pushes, in the API's JSON shapes:
 * the registry's rules (target: the ECS service they redeploy, the sandbox's shortcut) and the
 * pipeline's (target: a CodePipeline). Unknown rules and bad names get the API's errors; a
 * scenario without ECR has no rules to read.
 */
import { describe, expect, it } from 'vitest';
import { complete, runCommandLine } from '../../sandbox/cli/index.ts';
import { createWorld, parseScenario, type World } from '../../sandbox/index.ts';
import { loadScenario } from '../sandbox/helpers.ts';
import { DEPLOY_WORKFLOW, scenarioYaml } from '../pipeline/worlds.ts';
import { ecsWorld } from './worlds.ts';

const env = (world: World) => ({ world, files: {}, session: { dockerContext: null } });

function run(world: World, line: string) {
  const r = runCommandLine(line, env(world));
  expect(r.world).toBe(world);
  return { exit: r.output.exitCode, out: `${r.output.stdout}${r.output.stderr}` };
}

const ROLLOUT = createWorld(loadScenario('ecr-push-rollout.yaml'));

const WEB_PATTERN =
  '{"detail-type":["ECR Image Action"],"source":["aws.ecr"],"detail":{"action-type":["PUSH"],"image-tag":["latest"],"repository-name":["web"],"result":["SUCCESS"]}}';

function pipelineWorld(): World {
  const yaml = scenarioYaml(DEPLOY_WORKFLOW, { ecr: {} }).replace(
    '  pipeline:\n',
    '  pipeline:\n    onImagePush:\n      - { rule: web-deploy, repository: web, deployment: web }\n      - { rule: api-deploy, repository: api, tag: stable, deployment: api }\n',
  );
  const parsed = parseScenario(yaml);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
  return createWorld(parsed.value);
}

describe('aws events on the registry’s rule (ecr-push-rollout)', () => {
  it('list-rules: the rule on web:latest pushes, its pattern a JSON string', () => {
    const r = run(ROLLOUT, 'aws events list-rules');
    expect(r.exit).toBe(0);
    expect(JSON.parse(r.out)).toEqual({
      Rules: [
        {
          Name: 'web-on-push',
          Arn: 'arn:aws:events:eu-west-3:123456789012:rule/web-on-push',
          EventPattern: WEB_PATTERN,
          State: 'ENABLED',
          EventBusName: 'default',
        },
      ],
    });
  });

  it('list-rules --name-prefix keeps the names that start with it', () => {
    expect(JSON.parse(run(ROLLOUT, 'aws events list-rules --name-prefix web-').out)).toEqual({
      Rules: [expect.objectContaining({ Name: 'web-on-push' })],
    });
    expect(run(ROLLOUT, 'aws events list-rules --name-prefix api').out).toBe(
      '{\n    "Rules": []\n}',
    );
  });

  it('describe-rule adds who created it, in the API’s field order', () => {
    const r = run(ROLLOUT, 'aws events describe-rule --name web-on-push');
    expect(r.exit).toBe(0);
    expect(Object.entries(JSON.parse(r.out))).toEqual([
      ['Name', 'web-on-push'],
      ['Arn', 'arn:aws:events:eu-west-3:123456789012:rule/web-on-push'],
      ['EventPattern', WEB_PATTERN],
      ['State', 'ENABLED'],
      ['EventBusName', 'default'],
      ['CreatedBy', '123456789012'],
    ]);
  });

  it('list-targets-by-rule: the ECS service the rule redeploys', () => {
    const r = run(ROLLOUT, 'aws events list-targets-by-rule --rule web-on-push');
    expect(r.exit).toBe(0);
    expect(JSON.parse(r.out)).toEqual({
      Targets: [{ Id: 'web', Arn: 'arn:aws:ecs:eu-west-3:123456789012:service/demo/web' }],
    });
  });

  it.each([
    ['describe-rule --name web-on-pusj', 'DescribeRule'],
    ['list-targets-by-rule --rule web-on-pusj', 'ListTargetsByRule'],
  ])('an unknown rule: %s', (args, api) => {
    expect(run(ROLLOUT, `aws events ${args}`)).toEqual({
      exit: 254,
      out: `\nAn error occurred (ResourceNotFoundException) when calling the ${api} operation: Rule web-on-pusj does not exist on EventBus default.`,
    });
  });

  it('a name outside the API’s pattern or length', () => {
    expect(run(ROLLOUT, "aws events describe-rule --name 'web on push'")).toEqual({
      exit: 254,
      out: "\nAn error occurred (ValidationException) when calling the DescribeRule operation: 1 validation error detected: Value 'web on push' at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\.\\-_A-Za-z0-9]+",
    });
    expect(run(ROLLOUT, `aws events list-rules --name-prefix ${'w'.repeat(65)}`)).toEqual({
      exit: 254,
      out: `\nAn error occurred (ValidationException) when calling the ListRules operation: 1 validation error detected: Value '${'w'.repeat(65)}' at 'namePrefix' failed to satisfy constraint: Member must have length less than or equal to 64`,
    });
  });

  it('--output text prints a row per target', () => {
    const r = run(ROLLOUT, 'aws events list-targets-by-rule --rule web-on-push --output text');
    expect(r.out).toBe('TARGETS\tarn:aws:ecs:eu-west-3:123456789012:service/demo/web\tweb');
  });
});

describe('aws events on the pipeline’s rules (onImagePush)', () => {
  const w = pipelineWorld();

  it('lists both rules by name; a rule without a tag matches any tag', () => {
    const rules = JSON.parse(run(w, 'aws events list-rules').out).Rules;
    expect(
      rules.map((r: { Name: string; EventPattern: string }) => [r.Name, r.EventPattern]),
    ).toEqual([
      [
        'api-deploy',
        '{"detail-type":["ECR Image Action"],"source":["aws.ecr"],"detail":{"action-type":["PUSH"],"image-tag":["stable"],"repository-name":["api"],"result":["SUCCESS"]}}',
      ],
      [
        'web-deploy',
        '{"detail-type":["ECR Image Action"],"source":["aws.ecr"],"detail":{"action-type":["PUSH"],"repository-name":["web"],"result":["SUCCESS"]}}',
      ],
    ]);
  });

  it('the target is the pipeline the rule starts', () => {
    expect(JSON.parse(run(w, 'aws events list-targets-by-rule --rule web-deploy').out)).toEqual({
      Targets: [
        { Id: 'web-deploy', Arn: 'arn:aws:codepipeline:eu-west-3:123456789012:web-deploy' },
      ],
    });
  });
});

describe('aws events where the scenario runs no registry', () => {
  it.each([
    ['list-rules', 'ListRules'],
    ['describe-rule --name web-on-push', 'DescribeRule'],
    ['list-targets-by-rule --rule web-on-push', 'ListTargetsByRule'],
  ])('%s names what is missing', (args, api) => {
    expect(run(ecsWorld(), `aws events ${args}`)).toEqual({
      exit: 254,
      out: `\nAn error occurred (AccessDeniedException) when calling the ${api} operation: This sandbox scenario has no EventBridge rules (the sandbox’s own message: a scenario with ECR offers these commands).`,
    });
  });

  it('a registry without rules lists none', () => {
    const none = createWorld(loadScenario('ecr-first-push.yaml'));
    expect(run(none, 'aws events list-rules').out).toBe('{\n    "Rules": []\n}');
  });
});

describe('aws events help and completion', () => {
  it('lists its three commands, in the CLI’s order', () => {
    const r = run(ROLLOUT, 'aws events help');
    expect(r.out.split('\n').filter((l) => l.startsWith('  o '))).toEqual([
      '  o describe-rule                      Describes a rule of the default event bus (its targets: list-targets-by-rule).',
      '  o list-rules                         Lists the rules of the default event bus, all or those whose name starts with a prefix.',
      '  o list-targets-by-rule               Lists the targets of a rule (the sandbox’s registry rules target the ECS service they redeploy; in AWS, a pipeline or a function does).',
    ]);
    expect(run(ROLLOUT, 'aws events describe-rule help').out).toContain(
      '  --name (string) [required]\n      The name of the rule.',
    );
  });

  it.each([
    ['aws ev', 4, ['events']],
    ['aws events ', 11, ['describe-rule', 'help', 'list-rules', 'list-targets-by-rule']],
    ['aws events list-t', 11, ['list-targets-by-rule']],
    ['aws events describe-rule --name ', 32, ['web-on-push']],
    ['aws events list-targets-by-rule --rule w', 39, ['web-on-push']],
    ['aws events list-rules --name-prefix ', 36, ['web-on-push']],
  ])('%s', (line, start, candidates) => {
    expect(complete(line, env(ROLLOUT))).toEqual({ start, candidates });
  });

  it('offers no rule names where the scenario runs no registry, only the flags left', () => {
    expect(complete('aws events describe-rule --name ', env(ecsWorld())).candidates).toEqual([
      '--no-cli-pager',
      '--output',
      '--profile',
      '--query',
      '--region',
    ]);
  });
});
