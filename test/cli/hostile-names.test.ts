/**
 * Names that are also properties of every JavaScript object (`constructor`, `__proto__`,
 * `toString`…) are ordinary unknown names to the terminal: every command that looks a name up
 * answers exactly as it does for any other unknown name. And a bug inside a command reaches the
 * learner as the sandbox's bug message, never as a JavaScript error, with nothing applied.
 */
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { hashWorld, type World } from '../../sandbox/index.ts';
import { AWS_SERVICES, interpret, type CliEnv } from '../../sandbox/cli/index.ts';
import type { FlagSpec } from '../../sandbox/cli/aws/args.ts';
import * as outcome from '../../sandbox/cli/outcome.ts';
import { dockerWorld, ecsWorld } from './worlds.ts';

const ECS = ecsWorld();
const DOCKER = dockerWorld();
const FILES = { 'web.json': '{"family": "web"}' };

const PROTO_NAMES = [
  'constructor',
  '__proto__',
  'toString',
  'hasOwnProperty',
  'valueOf',
  'isPrototypeOf',
  '__defineGetter__',
];
/** A name nothing in the test worlds uses: what every unknown name is compared with. */
const PLAIN = 'zz-unknown-9';

const LEAKS =
  /TypeError|ReferenceError|is not a function|Cannot read prop|\[object Object\]|undefined|internal error/;

function env(world: World): CliEnv {
  return { world, files: FILES, session: { dockerContext: null } };
}

function answer(line: string, world: World): { text: string; kind: string } {
  const out = interpret(line, env(world));
  if (out.kind === 'output') {
    return {
      text: `${out.output.exitCode}\n${out.output.stdout}\n${out.output.stderr}`,
      kind: 'output',
    };
  }
  return { text: `actions ${JSON.stringify(out.actions)}`, kind: 'actions' };
}

function valueFor(flag: FlagSpec, name: string): string {
  if (flag.type === 'integer') return '1';
  if (flag.type === 'boolean') return '';
  if (flag.choices) return flag.choices[0] as string;
  if (flag.type === 'structure' || flag.type === 'structure-list') return `name=${name}`;
  return name;
}

/** `aws <service> <op>` with `flag` set to the name and every other required flag filled in. */
function awsLines(): { line: (name: string) => string; creates: boolean }[] {
  const lines: { line: (name: string) => string; creates: boolean }[] = [];
  for (const [service, { operations }] of Object.entries(AWS_SERVICES)) {
    for (const op of operations) {
      for (const flag of op.flags.filter((f) => f.type === 'string' || f.type === 'list')) {
        if (flag.choices) continue;
        lines.push({
          // update-kubeconfig writes a context (named by --alias) and send-command runs a script:
          // both answer about another flag first.
          creates:
            /^(create|register|run|put|send)-/.test(op.name) || op.name === 'update-kubeconfig',
          line: (name) => {
            const parts = [`aws ${service} ${op.name}`];
            for (const other of op.flags) {
              if (other === flag) parts.push(`--${flag.name} ${name}`);
              else if (other.name === 'cluster' || other.name === 'cluster-name')
                parts.push(`--${other.name} demo`);
              else if (other.required)
                parts.push(`--${other.name} ${valueFor(other, PLAIN)}`.trimEnd());
            }
            return parts.join(' ');
          },
        });
      }
    }
  }
  return lines;
}

const hostA = Object.values(DOCKER.ec2.instances).find((i) => i.name === 'host-a')!.id;
const DOCKER_LINES = [
  (n: string) => `docker --context ${hostA} start ${n}`,
  (n: string) => `docker --context ${hostA} stop ${n}`,
  (n: string) => `docker --context ${hostA} rm ${n}`,
  (n: string) => `docker --context ${n} ps`,
  (n: string) => `docker context use ${n}`,
  (n: string) => `docker rm ${n}`,
  (n: string) => `cat ${n}`,
  (n: string) => `aws ecs register-task-definition --cli-input-json file://${n}`,
];

describe('a name that is also an Object property is an ordinary unknown name', () => {
  const lines = awsLines();

  it('has lines to try for every aws operation that takes a name', () => {
    expect(lines.length).toBeGreaterThan(30);
  });

  it.each(PROTO_NAMES)('%s: every aws lookup answers as for any unknown name', (name) => {
    const failures: string[] = [];
    for (const { line, creates } of lines) {
      const hostile = answer(line(name), ECS);
      expect(hostile.text, line(name)).not.toMatch(LEAKS);
      if (creates) continue;
      const plain = answer(line(PLAIN), ECS);
      if (hostile.text !== plain.text.replaceAll(PLAIN, name))
        failures.push(
          `${line(name)}\n  got      ${hostile.text.replace(/\n/g, ' ')}\n  expected ${plain.text.replaceAll(PLAIN, name).replace(/\n/g, ' ')}`,
        );
    }
    expect(failures).toEqual([]);
  });

  it.each(PROTO_NAMES)('%s: docker, cat and file:// answer as for any unknown name', (name) => {
    for (const line of DOCKER_LINES) {
      const hostile = answer(line(name), DOCKER);
      expect(hostile.text, line(name)).not.toMatch(LEAKS);
      expect(hostile.text, line(name)).toBe(
        answer(line(PLAIN), DOCKER).text.replaceAll(PLAIN, name),
      );
    }
  });

  it('holds for random names in random positions too', () => {
    const word = fc.oneof(
      fc.constantFrom(...PROTO_NAMES),
      fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_-]{0,20}$/),
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: lines.length - 1 }), word, (index, name) => {
        const { line } = lines[index]!;
        expect(answer(line(name), ECS).text).not.toMatch(LEAKS);
      }),
      { numRuns: 300 },
    );
  });
});

describe('a bug inside a command', () => {
  it('answers with the sandbox bug message, applies nothing and changes nothing', () => {
    const before = hashWorld(ECS);
    const spy = vi.spyOn(outcome, 'applyAll').mockImplementation(() => {
      throw new TypeError("Cannot read properties of undefined (reading 'x')");
    });
    try {
      const out = interpret(
        'aws ecs update-service --cluster demo --service web --desired-count 3',
        env(ECS),
      );
      expect(out).toEqual({
        kind: 'output',
        output: {
          stdout: '',
          stderr:
            "The sandbox hit a bug in 'aws ecs update-service' and changed nothing. (This is the sandbox's own message, not the real tool's: please report it.)",
          exitCode: 255,
        },
      });
    } finally {
      spy.mockRestore();
    }
    expect(hashWorld(ECS)).toBe(before);
  });
});
