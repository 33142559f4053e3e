/**
 * The workflow document in the editor follows the repository's working tree when it changes from
 * outside the editor (undo, reset), and keeps an unsaved edit when something else changes.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createSandbox, parseScenario, type Action } from '../../sandbox/index.ts';
import { documentStoreFor } from '../../src/lib/editor/document-store.ts';

const PATH = '.github/workflows/deploy.yml';
const scenario = (() => {
  const parsed = parseScenario(
    readFileSync('sandbox/scenarios/pipeline-first-run.yaml', 'utf8'),
    'pipeline-first-run.yaml',
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

describe('the workflow document', () => {
  it('is the repository’s file, alone (the scenario does not allow kubectl apply)', () => {
    const { actor } = sandbox();
    const store = documentStoreFor(actor, scenario);
    expect(store.documents().map((d) => d.name)).toEqual([PATH]);
    expect(store.get(PATH)!.text).toBe(scenario.initial.pipeline!.files[PATH]);
  });

  it('follows undo and reset; an unsaved edit survives an unrelated action', () => {
    const { actor, act } = sandbox();
    const store = documentStoreFor(actor, scenario);
    const first = store.get(PATH)!.text;
    const second = first.replace('name: deploy', 'name: release');
    store.set(PATH, second);
    expect(act({ type: 'pipeline.file.write', path: PATH, content: second })?.ok).toBe(true);
    expect(store.get(PATH)!.text).toBe(second);

    // Typed, not saved; then the form edits the application: the typing stays.
    const third = second.replace('runs-on: ubuntu-latest', 'runs-on: ubuntu-24.04');
    store.set(PATH, third);
    expect(act({ type: 'pipeline.app.edit', version: '2.0.0' })?.ok).toBe(true);
    expect(store.get(PATH)!.text).toBe(third);

    // Undo of the app edit: the file did not change, so neither does the document.
    actor.send({ type: 'learner.undo' });
    expect(store.get(PATH)!.text).toBe(third);
    // Undo of the save: the repository's file is back to the first text, and so is the document.
    actor.send({ type: 'learner.undo' });
    expect(actor.getSnapshot().context.world.pipeline!.repo!.files[PATH]).toBe(first);
    expect(store.get(PATH)!.text).toBe(first);

    // Saved again, then typed over: reset brings back the scenario's file.
    store.set(PATH, second);
    expect(act({ type: 'pipeline.file.write', path: PATH, content: second })?.ok).toBe(true);
    store.set(PATH, third);
    actor.send({ type: 'sim.reset' });
    expect(store.get(PATH)!.text).toBe(first);
  });
});
