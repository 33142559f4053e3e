/**
 * The editor's documents, kept with the sandbox's state: one store per sandbox actor, shared by
 * the editor and the terminal (`file://web.json` reads the editor's current text) and surviving
 * tab switches. When the sandbox undoes a task-definition registration, the document returns to
 * what it was before that registration; when the sandbox resets, to the scenario's template.
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
  /** Files for the terminal: name → text, plus `<family>.json` for a task definition. */
  files: () => Record<string, string>;
  /** Bumps on every change made from outside the editor (undo, reset, template). */
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

  let lastLogLength = actor.getSnapshot().context.world.log.length;
  let lastRepoFiles = repoFiles(actor.getSnapshot().context.world);
  actor.subscribe((snapshot) => {
    const world = snapshot.context.world;
    // Workflow documents follow the repository's working tree when it changes from outside the
    // editor (undo, reset, a rerun of the log); the editor's own save leaves them as they are.
    const files = repoFiles(world);
    if (files && files !== lastRepoFiles) {
      let moved = false;
      for (const d of docs) {
        const text = d.workflow ? files[d.name] : undefined;
        if (text !== undefined && text !== lastRepoFiles?.[d.name] && text !== d.text) {
          setText(d.name, text);
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
      const learnerActions = log.filter((e) => e.by === 'learner').length;
      if (learnerActions === 0 && world.time === 0) {
        registrations.length = 0;
        applied = templates[0]?.text ?? '';
        docs = templates.map((d) => ({ ...d }));
        changed();
      } else {
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
    }
    lastLogLength = log.length;
  });

  const store: DocumentStore = {
    documents: () => docs,
    get: (name) => docs.find((d) => d.name === name),
    set: (name, text) => setText(name, text),
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
        if (d.language === 'json') {
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
