/**
 * The manifest editor's JSON schema: Kubernetes 1.30's own field definitions for the kinds the
 * sandbox runs, derived from the upstream OpenAPI document by scripts/build-k8s-schema.ts (which
 * names the source file, version and checksum). Loaded only with the Kubernetes editor.
 */
import schema from './kubernetes-1.30.schema.json';

export const K8S_MANIFEST_SCHEMA_URI = 'https://shipyard.local/schemas/kubernetes-1.30.json';
export const K8S_MANIFEST_SCHEMA: object = schema;
/** Models whose URI matches get the schema (the editor names Kubernetes documents so). */
export const K8S_MANIFEST_FILE_MATCH = '*.k8s.yaml';
