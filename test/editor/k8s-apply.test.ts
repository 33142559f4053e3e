/**
 * The manifest editor's *Apply*: the action it hands the sandbox, kubectl's answer line by line,
 * and a marker at the line and field each refusal names. The sandbox here is a stand-in that
 * answers `k8s.apply` with the same pure parser the EKS module uses.
 */
import { describe, expect, it } from 'vitest';
import type { Action, ActionResult } from '@sandbox';
import {
  applyManifest as applyWith,
  entries,
  errorFields,
  MAX_LINE,
} from '../../src/lib/k8s-editor/apply-manifest.ts';
import { indexYamlDocuments, pathSegments } from '../../sandbox/services/eks/manifest-locate.ts';
import { MANIFEST_TEMPLATE, templatesFor } from '../../src/lib/editor/templates.ts';
import { applyVerb, parseManifests } from '../../sandbox/services/eks/manifest.ts';
import { parseYamlDocuments } from '../../sandbox/services/eks/manifest-yaml.ts';
import type { KubeObject, UnsimulatedObject } from '../../sandbox/services/eks/types.ts';

type ApplyAction = { type: 'k8s.apply'; documents: Record<string, unknown>[]; fileName: string };

/** A stand-in sandbox: kubectl apply over an object store, in kubectl's words. */
function fakeSandbox() {
  const store = new Map<string, KubeObject | UnsimulatedObject>();
  const actions: ApplyAction[] = [];
  const act = (action: Action): ActionResult => {
    const a = action as unknown as ApplyAction;
    actions.push(a);
    const text = a.documents.map((d) => JSON.stringify(d)).join('\n---\n');
    const lines = parseManifests(text, a.fileName).documents.map((d) => {
      if (!d.ok) return d.message;
      const key = `${d.object.metadata.namespace}/${d.ref}`;
      const verb = applyVerb(store.get(key), d.object);
      store.set(key, d.object);
      return `${d.ref} ${verb}`;
    });
    const ok = lines.every((l) => / (created|configured|unchanged)$/.test(l));
    return ok
      ? { ok, message: lines.join('\n'), command: `kubectl apply -f ${a.fileName}` }
      : { ok, error: lines.join('\n') };
  };
  return { act, actions };
}

const WEB = MANIFEST_TEMPLATE.text;
const applyManifest = (text: string, fileName: string, act: (a: Action) => ActionResult) =>
  applyWith({ parseManifests, parseYamlDocuments, indexYamlDocuments }, text, fileName, act);
const markersOf = (o: ReturnType<typeof applyManifest>) =>
  o.markers.map((m) => `${m.startLineNumber}:${m.startColumn}-${m.endColumn} ${m.message}`);

describe('Apply runs kubectl apply on the manifest', () => {
  it('hands the parsed documents to the sandbox and shows created, then unchanged, then configured', () => {
    const sandbox = fakeSandbox();
    const first = applyManifest(WEB, 'web.yaml', sandbox.act);
    expect(sandbox.actions).toHaveLength(1);
    expect(sandbox.actions[0]!.type).toBe('k8s.apply');
    expect(sandbox.actions[0]!.fileName).toBe('web.yaml');
    expect(sandbox.actions[0]!.documents.map((d) => d.kind)).toEqual(['Deployment', 'Service']);
    expect(first).toEqual({
      ok: true,
      lines: [
        { text: 'deployment.apps/web created', status: 'applied' },
        { text: 'service/web created', status: 'applied' },
      ],
      markers: [],
    });
    expect(applyManifest(WEB, 'web.yaml', sandbox.act).lines.map((l) => l.text)).toEqual([
      'deployment.apps/web unchanged',
      'service/web unchanged',
    ]);
    expect(
      applyManifest(WEB.replace('replicas: 3', 'replicas: 5'), 'web.yaml', sandbox.act).lines.map(
        (l) => l.text,
      ),
    ).toEqual(['deployment.apps/web configured', 'service/web unchanged']);
  });

  it('marks an unknown field at its key, with the API server strict decoding wording', () => {
    const text = WEB.replace(
      '          ports:',
      '          imagePullPolice: Always\n          ports:',
    );
    const outcome = applyManifest(text, 'web.yaml', fakeSandbox().act);
    const refusal =
      'Error from server (BadRequest): error when creating "web.yaml": Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.template.spec.containers[0].imagePullPolice"';
    expect(outcome.ok).toBe(false);
    expect(outcome.lines).toEqual([
      { text: refusal, status: 'refused' },
      { text: 'service/web created', status: 'applied' },
    ]);
    expect(markersOf(outcome)).toEqual([`18:11-26 ${refusal}`]);
  });

  it('marks each unknown field of a document separately', () => {
    const text = WEB.replace('  replicas: 3', '  replica: 3\n  paused: false\n  minReady: 5');
    expect(markersOf(applyManifest(text, 'web.yaml', fakeSandbox().act))).toEqual([
      '6:3-10 Error from server (BadRequest): error when creating "web.yaml": Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.replica"',
      '8:3-11 Error from server (BadRequest): error when creating "web.yaml": Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.minReady"',
    ]);
  });

  it('marks a selector that does not match the template labels at the labels', () => {
    const text = WEB.replace('      labels:\n        app: web', '      labels:\n        app: api');
    expect(markersOf(applyManifest(text, 'web.yaml', fakeSandbox().act))).toEqual([
      '12:7-13 The Deployment "web" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"api"}: `selector` does not match template `labels`',
    ]);
  });

  it('marks a missing required field at its parent, and several errors one marker each', () => {
    const text = WEB.replace('  selector:\n    matchLabels:\n      app: web\n', '').replace(
      'name: web\n          image',
      'name: Web\n          image',
    );
    expect(markersOf(applyManifest(text, 'web.yaml', fakeSandbox().act))).toEqual([
      '5:1-5 The Deployment "web" is invalid: spec.selector: Required value',
      "13:11-15 The Deployment \"web\" is invalid: spec.template.spec.containers[0].name: Invalid value: \"Web\": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
    ]);
  });

  it('marks a wrong type where the Go decoder names it', () => {
    const outcome = applyManifest(
      WEB.replace('replicas: 3', 'replicas: "3"'),
      'web.yaml',
      fakeSandbox().act,
    );
    expect(markersOf(outcome)).toEqual([
      '6:3-11 Error from server (BadRequest): error when creating "web.yaml": Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32',
    ]);
  });

  it('marks an unknown kind at its kind line', () => {
    const text = `${WEB}---\napiVersion: apps/v1\nkind: Deploymnt\nmetadata:\n  name: x\n`;
    const outcome = applyManifest(text, 'web.yaml', fakeSandbox().act);
    expect(markersOf(outcome)).toEqual([
      '38:1-5 error: resource mapping not found for name: "x" namespace: "" from "web.yaml": no matches for kind "Deploymnt" in version "apps/v1"\nensure CRDs are installed first',
    ]);
    expect(outcome.lines.map((l) => l.status)).toEqual(['applied', 'applied', 'refused']);
  });

  it('a YAML syntax error applies the documents before it and marks its line', () => {
    const sandbox = fakeSandbox();
    const outcome = applyManifest(`${WEB}---\nkind: [\n`, 'web.yaml', sandbox.act);
    expect(sandbox.actions[0]!.documents).toHaveLength(2);
    expect(outcome.lines.slice(0, 2).map((l) => l.text)).toEqual([
      'deployment.apps/web created',
      'service/web created',
    ]);
    const error =
      'error: error parsing web.yaml: error converting YAML to JSON: yaml: line 38: Flow sequence in block collection must be sufficiently indented and end with a ]';
    expect(outcome.lines[2]).toEqual({ text: error, status: 'refused' });
    expect(markersOf(outcome)).toEqual([`38:1-2 ${error}`]);
  });

  it('answers a document that is not an object itself, and sends the others', () => {
    const sandbox = fakeSandbox();
    const outcome = applyManifest(`just a string\n---\n${WEB}`, 'web.yaml', sandbox.act);
    expect(sandbox.actions[0]!.documents.map((d) => d.kind)).toEqual(['Deployment', 'Service']);
    expect(outcome.lines.map((l) => l.text)).toEqual([
      'deployment.apps/web created',
      'service/web created',
      'error: unable to decode "web.yaml": json: cannot unmarshal string into Go value of type struct { APIVersion string "json:\\"apiVersion,omitempty\\""; Kind string "json:\\"kind,omitempty\\"" }',
    ]);
    expect(outcome.markers.map((m) => m.startLineNumber)).toEqual([1]);
  });

  it('an empty file applies nothing', () => {
    const sandbox = fakeSandbox();
    expect(applyManifest('# nothing here\n---\n', 'web.yaml', sandbox.act)).toEqual({
      ok: false,
      lines: [{ text: 'error: no objects passed to apply', status: 'refused' }],
      markers: [],
    });
    expect(sandbox.actions).toEqual([]);
  });
});

describe('hostile manifests are refused before anything reaches the sandbox', () => {
  const refused = (text: string) => {
    const sandbox = fakeSandbox();
    const start = performance.now();
    const outcome = applyManifest(text, 'bad.yaml', sandbox.act);
    return { outcome, ms: performance.now() - start, actions: sandbox.actions };
  };

  it('10,000 documents', () => {
    const { outcome, ms, actions } = refused(
      Array.from({ length: 10_000 }, (_, i) => `kind: ConfigMap\nmetadata:\n  name: c${i}`).join(
        '\n---\n',
      ),
    );
    expect(actions).toEqual([]);
    expect(outcome.lines).toEqual([
      {
        text: "error: bad.yaml: refused by the sandbox: more than 500 YAML documents (found 10000 '---' separated documents)",
        status: 'refused',
      },
    ]);
    expect(markersOf(outcome)).toEqual([
      "1:1-16 error: bad.yaml: refused by the sandbox: more than 500 YAML documents (found 10000 '---' separated documents)",
    ]);
    expect(ms).toBeLessThan(500);
  });

  it('a billion-laughs alias bomb', () => {
    const rows = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (const [prev, next] of ['ab', 'bc', 'cd', 'de', 'ef', 'fg', 'gh', 'hi'])
      rows.push(`${next}: &${next} [${Array(9).fill(`*${prev}`).join(',')}]`);
    const { outcome, ms, actions } = refused(rows.join('\n'));
    expect(actions).toEqual([]);
    expect(outcome.lines.map((l) => l.text)).toEqual([
      'error: bad.yaml: refused by the sandbox: document 1 expands more than 50 YAML aliases (an alias bomb)',
    ]);
    expect(ms).toBeLessThan(500);
  });

  it('deep nesting', () => {
    const { outcome, actions } = refused(`a: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`);
    expect(actions).toEqual([]);
    expect(outcome.lines.map((l) => l.text)).toEqual([
      'error: bad.yaml: refused by the sandbox: nesting deeper than 64 levels (line 1)',
    ]);
  });

  it('a file over a megabyte', () => {
    const { outcome, ms, actions } = refused(`data:\n  big: "${'x'.repeat(2_000_000)}"\n`);
    expect(actions).toEqual([]);
    expect(outcome.lines.map((l) => l.text)).toEqual([
      'error: bad.yaml: refused by the sandbox: the file is larger than 1,000,000 bytes',
    ]);
    expect(ms).toBeLessThan(500);
  });

  it('a huge name is refused with its message cut to a readable length', () => {
    const name = 'a'.repeat(900_000);
    const { outcome, ms } = refused(WEB.replace('  name: web\nspec', `  name: ${name}\nspec`));
    const line = outcome.lines[0]!.text;
    expect(line.startsWith('The Deployment "aaaa')).toBe(true);
    expect(line.endsWith(' more characters)')).toBe(true);
    expect(line.length).toBeLessThan(MAX_LINE + 40);
    expect(outcome.markers.every((m) => m.message.length < MAX_LINE + 40)).toBe(true);
    expect(ms).toBeLessThan(2000);
  });
});

describe('reading the paths an error names', () => {
  it('splits a path into keys and indices', () => {
    expect(pathSegments('spec.template.spec.containers[0].ports[12].name')).toEqual([
      'spec',
      'template',
      'spec',
      'containers',
      0,
      'ports',
      12,
      'name',
    ]);
  });

  it('finds the fields of strict decoding, decoder and validation errors', () => {
    expect(
      errorFields(
        'The Deployment "web" is invalid: \n* spec.replicas: Invalid value: -1: must be greater than or equal to 0\n* spec.selector: Required value',
      ),
    ).toEqual([
      {
        path: 'spec.replicas',
        message:
          'The Deployment "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0',
      },
      {
        path: 'spec.selector',
        message: 'The Deployment "web" is invalid: spec.selector: Required value',
      },
    ]);
    expect(errorFields('error: error validating "x": error validating data: kind not set')).toEqual(
      [],
    );
  });

  it('keeps a multi-line error as one entry of the output', () => {
    expect(
      entries(
        'deployment.apps/web created\nThe Service "web" is invalid: \n* spec.ports: Required value\n* spec.type: Unsupported value: "Cluster": supported values: "ClusterIP"\nerror: resource mapping not found for name: "x" namespace: "" from "web.yaml": no matches for kind "X" in version "v1"\nensure CRDs are installed first\n',
      ),
    ).toEqual([
      'deployment.apps/web created',
      'The Service "web" is invalid: \n* spec.ports: Required value\n* spec.type: Unsupported value: "Cluster": supported values: "ClusterIP"',
      'error: resource mapping not found for name: "x" namespace: "" from "web.yaml": no matches for kind "X" in version "v1"\nensure CRDs are installed first',
    ]);
  });
});

describe('which documents a sandbox starts with', () => {
  it('a Kubernetes scenario gets the manifest only, an ECS one the task definition only', () => {
    expect(templatesFor({ id: 'eks-playground', orchestrator: 'eks' }).map((d) => d.name)).toEqual([
      'web.yaml',
    ]);
    expect(
      templatesFor({ id: 'x', orchestrator: 'none', allowedActions: ['k8s.apply'] }).map(
        (d) => d.language,
      ),
    ).toEqual(['yaml']);
    expect(
      templatesFor({ id: 'ecs-first-service', orchestrator: 'ecs' }).map((d) => d.language),
    ).toEqual(['json']);
  });
});

describe('the templates pull', () => {
  it('every image the editor templates name is in the sandbox catalogue', async () => {
    const { catalogueResolver } = await import('../../sandbox/services/eks/images.ts');
    const resolve = catalogueResolver();
    const images = [...MANIFEST_TEMPLATE.text.matchAll(/image:\s*(\S+)/g)].map((m) => m[1]!);
    expect(images).toEqual(['public.ecr.aws/nginx/nginx:1.27']);
    for (const image of images) expect(resolve(image).result).toBe('found');
  });
});
