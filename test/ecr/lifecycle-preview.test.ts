/**
 * Lifecycle policy previews as the AWS CLI runs them: start-lifecycle-policy-preview answers
 * IN_PROGRESS and records an action; the registry completes the preview PREVIEW_SECONDS later;
 * get-lifecycle-policy-preview reads it (its filters too) and takes no policy text; the errors
 * of each step; and nothing is ever deleted.
 */
import { describe, expect, it } from 'vitest';
import { advance, commandFor, createWorld, type World } from '../../sandbox/index.ts';
import { complete, runCommandLine } from '../../sandbox/cli/index.ts';
import { PREVIEW_SECONDS } from '../../sandbox/services/ecr/registry.ts';
import { loadScenario } from '../sandbox/helpers.ts';

const SCENARIO = loadScenario('ecr-lifecycle-preview.yaml');
/** The whole policy of the scenario's solution (protect prod*, keep five v*, untagged after 14 days). */
const POLICY = (SCENARIO.solution[0]!.action as { policy: string }).policy;
const RELEASES_ONLY =
  '{"rules":[{"rulePriority":1,"selection":{"tagStatus":"tagged","tagPrefixList":["v"],"countType":"imageCountMoreThan","countNumber":5},"action":{"type":"expire"}}]}';
const START = 'aws ecr start-lifecycle-policy-preview --repository-name web';
const GET = 'aws ecr get-lifecycle-policy-preview --repository-name web';

function terminal(world = createWorld(SCENARIO)) {
  let w: World = world;
  const run = (line: string, files: Record<string, string> = {}) => {
    const out = runCommandLine(line, { world: w, files, session: { dockerContext: null } });
    w = out.world;
    return out.output;
  };
  return {
    run,
    json: (line: string, files: Record<string, string> = {}) => {
      const out = run(line, files);
      expect(out.exitCode, out.stderr).toBe(0);
      return JSON.parse(out.stdout) as Record<string, unknown>;
    },
    wait: (seconds: number) => {
      w = advance(w, seconds);
    },
    world: () => w,
  };
}

type Results = { imageTags?: string[]; appliedRulePriority: number; imagePushedAt: string }[];
const rows = (json: Record<string, unknown>) =>
  (json['previewResults'] as Results).map((r) => [
    r.imageTags ?? [],
    r.appliedRulePriority,
    r.imagePushedAt,
  ]);

describe('start-lifecycle-policy-preview', () => {
  it('answers IN_PROGRESS with the policy it previews, and records the action with its command', () => {
    const t = terminal();
    const images = Object.keys(t.world().ecr!.repositories['web']!.images);
    expect(
      t.json(`${START} --lifecycle-policy-text file://policy.json`, { 'policy.json': POLICY }),
    ).toEqual({
      registryId: '123456789012',
      repositoryName: 'web',
      lifecyclePolicyText: POLICY,
      status: 'IN_PROGRESS',
    });
    const last = t.world().log[t.world().log.length - 1]!;
    expect(last.action).toEqual({
      type: 'ecr.lifecycle-policy-preview.start',
      repository: 'web',
      policy: POLICY,
    });
    expect(commandFor(last.action, t.world())).toBe(`${START} --lifecycle-policy-text '${POLICY}'`);
    expect(t.world().events[t.world().events.length - 1]!.message).toBe(
      'Lifecycle policy preview of web started (the given policy, 3 rules): status IN_PROGRESS.',
    );
    expect(Object.keys(t.world().ecr!.repositories['web']!.images)).toEqual(images);
  });

  it('without a policy previews the repository’s own, and refuses when it has none', () => {
    const t = terminal();
    expect(t.run(START)).toEqual({
      stdout: '',
      stderr:
        "\nAn error occurred (LifecyclePolicyNotFoundException) when calling the StartLifecyclePolicyPreview operation: Lifecycle policy does not exist for the repository with name 'web' in the registry with id '123456789012'",
      exitCode: 254,
    });
    expect(t.world().ecr!.repositories['web']!.lifecyclePreview).toBeUndefined();
    expect(
      t.run(
        `aws ecr put-lifecycle-policy --repository-name web --lifecycle-policy-text '${RELEASES_ONLY}'`,
      ).exitCode,
    ).toBe(0);
    expect(t.json(START)).toMatchObject({
      lifecyclePolicyText: RELEASES_ONLY,
      status: 'IN_PROGRESS',
    });
    expect(commandFor(t.world().log[t.world().log.length - 1]!.action, t.world())).toBe(START);
  });

  it('refuses a second preview while one is in progress, a broken policy, an unknown repository and a missing file', () => {
    const t = terminal();
    t.json(`${START} --lifecycle-policy-text '${RELEASES_ONLY}'`);
    const before = t.world();
    expect(t.run(`${START} --lifecycle-policy-text '${POLICY}'`)).toEqual({
      stdout: '',
      stderr:
        '\nAn error occurred (LifecyclePolicyPreviewInProgressException) when calling the StartLifecyclePolicyPreview operation: The previous lifecycle policy preview request has not completed. Wait and try again.',
      exitCode: 254,
    });
    expect(t.world()).toBe(before);
    t.wait(PREVIEW_SECONDS);
    expect(t.run(`${START} --lifecycle-policy-text '{"rules":[]}'`)).toEqual({
      stdout: '',
      stderr:
        "\nAn error occurred (InvalidParameterException) when calling the StartLifecyclePolicyPreview operation: Invalid parameter at 'LifecyclePolicyText' failed to satisfy constraint: 'Lifecycle policy validation failure: rules must hold between 1 and 50 rules'",
      exitCode: 254,
    });
    expect(
      t.run(
        `aws ecr start-lifecycle-policy-preview --repository-name api --lifecycle-policy-text '${POLICY}'`,
      ),
    ).toEqual({
      stdout: '',
      stderr:
        "\nAn error occurred (RepositoryNotFoundException) when calling the StartLifecyclePolicyPreview operation: The repository with name 'api' does not exist in the registry with id '123456789012'",
      exitCode: 254,
    });
    expect(t.run(`${START} --lifecycle-policy-text file://policy.json`)).toEqual({
      stdout: '',
      stderr:
        "\nError parsing parameter '--lifecycle-policy-text': Unable to load paramfile file://policy.json: [Errno 2] No such file or directory: 'policy.json'",
      exitCode: 255,
    });
    // The completed release-only preview is still the one on record.
    expect(t.json(GET)).toMatchObject({ lifecyclePolicyText: RELEASES_ONLY, status: 'COMPLETE' });
  });
});

describe('get-lifecycle-policy-preview', () => {
  it('answers LifecyclePolicyPreviewNotFoundException before any preview', () => {
    expect(terminal().run(GET)).toEqual({
      stdout: '',
      stderr:
        '\nAn error occurred (LifecyclePolicyPreviewNotFoundException) when calling the GetLifecyclePolicyPreview operation: There is no dry run for this repository.',
      exitCode: 254,
    });
  });

  it(`is IN_PROGRESS for ${PREVIEW_SECONDS} s, then COMPLETE with each image and its rule; nothing is deleted`, () => {
    const t = terminal();
    const images = Object.keys(t.world().ecr!.repositories['web']!.images);
    t.json(`${START} --lifecycle-policy-text '${POLICY}'`);
    expect(t.json(GET)).toEqual({
      registryId: '123456789012',
      repositoryName: 'web',
      lifecyclePolicyText: POLICY,
      status: 'IN_PROGRESS',
      previewResults: [],
    });
    t.wait(PREVIEW_SECONDS - 1);
    expect(t.json(GET)['status']).toBe('IN_PROGRESS');
    t.wait(1);
    const done = t.json(GET);
    expect(done['status']).toBe('COMPLETE');
    // Oldest push first; prod-1 and v3/prod-2 are safe behind rule 1, v4–v8 are the newest five.
    expect(rows(done)).toEqual([
      [['v1'], 2, '2025-11-26T09:00:00+00:00'],
      [['v2'], 2, '2025-12-01T09:00:00+00:00'],
      [[], 3, '2025-12-08T09:00:00+00:00'],
      [[], 3, '2025-12-20T09:00:00+00:00'],
    ]);
    expect((done['previewResults'] as { action: unknown }[]).map((r) => r.action)).toEqual(
      Array(4).fill({ type: 'EXPIRE' }),
    );
    expect(done['summary']).toEqual({ expiringImageTotalCount: 4 });
    expect(
      t
        .world()
        .events.filter((e) => e.source === 'ecr')
        .map((e) => [e.time, e.message]),
    ).toEqual([
      [
        PREVIEW_SECONDS,
        'Lifecycle policy preview of web is COMPLETE: it would expire 4 images (v1, v2, untagged, untagged); nothing was deleted.',
      ],
    ]);
    t.wait(3600);
    expect(Object.keys(t.world().ecr!.repositories['web']!.images)).toEqual(images);
  });

  it('the release rule alone reaches v3, which is also prod-2', () => {
    const t = terminal();
    t.json(`${START} --lifecycle-policy-text '${RELEASES_ONLY}'`);
    t.wait(PREVIEW_SECONDS);
    expect(rows(t.json(GET)).map(([tags, rule]) => [tags, rule])).toEqual([
      [['v1'], 1],
      [['v2'], 1],
      [['v3', 'prod-2'], 1],
    ]);
  });

  it('filters by tag status and by image id', () => {
    const t = terminal();
    t.json(`${START} --lifecycle-policy-text '${POLICY}'`);
    t.wait(PREVIEW_SECONDS);
    const untagged = t.json(`${GET} --filter tagStatus=UNTAGGED`);
    expect(rows(untagged).map(([tags, rule]) => [tags, rule])).toEqual([
      [[], 3],
      [[], 3],
    ]);
    expect(untagged['summary']).toEqual({ expiringImageTotalCount: 2 });
    expect(rows(t.json(`${GET} --filter tagStatus=TAGGED`)).map(([tags]) => tags)).toEqual([
      ['v1'],
      ['v2'],
    ]);
    const digest = t.world().ecr!.repositories['web']!.lifecyclePreview!.results[3]!.digest;
    expect(
      rows(t.json(`${GET} --image-ids imageTag=v2 imageDigest=${digest} imageTag=v8`)).map(
        ([tags, , at]) => [tags, at],
      ),
    ).toEqual([
      [['v2'], '2025-12-01T09:00:00+00:00'],
      [[], '2025-12-20T09:00:00+00:00'],
    ]);
    expect(t.run(`${GET} --filter tagStatus=tagged`)).toEqual({
      stdout: '',
      stderr:
        "\nAn error occurred (InvalidParameterException) when calling the GetLifecyclePolicyPreview operation: Invalid parameter at 'filter.tagStatus': 'tagged' is not one of TAGGED, UNTAGGED, ANY (the sandbox's wording)",
      exitCode: 254,
    });
  });

  it('takes no --lifecycle-policy-text: the CLI refuses it as an unknown option and changes nothing', () => {
    const t = terminal();
    const before = t.world();
    expect(
      t.run(`${GET} --lifecycle-policy-text file://policy.json`, { 'policy.json': POLICY }),
    ).toEqual({
      stdout: '',
      stderr: [
        'usage: aws [options] <command> <subcommand> [<subcommand> ...] [parameters]',
        'To see help text, you can run:',
        '',
        '  aws help',
        '  aws <command> help',
        '  aws <command> <subcommand> help',
        '',
        'Unknown options: --lifecycle-policy-text, file://policy.json',
      ].join('\n'),
      exitCode: 252,
    });
    expect(t.world()).toBe(before);
  });
});

describe('tab completion', () => {
  const env = { world: createWorld(SCENARIO), files: {}, session: { dockerContext: null } };

  it('offers each operation its own flags: get has no --lifecycle-policy-text', () => {
    expect(complete(`${GET} `, env).candidates).toEqual([
      '--filter',
      '--image-ids',
      '--no-cli-pager',
      '--output',
      '--profile',
      '--query',
      '--region',
    ]);
    expect(complete(`${START} `, env).candidates).toEqual([
      '--lifecycle-policy-text',
      '--no-cli-pager',
      '--output',
      '--profile',
      '--query',
      '--region',
    ]);
  });

  it('completes repository names and tag statuses', () => {
    expect(
      complete('aws ecr start-lifecycle-policy-preview --repository-name ', env).candidates,
    ).toEqual(['web']);
    expect(complete(`${GET} --filter tagStatus=U`, env).candidates).toEqual(['tagStatus=UNTAGGED']);
  });
});

describe('the scenario', () => {
  it('offers the preview to the learner, and its solution previews the policy before it puts it', () => {
    expect(SCENARIO.allowedActions).toContain('ecr.lifecycle-policy-preview.start');
    expect(SCENARIO.solution.map((s) => [s.at, s.action.type])).toEqual([
      [30, 'ecr.lifecycle-policy-preview.start'],
      [60, 'ecr.lifecycle-policy.put'],
    ]);
    expect((SCENARIO.solution[1]!.action as { policy: string }).policy).toBe(POLICY);
  });
});
