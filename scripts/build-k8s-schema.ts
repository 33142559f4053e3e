/**
 * Derives the manifest editor's JSON schema (src/lib/k8s-schema/kubernetes-1.30.schema.json)
 * from the upstream Kubernetes OpenAPI definitions, for the kinds the sandbox runs:
 *
 *   node --experimental-strip-types scripts/build-k8s-schema.ts <swagger.json> [--check]
 *
 * Source: the Kubernetes v1.30 OpenAPI v2 document, `api/openapi-spec/swagger.json` of
 * kubernetes/kubernetes on branch release-1.30, as kubernetes-client/python v30.1.0 vendors it
 * unchanged (`kubernetes/swagger.json.unprocessed`, commit
 * 6b6201dc5f20b9f52b41e985af9b67b638ac6ab1). The input's SHA-256 is checked below, so a rebuild
 * from another version is a deliberate edit of SOURCE.
 *
 * What the derived schema keeps and changes:
 * - Only the definitions reachable from the simulated kinds (Deployment, DaemonSet, Pod,
 *   Service, HorizontalPodAutoscaler autoscaling/v2, PodDisruptionBudget, Namespace,
 *   ConfigMap), with upstream descriptions (their first paragraph) for hover.
 * - Every object refuses unknown properties (`additionalProperties: false`), as the API server's
 *   strict field validation does (kubectl's default since 1.27). String maps (labels…) stay maps.
 * - Quantities accept numbers and strings, IntOrString integers and strings, as the decoder does.
 * - `status` and `metadata.managedFields` are written by the cluster: accepted, not checked.
 * - A field the sandbox accepts without simulating it (`ignored` in
 *   sandbox/services/eks/manifest-fields.ts) keeps validating, is left out of completion and
 *   says so in its hover text.
 * - Kinds the sandbox stores but does not run (ServiceAccount, Secret…) accept any fields,
 *   as the sandbox's apply does.
 *
 * `--check` rebuilds in memory and fails if the committed schema differs. The build also
 * prints where the sandbox's field tables and upstream disagree (a real field the sandbox
 * would refuse, or a table field upstream 1.30 does not have).
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';
import {
  SIMULATED_KINDS,
  UNSIMULATED_KINDS,
  type Field,
  type FieldType,
} from '../sandbox/services/eks/manifest-fields.ts';

export const SOURCE = {
  kubernetes: 'v1.30',
  file: 'kubernetes/kubernetes · api/openapi-spec/swagger.json (branch release-1.30)',
  copy: 'kubernetes-client/python v30.1.0 · kubernetes/swagger.json.unprocessed · commit 6b6201dc5f20b9f52b41e985af9b67b638ac6ab1',
  sha256: '86dce48e9e83e503bef07a693656dd0e6a4420c00ce2ab7bb65609571bb38b86',
};

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(root, 'src/lib/k8s-schema/kubernetes-1.30.schema.json');

interface UpstreamProperty {
  description?: string;
  type?: string;
  format?: string;
  $ref?: string;
  items?: UpstreamProperty;
  additionalProperties?: UpstreamProperty;
}
interface UpstreamDefinition extends UpstreamProperty {
  properties?: Record<string, UpstreamProperty>;
  required?: string[];
}
type Schema = Record<string, unknown>;

/** The kinds the sandbox simulates: `apiVersion/kind` → upstream definition. */
const KINDS: Record<string, string> = {
  'apps/v1/Deployment': 'io.k8s.api.apps.v1.Deployment',
  'apps/v1/DaemonSet': 'io.k8s.api.apps.v1.DaemonSet',
  'v1/Pod': 'io.k8s.api.core.v1.Pod',
  'v1/Service': 'io.k8s.api.core.v1.Service',
  'autoscaling/v2/HorizontalPodAutoscaler': 'io.k8s.api.autoscaling.v2.HorizontalPodAutoscaler',
  'policy/v1/PodDisruptionBudget': 'io.k8s.api.policy.v1.PodDisruptionBudget',
  'v1/Namespace': 'io.k8s.api.core.v1.Namespace',
  'v1/ConfigMap': 'io.k8s.api.core.v1.ConfigMap',
};

const IGNORED_NOTE =
  'Shipyard: accepted, not simulated — the sandbox applies the manifest and names this field as ignored.';
/** The decoder takes `null` for an object or a list as "not set" (kustomize writes `data: null`). */
const NULLABLE_OBJECT = ['object', 'null'];
const NULLABLE_ARRAY = ['array', 'null'];
const CLUSTER_WRITTEN =
  'Written by the cluster. Shipyard: accepted and ignored on apply (not checked).';

/** The Go type name (unique among the definitions kept; checked below). */
const shortName = (ref: string) => ref.slice(ref.lastIndexOf('.') + 1);

/** The first paragraph: enough for hover, a fraction of the size. */
const describe = (text: string | undefined) => {
  if (!text) return undefined;
  const first = text.split('\n\n')[0]!.trim();
  const more = /More info: (\S+)/.exec(text);
  return more && !first.includes(more[1]!) ? `${first} More info: ${more[1]}` : first;
};

/** Leaf types the decoder reads more loosely than the OpenAPI `type` says. */
function scalarFor(name: string, def: UpstreamDefinition): Schema | null {
  const description = describe(def.description);
  if (name === 'Quantity')
    return {
      type: ['string', 'number'],
      description: `${description} Examples: 250m, 0.5, 2, 512Mi, 1Gi.`,
    };
  if (def.format === 'int-or-string') return { type: ['integer', 'string'], description };
  if (def.type && def.type !== 'object' && !def.properties) return { type: def.type, description };
  return null;
}

export interface BuildResult {
  schema: Schema;
  /** Real fields (upstream 1.30) that the sandbox's tables do not list: the apply refuses them. */
  refusedBySandbox: string[];
  /** Fields in the sandbox's tables that upstream 1.30 does not have. */
  notInUpstream: string[];
}

export function buildSchema(upstream: Record<string, UpstreamDefinition>): BuildResult {
  const definitions: Record<string, Schema> = {};
  /** `definition.property` → ignored by the sandbox? (one answer per shared definition). */
  const ignoredProps = new Map<string, boolean>();
  const refusedBySandbox: string[] = [];
  const notInUpstream: string[] = [];
  const visitedTables = new Set<string>();
  const owner = new Map<string, string>();

  const upstreamDef = (ref: string): [string, UpstreamDefinition] => {
    const full = ref.replace(/^#\/definitions\//, '');
    const def = upstream[full];
    if (!def) throw new Error(`upstream has no definition ${full}`);
    return [shortName(full), def];
  };

  /** A property's schema; `table` is the sandbox's view of it (null: not checked there). */
  const property = (p: UpstreamProperty, table: FieldType | null, path: string): Schema => {
    const description = describe(p.description);
    if (p.$ref) {
      const [name, def] = upstreamDef(p.$ref);
      const scalar = scalarFor(name, def);
      if (scalar) return { ...scalar, ...(description ? { description } : {}) };
      define(p.$ref, table && table.k === 'obj' ? table : null, path);
      return { $ref: `#/definitions/${name}`, ...(description ? { description } : {}) };
    }
    if (p.type === 'array' && p.items) {
      const of = table && table.k === 'list' ? table.of : null;
      return { type: NULLABLE_ARRAY, description, items: property(p.items, of, `${path}[]`) };
    }
    if (p.type === 'object' && p.additionalProperties) {
      const of = table && table.k === 'map' ? table.of : null;
      return {
        type: NULLABLE_OBJECT,
        description,
        additionalProperties: property(p.additionalProperties, of, `${path}.*`),
      };
    }
    if (p.type === 'object') return { type: NULLABLE_OBJECT, description };
    if (p.format === 'int-or-string') return { type: ['integer', 'string'], description };
    return { type: p.type, description };
  };

  const define = (ref: string, table: (FieldType & { k: 'obj' }) | null, path: string): void => {
    const [name, def] = upstreamDef(ref);
    if (table) {
      const key = `${name}@${JSON.stringify(table)}`;
      if (visitedTables.has(key)) return;
      visitedTables.add(key);
    } else if (definitions[name]) return;
    const props: Record<string, Schema> = {};
    const upstreamProps = def.properties ?? {};
    if (table)
      for (const field of Object.keys(table.fields))
        if (!Object.hasOwn(upstreamProps, field)) notInUpstream.push(`${path}.${field}`);
    for (const [prop, p] of Object.entries(upstreamProps)) {
      const childPath = path ? `${path}.${prop}` : prop;
      if (prop === 'status' || (name === 'ObjectMeta' && prop === 'managedFields')) {
        props[prop] = {
          type: prop === 'status' ? NULLABLE_OBJECT : NULLABLE_ARRAY,
          description: CLUSTER_WRITTEN,
          doNotSuggest: true,
        };
        continue;
      }
      const field: Field | undefined =
        table && Object.hasOwn(table.fields, prop) ? table.fields[prop] : undefined;
      if (table && !field) refusedBySandbox.push(childPath);
      const ignored = field?.ignored === true;
      if (table) {
        const key = `${name}.${prop}`;
        const before = ignoredProps.get(key);
        if (before !== undefined && before !== ignored)
          throw new Error(`${key} is ignored on one path and simulated on another`);
        ignoredProps.set(key, ignored);
      }
      const childTable = field && field.k !== 'any' && !ignored ? field : null;
      const schema = property(p, childTable, childPath);
      if (ignored) {
        schema.description = schema.description
          ? `${schema.description as string}\n\n${IGNORED_NOTE}`
          : IGNORED_NOTE;
        schema.doNotSuggest = true;
      }
      // Keywords beside a `$ref` are not read by every validator (draft-07): wrap the reference.
      props[prop] =
        schema.$ref && schema.doNotSuggest
          ? { ...schema, $ref: undefined, allOf: [{ $ref: schema.$ref }] }
          : schema;
    }
    if (owner.has(name) && owner.get(name) !== ref)
      throw new Error(`two definitions named ${name}`);
    owner.set(name, ref);
    definitions[name] = {
      type: NULLABLE_OBJECT,
      description: describe(def.description),
      ...(def.required ? { required: def.required } : {}),
      properties: props,
      additionalProperties: false,
    };
  };

  const rules: Schema[] = [];
  for (const [key, ref] of Object.entries(KINDS)) {
    const table = SIMULATED_KINDS[key];
    if (!table || table.k !== 'obj') throw new Error(`the sandbox does not simulate ${key}`);
    const kind = key.slice(key.lastIndexOf('/') + 1);
    const apiVersion = key.slice(0, key.lastIndexOf('/'));
    define(`#/definitions/${ref}`, table, kind);
    rules.push(kindRule(apiVersion, kind, { $ref: `#/definitions/${shortName(ref)}` }));
  }
  for (const key of Object.keys(SIMULATED_KINDS))
    if (!Object.hasOwn(KINDS, key)) throw new Error(`no upstream definition named for ${key}`);

  const stored = [...UNSIMULATED_KINDS].sort();
  for (const key of stored) {
    const kind = key.slice(key.lastIndexOf('/') + 1);
    const apiVersion = key.slice(0, key.lastIndexOf('/'));
    rules.push(
      kindRule(apiVersion, kind, {
        description: `${kind} (${apiVersion}). Shipyard: stored on apply but not run; its fields are not checked.`,
        properties: { metadata: { $ref: '#/definitions/ObjectMeta' } },
      }),
    );
  }
  const kinds = [...new Set([...Object.keys(KINDS), ...stored].map((k) => k.split('/').pop()!))];
  const versions = [
    ...new Set([...Object.keys(KINDS), ...stored].map((k) => k.slice(0, k.lastIndexOf('/')))),
  ];
  rules.push(
    kindRule('v1', 'List', {
      properties: { items: { type: 'array', items: { $ref: '#' } } },
    }),
  );
  for (const name of Object.keys(definitions)) sortKeys(definitions[name]!);

  const schema: Schema = {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $comment: `Derived by scripts/build-k8s-schema.ts from ${SOURCE.file} (Kubernetes ${SOURCE.kubernetes}); input: ${SOURCE.copy}. Do not edit by hand.`,
    title: `Kubernetes ${SOURCE.kubernetes.slice(1)} manifest`,
    description: 'The kinds the Shipyard sandbox runs, with the fields of the Kubernetes API.',
    type: 'object',
    required: ['apiVersion', 'kind'],
    properties: {
      apiVersion: {
        type: 'string',
        enum: [...versions, 'v1'].filter((v, i, all) => all.indexOf(v) === i).sort(),
        description:
          'APIVersion defines the versioned schema of this representation of an object: apps/v1 for Deployment and DaemonSet, v1 for Pod, Service, Namespace and ConfigMap, autoscaling/v2 for HorizontalPodAutoscaler, policy/v1 for PodDisruptionBudget.',
      },
      kind: {
        type: 'string',
        enum: [...kinds, 'List'].sort(),
        description:
          'Kind is a string value representing the REST resource this object represents. In CamelCase.',
      },
    },
    allOf: rules,
    definitions: Object.fromEntries(
      Object.entries(definitions).sort(([a], [b]) => a.localeCompare(b)),
    ),
  };
  return { schema, refusedBySandbox, notInUpstream };
}

function kindRule(apiVersion: string, kind: string, then: Schema): Schema {
  return {
    if: {
      required: ['apiVersion', 'kind'],
      properties: { apiVersion: { const: apiVersion }, kind: { const: kind } },
    },
    then,
  };
}

function sortKeys(def: Schema): void {
  const props = def.properties as Record<string, Schema> | undefined;
  if (props)
    def.properties = Object.fromEntries(
      Object.entries(props).sort(([a], [b]) => a.localeCompare(b)),
    );
}

async function main(): Promise<void> {
  const [input, flag] = process.argv.slice(2);
  if (!input) {
    console.error(
      'usage: node --experimental-strip-types scripts/build-k8s-schema.ts <swagger.json> [--check]',
    );
    process.exit(2);
  }
  const bytes = readFileSync(input);
  const sha = createHash('sha256').update(bytes).digest('hex');
  if (sha !== SOURCE.sha256) {
    console.error(
      `build-k8s-schema: ${input} is not the pinned input (sha256 ${sha}, expected ${SOURCE.sha256})`,
    );
    process.exit(1);
  }
  const upstream = (
    JSON.parse(bytes.toString('utf8')) as { definitions: Record<string, UpstreamDefinition> }
  ).definitions;
  const { schema, refusedBySandbox, notInUpstream } = buildSchema(upstream);
  const config = (await prettier.resolveConfig(OUT)) ?? {};
  const text = await prettier.format(JSON.stringify(schema), { ...config, parser: 'json' });
  for (const f of refusedBySandbox) console.log(`real field the sandbox refuses: ${f}`);
  for (const f of notInUpstream) console.log(`sandbox field not in Kubernetes 1.30: ${f}`);
  if (flag === '--check') {
    if (readFileSync(OUT, 'utf8') !== text) {
      console.error('build-k8s-schema: the committed schema is out of date; rebuild it');
      process.exit(1);
    }
    console.log('build-k8s-schema: the committed schema is up to date');
    return;
  }
  writeFileSync(OUT, text);
  console.log(
    `wrote ${OUT.slice(root.length + 1)}: ${Object.keys(schema.definitions as object).length} definitions, ${Buffer.byteLength(text)} bytes`,
  );
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
