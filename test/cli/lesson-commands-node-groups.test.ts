/**
 * Lesson 5 (node-groups), command by command: every `aws`, `kubectl`, `eksctl` and `helm`
 * command the page shows runs, in the order the page shows it, in the sandbox it belongs to —
 * the first `<Sandbox>` below it on the page — with the simulated minutes a learner spends
 * reading between two commands. Each must succeed (exit code 0), and a section that shows a
 * whole fix must leave its challenge solved. The lesson-wide test (lesson-commands.test.ts)
 * leaves this page to this file: its commands depend on the time that passes between them
 * (instances boot, profiles become ACTIVE), which it does not model.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { advance, checkGoals, createWorld, type World } from '../../sandbox/index.ts';
import { runCommandLine, type CliSession } from '../../sandbox/cli/index.ts';
import { loadScenario } from '../sandbox/helpers.ts';
import { readLessonPage, SANDBOX_PROGRAMS, type LessonCommand } from './lesson-commands.ts';

const FILE = join(import.meta.dirname, '../../lessons/node-groups.mdx');
const TEXT = readFileSync(FILE, 'utf8');
const PAGE = readLessonPage(TEXT, [...SANDBOX_PROGRAMS, 'helm']);
/** Seconds a learner reads before the first command, and between two commands. */
const READING_SECONDS = 60;
const BETWEEN_SECONDS = 90;

/** The line of each `<Sandbox scenario="…" />`, in page order. */
const SANDBOXES = TEXT.split('\n').flatMap((line, index) => {
  const m = /<Sandbox\b[^>]*\bscenario="([^"]+)"/.exec(line);
  return m ? [{ scenario: m[1] as string, line: index + 1 }] : [];
});

/** Placeholders the page leaves for the learner, filled from the world as they would. */
const PLACEHOLDERS: Record<string, (world: World) => string | undefined> = {
  // "find the instance IDs with aws ec2 describe-instances": the first running EKS-AMI instance.
  'instance-id': (w) =>
    Object.values(w.ec2.instances)
      .filter((i) => i.state === 'running' && i.bootstrap === 'eks')
      .map((i) => i.id)
      .sort()[0],
};

function fill(command: string, world: World): string {
  return command.replace(/<([a-z-]+)>/g, (whole, name: string) => {
    const value = PLACEHOLDERS[name]?.(world);
    if (value === undefined) throw new Error(`no value for the placeholder ${whole}`);
    return value;
  });
}

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
    const command = fill(c.command, world);
    const result = runCommandLine(command, { world, files: PAGE.files, session });
    world = advance(result.world, BETWEEN_SECONDS);
    session = result.session;
    steps.push({
      command,
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

describe('lessons/node-groups.mdx: every command in the sandbox it belongs to', () => {
  it('embeds the five challenge sandboxes, in the order the lesson teaches them', () => {
    expect(SANDBOXES.map((s) => s.scenario)).toEqual([
      'eks-self-managed-join',
      'eks-two-nodegroups',
      'eks-hpa-cluster-autoscaler',
      'eks-fargate-profile',
      'eks-mixed-compute',
    ]);
  });

  it('shows no command outside a sandbox section, and none marked as needing a real account', () => {
    expect(PAGE.commands.filter((c) => sandboxOf(c) === undefined)).toEqual([]);
    expect(PAGE.commands.filter((c) => c.realAccountOnly)).toEqual([]);
    expect(PAGE.commands.length).toBe(27);
  });

  describe.each(SANDBOXES.map((s) => s.scenario))('%s', (scenario) => {
    const { steps, world } = playSection(scenario);
    it.each(steps.map((s) => ({ ...s, title: s.command.slice(0, 120) })))(
      'runs: $title',
      (step) => {
        expect(step.exitCode, step.output).toBe(0);
      },
    );

    if (scenario === 'eks-self-managed-join') {
      it('joins the one instance the page bootstraps, after its access entry', () => {
        expect(steps.at(-1)?.command).toBe('kubectl get nodes');
        expect(steps.at(-1)?.output).toMatch(
          /^NAME +STATUS +ROLES +AGE +VERSION\nip-10-0-0-\d+\.eu-west-3\.compute\.internal +Ready +<none> +\d+s +v1\.31\.\d+-eks-\w+$/,
        );
      });
    } else {
      it("leaves the challenge solved: the page's commands are a fix", () => {
        const status = goalStatus(scenario, world);
        expect(
          Object.values(status).every((s) => s === 'pass'),
          JSON.stringify(status),
        ).toBe(true);
      });
    }
  });
});
