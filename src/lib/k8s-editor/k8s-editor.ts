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
import { monacoForYaml } from './yaml-worker-shim.ts';

import type { Action, ActionResult, ManifestParser } from '@sandbox';
import { loadManifestParser } from '@sandbox/view.ts';
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

let configured: Promise<KubernetesEditor> | null = null;
/** The owner of monaco-yaml's markers. */
const YAML_OWNER = 'yaml';

/** Registers YAML with the manifest schema in this page's Monaco (once). */
export function configureKubernetesYaml(monaco: MonacoApi): Promise<KubernetesEditor> {
  configured ??= configure(monaco);
  return configured;
}

async function configure(monaco: MonacoApi): Promise<KubernetesEditor> {
  const [YamlWorker, , { configureMonacoYaml }, parser] = await Promise.all([
    import('monaco-yaml/yaml.worker?worker').then((m) => m.default),
    import('monaco-editor/languages/definitions/yaml/register'),
    import('monaco-yaml'),
    loadManifestParser() as Promise<ManifestParser>,
  ]);
  registerWorker('yaml', () => new YamlWorker());
  configureMonacoYaml(monacoForYaml(monaco) as never, {
    enableSchemaRequest: false,
    hover: true,
    completion: true,
    validate: true,

    schemas: [
      {
        uri: K8S_MANIFEST_SCHEMA_URI,
        fileMatch: [K8S_MANIFEST_FILE_MATCH],
        schema: K8S_MANIFEST_SCHEMA as never,
      },
    ],
  });
  // yaml-language-server reports schema problems as warnings; the API server refuses them
  // (strict field validation), so in a manifest they are errors, as in the task-definition editor.
  monaco.editor.onDidChangeMarkers((uris) => {
    for (const uri of uris) {
      if (!uri.path.endsWith('.k8s.yaml')) continue;
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
