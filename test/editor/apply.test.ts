import { describe, expect, it } from 'vitest';
import { createSandbox, parseScenario, type Action } from '../../sandbox/index.ts';
import { readFileSync } from 'node:fs';
import { applyDocument, documentPath } from '../../src/lib/editor/apply-document.ts';
import { documentStoreFor } from '../../src/lib/editor/document-store.ts';
import { locateJsonPath } from '../../src/lib/editor/json-locate.ts';

const scenario = (() => {
  const parsed = parseScenario(
    readFileSync('sandbox/scenarios/fargate-service.yaml', 'utf8'),
    'fargate-service.yaml',
  );
  if (!parsed.ok) throw new Error('scenario');
  return parsed.value;
})();

function sandbox() {
  const actor = createSandbox(scenario);
  actor.start();
  const act = (action: Action) => {
    actor.send({ type: 'learner.action', action });
    return actor.getSnapshot().context.lastResult;
  };
  return { actor, act };
}

const FARGATE_BAD = `{
  "family": "web",
  "requiresCompatibilities": ["FARGATE"],
  "networkMode": "awsvpc",
  "cpu": "256",
  "memory": "4096",
  "containerDefinitions": [{ "name": "web", "image": "nginx:1.27", "essential": true }]
}`;

describe('locating a field in the document', () => {
  const text =
    '{\n  "family": "web",\n  "containerDefinitions": [\n    { "name": "web", "memory": 512 }\n  ]\n}';
  it.each([
    ['family', { startLineNumber: 2, startColumn: 13, endLineNumber: 2, endColumn: 18 }],
    [
      'containerDefinitions[0].memory',
      { startLineNumber: 4, startColumn: 32, endLineNumber: 4, endColumn: 35 },
    ],
    [
      'containerDefinitions',
      { startLineNumber: 3, startColumn: 3, endLineNumber: 3, endColumn: 25 },
    ],
    [
      'containerDefinitions[0].cpu',
      { startLineNumber: 4, startColumn: 5, endLineNumber: 4, endColumn: 6 },
    ],
    ['', { startLineNumber: 1, startColumn: 1, endLineNumber: 1, endColumn: 2 }],
  ])('%s', (path, range) => {
    expect(locateJsonPath(text, path)).toEqual(range);
  });
  it('falls back to the nearest parent it can find in broken JSON', () => {
    expect(locateJsonPath('{"a": [1, {"b": ', 'a[1].b')).toEqual({
      startLineNumber: 1,
      startColumn: 11,
      endLineNumber: 1,
      endColumn: 12,
    });
  });
});

describe('Apply', () => {
  it("reads the engine's field names as document paths", () => {
    expect(documentPath('taskDefinition.memory')).toBe('memory');
    expect(documentPath('taskDefinition.containerDefinitions.0.portMappings.1.hostPort')).toBe(
      'containerDefinitions[0].portMappings[1].hostPort',
    );
    expect(documentPath('type')).toBe('');
  });

  it('shows AWS’s refusal at the task size and registers nothing', () => {
    const { actor, act } = sandbox();
    const outcome = applyDocument(FARGATE_BAD, act);
    expect(outcome.ok).toBe(false);
    const refusal =
      'An error occurred (ClientException) when calling the RegisterTaskDefinition operation: No Fargate configuration exists for given values.';
    expect(outcome.message).toBe(refusal);
    expect(outcome.markers).toEqual([
      { startLineNumber: 6, startColumn: 13, endLineNumber: 6, endColumn: 19, message: refusal },
    ]);
    expect(Object.keys(actor.getSnapshot().context.world.ecs.taskDefinitions)).toEqual(['web:1']);
  });

  it('registers the next revision when the size is valid', () => {
    const { actor, act } = sandbox();
    const outcome = applyDocument(FARGATE_BAD.replace('"4096"', '"1024"'), act);
    expect(outcome).toEqual({
      ok: true,
      message:
        'Registered task definition web:2 (arn:aws:ecs:eu-west-3:123456789012:task-definition/web:2).',
      markers: [],
    });
    expect(Object.keys(actor.getSnapshot().context.world.ecs.taskDefinitions).sort()).toEqual([
      'web:1',
      'web:2',
    ]);
  });

  it('marks malformed JSON where it breaks', () => {
    const { act } = sandbox();
    const outcome = applyDocument('{\n  "family": "web",\n  "cpu": 256,\n}', act);
    expect(outcome.ok).toBe(false);
    expect(outcome.markers.map((m) => [m.startLineNumber, m.startColumn])).toEqual([[4, 1]]);
  });
});

describe('the document follows the sandbox through undo and reset', () => {
  it('undoing a registration restores the document registered before; reset restores the template', () => {
    const { actor, act } = sandbox();
    const store = documentStoreFor(actor, scenario);
    const template = store.get('web.json')!.text;
    expect(JSON.parse(template)).toMatchObject({
      family: 'web',
      containerDefinitions: [{ name: 'web', image: 'nginx:1.27', cpu: 512, memory: 1024 }],
    });
    const v2 = FARGATE_BAD.replace('"4096"', '"1024"');
    store.set('web.json', v2);
    expect(applyDocument(v2, act).ok).toBe(true);
    const v3 = v2.replace('"1024"', '"2048"');
    store.set('web.json', v3);
    expect(applyDocument(v3, act).ok).toBe(true);
    expect(store.files()['web.json']).toBe(v3);
    actor.send({ type: 'learner.undo' });
    expect(store.get('web.json')!.text).toBe(v2);
    expect(Object.keys(actor.getSnapshot().context.world.ecs.taskDefinitions).sort()).toEqual([
      'web:1',
      'web:2',
    ]);
    actor.send({ type: 'sim.reset' });
    expect(store.get('web.json')!.text).toBe(template);
  });
});
