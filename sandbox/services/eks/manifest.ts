/**
 * `kubectl apply -f <file>` up to the point where objects reach the store: multi-document
 * YAML (and `kind: List`), kind resolution, strict field validation, defaults, and the API
 * server's validation — each document judged on its own, with kubectl's error text, so the
 * good documents of a file apply and the bad ones say why. Nothing here touches a world.
 */
import { decode } from './manifest-decode.ts';
import * as build from './manifest-build.ts';
import {
  CLUSTER_SCOPED,
  SIMULATED_KINDS,
  UNSIMULATED_KINDS,
  resourceName,
} from './manifest-fields.ts';
import { formatInvalid, validateObject } from './manifest-validate.ts';
import { parseYamlDocuments } from './manifest-yaml.ts';
import type { KubeObject, UnsimulatedObject } from './types.ts';

export type ParsedDocument =
  | {
      ok: true;
      /** 0-based document position (List items share their List's index). */
      index: number;
      line: number;
      object: KubeObject | UnsimulatedObject;
      /** `deployment.apps/web`, as kubectl names it in `… created`. */
      ref: string;
      /** Real fields present in the manifest that the sandbox accepts without simulating. */
      ignoredFields: string[];
    }
  | { ok: false; index: number; line: number; message: string };

export interface ManifestResult {
  documents: ParsedDocument[];
  /** A file-level failure (YAML syntax, a sandbox limit); documents before it still count. */
  fileError: string | null;
}

const PLURAL: Record<string, string> = {
  Deployment: 'deployments',
  DaemonSet: 'daemonsets',
  Pod: 'pods',
  Service: 'services',
  HorizontalPodAutoscaler: 'horizontalpodautoscalers',
  PodDisruptionBudget: 'poddisruptionbudgets',
  Namespace: 'namespaces',
  ConfigMap: 'configmaps',
};

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/** Parses and validates every document of a manifest file. */
export function parseManifests(
  text: string,
  fileName = 'manifest.yaml',
  defaultNamespace = 'default',
): ManifestResult {
  const yaml = parseYamlDocuments(text, fileName);
  const documents: ParsedDocument[] = [];
  for (const doc of yaml.documents) {
    const items =
      isObject(doc.value) && doc.value.kind === 'List' && Array.isArray(doc.value.items)
        ? doc.value.items
        : [doc.value];
    for (const item of items)
      documents.push(parseDocument(item, doc.index, doc.line, fileName, defaultNamespace));
  }
  return { documents, fileError: yaml.ok ? null : yaml.error };
}

/**
 * The same checks for documents already parsed into JSON values (a `k8s.apply` action carries
 * them so): one value per document, `kind: List` items expanded.
 */
export function parseManifestValues(
  values: readonly unknown[],
  fileName = 'manifest.yaml',
  defaultNamespace = 'default',
): ParsedDocument[] {
  const documents: ParsedDocument[] = [];
  values.forEach((value, index) => {
    const items =
      isObject(value) && value.kind === 'List' && Array.isArray(value.items)
        ? value.items
        : [value];
    for (const item of items)
      documents.push(parseDocument(item, index, 1, fileName, defaultNamespace));
  });
  return documents;
}

function parseDocument(
  value: unknown,
  index: number,
  line: number,
  fileName: string,
  defaultNamespace: string,
): ParsedDocument {
  const fail = (message: string): ParsedDocument => ({ ok: false, index, line, message });
  if (!isObject(value)) {
    const kind = Array.isArray(value) ? 'array' : typeof value === 'number' ? 'number' : 'string';
    return fail(
      `error: unable to decode ${JSON.stringify(fileName)}: json: cannot unmarshal ${kind} into Go value of type struct { APIVersion string "json:\\"apiVersion,omitempty\\""; Kind string "json:\\"kind,omitempty\\"" }`,
    );
  }
  const apiVersion = typeof value.apiVersion === 'string' ? value.apiVersion : '';
  const kind = typeof value.kind === 'string' ? value.kind : '';
  const missing = [!apiVersion && 'apiVersion not set', !kind && 'kind not set'].filter(Boolean);
  if (missing.length > 0)
    return fail(
      `error: error validating ${JSON.stringify(fileName)}: error validating data: ${missing.length > 1 ? `[${missing.join(', ')}]` : missing[0]}; if you choose to ignore these errors, turn validation off with --validate=false`,
    );
  const metadata = isObject(value.metadata) ? value.metadata : {};
  const name = typeof metadata.name === 'string' ? metadata.name : '';
  const clusterScoped = CLUSTER_SCOPED.has(kind);
  const namespace = clusterScoped
    ? ''
    : typeof metadata.namespace === 'string' && metadata.namespace
      ? metadata.namespace
      : defaultNamespace;
  const key = `${apiVersion}/${kind}`;
  const shape = Object.hasOwn(SIMULATED_KINDS, key) ? SIMULATED_KINDS[key] : undefined;

  if (!shape && !UNSIMULATED_KINDS.has(key))
    return fail(
      `error: resource mapping not found for name: ${JSON.stringify(name)} namespace: ${JSON.stringify(typeof metadata.namespace === 'string' ? metadata.namespace : '')} from ${JSON.stringify(fileName)}: no matches for kind ${JSON.stringify(kind)} in version ${JSON.stringify(apiVersion)}\nensure CRDs are installed first`,
    );
  const version = apiVersion.includes('/')
    ? apiVersion.slice(apiVersion.indexOf('/') + 1)
    : apiVersion;
  const cannotHandle = `Error from server (BadRequest): error when creating ${JSON.stringify(fileName)}: ${kind} in version ${JSON.stringify(version)} cannot be handled as a ${kind}: `;

  if (shape) {
    const decoded = decode(value, shape);
    if (decoded.typeError) return fail(cannotHandle + decoded.typeError);
    if (decoded.unknown.length > 0)
      return fail(
        `${cannotHandle}strict decoding error: ${decoded.unknown.map((f) => `unknown field ${JSON.stringify(f)}`).join(', ')}`,
      );
    if (!name) return fail(emptyName(apiVersion, kind, namespace, fileName));
    const object = buildObject(kind, value, namespace);
    const spec = isObject(value.spec) ? value.spec : {};
    const strategy = isObject(spec.strategy)
      ? spec.strategy
      : isObject(spec.updateStrategy)
        ? spec.updateStrategy
        : {};
    const errors = validateObject(object, {
      selector: spec.selector !== undefined && spec.selector !== null,
      rollingUpdate: strategy.rollingUpdate !== undefined && strategy.rollingUpdate !== null,
    });
    if (errors.length > 0) return fail(formatInvalid(kind, name, errors));
    return {
      ok: true,
      index,
      line,
      object,
      ref: `${resourceName(apiVersion, kind)}/${name}`,
      ignoredFields: decoded.ignored,
    };
  }
  if (!name) return fail(emptyName(apiVersion, kind, namespace, fileName));
  return {
    ok: true,
    index,
    line,
    object: {
      apiVersion,
      kind,
      metadata: build.meta(metadata, namespace),
      simulated: false,
    },
    ref: `${resourceName(apiVersion, kind)}/${name}`,
    ignoredFields: [],
  };
}

function buildObject(kind: string, value: Json, namespace: string): KubeObject {
  switch (kind) {
    case 'Deployment':
      return build.deployment(value, namespace);
    case 'DaemonSet':
      return build.daemonSet(value, namespace);
    case 'Pod':
      return build.pod(value, namespace);
    case 'Service':
      return build.service(value, namespace);
    case 'HorizontalPodAutoscaler':
      return build.hpa(value, namespace);
    case 'PodDisruptionBudget':
      return build.pdb(value, namespace);
    case 'Namespace':
      return build.namespace(value);
    default:
      return build.configMap(value, namespace);
  }
}

/** kubectl apply's message for a manifest without `metadata.name`. */
function emptyName(apiVersion: string, kind: string, namespace: string, fileName: string): string {
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion];
  const plural = Object.hasOwn(PLURAL, kind) ? PLURAL[kind]! : `${kind.toLowerCase()}s`;
  return [
    'error: error when retrieving current configuration of:',
    `Resource: "${group}/${version}, Resource=${plural}", GroupVersionKind: "${group}/${version}, Kind=${kind}"`,
    `Name: "", Namespace: ${JSON.stringify(namespace)}`,
    `from server for: ${JSON.stringify(fileName)}: resource name may not be empty`,
  ].join('\n');
}

/** What `kubectl apply` says it did: created, configured (something changed) or unchanged. */
export function applyVerb(
  previous: KubeObject | UnsimulatedObject | undefined,
  next: KubeObject | UnsimulatedObject,
): 'created' | 'configured' | 'unchanged' {
  if (previous === undefined) return 'created';
  return JSON.stringify(previous) === JSON.stringify(next) ? 'unchanged' : 'configured';
}
