/**
 * monaco-yaml 5.5.1 calls the pre-0.53 `editor.createWebWorker({ moduleId, label, createData })`;
 * Monaco 0.57 only accepts `{ worker }`, so without this YAML validation silently does nothing
 * ("Missing requestHandler or method: doValidation"). Upstream: monaco-yaml#272, monaco-editor#5049.
 *
 * The shim does what Monaco's own language workers do (monaco-editor/esm/vs/internal/common/
 * workers.js): create the worker through MonacoEnvironment, post a wake-up message, post the
 * create data, and pass `{ worker }` on.
 */
import type * as Monaco from 'monaco-editor/editor';

interface LegacyWorkerOptions {
  moduleId?: string;
  label?: string;
  createData?: unknown;
  host?: Record<string, unknown>;
  keepIdleModels?: boolean;
}

type CreateWebWorker = typeof Monaco.editor.createWebWorker;

export function legacyCreateWebWorker(monaco: typeof Monaco): CreateWebWorker {
  const original = monaco.editor.createWebWorker;
  return ((opts: LegacyWorkerOptions & { worker?: unknown }) => {
    if (opts.worker !== undefined) return original(opts as Parameters<CreateWebWorker>[0]);
    const env = (
      globalThis as { MonacoEnvironment?: { getWorker?: (id: string, label: string) => Worker } }
    ).MonacoEnvironment;
    if (!env?.getWorker) throw new Error('MonacoEnvironment.getWorker is not set up');
    const worker = env.getWorker('workerMain.js', opts.label ?? 'yaml');
    // The worker's first message installs the real handler; the second carries the create data.
    worker.postMessage('ignore');
    worker.postMessage(opts.createData);
    return original({
      worker,
      host: opts.host,
      keepIdleModels: opts.keepIdleModels,
    } as Parameters<CreateWebWorker>[0]);
  }) as CreateWebWorker;
}

/** A monaco namespace for monaco-yaml whose createWebWorker accepts the legacy options. */
export function monacoForYaml(monaco: typeof Monaco): typeof Monaco {
  return {
    ...monaco,
    editor: { ...monaco.editor, createWebWorker: legacyCreateWebWorker(monaco) },
  };
}
