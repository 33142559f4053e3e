/**
 * The editor's documents, kept with the sandbox's state: one store per sandbox actor, shared by
 * the editor and the terminal (`file://web.json` reads the editor's current text) and surviving
 * tab switches, as does the document the editor shows. When the sandbox undoes a task-definition
 * registration, the document returns to what it was before that registration; when the sandbox
 * resets (even with nothing in its log), every document returns to the scenario's template. A
 * workflow document follows the repository's file when it changes from outside the editor,
 * unless the learner has an unsaved edit: that edit stays, and the repository's version waits to
 * be loaded (`pending`, `loadPending`). A build-context document (the Dockerfile and sources) is
 * the file `docker build .` reads: the terminal passes its current text with the build.
 * Monaco-free: the terminal uses it without loading the editor.
 */
import type { SandboxActor } from '@sandbox';
import { templatesFor, type EditorDocument, type ScenarioLike } from './templates.ts';

export interface DocumentStore {
  documents: () => EditorDocument[];
  get: (name: string) => EditorDocument | undefined;
  /** Sets a document's text (from the editor). */
  set: (name: string, text: string) => void;
  /** Back to the scenario's template. */
  reset: (name: string) => void;
  /** The document the editor shows (the first until the learner picks another). */
  shown: () => string;
  show: (name: string) => void;
  /**
   * A workflow's file as the repository now has it, when it changed from outside the editor
   * while the learner had an unsaved edit of it (which was kept); null otherwise.
   */
  pending: (name: string) => string | null;
  /** Replaces the unsaved edit with the repository's version. */
  loadPending: (name: string) => void;
  /** Files for the terminal: name → text, plus `<family>.json` for a task definition. */
  files: () => Record<string, string>;
  /** Bumps on every change made from outside the editor (undo, reset, template, a pending version). */
  subscribe: (listener: () => void) => () => void;
  version: () => number;
}

interface Registration {
  /** Index of the ecs.taskdef.register entry in the world's log. */
  logIndex: number;
  /** The document before that registration. */
  textBefore: string;
}

const stores = new WeakMap<SandboxActor, DocumentStore>();

function without(record: Readonly<Record<string, string>>, key: string): Record<string, string> {
  const { [key]: _dropped, ...rest } = record;
  return rest;
}

export function familyOf(text: string): string | null {
  try {
    const parsed = JSON.parse(text) as unknown;
    if (
      parsed &&
      typeof parsed === 'object' &&
      typeof (parsed as { family?: unknown }).family === 'string'
    ) {
      const family = (parsed as { family: string }).family;
      return /^[A-Za-z0-9_-]{1,255}$/.test(family) ? family : null;
    }
  } catch {
    return null;
  }
  return null;
}

export function documentStoreFor(actor: SandboxActor, scenario: ScenarioLike): DocumentStore {
  const existing = stores.get(actor);
  if (existing) return existing;
  const repoFiles = (world: ReturnType<SandboxActor['getSnapshot']>['context']['world']) =>
    world.pipeline?.repo?.files;
  const templates = templatesFor(scenario, repoFiles(actor.getSnapshot().context.world));
  let docs = templates.map((d) => ({ ...d }));
  let shown = templates[0]?.name ?? 'web.json';
  /** Repository versions waiting while an unsaved edit is kept, by path. */
  let waiting: Readonly<Record<string, string>> = {};
  let version = 0;
  const listeners = new Set<() => void>();
  const registrations: Registration[] = [];
  /** The task definition text as of the last registration (what undo goes back to). */
  let applied = templates[0]?.text ?? '';
  const changed = () => {
    version += 1;
    for (const l of listeners) l();
  };
  const setText = (name: string, text: string) => {
    docs = docs.map((d) => (d.name === name ? { ...d, text } : d));
  };

  const start = actor.getSnapshot().context.world;
  let lastWorld = start;
  let lastLogLength = start.log.length;
  let lastRepoFiles = repoFiles(start);
  actor.subscribe((snapshot) => {
    const world = snapshot.context.world;
    if (world === lastWorld) return;
    lastWorld = world;
    // A reset: a world at its start with nothing a person did and no last result (an undo back
    // to the start has one). The log may have been empty before too, so its length cannot tell.
    const reset =
      snapshot.context.lastResult === null &&
      world.time === 0 &&
      !world.log.some((e) => e.by === 'learner' || e.by === 'instructor');
    if (reset) {
      registrations.length = 0;
      applied = templates[0]?.text ?? '';
      waiting = {};
      lastLogLength = world.log.length;
      lastRepoFiles = repoFiles(world);
      const fresh = templatesFor(scenario, lastRepoFiles);
      if (fresh.some((d) => docs.find((o) => o.name === d.name)?.text !== d.text)) {
        docs = docs.map((d) => ({
          ...d,
          text: fresh.find((f) => f.name === d.name)?.text ?? d.text,
        }));
        changed();
      }
      return;
    }
    // Workflow documents follow the repository's working tree when it changes from outside the
    // editor (undo, a rerun of the log); the editor's own save leaves them as they are. An
    // unsaved edit is never overwritten: the repository's version waits beside it.
    const files = repoFiles(world);
    if (files && files !== lastRepoFiles) {
      let moved = false;
      for (const d of docs) {
        const text = d.workflow ? files[d.name] : undefined;
        const before = lastRepoFiles?.[d.name];
        if (text === undefined || text === before) continue;
        if (text === d.text) {
          if (waiting[d.name] !== undefined) moved = true;
          waiting = without(waiting, d.name);
        } else if (d.text === before) {
          setText(d.name, text);
          waiting = without(waiting, d.name);
          moved = true;
        } else {
          waiting = { ...waiting, [d.name]: text };
          moved = true;
        }
      }
      lastRepoFiles = files;
      if (moved) changed();
    }
    const log = world.log;
    if (log.length > lastLogLength) {
      for (let i = lastLogLength; i < log.length; i += 1) {
        const entry = log[i];
        if (entry && entry.by === 'learner' && entry.action.type === 'ecs.taskdef.register') {
          const current = docs[0]?.text ?? '';
          registrations.push({ logIndex: i, textBefore: applied });
          applied = current;
        }
      }
    } else if (log.length < lastLogLength) {
      let restored: string | null = null;
      while (
        registrations.length > 0 &&
        (registrations[registrations.length - 1] as Registration).logIndex >= log.length
      ) {
        restored = (registrations.pop() as Registration).textBefore;
      }
      if (restored !== null) {
        applied = restored;
        setText(templates[0]?.name ?? 'web.json', restored);
        changed();
      }
    }
    lastLogLength = log.length;
  });

  const store: DocumentStore = {
    documents: () => docs,
    get: (name) => docs.find((d) => d.name === name),
    set: (name, text) => setText(name, text),
    shown: () => shown,
    show: (name) => {
      if (docs.some((d) => d.name === name)) shown = name;
    },
    pending: (name) => {
      const text = waiting[name];
      return text === undefined || text === docs.find((d) => d.name === name)?.text ? null : text;
    },
    loadPending: (name) => {
      const text = waiting[name];
      if (text === undefined) return;
      waiting = without(waiting, name);
      setText(name, text);
      changed();
    },
    reset: (name) => {
      const template = templates.find((d) => d.name === name);
      if (template) {
        setText(name, template.text);
        changed();
      }
    },
    files: () => {
      const out: Record<string, string> = {};
      for (const d of docs) {
        out[d.name] = d.text;
        if (d.language === 'json' && !d.build) {
          const family = familyOf(d.text);
          if (family) out[`${family}.json`] = d.text;
        }
      }
      return out;
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    version: () => version,
  };
  stores.set(actor, store);
  return store;
}
