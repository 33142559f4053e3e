import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkGoals, parseScenario, replay } from '../../sandbox/index.ts';
import { looksLikeCommandFile, runCommandFile } from '../../sandbox/cli/index.ts';

const scenario = (() => {
  const parsed = parseScenario(
    readFileSync('sandbox/scenarios/ecs-first-service.yaml', 'utf8'),
    'ecs-first-service.yaml',
  );
  if (!parsed.ok) throw new Error('scenario');
  return parsed.value;
})();

describe('the runner reads a file of terminal commands', () => {
  it('solves ecs-first-service with typed commands, and the replayed actions pass every goal', () => {
    const text = [
      '# the first service, typed',
      `@5 aws ecs register-task-definition --family web --requires-compatibilities EC2 --container-definitions '[{"name":"web","image":"shipyard/web:1.0","cpu":256,"memory":512}]'`,
      'aws ecs create-service --cluster demo --service-name web --task-definition web:1 --desired-count 3 --launch-type EC2',
      'advance 60',
      'aws ecs list-tasks --cluster demo --service-name web --output text',
      'aws ecs update-service --cluster demo --service nope --desired-count 1',
    ].join('\n');
    const run = runCommandFile(scenario, text);
    if (!run.ok) throw new Error(JSON.stringify(run.error));
    expect(run.value.actions.map((a) => [a.at, a.action.type])).toEqual([
      [5, 'ecs.taskdef.register'],
      [5, 'ecs.service.create'],
    ]);
    expect(run.value.transcript.filter((l) => l.startsWith('['))).toEqual([
      `[00:05] $ aws ecs register-task-definition --family web --requires-compatibilities EC2 --container-definitions '[{"name":"web","image":"shipyard/web:1.0","cpu":256,"memory":512}]'`,
      '[00:05] $ aws ecs create-service --cluster demo --service-name web --task-definition web:1 --desired-count 3 --launch-type EC2',
      '[01:05] $ aws ecs list-tasks --cluster demo --service-name web --output text',
      '[01:05] $ aws ecs update-service --cluster demo --service nope --desired-count 1',
    ]);
    expect(run.value.transcript.at(-1)).toBe(
      'An error occurred (ServiceNotFoundException) when calling the UpdateService operation: Service not found.',
    );
    const { world } = replay(scenario, run.value.actions, { until: scenario.duration });
    expect(checkGoals(world, scenario, { final: true }).map((g) => [g.id, g.status])).toEqual([
      ['web-three-running', 'pass'],
      ['web-on-ec2', 'pass'],
    ]);
  });

  it('reports bad lines by number', () => {
    expect(runCommandFile(scenario, 'advance later')).toEqual({
      ok: false,
      error: [{ line: 1, message: "advance needs a whole number of seconds ≥ 0, got 'later'" }],
    });
  });
});

describe('what a command file is, by its content', () => {
  it('takes terminal lines the terminal cannot run for a command file, and answers them as the terminal does', () => {
    expect(looksLikeCommandFile('kubectl get pods\n')).toBe(true);
    expect(looksLikeCommandFile('# a typo\naws ecs crete-service --cluster demo\n')).toBe(true);
    const run = runCommandFile(scenario, 'kubectl get pods');
    if (!run.ok) throw new Error(JSON.stringify(run.error));
    expect(run.value.transcript).toEqual([
      '[00:00] $ kubectl get pods',
      // No `aws eks update-kubeconfig` ran: kubectl falls back to localhost:8080, as the real one does.
      'The connection to the server localhost:8080 was refused - did you specify the right host or port?',
    ]);
  });

  it('takes YAML and JSON actions files for actions files', () => {
    for (const text of [
      '- at: 0\n  action: {type: fault.crash}\n',
      '[{"at": 0}]',
      '{"at": 0}',
      '---\n- at: 1',
      'at: 0',
    ])
      expect(looksLikeCommandFile(text), text).toBe(false);
  });

  it('echoes a refused 5 MB line as a short prefix', () => {
    const line = `aws ecs list-tasks --cluster ${'x'.repeat(5_000_000)}`;
    const run = runCommandFile(scenario, line);
    if (!run.ok) throw new Error(JSON.stringify(run.error));
    expect(run.value.transcript).toEqual([
      `[00:00] $ ${line.slice(0, 120)}… (5000029 characters; only the first 120 shown)`,
      'line too long (5000029 characters; at most 100000)',
    ]);
  });
});
