/**
 * Real manifests from public repositories (test/fixtures/manifests/README.md names each source)
 * must pass the editor's schema without a marker and `kubectl apply` in the sandbox without a
 * refusal: fields the sandbox does not simulate are named as ignored, never refused.
 */
import { readFileSync } from 'node:fs';
import { TextDocument } from 'vscode-json-languageservice';
import { getLanguageService as getYamlService } from 'yaml-language-server';
import { describe, expect, it } from 'vitest';
import {
  K8S_MANIFEST_FILE_MATCH,
  K8S_MANIFEST_SCHEMA,
  K8S_MANIFEST_SCHEMA_URI,
} from '../../src/lib/k8s-schema/index.ts';
import { parseManifests } from '../../sandbox/services/eks/manifest.ts';
import * as parser from '../../sandbox/services/eks/manifest-editor.ts';
import { applyAction, createWorld, type Action, type World } from '../../sandbox/index.ts';
import { applyManifest } from '../../src/lib/k8s-editor/apply-manifest.ts';
import { scenarioFromYaml } from '../sandbox/helpers.ts';

const fixture = (name: string) =>
  readFileSync(new URL(`../fixtures/manifests/${name}`, import.meta.url), 'utf8');

const yaml = getYamlService({
  schemaRequestService: () => Promise.reject(new Error('offline')),
  workspaceContext: { resolveRelativePath: (p: string) => p },
} as never);
yaml.configure({
  validate: true,
  schemas: [
    {
      uri: K8S_MANIFEST_SCHEMA_URI,
      fileMatch: [K8S_MANIFEST_FILE_MATCH],
      schema: K8S_MANIFEST_SCHEMA as never,
    },
  ],
});

async function schemaMarkers(name: string): Promise<string[]> {
  const doc = TextDocument.create(
    `file:///fixtures/${name.replace(/\.yaml$/, '.k8s.yaml')}`,
    'yaml',
    1,
    fixture(name),
  );
  return (await yaml.doValidation(doc, false)).map(
    (d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message}`,
  );
}

/** What `kubectl apply -f <name>` takes: `ref (namespace)` per object, or the refusal. */
function applied(name: string) {
  const r = parseManifests(fixture(name), name);
  return {
    fileError: r.fileError,
    objects: r.documents.map((d) =>
      d.ok
        ? `${d.ref}${d.object.metadata.namespace ? ` (${d.object.metadata.namespace})` : ''}`
        : d.message,
    ),
    ignored: Object.fromEntries(
      r.documents
        .filter((d) => d.ok && d.ignoredFields.length > 0)
        .map((d) => [d.ok ? d.ref : '', d.ok ? d.ignoredFields : []]),
    ),
    simulated: r.documents.map((d) => (d.ok ? !('simulated' in d.object) : null)),
  };
}

describe('real manifests pass the schema and kubectl apply', () => {
  it('kubernetes/examples guestbook (all in one)', async () => {
    expect(await schemaMarkers('guestbook-all-in-one.yaml')).toEqual([]);
    const a = applied('guestbook-all-in-one.yaml');
    expect(a.fileError).toBeNull();
    expect(a.objects).toEqual([
      'service/redis-master (default)',
      'deployment.apps/redis-master (default)',
      'service/redis-replica (default)',
      'deployment.apps/redis-replica (default)',
      'service/frontend (default)',
      'deployment.apps/frontend (default)',
    ]);
    expect(a.ignored).toEqual({
      'deployment.apps/redis-replica': ['spec.template.spec.containers[0].env'],
      'deployment.apps/frontend': ['spec.template.spec.containers[0].env'],
    });
  });

  it('the EKS Workshop sample application (retail store, 46 objects)', async () => {
    expect(await schemaMarkers('retail-store-deploy.yaml')).toEqual([]);
    const a = applied('retail-store-deploy.yaml');
    expect(a.fileError).toBeNull();
    expect(a.objects).toHaveLength(46);
    const kinds: Record<string, number> = {};
    for (const o of a.objects) {
      const kind = o.slice(0, o.indexOf('/'));
      kinds[kind] = (kinds[kind] ?? 0) + 1;
    }
    expect(kinds).toEqual({
      namespace: 7,
      serviceaccount: 7,
      configmap: 7,
      secret: 2,
      service: 12,
      'deployment.apps': 11,
    });
    expect(a.objects.filter((o) => o.startsWith('deployment.apps/ui'))).toEqual([
      'deployment.apps/ui (ui)',
    ]);
    expect(a.ignored['deployment.apps/ui']).toEqual([
      'spec.template.spec.containers[0].env',
      'spec.template.spec.containers[0].envFrom',
      'spec.template.spec.containers[0].imagePullPolicy',
      'spec.template.spec.containers[0].securityContext.capabilities',
      'spec.template.spec.containers[0].securityContext.readOnlyRootFilesystem',
      'spec.template.spec.containers[0].securityContext.runAsNonRoot',
      'spec.template.spec.containers[0].securityContext.runAsUser',
      'spec.template.spec.containers[0].volumeMounts',
      'spec.template.spec.securityContext',
      'spec.template.spec.serviceAccountName',
      'spec.template.spec.volumes',
    ]);
  });

  it('the EKS Workshop ui Deployment, Service and ConfigMap', async () => {
    for (const name of [
      'eks-workshop-ui-deployment.yaml',
      'eks-workshop-ui-service.yaml',
      'eks-workshop-ui-configmap.yaml',
    ])
      expect(await schemaMarkers(name), name).toEqual([]);
    expect(applied('eks-workshop-ui-deployment.yaml').ignored).toEqual({
      'deployment.apps/ui': [
        'spec.template.spec.serviceAccountName',
        'spec.template.spec.securityContext',
        'spec.template.spec.containers[0].env',
        'spec.template.spec.containers[0].envFrom',
        'spec.template.spec.containers[0].securityContext.capabilities',
        'spec.template.spec.containers[0].securityContext.readOnlyRootFilesystem',
        'spec.template.spec.containers[0].securityContext.runAsNonRoot',
        'spec.template.spec.containers[0].securityContext.runAsUser',
        'spec.template.spec.containers[0].imagePullPolicy',
        'spec.template.spec.containers[0].volumeMounts',
        'spec.template.spec.volumes',
      ],
    });
    expect(applied('eks-workshop-ui-service.yaml').objects).toEqual(['service/ui (default)']);
    expect(applied('eks-workshop-ui-configmap.yaml').objects).toEqual(['configmap/ui (default)']);
  });

  it('the EKS Workshop HPA is autoscaling/v1: stored, not run', async () => {
    expect(await schemaMarkers('eks-workshop-hpa-v1.yaml')).toEqual([]);
    const a = applied('eks-workshop-hpa-v1.yaml');
    expect(a.objects).toEqual(['horizontalpodautoscaler.autoscaling/ui (ui)']);
    expect(a.simulated).toEqual([false]);
  });

  it('the EKS Workshop over-provisioning pause pods', async () => {
    expect(await schemaMarkers('eks-workshop-pause-pods.yaml')).toEqual([]);
    expect(applied('eks-workshop-pause-pods.yaml')).toEqual({
      fileError: null,
      objects: ['deployment.apps/pause-pods (other)'],
      ignored: { 'deployment.apps/pause-pods': ['spec.template.spec.priorityClassName'] },
      simulated: [true],
    });
  });

  it("AWS's Cluster Autoscaler example (kubernetes/autoscaler, auto-discovery)", async () => {
    expect(await schemaMarkers('cluster-autoscaler-autodiscover.yaml')).toEqual([]);
    const a = applied('cluster-autoscaler-autodiscover.yaml');
    expect(a.objects).toEqual([
      'serviceaccount/cluster-autoscaler (kube-system)',
      'clusterrole.rbac.authorization.k8s.io/cluster-autoscaler',
      'role.rbac.authorization.k8s.io/cluster-autoscaler (kube-system)',
      'clusterrolebinding.rbac.authorization.k8s.io/cluster-autoscaler',
      'rolebinding.rbac.authorization.k8s.io/cluster-autoscaler (kube-system)',
      'deployment.apps/cluster-autoscaler (kube-system)',
    ]);
    expect(a.simulated).toEqual([false, false, false, false, false, true]);
    expect(a.ignored).toEqual({
      'deployment.apps/cluster-autoscaler': [
        'spec.template.spec.priorityClassName',
        'spec.template.spec.securityContext',
        'spec.template.spec.serviceAccountName',
        'spec.template.spec.containers[0].command',
        'spec.template.spec.containers[0].volumeMounts',
        'spec.template.spec.containers[0].imagePullPolicy',
        'spec.template.spec.volumes',
      ],
    });
  });

  it('the Kubernetes documentation: HPA walkthrough, DaemonSet, PodDisruptionBudget', async () => {
    for (const name of [
      'k8s-website-php-apache.yaml',
      'k8s-website-php-apache-hpa.yaml',
      'k8s-website-daemonset.yaml',
      'k8s-website-zookeeper-pdb.yaml',
    ])
      expect(await schemaMarkers(name), name).toEqual([]);
    expect(applied('k8s-website-php-apache.yaml').objects).toEqual([
      'deployment.apps/php-apache (default)',
      'service/php-apache (default)',
    ]);
    expect(applied('k8s-website-php-apache-hpa.yaml').objects).toEqual([
      'horizontalpodautoscaler.autoscaling/php-apache (default)',
    ]);
    expect(applied('k8s-website-daemonset.yaml')).toEqual({
      fileError: null,
      objects: ['daemonset.apps/fluentd-elasticsearch (kube-system)'],
      ignored: {
        'daemonset.apps/fluentd-elasticsearch': [
          'spec.template.spec.containers[0].volumeMounts',
          'spec.template.spec.volumes',
        ],
      },
      simulated: [true],
    });
    expect(applied('k8s-website-zookeeper-pdb.yaml').objects).toEqual([
      'poddisruptionbudget.policy/zk-pdb (default)',
    ]);
  });
});

/** A world with an ACTIVE cluster (kubeconfig done) and two nodes, as a lesson would start. */
function clusterWorld(namespaces: string[] = []): World {
  return createWorld(
    scenarioFromYaml(`id: editor-real-manifests-playground
title: t
orchestrator: eks
seed: 3
duration: 3600
goals: []
solution: []
initial:
  eks:
    clusters: [{ name: demo }]
    nodegroups: [{ cluster: demo, name: general, instanceType: m5.large, min: 2, desired: 2, max: 2 }]
${
  namespaces.length > 0
    ? `    manifests:
      - cluster: demo
        yaml: |
${namespaces.map((n) => `          apiVersion: v1\n          kind: Namespace\n          metadata: { name: ${n} }`).join('\n          ---\n')}`
    : ''
}`),
  );
}

/** The editor's Apply against the real engine: kubectl's answer, line by line. */
function applyInEngine(world: World, name: string) {
  let w = world;
  const outcome = applyManifest(parser, fixture(name), name, (action: Action) => {
    const r = applyAction(w, action);
    w = r.world;
    return r.result;
  });
  return { outcome, world: w };
}

describe('real manifests applied in the sandbox from the editor', () => {
  it('the guestbook: six objects created, the ignored env named', () => {
    const { outcome } = applyInEngine(clusterWorld(), 'guestbook-all-in-one.yaml');
    expect(outcome.ok).toBe(true);
    expect(outcome.markers).toEqual([]);
    expect(outcome.lines).toEqual([
      { text: 'service/redis-master created', status: 'applied' },
      { text: 'deployment.apps/redis-master created', status: 'applied' },
      { text: 'service/redis-replica created', status: 'applied' },
      { text: 'deployment.apps/redis-replica created', status: 'applied' },
      { text: 'service/frontend created', status: 'applied' },
      { text: 'deployment.apps/frontend created', status: 'applied' },
      {
        text: '(sandbox: accepted but not simulated: spec.template.spec.containers[0].env)',
        status: 'note',
      },
    ]);
  });

  it('applying the same file again says unchanged', () => {
    const first = applyInEngine(clusterWorld(), 'k8s-website-php-apache.yaml');
    const again = applyInEngine(first.world, 'k8s-website-php-apache.yaml');
    expect(again.outcome.lines.map((l) => l.text)).toEqual([
      'deployment.apps/php-apache unchanged',
      'service/php-apache unchanged',
    ]);
  });

  it('the EKS Workshop retail store: every object created in its own namespace', () => {
    const { outcome } = applyInEngine(clusterWorld(), 'retail-store-deploy.yaml');
    expect(outcome.markers).toEqual([]);
    expect(outcome.lines.filter((l) => l.status === 'refused')).toEqual([]);
    expect(outcome.lines.filter((l) => l.status === 'applied')).toHaveLength(46);
    expect(outcome.lines[0]).toEqual({ text: 'namespace/assets created', status: 'applied' });
  });

  it("AWS's Cluster Autoscaler example into kube-system", () => {
    const { outcome } = applyInEngine(clusterWorld(), 'cluster-autoscaler-autodiscover.yaml');
    expect(outcome.lines.map((l) => `${l.status} ${l.text}`)).toEqual([
      'applied serviceaccount/cluster-autoscaler created',
      'applied clusterrole.rbac.authorization.k8s.io/cluster-autoscaler created',
      'applied role.rbac.authorization.k8s.io/cluster-autoscaler created',
      'applied clusterrolebinding.rbac.authorization.k8s.io/cluster-autoscaler created',
      'applied rolebinding.rbac.authorization.k8s.io/cluster-autoscaler created',
      'applied deployment.apps/cluster-autoscaler created',
      'note (sandbox: accepted but not simulated: spec.template.spec.containers[0].command, spec.template.spec.containers[0].imagePullPolicy, spec.template.spec.containers[0].volumeMounts, spec.template.spec.priorityClassName, spec.template.spec.securityContext, spec.template.spec.serviceAccountName, spec.template.spec.volumes)',
    ]);
  });

  it('a manifest for a namespace that does not exist is refused as the API server does', () => {
    const { outcome } = applyInEngine(clusterWorld(), 'eks-workshop-pause-pods.yaml');
    expect(outcome.lines).toEqual([
      {
        text: 'Error from server (NotFound): error when creating "eks-workshop-pause-pods.yaml": namespaces "other" not found',
        status: 'refused',
      },
    ]);
    const withNamespace = applyInEngine(clusterWorld(['other']), 'eks-workshop-pause-pods.yaml');
    expect(withNamespace.outcome.lines.map((l) => l.text)).toEqual([
      'deployment.apps/pause-pods created',
      '(sandbox: accepted but not simulated: spec.template.spec.priorityClassName)',
    ]);
  });

  it('every other fixture applies with no refusal', () => {
    for (const name of [
      'eks-workshop-ui-deployment.yaml',
      'eks-workshop-ui-service.yaml',
      'eks-workshop-ui-configmap.yaml',
      'k8s-website-php-apache-hpa.yaml',
      'k8s-website-daemonset.yaml',
      'k8s-website-zookeeper-pdb.yaml',
    ]) {
      const { outcome } = applyInEngine(clusterWorld(['ui']), name);
      expect(
        outcome.lines.filter((l) => l.status !== 'note').map((l) => `${l.status} ${l.text}`),
        name,
      ).toEqual(
        parseManifests(fixture(name), name).documents.map(
          (d) => `applied ${d.ok ? d.ref : ''} created`,
        ),
      );
    }
    const hpa = applyInEngine(clusterWorld(['ui']), 'eks-workshop-hpa-v1.yaml');
    expect(hpa.outcome.lines.map((l) => l.text)).toEqual([
      'horizontalpodautoscaler.autoscaling/ui created',
    ]);
  });
});
