/**
 * Lesson 6 (ecr), command by command: every `aws`, `docker` and `kubectl` command the page shows
 * runs, in the order the page shows it, in the sandbox it belongs to — the first `<Sandbox>`
 * below it on the page — with the simulated time a learner spends reading between two commands.
 * Each must succeed (exit code 0), and each section's commands must leave its challenge solved:
 * the page shows the fix. The lesson-wide test (lesson-commands.test.ts) leaves this page to this
 * file: its Docker commands run on the learner's workstation, not on a Docker host of the
 * scenario, and some need time to pass (a scan to finish, the kubelet to retry a pull).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { advance, checkGoals, createWorld, type World } from '../../sandbox/index.ts';
import { runCommandLine, type CliSession } from '../../sandbox/cli/index.ts';
import { loadScenario } from '../sandbox/helpers.ts';
import { readLessonPage, type LessonCommand } from './lesson-commands.ts';

const FILE = join(import.meta.dirname, '../../lessons/ecr.mdx');
const TEXT = readFileSync(FILE, 'utf8');
const PAGE = readLessonPage(TEXT);
/** Seconds a learner reads before the first command (the scripted set-image and fault have
 * happened by then), and between two commands. */
const READING_SECONDS = 240;
const BETWEEN_SECONDS = 60;

/** The line of each `<Sandbox scenario="…" />`, in page order. */
const SANDBOXES = TEXT.split('\n').flatMap((line, index) => {
  const m = /<Sandbox\b[^>]*\bscenario="([^"]+)"/.exec(line);
  return m ? [{ scenario: m[1] as string, line: index + 1 }] : [];
});

/** The sandbox a command belongs to: the first one below it. */
function sandboxOf(command: LessonCommand): string | undefined {
  return SANDBOXES.find((s) => s.line > command.line)?.scenario;
}

interface Step {
  command: string;
  exitCode: number;
  output: string;
}

/** Plays a section's commands in a fresh world of its scenario, then runs to the end. */
function playSection(scenario: string): { steps: Step[]; world: World } {
  const loaded = loadScenario(`${scenario}.yaml`);
  let world = advance(createWorld(loaded), READING_SECONDS);
  let session: CliSession = { dockerContext: null };
  const steps: Step[] = [];
  for (const c of PAGE.commands.filter((c) => sandboxOf(c) === scenario)) {
    const result = runCommandLine(c.command, { world, files: PAGE.files, session });
    world = advance(result.world, BETWEEN_SECONDS);
    session = result.session;
    steps.push({
      command: c.command,
      exitCode: result.output.exitCode,
      output: `${result.output.stdout}${result.output.stderr}`.trim(),
    });
  }
  return { steps, world: advance(world, loaded.duration - world.time) };
}

const goalStatus = (scenario: string, world: World) =>
  Object.fromEntries(
    checkGoals(world, loadScenario(`${scenario}.yaml`), { final: true }).map((g) => [
      g.id,
      g.status,
    ]),
  );

describe('lessons/ecr.mdx: every command in the sandbox it belongs to', () => {
  it('embeds the six challenge sandboxes, in the order the lesson teaches them', () => {
    expect(SANDBOXES.map((s) => s.scenario)).toEqual([
      'ecr-first-push',
      'ecr-missing-tag',
      'ecr-immutable-tags',
      'ecr-pull-permission',
      'ecr-lifecycle-preview',
      'ecr-push-rollout',
    ]);
  });

  it('shows no command outside a sandbox section, none marked as needing a real account, and no file', () => {
    expect(PAGE.commands.filter((c) => sandboxOf(c) === undefined)).toEqual([]);
    expect(PAGE.commands.filter((c) => c.realAccountOnly)).toEqual([]);
    // The sandbox terminal has no files of its own: the page passes the policy inline.
    expect(PAGE.files).toEqual({});
    expect(PAGE.commands.length).toBe(33);
  });

  describe.each(SANDBOXES.map((s) => s.scenario))('%s', (scenario) => {
    const { steps, world } = playSection(scenario);
    it.each(steps.map((s) => ({ ...s, title: s.command.slice(0, 120) })))(
      'runs: $title',
      (step) => {
        expect(step.exitCode, step.output).toBe(0);
      },
    );

    it("leaves the challenge solved: the page's commands are a fix", () => {
      const status = goalStatus(scenario, world);
      expect(
        Object.values(status).every((s) => s === 'pass'),
        JSON.stringify(status),
      ).toBe(true);
    });
  });

  it('the first push prints the manifest digest the registry then lists for web:1.0', () => {
    const { steps } = playSection('ecr-first-push');
    const push = steps.find((s) => s.command.startsWith('docker push'))!;
    const digest = /^1\.0: digest: (sha256:[0-9a-f]{64}) size: \d+$/m.exec(push.output)?.[1];
    expect(digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    const described = steps.find(
      (s) => s.command === 'aws ecr describe-images --repository-name web',
    )!;
    expect(
      (
        JSON.parse(described.output) as {
          imageDetails: { imageDigest: string; imageTags: string[] }[];
        }
      ).imageDetails.map((d) => [d.imageDigest, d.imageTags]),
    ).toEqual([[digest, ['1.0']]]);
  });

  it("the page's policy list shows the node role without its ECR policy, before the attach", () => {
    const { steps } = playSection('ecr-pull-permission');
    const listed = steps.find((s) => s.command.startsWith('aws iam list-attached-role-policies'))!;
    expect(
      (
        JSON.parse(listed.output) as { AttachedPolicies: { PolicyName: string }[] }
      ).AttachedPolicies.map((p) => p.PolicyName),
    ).toEqual(['AmazonEKSWorkerNodePolicy', 'AmazonEKS_CNI_Policy']);
    expect(steps.indexOf(listed)).toBeLessThan(
      steps.findIndex((s) => s.command.startsWith('aws iam attach-role-policy')),
    );
  });

  it("the page's two previews: the release rule alone reaches prod-2, the whole policy does not", () => {
    const { steps } = playSection('ecr-lifecycle-preview');
    const started = steps
      .filter((s) => s.command.startsWith('aws ecr start-lifecycle-policy-preview'))
      .map((s) => (JSON.parse(s.output) as { status: string }).status);
    expect(started).toEqual(['IN_PROGRESS', 'IN_PROGRESS']);
    // Read a reading pause later: each preview is COMPLETE by then.
    const previews = steps
      .filter((s) => s.command === 'aws ecr get-lifecycle-policy-preview --repository-name web')
      .map((s) =>
        (
          JSON.parse(s.output) as {
            previewResults: { imageTags?: string[]; appliedRulePriority: number }[];
          }
        ).previewResults.map((r) => [r.imageTags ?? [], r.appliedRulePriority]),
      );
    expect(previews).toEqual([
      [
        [['v1'], 1],
        [['v2'], 1],
        [['v3', 'prod-2'], 1],
      ],
      [
        [['v1'], 2],
        [['v2'], 2],
        [[], 3],
        [[], 3],
      ],
    ]);
  });
});
