/**
 * The Kubernetes manifest schema (derived from the Kubernetes 1.30 OpenAPI definitions), checked
 * through yaml-language-server — the service monaco-yaml runs in its worker — so a diagnostic,
 * hover or completion here is what the learner sees in the editor. And the schema against the
 * sandbox's own field tables: the editor and `kubectl apply` must agree on what is a field.
 */
import { TextDocument } from 'vscode-json-languageservice';
import { getLanguageService as getYamlService } from 'yaml-language-server';
import { describe, expect, it } from 'vitest';
import {
  K8S_MANIFEST_FILE_MATCH,
  K8S_MANIFEST_SCHEMA,
  K8S_MANIFEST_SCHEMA_URI,
} from '../../src/lib/k8s-schema/index.ts';
import { MANIFEST_TEMPLATE } from '../../src/lib/editor/templates.ts';
import {
  SIMULATED_KINDS,
  UNSIMULATED_KINDS,
  type FieldType,
} from '../../sandbox/services/eks/manifest-fields.ts';

const yaml = getYamlService({
  schemaRequestService: () => Promise.reject(new Error('offline')),
  workspaceContext: { resolveRelativePath: (p: string) => p },
} as never);
yaml.configure({
  validate: true,
  hover: true,
  completion: true,
  schemas: [
    {
      uri: K8S_MANIFEST_SCHEMA_URI,
      fileMatch: [K8S_MANIFEST_FILE_MATCH],
      schema: K8S_MANIFEST_SCHEMA as never,
    },
  ],
});
// The service caches parsed documents by URI and version: each call gets its own version.
let version = 0;
const docOf = (text: string) =>
  TextDocument.create('file:///test/web.k8s.yaml', 'yaml', (version += 1), text);

async function check(text: string): Promise<string[]> {
  const diagnostics = await yaml.doValidation(docOf(text), false);
  return diagnostics.map(
    (d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message}`,
  );
}

/** Completion labels at the end of the line holding `marker` (the marker itself is removed). */
async function completeAt(text: string, marker = '|'): Promise<string[]> {
  const at = text.indexOf(marker);
  const clean = text.replace(marker, '');
  const before = clean.slice(0, at);
  const line = before.split('\n').length - 1;
  const character = at - (before.lastIndexOf('\n') + 1);
  const list = await yaml.doComplete(docOf(clean), { line, character }, false);
  return list.items.map((i) => i.label).sort();
}

async function hoverAt(text: string, line: number, character: number): Promise<string> {
  const hover = await yaml.doHover(docOf(text), { line: line - 1, character: character - 1 });
  const contents = hover?.contents as { value?: string } | undefined;
  return contents?.value ?? '';
}

const WEB = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 3
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: web
          image: public.ecr.aws/nginx/nginx:1.27
          resources:
            requests:
              cpu: 250m
              memory: 256Mi
`;

describe('Kubernetes manifests through the YAML language service', () => {
  it('accepts the starting manifest of a Kubernetes scenario', async () => {
    expect(await check(MANIFEST_TEMPLATE.text)).toEqual([]);
  });

  it('accepts a Deployment, a Service, an HPA, a PDB, a Namespace and a ConfigMap in one file', async () => {
    const text = `${WEB}---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: LoadBalancer
  selector:
    app: web
  ports:
    - port: 80
      targetPort: 8080
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: web
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: web
  minReplicas: 2
  maxReplicas: 10
  metrics:
    - type: Resource
      resource:
        name: cpu
        target:
          type: Utilization
          averageUtilization: 60
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: web
spec:
  maxUnavailable: 1
  selector:
    matchLabels:
      app: web
---
apiVersion: v1
kind: Namespace
metadata:
  name: shop
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: web
data:
  LOG_LEVEL: info
`;
    expect(await check(text)).toEqual([]);
  });

  it('marks unknown fields where they are, in every document, as strict validation refuses them', async () => {
    const text = `${WEB.replace('          image:', '          imagePullPolice: Always\n          image:')}---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selectr:
    app: web
  ports:
    - port: 80
`;
    expect(await check(text)).toEqual([
      '17:11 Property imagePullPolice is not allowed.',
      '29:3 Property selectr is not allowed.',
    ]);
  });

  it('marks wrong types, a missing required field and an unknown kind', async () => {
    const text = `${WEB.replace('replicas: 3', 'replicas: "3"').replace('  selector:\n    matchLabels:\n      app: web\n', '')}---
apiVersion: v1
kind: Servic
metadata:
  name: x
`;
    const diagnostics = await check(text);
    expect(diagnostics.slice(0, 2)).toEqual([
      '5:1 Missing property "selector".',
      '6:13 Incorrect type. Expected "integer".',
    ]);
    expect(diagnostics[2]).toBe(
      '21:7 Value is not accepted. Valid values: "ClusterRole", "ClusterRoleBinding", "ConfigMap", "CronJob", "DaemonSet", "Deployment", "HorizontalPodAutoscaler", "Ingress", "IngressClass", "Job", "LimitRange", "List", "Namespace", "NetworkPolicy", "PersistentVolumeClaim", "Pod", "PodDisruptionBudget", "PriorityClass", "ReplicaSet", "ResourceQuota", "Role", "RoleBinding", "Secret", "Service", "ServiceAccount", "StatefulSet", "StorageClass".',
    );
    expect(diagnostics).toHaveLength(3);
  });

  it('takes quantities as numbers or strings and IntOrString as either, as the API server does', async () => {
    const text = WEB.replace('cpu: 250m', 'cpu: 1').replace('memory: 256Mi', 'memory: 268435456');
    expect(await check(text)).toEqual([]);
    const surge = WEB.replace(
      'spec:\n  replicas: 3',
      'spec:\n  strategy:\n    rollingUpdate:\n      maxSurge: 25%\n      maxUnavailable: 0\n  replicas: 3',
    );
    expect(await check(surge)).toEqual([]);
  });

  it('accepts fields the sandbox ignores, and status, as the apply does', async () => {
    const text = WEB.replace(
      '          image:',
      '          imagePullPolicy: IfNotPresent\n          env:\n            - name: MODE\n              value: prod\n          image:',
    ).concat('status:\n  replicas: 3\n');
    expect(await check(text)).toEqual([]);
  });

  it('still checks inside a field the sandbox ignores (volumes), as kubectl would', async () => {
    const text = WEB.replace(
      '      containers:',
      '      volumes:\n        - name: tmp\n          emptyDir:\n            medum: Memory\n      containers:',
    );
    expect(await check(text)).toEqual(['18:13 Property medum is not allowed.']);
  });

  it('accepts any field of a kind the sandbox stores but does not run', async () => {
    const text =
      'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: ui\nautomountServiceAccountToken: false\n';
    expect(await check(text)).toEqual([]);
  });

  it('accepts null for an object, as kustomize writes it (data: null)', async () => {
    expect(
      await check('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata: null\n'),
    ).toEqual([]);
  });

  it('reads a kind: List', async () => {
    const text =
      'apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: Namespace\n    metadata:\n      name: a\n    spek: {}\n';
    expect(await check(text)).toEqual(['8:5 Property spek is not allowed.']);
  });

  it('shows the upstream description on hover, and says when the sandbox ignores a field', async () => {
    expect(await hoverAt(WEB, 6, 4)).toContain(
      'Number of desired pods. This is a pointer to distinguish between explicit zero and not specified. Defaults to 1.',
    );
    const pull = WEB.replace(
      '          image:',
      '          imagePullPolicy: Always\n          image:',
    );
    const text = await hoverAt(pull, 17, 14);
    expect(text).toContain('Image pull policy. One of Always, Never, IfNotPresent.');
    expect(text).toContain(
      'Shipyard: accepted, not simulated — the sandbox applies the manifest and names this field as ignored.',
    );
  });

  it('completes the fields the sandbox runs, and leaves out those it ignores', async () => {
    expect(
      await completeAt(
        'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n        - name: web\n          |\n',
      ),
    ).toEqual([
      'image',
      'livenessProbe',
      'ports',
      'readinessProbe',
      'resources',
      'securityContext',
      'startupProbe',
    ]);
    expect(
      await completeAt(
        'apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: web\nspec:\n  |\n',
      ),
    ).toEqual([
      'HorizontalPodAutoscalerSpec',
      'behavior',
      'maxReplicas',
      'metrics',
      'minReplicas',
      'scaleTargetRef',
    ]);
  });
});

type Schema = {
  $ref?: string;
  allOf?: Schema[];
  type?: string | string[];
  properties?: Record<string, Schema>;
  additionalProperties?: boolean | Schema;
  items?: Schema;
  description?: string;
  doNotSuggest?: boolean;
};
const SCHEMA = K8S_MANIFEST_SCHEMA as Schema & { definitions: Record<string, Schema> };
const RULES = (
  K8S_MANIFEST_SCHEMA as {
    allOf: {
      if: { properties: { apiVersion: { const: string }; kind: { const: string } } };
      then: Schema;
    }[];
  }
).allOf;
const resolve = (s: Schema): Schema => {
  const ref = s.$ref ?? s.allOf?.[0]?.$ref;
  return ref ? SCHEMA.definitions[ref.replace('#/definitions/', '')]! : s;
};

describe('the schema and the sandbox agree on what a field is', () => {
  const kinds = Object.fromEntries(
    RULES.map((r) => [`${r.if.properties.apiVersion.const}/${r.if.properties.kind.const}`, r.then]),
  );

  it('covers every kind the sandbox runs or stores, and kind: List', () => {
    expect(Object.keys(kinds).sort()).toEqual(
      [...Object.keys(SIMULATED_KINDS), ...UNSIMULATED_KINDS, 'v1/List'].sort(),
    );
  });

  it('refuses unknown fields on every object it defines', () => {
    const open = Object.entries(SCHEMA.definitions)
      .filter(([, d]) => d.properties && d.additionalProperties !== false)
      .map(([name]) => name);
    expect(open).toEqual([]);
  });

  /** Walks a sandbox field table and the schema side by side. */
  function compare(t: FieldType, s: Schema, path: string, out: Record<string, string[]>): void {
    if (t.k === 'obj') {
      const d = resolve(s);
      const props = d.properties ?? {};
      for (const [name, field] of Object.entries(t.fields)) {
        const p = props[name];
        const at = `${path}.${name}`;
        if (!p) {
          out.missingUpstream!.push(at);
          continue;
        }
        if (field.ignored && !(p.doNotSuggest && p.description?.includes('Shipyard: accepted')))
          out.ignoredUnmarked!.push(at);
        if (!field.ignored && p.doNotSuggest) out.markedButRun!.push(at);
        if (!field.ignored && field.k !== 'any') compare(field, p, at, out);
      }
      for (const name of Object.keys(props))
        if (!Object.hasOwn(t.fields, name)) out.refusedBySandbox!.push(`${path}.${name}`);
    } else if (t.k === 'list' && s.items) compare(t.of, s.items, `${path}[]`, out);
    else if (t.k === 'map' && typeof s.additionalProperties === 'object')
      compare(t.of, s.additionalProperties, `${path}.*`, out);
  }

  it('every field the sandbox reads is a Kubernetes 1.30 field, and every 1.30 field is one the sandbox knows', () => {
    const out: Record<string, string[]> = {
      missingUpstream: [],
      refusedBySandbox: [],
      ignoredUnmarked: [],
      markedButRun: [],
    };
    for (const [key, table] of Object.entries(SIMULATED_KINDS))
      compare(table, kinds[key]!, key, out);
    expect(out).toEqual({
      // autoscaling/v2 HPAScalingRules.tolerance arrived in Kubernetes 1.33 (alpha); the sandbox's
      // table accepts it, the 1.30 schema does not.
      missingUpstream: [
        'autoscaling/v2/HorizontalPodAutoscaler.spec.behavior.scaleUp.tolerance',
        'autoscaling/v2/HorizontalPodAutoscaler.spec.behavior.scaleDown.tolerance',
      ],
      refusedBySandbox: [],
      ignoredUnmarked: [],
      markedButRun: [],
    });
  });
});
