import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  applyVerb,
  parseManifests,
  type ParsedDocument,
} from '../../../sandbox/services/eks/manifest.ts';
import { parseCpuMilli, parseMemoryBytes } from '../../../sandbox/services/eks/quantity.ts';
import type {
  Deployment,
  HorizontalPodAutoscaler,
  Service,
} from '../../../sandbox/services/eks/types.ts';

const fixture = (name: string) =>
  readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

const WEB = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 4
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
          image: nginx:1.27
          resources:
            requests:
              cpu: 250m
              memory: 256Mi
`;

function only(text: string, file = 'web.yaml'): ParsedDocument {
  const r = parseManifests(text, file);
  expect(r.fileError).toBeNull();
  expect(r.documents).toHaveLength(1);
  return r.documents[0]!;
}
function errorOf(text: string, file = 'web.yaml'): string {
  const d = only(text, file);
  if (d.ok) throw new Error(`expected an error, got ${d.ref}`);
  return d.message;
}

describe('quantities', () => {
  it('parses CPU into millicores and memory into bytes, rounding up', () => {
    expect(parseCpuMilli('250m')).toBe(250);
    expect(parseCpuMilli(0.15)).toBe(150);
    expect(parseCpuMilli('2')).toBe(2000);
    expect(parseCpuMilli('0.0001')).toBe(1);
    expect(parseMemoryBytes('256Mi')).toBe(268_435_456);
    expect(parseMemoryBytes('1G')).toBe(1_000_000_000);
    expect(parseMemoryBytes('1e3')).toBe(1000);
    expect(parseMemoryBytes('12x')).toBeNull();
    expect(parseMemoryBytes('1.2.3Mi')).toBeNull();
  });
});

describe('kubectl apply: parsing a Deployment', () => {
  it('applies the API defaults', () => {
    const d = only(WEB);
    if (!d.ok) throw new Error(d.message);
    expect(d.ref).toBe('deployment.apps/web');
    const dep = d.object as Deployment;
    expect(dep.metadata).toEqual({
      name: 'web',
      namespace: 'default',
      labels: {},
      annotations: {},
    });
    expect(dep.spec.strategy).toEqual({
      type: 'RollingUpdate',
      maxSurge: '25%',
      maxUnavailable: '25%',
    });
    expect(dep.spec.revisionHistoryLimit).toBe(10);
    expect(dep.spec.progressDeadlineSeconds).toBe(600);
    expect(dep.spec.template.spec.restartPolicy).toBe('Always');
    expect(dep.spec.template.spec.terminationGracePeriodSeconds).toBe(30);
    expect(dep.spec.template.spec.containers[0]!.requests).toEqual({
      cpuMilli: 250,
      memoryBytes: 268_435_456,
    });
    expect(d.ignoredFields).toEqual([]);
  });

  it('defaults requests to limits, as the API server does', () => {
    const d = only(WEB.replace('requests:', 'limits:'));
    if (!d.ok) throw new Error(d.message);
    const c = (d.object as Deployment).spec.template.spec.containers[0]!;
    expect(c.requests).toEqual({ cpuMilli: 250, memoryBytes: 268_435_456 });
    expect(c.limits).toEqual({ cpuMilli: 250, memoryBytes: 268_435_456 });
  });

  it('refuses an unknown field with strict decoding wording', () => {
    expect(
      errorOf(
        WEB.replace('image: nginx:1.27', 'image: nginx:1.27\n          imagePullPolice: Always'),
      ),
    ).toBe(
      'Error from server (BadRequest): error when creating "web.yaml": Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.template.spec.containers[0].imagePullPolice"',
    );
  });

  it('lists every unknown field in document order', () => {
    const text = WEB.replace('  replicas: 4', '  replica: 4\n  matchLabels:\n    app: web');
    expect(errorOf(text)).toBe(
      'Error from server (BadRequest): error when creating "web.yaml": Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.replica", unknown field "spec.matchLabels"',
    );
  });

  it('reports a wrong type the way the Go decoder does', () => {
    expect(errorOf(WEB.replace('replicas: 4', 'replicas: "4"'))).toBe(
      'Error from server (BadRequest): error when creating "web.yaml": Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32',
    );
    expect(errorOf(WEB.replace('cpu: 250m', 'cpu: lots'))).toBe(
      'Error from server (BadRequest): error when creating "web.yaml": Deployment in version "v1" cannot be handled as a Deployment: quantities must match the regular expression \'^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$\'',
    );
  });

  it('refuses a selector that does not match the template labels', () => {
    expect(errorOf(WEB.replace('        app: web', '        app: webb'))).toBe(
      'The Deployment "web" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"webb"}: `selector` does not match template `labels`',
    );
  });

  it('lists several validation errors one per line', () => {
    const text = WEB.replace('image: nginx:1.27', 'image: ""').replace(
      '  selector:\n    matchLabels:\n      app: web\n',
      '',
    );
    expect(errorOf(text)).toBe(
      'The Deployment "web" is invalid: \n* spec.selector: Required value\n* spec.template.spec.containers[0].image: Required value',
    );
  });

  it('refuses maxSurge and maxUnavailable both 0', () => {
    const text = WEB.replace(
      '  replicas: 4\n',
      '  replicas: 4\n  strategy:\n    rollingUpdate:\n      maxSurge: 0\n      maxUnavailable: 0\n',
    );
    expect(errorOf(text)).toBe(
      'The Deployment "web" is invalid: spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:0, IntVal:0, StrVal:""}: may not be 0 when `maxSurge` is 0',
    );
    const percent = text.replace('maxUnavailable: 0', 'maxUnavailable: "0%"');
    expect(errorOf(percent)).toBe(
      'The Deployment "web" is invalid: spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:"0%"}: may not be 0 when `maxSurge` is 0',
    );
  });

  it('refuses a missing container list and a bad name', () => {
    const text = WEB.replace('name: web\nspec', 'name: Web_1\nspec').replace(
      / {6}containers:[\s\S]*$/,
      '      containers: []\n',
    );
    expect(errorOf(text)).toBe(
      `The Deployment "Web_1" is invalid: \n* metadata.name: Invalid value: "Web_1": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')\n* spec.template.spec.containers: Required value`,
    );
  });

  it('refuses a manifest without a name as kubectl apply does', () => {
    expect(errorOf(WEB.replace('  name: web\nspec', 'spec'))).toBe(
      [
        'error: error when retrieving current configuration of:',
        'Resource: "apps/v1, Resource=deployments", GroupVersionKind: "apps/v1, Kind=Deployment"',
        'Name: "", Namespace: "default"',
        'from server for: "web.yaml": resource name may not be empty',
      ].join('\n'),
    );
  });

  it('refuses a document without kind', () => {
    expect(errorOf('apiVersion: v1\nmetadata:\n  name: x\n')).toBe(
      'error: error validating "web.yaml": error validating data: kind not set; if you choose to ignore these errors, turn validation off with --validate=false',
    );
  });

  it('reports the fields it accepts without simulating', () => {
    const text = WEB.replace(
      '          image: nginx:1.27\n',
      '          image: nginx:1.27\n          env:\n            - name: A\n              value: "1"\n          imagePullPolicy: IfNotPresent\n',
    );
    const d = only(text);
    if (!d.ok) throw new Error(d.message);
    expect(d.ignoredFields).toEqual([
      'spec.template.spec.containers[0].env',
      'spec.template.spec.containers[0].imagePullPolicy',
    ]);
  });
});

describe('kubectl apply: created, configured, unchanged', () => {
  it('compares the new object with the stored one', () => {
    const first = only(WEB);
    const again = only(WEB);
    const scaled = only(WEB.replace('replicas: 4', 'replicas: 6'));
    if (!first.ok || !again.ok || !scaled.ok) throw new Error('parse failed');
    expect(applyVerb(undefined, first.object)).toBe('created');
    expect(applyVerb(first.object, again.object)).toBe('unchanged');
    expect(applyVerb(first.object, scaled.object)).toBe('configured');
  });
});

describe('kubectl apply: other kinds', () => {
  it('parses a LoadBalancer Service and defaults targetPort to port', () => {
    const d = only(
      'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  type: LoadBalancer\n  selector:\n    app: web\n  ports:\n    - port: 80\n',
    );
    if (!d.ok) throw new Error(d.message);
    expect(d.ref).toBe('service/web');
    expect((d.object as Service).spec).toEqual({
      type: 'LoadBalancer',
      selector: { app: 'web' },
      ports: [{ name: null, protocol: 'TCP', port: 80, targetPort: 80, nodePort: null }],
      clusterIP: null,
    });
  });

  it('refuses a Service without ports and one of an unknown type', () => {
    expect(
      errorOf('apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  type: Balancer\n'),
    ).toBe(
      'The Service "web" is invalid: \n* spec.type: Unsupported value: "Balancer": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"\n* spec.ports: Required value',
    );
  });

  it('gives an autoscaling/v2 HPA the default metric and behaviour', () => {
    const d = only(
      'apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: web\nspec:\n  scaleTargetRef:\n    apiVersion: apps/v1\n    kind: Deployment\n    name: web\n  maxReplicas: 10\n',
    );
    if (!d.ok) throw new Error(d.message);
    expect(d.ref).toBe('horizontalpodautoscaler.autoscaling/web');
    const h = d.object as HorizontalPodAutoscaler;
    expect(h.spec.minReplicas).toBe(1);
    expect(h.spec.metrics).toEqual([
      {
        type: 'Resource',
        resource: 'cpu',
        target: { type: 'Utilization', averageUtilization: 80 },
      },
    ]);
    expect(h.spec.behavior.scaleDown.stabilizationWindowSeconds).toBe(300);
    expect(h.spec.behavior.scaleUp.policies).toEqual([
      { type: 'Pods', value: 4, periodSeconds: 15 },
      { type: 'Percent', value: 100, periodSeconds: 15 },
    ]);
  });

  it('parses a PodDisruptionBudget, a Namespace, a ConfigMap and a DaemonSet', () => {
    const r = parseManifests(
      [
        'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: web\nspec:\n  minAvailable: 2\n  selector:\n    matchLabels:\n      app: web',
        'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop',
        'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\n  namespace: shop\ndata:\n  PORT: "8080"',
        'apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: agent\nspec:\n  selector:\n    matchLabels:\n      app: agent\n  template:\n    metadata:\n      labels:\n        app: agent\n    spec:\n      containers:\n        - name: agent\n          image: busybox:1.36',
      ].join('\n---\n'),
      'all.yaml',
    );
    expect(
      r.documents.map((d) => (d.ok ? `${d.ref} ${d.object.metadata.namespace}` : d.message)),
    ).toEqual([
      'poddisruptionbudget.policy/web default',
      'namespace/shop ',
      'configmap/cfg shop',
      'daemonset.apps/agent default',
    ]);
  });

  it('refuses a ConfigMap value that is not a string', () => {
    expect(
      errorOf(
        'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\ndata:\n  PORT: 8080\n',
        'cfg.yaml',
      ),
    ).toBe(
      'Error from server (BadRequest): error when creating "cfg.yaml": ConfigMap in version "v1" cannot be handled as a ConfigMap: json: cannot unmarshal number into Go struct field ConfigMap.data of type string',
    );
  });

  it('judges each document on its own and skips empty ones', () => {
    const r = parseManifests(
      `---\n${WEB}---\n# nothing\n---\n${WEB.replace('replicas: 4', 'replicas: -1')}`,
      'web.yaml',
    );
    expect(r.documents.map((d) => (d.ok ? d.ref : d.message))).toEqual([
      'deployment.apps/web',
      'The Deployment "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0',
    ]);
  });

  it('reads kind: List', () => {
    const r = parseManifests(
      'apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: Namespace\n    metadata:\n      name: a\n  - apiVersion: v1\n    kind: Namespace\n    metadata:\n      name: b\n',
    );
    expect(r.documents.map((d) => (d.ok ? d.ref : d.message))).toEqual([
      'namespace/a',
      'namespace/b',
    ]);
  });
});

describe('real manifests from public repositories', () => {
  it('applies the EKS Workshop retail store (aws-containers/retail-store-sample-app, deploy/kubernetes/deploy.yaml at 1e3afd4)', () => {
    const r = parseManifests(fixture('retail-store-deploy.yaml'), 'deploy.yaml');
    expect(r.fileError).toBeNull();
    const failed = r.documents.filter((d) => !d.ok);
    expect(failed).toEqual([]);
    const kinds: Record<string, number> = {};
    for (const d of r.documents) if (d.ok) kinds[d.object.kind] = (kinds[d.object.kind] ?? 0) + 1;
    expect(kinds).toEqual({
      Namespace: 7,
      ServiceAccount: 7,
      ConfigMap: 7,
      Secret: 2,
      Service: 12,
      Deployment: 11,
    });
    const ui = r.documents.find((d) => d.ok && d.ref === 'deployment.apps/ui');
    if (!ui?.ok) throw new Error('ui deployment missing');
    const c = (ui.object as Deployment).spec.template.spec.containers[0]!;
    expect(c.image).toBe('public.ecr.aws/aws-containers/retail-store-sample-ui:0.2.0');
    expect(c.requests).toEqual({ cpuMilli: 128, memoryBytes: 536_870_912 });
    expect(ui.ignoredFields).toContain(
      'spec.template.spec.containers[0].securityContext.capabilities',
    );
  });

  it('applies the guestbook (kubernetes/examples, web/guestbook/all-in-one/guestbook-all-in-one.yaml)', () => {
    const r = parseManifests(fixture('guestbook-all-in-one.yaml'), 'guestbook-all-in-one.yaml');
    expect(r.documents.map((d) => (d.ok ? d.ref : d.message))).toEqual([
      'service/redis-master',
      'deployment.apps/redis-master',
      'service/redis-replica',
      'deployment.apps/redis-replica',
      'service/frontend',
      'deployment.apps/frontend',
    ]);
  });

  it('applies an autoscaling/v2 HPA on a custom metric (kubernetes/examples, AI/vllm-deployment/hpa/horizontal-pod-autoscaler.yaml)', () => {
    const d = only(fixture('vllm-hpa.yaml'), 'hpa.yaml');
    if (!d.ok) throw new Error(d.message);
    const h = d.object as HorizontalPodAutoscaler;
    expect(h.spec.metrics).toEqual([{ type: 'Pods', name: 'vllm_num_requests_running' }]);
    expect(h.spec.behavior.scaleDown.stabilizationWindowSeconds).toBe(30);
    expect(d.ignoredFields).toEqual(['spec.metrics[0].pods']);
  });

  it('refuses a retired API version as kubectl does (kubernetes/examples, _archived/newrelic-infrastructure/newrelic-infra-daemonset.yaml)', () => {
    expect(errorOf(fixture('newrelic-daemonset-v1beta1.yaml'), 'newrelic.yaml')).toBe(
      'error: resource mapping not found for name: "newrelic-infra-agent" namespace: "" from "newrelic.yaml": no matches for kind "DaemonSet" in version "extensions/v1beta1"\nensure CRDs are installed first',
    );
  });
});

describe('hostile manifests are refused fast with a clear message', () => {
  const timed = (text: string) => {
    const start = performance.now();
    const r = parseManifests(text, 'bad.yaml');
    return { r, ms: performance.now() - start };
  };

  it('10,000 documents', () => {
    const text = Array.from(
      { length: 10_000 },
      (_, i) => `kind: ConfigMap\nmetadata:\n  name: c${i}`,
    ).join('\n---\n');
    const { r, ms } = timed(text);
    expect(r.documents).toEqual([]);
    expect(r.fileError).toBe(
      "error: bad.yaml: refused by the sandbox: more than 500 YAML documents (found 10000 '---' separated documents)",
    );
    expect(ms).toBeLessThan(500);
  });

  it('deep flow nesting (which would exhaust the YAML parser)', () => {
    const { r, ms } = timed(`a: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`);
    expect(r.fileError).toBe(
      'error: bad.yaml: refused by the sandbox: nesting deeper than 64 levels (line 1)',
    );
    expect(ms).toBeLessThan(500);
  });

  it('deep block nesting', () => {
    const { r } = timed(`${'- '.repeat(5_000)}x\n`);
    expect(r.fileError).toBe(
      'error: bad.yaml: refused by the sandbox: nesting deeper than 64 levels (line 1)',
    );
    let block = '';
    for (let i = 0; i < 100; i++) block += `${' '.repeat(i)}a:\n`;
    expect(timed(`${block}${' '.repeat(100)}b: 1\n`).r.fileError).toBe(
      'error: bad.yaml: refused by the sandbox: nesting deeper than 64 levels (document 1)',
    );
  });

  it('a billion-laughs alias bomb', () => {
    const rows = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (const [prev, next] of ['ab', 'bc', 'cd', 'de', 'ef', 'fg', 'gh', 'hi'].map((p) => [
      p[0],
      p[1],
    ]))
      rows.push(`${next}: &${next} [${Array(9).fill(`*${prev}`).join(',')}]`);
    const { r, ms } = timed(rows.join('\n'));
    expect(r.fileError).toBe(
      'error: bad.yaml: refused by the sandbox: document 1 expands more than 50 YAML aliases (an alias bomb)',
    );
    expect(ms).toBeLessThan(500);
  });

  it('a YAML syntax error keeps the documents before it', () => {
    const r = parseManifests(`${WEB}---\nkind: [\n`, 'web.yaml');
    expect(r.documents.map((d) => (d.ok ? d.ref : d.message))).toEqual(['deployment.apps/web']);
    expect(r.fileError).toMatch(
      /^error: error parsing web\.yaml: error converting YAML to JSON: yaml: line 2[45]: /,
    );
  });

  it('a duplicate key in go-yaml wording', () => {
    const r = parseManifests(
      WEB.replace('  replicas: 4\n', '  replicas: 4\n  replicas: 5\n'),
      'web.yaml',
    );
    expect(r.fileError).toBe(
      'error: error parsing web.yaml: error converting YAML to JSON: yaml: unmarshal errors:\n  line 7: key "replicas" already set in map',
    );
  });

  it('names that are JavaScript internals are ordinary names', () => {
    const d = only(
      WEB.replace('name: web\nspec', 'name: constructor\nspec')
        .replace('app: web', 'app: __proto__')
        .replace('app: web', 'app: __proto__'),
    );
    if (!d.ok) throw new Error(d.message);
    expect(d.ref).toBe('deployment.apps/constructor');
    expect((d.object as Deployment).spec.selector.matchLabels).toEqual({ app: '__proto__' });
  });
});
