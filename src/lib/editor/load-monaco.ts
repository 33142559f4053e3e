/**
 * Loads Monaco on demand (dynamic import from the editor island only), with its web workers
 * bundled locally through Vite's `?worker` imports — never a CDN — the ECS task-definition JSON
 * schema, YAML through monaco-yaml, and the site's themes. Loading happens once per page.
 */
import type * as Monaco from 'monaco-editor/editor';
import {
  ECS_TASK_DEFINITION_SCHEMA,
  ECS_TASK_DEFINITION_SCHEMA_URI,
} from './ecs-task-definition-schema.ts';
import { K8S_DEPLOYMENT_SCHEMA, K8S_DEPLOYMENT_SCHEMA_URI } from './k8s-deployment-schema.ts';
import { defineThemes } from './themes.ts';
import { monacoForYaml } from './yaml-worker-shim.ts';

export type MonacoApi = typeof Monaco;

let loading: Promise<MonacoApi> | null = null;

/** Models whose URI matches these globs get the schemas (the editor names its models so). */
export const TASK_DEFINITION_FILE_MATCH = '*.taskdef.json';
export const K8S_FILE_MATCH = '*.k8s.yaml';

export function loadMonaco(): Promise<MonacoApi> {
  loading ??= load();
  return loading;
}

async function load(): Promise<MonacoApi> {
  const [monaco, EditorWorker, JsonWorker, YamlWorker] = await Promise.all([
    import('monaco-editor/editor'),
    import('monaco-editor/editor/editor.worker?worker').then((m) => m.default),
    import('monaco-editor/languages/features/json/json.worker?worker').then((m) => m.default),
    import('monaco-yaml/yaml.worker?worker').then((m) => m.default),
    import('monaco-editor/features/register.all'),
  ]);
  (globalThis as { MonacoEnvironment?: unknown }).MonacoEnvironment = {
    getWorker(_moduleId: string, label: string): Worker {
      if (label === 'json') return new JsonWorker();
      if (label === 'yaml') return new YamlWorker();
      return new EditorWorker();
    },
  };
  const [{ jsonDefaults }, , { configureMonacoYaml }] = await Promise.all([
    import('monaco-editor/languages/features/json/register'),
    import('monaco-editor/languages/definitions/yaml/register'),
    import('monaco-yaml'),
  ]);
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
  configureMonacoYaml(monacoForYaml(monaco) as never, {
    enableSchemaRequest: false,
    hover: true,
    completion: true,
    validate: true,
    schemas: [
      {
        uri: K8S_DEPLOYMENT_SCHEMA_URI,
        fileMatch: [K8S_FILE_MATCH],
        schema: K8S_DEPLOYMENT_SCHEMA as never,
      },
    ],
  });
  defineThemes(monaco);
  return monaco;
}
