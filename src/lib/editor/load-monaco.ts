/**
 * Loads Monaco on demand (dynamic import from the editor island only), with its web workers
 * bundled locally through Vite's `?worker` imports — never a CDN — the ECS task-definition JSON
 * schema, the basic (tokenizer-only) languages of a build context — Dockerfile and JavaScript,
 * each its own small chunk — and the site's themes. Loading happens once per page. Kubernetes manifests (YAML
 * through monaco-yaml) are a separate chunk, src/lib/k8s-editor/, loaded only where a sandbox
 * has a manifest document; it adds its worker with `registerWorker`.
 */
import type * as Monaco from 'monaco-editor/editor';
import {
  ECS_TASK_DEFINITION_SCHEMA,
  ECS_TASK_DEFINITION_SCHEMA_URI,
} from './ecs-task-definition-schema.ts';
import { defineThemes } from './themes.ts';

export type MonacoApi = typeof Monaco;

let loading: Promise<MonacoApi> | null = null;

/** Models whose URI matches get the task-definition schema (the editor names its models so). */
export const TASK_DEFINITION_FILE_MATCH = '*.taskdef.json';

/** Language workers by Monaco's label; the editor worker serves every other label. */
const workers = new Map<string, () => Worker>();

/** Adds a language worker (for a language loaded after Monaco, e.g. YAML). */
export function registerWorker(label: string, create: () => Worker): void {
  workers.set(label, create);
}

export function loadMonaco(): Promise<MonacoApi> {
  loading ??= load();
  return loading;
}

async function load(): Promise<MonacoApi> {
  const [monaco, EditorWorker, JsonWorker] = await Promise.all([
    import('monaco-editor/editor'),
    import('monaco-editor/editor/editor.worker?worker').then((m) => m.default),
    import('monaco-editor/languages/features/json/json.worker?worker').then((m) => m.default),
    import('monaco-editor/features/register.all'),
    import('monaco-editor/languages/definitions/dockerfile/register'),
    import('monaco-editor/languages/definitions/javascript/register'),
  ]);
  registerWorker('json', () => new JsonWorker());
  (globalThis as { MonacoEnvironment?: unknown }).MonacoEnvironment = {
    getWorker(_moduleId: string, label: string): Worker {
      const create = workers.get(label);
      return create ? create() : new EditorWorker();
    },
  };
  const { jsonDefaults } = await import('monaco-editor/languages/features/json/register');
  jsonDefaults.setDiagnosticsOptions({
    validate: true,
    allowComments: false,
    enableSchemaRequest: false,
    schemaRequest: 'ignore',
    // A field AWS would refuse is an error, not a warning.
    schemaValidation: 'error',
    schemas: [
      {
        uri: ECS_TASK_DEFINITION_SCHEMA_URI,
        fileMatch: [TASK_DEFINITION_FILE_MATCH],
        schema: ECS_TASK_DEFINITION_SCHEMA as unknown as NonNullable<
          Parameters<typeof jsonDefaults.setDiagnosticsOptions>[0]['schemas']
        >[number]['schema'],
      },
    ],
  });
  defineThemes(monaco);
  return monaco;
}
