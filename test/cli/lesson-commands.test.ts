/**
 * Every command a lesson shows runs in that lesson's sandboxes: a learner who copies an `aws`,
 * `docker`, `kubectl` or `eksctl` command from a page and pastes it into the terminal of a
 * sandbox on the same page gets what AWS or Docker would answer in that state — never a usage
 * error, "command not found" or a sandbox limitation. A command that needs a real account is
 * marked in the lesson (see lesson-commands.ts), and then the terminal must still refuse it, so
 * a marker cannot outlive the reason for it. Each command must also succeed in at least one
 * sandbox of its page, so a page cannot show a command its sandboxes never let it run.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { advance, createWorld, type World } from '../../sandbox/index.ts';
import { runCommandLine, type CliSession, type CommandOutput } from '../../sandbox/cli/index.ts';
import { containerInstanceOf } from '../../sandbox/engine/queries.ts';
import { loadScenario } from '../sandbox/helpers.ts';
import { readLessonPage, type LessonCommand, type LessonPage } from './lesson-commands.ts';

const LESSON_DIR = join(import.meta.dirname, '../../lessons');
/** A learner reads a while before typing: agents have registered, the first tasks run. */
const READING_SECONDS = 120;
/** How long a learner reads one command's output before typing the next. */
const LEARNER_PAUSE_SECONDS = 30;

/** Placeholders a lesson leaves for the learner to fill, filled from the world as they would. */
const PLACEHOLDERS: Record<string, (world: World) => string | undefined> = {
  'container-instance-arn': (w) =>
    Object.values(w.ec2.instances)
      .filter((i) => i.state === 'running')
      .map((i) => containerInstanceOf(w, i.id))
      .find((ci) => ci !== null)?.containerInstanceArn,
  'instance-id': (w) => Object.values(w.ec2.instances).find((i) => i.state === 'running')?.id,
};

function fill(command: string, world: World): string {
  return command.replace(/<([a-z-]+)>/g, (whole, name: string) => {
    const resolve = PLACEHOLDERS[name];
    const value = resolve ? resolve(world) : undefined;
    if (value === undefined) throw new Error(`no value for the placeholder ${whole}`);
    return value;
  });
}

/**
 * What kubectl, eksctl and helm answer when the cluster is not in the state a command needs
 * (their own words, not usage errors): no kubeconfig yet, an API that does not answer, an object
 * that is missing or already there, an AWS error passed through by eksctl, a release in use.
 */
const KUBERNETES_ANSWERS = [
  /^The connection to the server \S+ was refused - did you specify the right host or port\?/,
  /^Unable to connect to the server: /,
  /^Error from server( \(\w+\))?: /,
  /^Error: \w+Exception: /,
  /^Error: INSTALLATION FAILED: cannot re-use a name that is still in use/,
  /^error: no rollout history found for deployment /,
];

type Verdict = 'runs' | 'answered' | 'not offered' | 'refused';
const RANK: Record<Verdict, number> = { runs: 3, answered: 2, 'not offered': 1, refused: 0 };

/**
 * runs: success. answered: the error AWS or Docker gives in this state. not offered: the
 * scenario leaves this action out on purpose (the sandbox says so). refused: anything else — a
 * usage error, an unknown command, a sandbox limitation.
 */
function verdict(out: CommandOutput): Verdict {
  if (out.exitCode === 0) return 'runs';
  const text = out.stderr;
  if (/this scenario does not offer/i.test(text)) return 'not offered';
  if (/sandbox/i.test(text)) return 'refused';
  if (
    out.exitCode === 254 &&
    /^\nAn error occurred \(\w+\) when calling the \w+ operation: /.test(text)
  )
    return 'answered';
  if (
    (out.exitCode === 1 || out.exitCode === 125) &&
    /^(docker: )?Error response from daemon: /.test(text)
  )
    return 'answered';
  if (out.exitCode === 1 && KUBERNETES_ANSWERS.some((answer) => answer.test(text)))
    return 'answered';
  return 'refused';
}

interface Run {
  scenario: string;
  verdict: Verdict;
  output: string;
}

const isDocker = (c: LessonCommand) => c.command.startsWith('docker ');

/**
 * Runs `before` then the target in a fresh world of the scenario, with Docker commands sent to
 * `host` (the page has the learner connect to a server and type them there).
 */
function run(
  page: LessonPage,
  before: LessonCommand[],
  target: LessonCommand,
  scenario: string,
  host: string | null,
  pause = 0,
): Run {
  let world = advance(createWorld(loadScenario(`${scenario}.yaml`)), READING_SECONDS);
  let session: CliSession = { dockerContext: host };
  let last: CommandOutput = { stdout: '', stderr: '', exitCode: 0 };
  for (const c of [...before.filter((c) => !c.realAccountOnly), target]) {
    if (pause > 0 && c !== before[0]) world = advance(world, pause);
    const result = runCommandLine(fill(c.command, world), { world, files: page.files, session });
    world = result.world;
    session = result.session;
    last = result.output;
  }
  return { scenario, verdict: verdict(last), output: `${last.stdout}${last.stderr}`.trim() };
}

const best = (runs: Run[]): Run =>
  runs.reduce((a, b) => (RANK[b.verdict] > RANK[a.verdict] ? b : a));

/**
 * A learner either copies the page in order or jumps to one code block, and types a Docker
 * command on whichever server it is meant for ("on every host, one at a time"): the command
 * gets the best of those answers.
 */
function runInScenario(page: LessonPage, target: LessonCommand, scenario: string): Run {
  const earlier = page.commands.filter((c) => c.line < target.line);
  const hosts = isDocker(target) ? dockerHosts(scenario) : [null];
  const runs: Run[] = [];
  for (const host of hosts) {
    const inOrder = run(page, earlier, target, scenario, host);
    if (inOrder.verdict === 'runs') return inOrder;
    const block = earlier.filter((c) => c.block === target.block);
    // A Kubernetes command often needs its controllers to have acted on the one before it (a
    // rollout to record its revision): the learner who reads the output first, half a minute
    // per command, gets that.
    const reading = run(page, earlier, target, scenario, host, LEARNER_PAUSE_SECONDS);
    runs.push(inOrder, run(page, block, target, scenario, host), reading);
  }
  return best(runs);
}

/** The plain Docker hosts of a scenario: where a page's `docker` commands are typed. */
function dockerHosts(scenario: string): string[] {
  const world = createWorld(loadScenario(`${scenario}.yaml`));
  return Object.values(world.ec2.instances)
    .filter((i) => i.bootstrap === 'docker')
    .map((i) => i.id);
}

/**
 * Lessons whose commands their own test runs, section by section with time passing between
 * them (a command there may need an instance that has booted, or a profile that is ACTIVE).
 */
const OWN_COMMAND_TEST: Record<string, string> = {
  'node-groups.mdx': 'lesson-commands-node-groups.test.ts',
  'ecr.mdx': 'lesson-commands-ecr.test.ts',
  'pipeline.mdx': 'lesson-commands-pipeline.test.ts',
};

const lessons = readdirSync(LESSON_DIR)
  .filter((f) => f.endsWith('.mdx') && !(f in OWN_COMMAND_TEST))
  .sort()
  .map((file) => ({ file, page: readLessonPage(readFileSync(join(LESSON_DIR, file), 'utf8')) }));

describe.each(lessons)('lessons/$file', ({ file, page }) => {
  const shown = page.commands.map((c) => ({ ...c, title: `${file}:${c.line} ${c.command}` }));
  it.runIf(shown.length > 0).each(shown)('$title', (command) => {
    expect(page.scenarios.length, `${file} shows commands but embeds no sandbox`).toBeGreaterThan(
      0,
    );
    // Docker commands belong in the sandboxes with plain Docker hosts, not in an ECS cluster.
    const scenarios = isDocker(command)
      ? page.scenarios.filter((s) => dockerHosts(s).length > 0)
      : page.scenarios;
    expect(scenarios.length, `no sandbox on the page can run ${command.command}`).toBeGreaterThan(
      0,
    );
    const runs = scenarios.map((s) => runInScenario(page, command, s));
    const summary = runs.map((r) => `${r.scenario}: ${r.verdict}\n${r.output.slice(0, 400)}`);
    if (command.realAccountOnly) {
      // Marked as needing a real account: the terminal must still refuse it everywhere.
      expect(
        runs.filter((r) => r.verdict !== 'refused').map((r) => r.scenario),
        summary.join('\n\n'),
      ).toEqual([]);
      return;
    }
    expect(
      runs.filter((r) => r.verdict === 'refused').map((r) => r.scenario),
      summary.join('\n\n'),
    ).toEqual([]);
    expect(
      runs.some((r) => r.verdict === 'runs'),
      `it succeeds in no sandbox on the page:\n${summary.join('\n\n')}`,
    ).toBe(true);
  });
});

describe('reading a lesson page', () => {
  const page = readLessonPage(
    [
      '<Sandbox scenario="a" />',
      '```json title="td.json"',
      '{"family": "web"}',
      '```',
      '```bash',
      "cat > user-data.sh <<'EOF'",
      'echo ECS_CLUSTER=demo >> /etc/ecs/ecs.config',
      'EOF',
      '# A comment',
      'aws ecs describe-services --cluster demo \\',
      '  --services web   # the newest event first',
      '',
      '# Real AWS account only: the sandbox terminal has no elbv2.',
      'aws elbv2 describe-target-health --target-group-arn tg',
      'echo not a sandbox command',
      '```',
      '```text',
      'aws ecs not-a-command-block',
      '```',
      '<Sandbox scenario="b" />',
    ].join('\n'),
  );

  it('joins continuation lines, keeps trailing comments for the terminal and reads the marker', () => {
    expect(page.commands).toEqual([
      {
        line: 10,
        command:
          'aws ecs describe-services --cluster demo --services web   # the newest event first',
        realAccountOnly: false,
        block: 1,
        sandbox: 'b',
      },
      {
        line: 14,
        command: 'aws elbv2 describe-target-health --target-group-arn tg',
        realAccountOnly: true,
        block: 1,
        sandbox: 'b',
      },
    ]);
  });

  it('takes titled blocks and heredocs as files, and the sandboxes in page order', () => {
    expect(page.files).toEqual({
      'td.json': '{"family": "web"}\n',
      'user-data.sh': 'echo ECS_CLUSTER=demo >> /etc/ecs/ecs.config\n',
    });
    expect(page.scenarios).toEqual(['a', 'b']);
  });
});

/**
 * Lesson eks, command by command in the sandbox it belongs to (the one its section plays): the
 * page's commands for that sandbox are typed in page order into one fresh world, and a learner
 * who gets a "not yet" answer (a control plane still CREATING, nodes not Ready) waits and tries
 * again, 30 simulated seconds at a time. Every command must end up running there.
 */
describe('lessons/eks.mdx, each command in its own sandbox', () => {
  const file = 'eks.mdx';
  const page = readLessonPage(readFileSync(join(LESSON_DIR, file), 'utf8'));
  const commands = page.commands.filter((c) => !c.realAccountOnly);
  const bySandbox = new Map<string, LessonCommand[]>();
  for (const c of commands) {
    if (c.sandbox === null) continue;
    bySandbox.set(c.sandbox, [...(bySandbox.get(c.sandbox) ?? []), c]);
  }

  it('shows commands for every challenge, and each belongs to a sandbox on the page', () => {
    expect(commands.filter((c) => c.sandbox === null).map((c) => c.command)).toEqual([]);
    expect([...bySandbox.keys()].sort()).toEqual([
      'eks-az-outage-control-plane',
      'eks-cost-day',
      'eks-create-cluster',
      'eks-no-nodes',
      'eks-rolling-update',
    ]);
  });

  it.each([...bySandbox.entries()].map(([scenario, list]) => ({ scenario, list })))(
    '$scenario runs every command shown for it',
    ({ scenario, list }) => {
      const loaded = loadScenario(`${scenario}.yaml`);
      let world = advance(createWorld(loaded), READING_SECONDS);
      let session: CliSession = { dockerContext: null };
      const outcomes: string[] = [];
      for (const c of list) {
        let out: CommandOutput;
        for (;;) {
          const result = runCommandLine(fill(c.command, world), {
            world,
            files: page.files,
            session,
          });
          out = result.output;
          if (out.exitCode === 0 || world.time + 30 > loaded.duration) {
            world = result.world;
            session = result.session;
            break;
          }
          world = advance(world, 30);
        }
        outcomes.push(`${world.time}s ${verdict(out)}: ${c.command}`);
        // The one answer allowed: the page's alternative ways to create the same object, typed
        // one after the other, get AWS's "already exists" for the second.
        const duplicate = /^Error: ResourceInUseException: \w+ already exists/.test(out.stderr);
        expect(
          out.exitCode === 0 || duplicate,
          `${file}:${c.line} ${c.command}\n${out.stdout}${out.stderr}`,
        ).toBe(true);
      }
      expect(outcomes.length).toBe(list.length);
    },
  );
});
