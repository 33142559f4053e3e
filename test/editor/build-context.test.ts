/**
 * The workstation's build context in the editor: a scenario with `initial.ecr.files` has them as
 * documents (the Dockerfile with Monaco's `dockerfile` language), the terminal lists and prints
 * them, and `docker build .` builds the editor's current text — recorded in the action, so a
 * replay builds the same image.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createSandbox, parseScenario, replay } from '../../sandbox/index.ts';
import { interpret, type CliEnv } from '../../sandbox/cli/index.ts';
import { documentStoreFor } from '../../src/lib/editor/document-store.ts';

const REGISTRY = '123456789012.dkr.ecr.eu-west-3.amazonaws.com';

function load(id: string) {
  const parsed = parseScenario(readFileSync(`sandbox/scenarios/${id}.yaml`, 'utf8'), `${id}.yaml`);
  if (!parsed.ok) throw new Error(id);
  return parsed.value;
}

/** A sandbox with its document store and a terminal that runs a line as TerminalPanel does. */
function sandbox(id: string) {
  const scenario = load(id);
  const actor = createSandbox(scenario);
  actor.start();
  const store = documentStoreFor(actor, scenario);
  let session: CliEnv['session'] = { dockerContext: null };
  const run = (line: string) => {
    const before = actor.getSnapshot().context.world;
    const outcome = interpret(line, { world: before, files: store.files(), session });
    session = outcome.session ?? session;
    if (outcome.kind === 'output') return outcome.output;
    const results = [];
    for (const action of outcome.actions) {
      actor.send({ type: 'learner.action', action });
      const result = actor.getSnapshot().context.lastResult!;
      results.push(result);
      if (!result.ok) return { stdout: '', stderr: result.error, exitCode: 1 };
    }
    return outcome.render(results, before, actor.getSnapshot().context.world);
  };
  return { scenario, actor, store, run };
}

describe('the build context in the editor', () => {
  it('is the scenario’s files, the Dockerfile first, when the learner only builds (ecr-first-push)', () => {
    const { scenario, store } = sandbox('ecr-first-push');
    const files = scenario.initial.ecr!.files;
    expect(store.documents().map((d) => [d.name, d.language, d.build])).toEqual([
      ['Dockerfile', 'dockerfile', true],
      ['package.json', 'json', true],
      ['server.js', 'javascript', true],
    ]);
    expect(store.shown()).toBe('Dockerfile');
    expect(store.files()).toEqual(files);
  });

  it('follows the scenario’s own documents where the learner also applies (eks-playground)', () => {
    const { store } = sandbox('eks-playground');
    expect(store.documents().map((d) => d.name)).toEqual([
      'web.yaml',
      '.github/workflows/deploy.yml',
      'Dockerfile',
      'package.json',
      'server.js',
    ]);
  });

  it('shows in ls and cat, and docker build reads the edited text; a bad instruction is BuildKit’s parse error', () => {
    const { scenario, actor, store, run } = sandbox('ecr-first-push');
    const files = scenario.initial.ecr!.files;
    expect(run('ls')).toEqual({
      stdout: 'Dockerfile\npackage.json\nserver.js',
      stderr: '',
      exitCode: 0,
    });
    expect(run('cat Dockerfile')).toEqual({ stdout: files['Dockerfile'], stderr: '', exitCode: 0 });

    store.set('Dockerfile', files['Dockerfile']!.replace('EXPOSE 8080', 'EXPOSES 8080'));
    expect(run(`docker build -t ${REGISTRY}/web:1.0 .`)).toEqual({
      stdout: '',
      stderr:
        'ERROR: failed to solve: dockerfile parse error on line 7: unknown instruction: EXPOSES',
      exitCode: 1,
    });
    expect(actor.getSnapshot().context.world.ecr!.workstation.images).toEqual({});

    const edited = files['Dockerfile']!.replace('ENV PORT=8080', 'ENV PORT=9090');
    store.set('Dockerfile', edited);
    expect(run('cat Dockerfile').stdout).toBe(edited);
    const built = run(`docker build -t ${REGISTRY}/web:1.0 .`);
    expect(built.exitCode).toBe(0);
    expect(built.stdout.split('\n').filter((l) => / \[\d\/\d\] /.test(l))).toEqual([
      ' => [1/5] FROM docker.io/library/node:20-alpine',
      ' => [2/5] WORKDIR /app',
      ' => [3/5] COPY package.json ./',
      ' => [4/5] RUN npm ci --omit=dev',
      ' => [5/5] COPY server.js .',
    ]);
    const world = actor.getSnapshot().context.world;
    const entry = world.log.find((e) => e.action.type === 'docker.image.build')!;
    // Only the edited file goes with the action; the others are the workstation's.
    expect(entry.action).toEqual({
      type: 'docker.image.build',
      tags: [`${REGISTRY}/web:1.0`],
      context: { Dockerfile: edited },
    });
    const id = world.ecr!.workstation.tags[`${REGISTRY}/web:1.0`]!;
    expect(world.ecr!.workstation.images[id]!.env).toContain('PORT=9090');
    // The replayed log builds the same image, with nothing read from the editor.
    const replayed = replay(scenario, world.log).world;
    expect(replayed.ecr!.workstation.tags[`${REGISTRY}/web:1.0`]).toBe(id);
  });
});
