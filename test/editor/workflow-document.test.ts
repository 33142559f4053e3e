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
    // Undo of the save: the repository's file is back to the first text; the unsaved edit is
    // kept, and the repository's version waits to be loaded.
    actor.send({ type: 'learner.undo' });
    expect(actor.getSnapshot().context.world.pipeline!.repo!.files[PATH]).toBe(first);
    expect(store.get(PATH)!.text).toBe(third);
    expect(store.pending(PATH)).toBe(first);
    store.loadPending(PATH);
    expect(store.get(PATH)!.text).toBe(first);
    expect(store.pending(PATH)).toBeNull();

    // Saved again, then typed over: reset brings back the scenario's file.
    store.set(PATH, second);
    expect(act({ type: 'pipeline.file.write', path: PATH, content: second })?.ok).toBe(true);
    store.set(PATH, third);
    actor.send({ type: 'sim.reset' });
    expect(store.get(PATH)!.text).toBe(first);
  });

  it('follows the repository where nothing was edited; a save clears a waiting version', () => {
    const { actor, act } = sandbox();
    const store = documentStoreFor(actor, scenario);
    const first = store.get(PATH)!.text;
    const second = first.replace('name: deploy', 'name: release');
    store.set(PATH, second);
    expect(act({ type: 'pipeline.file.write', path: PATH, content: second })?.ok).toBe(true);
    // Nothing typed since the save: undo brings the document back with the file.
    actor.send({ type: 'learner.undo' });
    expect(store.get(PATH)!.text).toBe(first);
    expect(store.pending(PATH)).toBeNull();

    // Saved, typed over, undone: the version waits; saving the edit makes it moot.
    store.set(PATH, second);
    expect(act({ type: 'pipeline.file.write', path: PATH, content: second })?.ok).toBe(true);
    const third = second.replace('runs-on: ubuntu-latest', 'runs-on: ubuntu-24.04');
    store.set(PATH, third);
    actor.send({ type: 'sim.advance', seconds: 5 });
    actor.send({ type: 'learner.undo' });
    expect(store.pending(PATH)).toBe(first);
    expect(act({ type: 'pipeline.file.write', path: PATH, content: third })?.ok).toBe(true);
    expect(store.get(PATH)!.text).toBe(third);
    expect(store.pending(PATH)).toBeNull();
  });

  it('goes back to the scenario’s documents on reset even when nothing was logged', () => {
    const { actor } = sandbox();
    const store = documentStoreFor(actor, scenario);
    const first = store.get(PATH)!.text;
    let told = 0;
    store.subscribe(() => (told += 1));
    store.set(PATH, first.replace('name: deploy', 'name: typed'));
    expect(actor.getSnapshot().context.world.log).toEqual([]);
    actor.send({ type: 'sim.reset' });
    expect(store.get(PATH)!.text).toBe(first);
    expect(told).toBe(1);
    // After time ran with nothing logged, too.
    store.set(PATH, 'name: typed again');
    actor.send({ type: 'sim.advance', seconds: 30 });
    expect(store.get(PATH)!.text).toBe('name: typed again');
    actor.send({ type: 'sim.reset' });
    expect(store.get(PATH)!.text).toBe(first);
  });

  it('keeps the shown document, which only a document it has can be', () => {
    const { actor } = sandbox();
    const store = documentStoreFor(actor, scenario);
    expect(store.shown()).toBe(PATH);
    store.show('nope.yaml');
    expect(store.shown()).toBe(PATH);
  });
});
