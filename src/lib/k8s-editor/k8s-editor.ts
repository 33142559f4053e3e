/**
 * The Kubernetes manifest editor, one lazily loaded chunk: YAML in Monaco through monaco-yaml
 * (its worker bundled with the site, never a CDN) with the Kubernetes 1.30 schema for
 * validation, hover and completion, and *Apply* as `kubectl apply`. The editor panel imports it
 * only when its sandbox has a manifest document, so a page without EKS never loads it.
 */
import { registerWorker, type MonacoApi } from '@lib/editor/load-monaco.ts';
import {
  K8S_MANIFEST_FILE_MATCH,
  K8S_MANIFEST_SCHEMA,
  K8S_MANIFEST_SCHEMA_URI,
} from '@lib/k8s-schema/index.ts';
import type { MonacoYaml } from 'monaco-yaml';
import { monacoForYaml } from './yaml-worker-shim.ts';

import { loadManifestParser, type Action, type ActionResult, type ManifestParser } from '@sandbox';
import { applyManifest, type ManifestApplyOutcome } from './apply-manifest.ts';

export type { ManifestApplyOutcome, ManifestLine } from './apply-manifest.ts';
export { K8S_MANIFEST_FILE_MATCH };

export interface KubernetesEditor {
  /** `kubectl apply -f <fileName>` of the text, through the sandbox's `act`. */
  apply: (
    text: string,
    fileName: string,
    act: (action: Action) => ActionResult | null,
  ) => ManifestApplyOutcome;
}

/** A further YAML schema on the page (the workflow editor's), matched by model file name. */
export interface YamlSchemaEntry {
  uri: string;
  fileMatch: string[];
  schema: object;
}

let configured: Promise<KubernetesEditor> | null = null;
let yamlHandle: MonacoYaml | null = null;
const extraSchemas = new Map<string, YamlSchemaEntry>();
/** The owner of monaco-yaml's markers. */
const YAML_OWNER = 'yaml';
/** Models whose schema problems are errors: manifests (strict field validation) and workflows (GitHub refuses them). */
const STRICT_MODEL = /\.(k8s|workflow)\.yaml$/;

const manifestSchema = () => ({
  uri: K8S_MANIFEST_SCHEMA_URI,
  fileMatch: [K8S_MANIFEST_FILE_MATCH],
  schema: K8S_MANIFEST_SCHEMA as never,
});

/**
 * Registers YAML with the manifest schema in this page's Monaco (once). monaco-yaml is
 * configured once per page, so further schemas (a workflow's) join the same configuration,
 * each matched by its model file name.
 */
export async function configureKubernetesYaml(
  monaco: MonacoApi,
  schemas: readonly YamlSchemaEntry[] = [],
): Promise<KubernetesEditor> {
  configured ??= configure(monaco);
  const editor = await configured;
  const fresh = schemas.filter((s) => !extraSchemas.has(s.uri));
  if (fresh.length > 0 && yamlHandle) {
    for (const s of fresh) extraSchemas.set(s.uri, s);
    await yamlHandle.update({ schemas: [manifestSchema(), ...extraSchemas.values()] as never });
  }
  return editor;
}

async function configure(monaco: MonacoApi): Promise<KubernetesEditor> {
  const [YamlWorker, , { configureMonacoYaml }, parser] = await Promise.all([
    import('monaco-yaml/yaml.worker?worker').then((m) => m.default),
    import('monaco-editor/languages/definitions/yaml/register'),
    import('monaco-yaml'),
    loadManifestParser() as Promise<ManifestParser>,
  ]);
  registerWorker('yaml', () => new YamlWorker());
  const handle = configureMonacoYaml(monacoForYaml(monaco) as never, {
    enableSchemaRequest: false,
    hover: true,
    completion: true,
    validate: true,

    schemas: [manifestSchema()],
  });
  yamlHandle = handle;
  // yaml-language-server reports schema problems as warnings; the API server refuses them
  // (strict field validation), so in a manifest they are errors, as in the task-definition editor;
  // GitHub refuses an invalid workflow file, so there too.
  monaco.editor.onDidChangeMarkers((uris) => {
    for (const uri of uris) {
      if (!STRICT_MODEL.test(uri.path)) continue;
      const model = monaco.editor.getModel(uri);
      const markers = monaco.editor.getModelMarkers({ owner: YAML_OWNER, resource: uri });
      if (!model || !markers.some((m) => m.severity === monaco.MarkerSeverity.Warning)) continue;
      monaco.editor.setModelMarkers(
        model,
        YAML_OWNER,
        markers.map((m) =>
          m.severity === monaco.MarkerSeverity.Warning
            ? { ...m, severity: monaco.MarkerSeverity.Error }
            : m,
        ),
      );
    }
  });
  return { apply: (text, fileName, act) => applyManifest(parser, text, fileName, act) };
}
