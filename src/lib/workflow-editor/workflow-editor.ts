/**
 * The workflow editor's part of Monaco's YAML set-up: the schema entry for workflow documents
 * (`*.workflow.yaml` models, i.e. .github/workflows/*.yml in the repository), loaded only where
 * a sandbox has a pipeline. The manifest editor's `configureMonacoYaml` call takes it beside the
 * Kubernetes schema (monaco-yaml is configured once per page).
 */
import { loadWorkflowTools } from '@sandbox';
import {
  WORKFLOW_FILE_MATCH,
  WORKFLOW_SCHEMA_URI,
  buildWorkflowSchema,
} from '@lib/workflow-schema/index.ts';

import type { YamlSchemaEntry } from '@lib/k8s-editor/k8s-editor.ts';

export type { YamlSchemaEntry };

let entry: Promise<YamlSchemaEntry> | null = null;

export function workflowSchemaEntry(): Promise<YamlSchemaEntry> {
  entry ??= loadWorkflowTools().then((tools) => ({
    uri: WORKFLOW_SCHEMA_URI,
    fileMatch: [WORKFLOW_FILE_MATCH],
    schema: buildWorkflowSchema(tools),
  }));
  return entry;
}

/** The model name the editor gives a workflow file, so the schema matches it. */
export function workflowModelName(path: string): string {
  return path.replace(/\.ya?ml$/, '.workflow.yaml');
}
