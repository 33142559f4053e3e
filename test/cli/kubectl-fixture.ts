/**
 * A cluster state written by hand (names, times, states chosen for the output snapshots), put
 * into an ACTIVE cluster `demo` that the engine created and the kubeconfig names. Read-only
 * commands print it; the expected texts in kubectl-output.test.ts follow kubectl's formats.
 * Sim time is 3600 s (10:00:00 UTC on 2026-01-05).
 */
import type { World } from '../../sandbox/index.ts';
import { kubernetesService } from '../../sandbox/services/eks/k8s-system.ts';
import { ec2Node, podFromTemplate } from '../../sandbox/services/eks/objects.ts';
import type { ContainerStatus, KubeEvent, PodTemplate } from '../../sandbox/services/eks/types.ts';
import type { EksNode, EksPod, KubeState } from '../../sandbox/services/eks/world.ts';
import { eksCluster } from './eks-worlds.ts';

export const NOW = 3600;
export const N1 = 'ip-10-0-1-23.eu-west-3.compute.internal';
export const N2 = 'ip-10-0-2-45.eu-west-3.compute.internal';
const MI = 2 ** 20;

function node(
  name: string,
  type: string,
  zone: string,
  ip: string,
  created: number,
  id: string,
): EksNode {
  const n = ec2Node({
    name,
    instanceType: type,
    zone,
    region: 'eu-west-3',
    instanceId: id,
    internalIP: ip,
    now: created,
    kubeletVersion: 'v1.31.0-eks-a737599',
    labels: { 'eks.amazonaws.com/nodegroup': 'ng-1' },
  })!;
  return {
    ...n,
    lastHeartbeat: NOW - 5,
    origin: 'managed',
    nodegroup: 'ng-1',
    az: zone,
    instanceType: type,
    fargatePod: null,
    fargate: null,
    images: [],
    gone: false,
  };
}

const TEMPLATE: PodTemplate = {
  labels: { app: 'web' },
  annotations: {},
  spec: {
    containers: [
      {
        name: 'web',
        image: 'nginx:1.27',
        requests: { cpuMilli: 250, memoryBytes: 256 * MI },
        limits: { cpuMilli: null, memoryBytes: 512 * MI },
        ports: [{ containerPort: 80, hostPort: null, protocol: 'TCP', name: null }],
        privileged: false,
        livenessProbe: null,
        readinessProbe: null,
        startupProbe: null,
      },
    ],
    initContainers: [],
    restartPolicy: 'Always',
    terminationGracePeriodSeconds: 30,
    nodeSelector: {},
    nodeAffinity: null,
    tolerations: [],
    topologySpreadConstraints: [],
    hostNetwork: false,
    nodeName: null,
    priority: 0,
  },
};

function pod(
  name: string,
  namespace: string,
  opts: {
    node: string | null;
    ip: string | null;
    created: number;
    status: ContainerStatus | null;
    cpu: number;
    owner: string;
  },
): EksPod {
  const p = podFromTemplate(TEMPLATE, {
    name,
    namespace,
    uid: `uid-${name}`,
    now: opts.created,
    owner: { kind: 'ReplicaSet', name: opts.owner },
    labels: { 'pod-template-hash': opts.owner.slice(opts.owner.lastIndexOf('-') + 1) },
  });
  p.spec.nodeName = opts.node;
  p.status.podIP = opts.ip;
  if (opts.status) {
    p.status.phase = 'Running';
    p.status.startTime = opts.created + 5;
    p.status.containerStatuses = [opts.status];
  }
  return {
    ...p,
    runtime: {
      state: opts.status ? 'Running' : 'Pending',
      machine: {
        restartPolicy: 'Always',
        gracePeriodSeconds: 30,
        syncSeconds: 1,
        restartCount: opts.status?.restartCount ?? 0,
        crashes: 0,
        pullFailures: 0,
        lastTermination: null,
        pullError: null,
        evictionMessage: null,
      },
      nextTransitionAt: null,
      exitAt: null,
      readyAt: null,
      pullAt: null,
      stopAt: null,
      fargateAt: null,
      startedAt: null,
      lastExitAt: null,
      nodeNotReady: false,
      unsupported: null,
      lastDecision: null,
      pendingSince: null,
      cpuUsageMilli: opts.cpu,
      fargateProfile: null,
      revision: 1,
    },
  };
}

const running = (started: number): ContainerStatus => ({
  name: 'web',
  image: 'nginx:1.27',
  ready: true,
  restartCount: 0,
  state: { state: 'running', startedAt: started },
  lastState: null,
});

const event = (e: Omit<KubeEvent, 'count'> & { count?: number }): KubeEvent => ({ count: 1, ...e });

export function kubeState(clusterCreatedAt: number): KubeState {
  const pods: EksPod[] = [
    pod('web-7d9f8c6b5-x2n4q', 'default', {
      node: N1,
      ip: '10.0.1.50',
      created: 1200,
      status: running(1210),
      cpu: 212,
      owner: 'web-7d9f8c6b5',
    }),
    pod('web-7d9f8c6b5-pq5vt', 'default', {
      node: N1,
      ip: '10.0.1.51',
      created: 1200,
      status: running(1212),
      cpu: 180,
      owner: 'web-7d9f8c6b5',
    }),
    pod('web-7d9f8c6b5-b8kzp', 'default', {
      node: N2,
      ip: '10.0.2.60',
      created: 1200,
      cpu: 0,
      owner: 'web-7d9f8c6b5',
      status: {
        name: 'web',
        image: 'nginx:1.27',
        ready: false,
        restartCount: 5,
        state: {
          state: 'waiting',
          reason: 'CrashLoopBackOff',
          message: 'back-off 2m40s restarting failed container=web',
        },
        lastState: {
          state: 'terminated',
          reason: 'Error',
          exitCode: 1,
          startedAt: 3550,
          finishedAt: 3558,
        },
      },
    }),
    pod('api-6b7c9d8f4-zz9kq', 'shop', {
      node: null,
      ip: null,
      created: 3500,
      status: null,
      cpu: 0,
      owner: 'api-6b7c9d8f4',
    }),
  ];
  const web = {
    apiVersion: 'apps/v1' as const,
    kind: 'Deployment' as const,
    metadata: { name: 'web', namespace: 'default', labels: { app: 'web' }, annotations: {} },
    spec: {
      replicas: 3,
      selector: { matchLabels: { app: 'web' }, matchExpressions: [] },
      template: TEMPLATE,
      strategy: { type: 'RollingUpdate' as const, maxSurge: '25%', maxUnavailable: '25%' },
      minReadySeconds: 0,
      revisionHistoryLimit: 10,
      progressDeadlineSeconds: 600,
      paused: false,
    },
  };
  return {
    namespaces: {
      default: {
        object: {
          apiVersion: 'v1',
          kind: 'Namespace',
          metadata: { name: 'default', namespace: '', labels: {}, annotations: {} },
        },
        createdAt: clusterCreatedAt,
      },
      'kube-node-lease': {
        object: {
          apiVersion: 'v1',
          kind: 'Namespace',
          metadata: { name: 'kube-node-lease', namespace: '', labels: {}, annotations: {} },
        },
        createdAt: clusterCreatedAt,
      },
      'kube-public': {
        object: {
          apiVersion: 'v1',
          kind: 'Namespace',
          metadata: { name: 'kube-public', namespace: '', labels: {}, annotations: {} },
        },
        createdAt: clusterCreatedAt,
      },
      'kube-system': {
        object: {
          apiVersion: 'v1',
          kind: 'Namespace',
          metadata: { name: 'kube-system', namespace: '', labels: {}, annotations: {} },
        },
        createdAt: clusterCreatedAt,
      },
      shop: {
        object: {
          apiVersion: 'v1',
          kind: 'Namespace',
          metadata: { name: 'shop', namespace: '', labels: {}, annotations: {} },
        },
        createdAt: 3000,
      },
    },
    deployments: {
      'default/web': {
        object: web,
        generation: 1,
        revision: 1,
        lastProgressAt: 1300,
        progressing: 'NewReplicaSetAvailable',
        completedAt: 1300,
        templateHash: '7d9f8c6b5',
        progressMark: '',
        history: [{ revision: 1, replicaSet: 'web-7d9f8c6b5', changeCause: null }],
        createdAt: 1200,
      },
    },
    replicaSets: {
      'default/web-7d9f8c6b5': {
        metadata: {
          name: 'web-7d9f8c6b5',
          namespace: 'default',
          labels: { app: 'web', 'pod-template-hash': '7d9f8c6b5' },
          annotations: {},
          creationTime: 1200,
          owner: { kind: 'Deployment', name: 'web' },
          revision: 1,
        },
        spec: { replicas: 3, selector: web.spec.selector, template: TEMPLATE },
        status: { replicas: 3, readyReplicas: 2, availableReplicas: 2 },
      },
    },
    pods: Object.fromEntries(pods.map((p) => [`${p.metadata.namespace}/${p.metadata.name}`, p])),
    services: {
      'default/kubernetes': kubernetesService(clusterCreatedAt),
      'default/web': {
        object: {
          apiVersion: 'v1',
          kind: 'Service',
          metadata: { name: 'web', namespace: 'default', labels: {}, annotations: {} },
          spec: {
            type: 'LoadBalancer',
            selector: { app: 'web' },
            ports: [{ name: null, protocol: 'TCP', port: 80, targetPort: 80, nodePort: 31380 }],
            clusterIP: null,
          },
        },
        createdAt: 1200,
        clusterIP: '10.100.12.34',
        endpoints: ['default/web-7d9f8c6b5-x2n4q', 'default/web-7d9f8c6b5-pq5vt'],
        loadBalancerHostname: 'a1b2c3d4e5f6-1234567890.eu-west-3.elb.amazonaws.com',
      },
    },
    hpas: {
      'default/web': {
        object: {
          apiVersion: 'autoscaling/v2',
          kind: 'HorizontalPodAutoscaler',
          metadata: { name: 'web', namespace: 'default', labels: {}, annotations: {} },
          spec: {
            scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' },
            minReplicas: 2,
            maxReplicas: 10,
            metrics: [
              {
                type: 'Resource',
                resource: 'cpu',
                target: { type: 'Utilization', averageUtilization: 50 },
              },
            ],
            behavior: {
              scaleUp: { stabilizationWindowSeconds: 0, selectPolicy: 'Max', policies: [] },
              scaleDown: { stabilizationWindowSeconds: 300, selectPolicy: 'Max', policies: [] },
            },
          },
        },
        createdAt: 1800,
        lastSyncAt: 3585,
        lastScaleAt: null,
        currentReplicas: 3,
        desiredReplicas: 3,
        currentUtilization: 85,
        recommendations: [],
        scaleEvents: [],
        condition: null,
      },
    },
    pdbs: {},
    daemonSets: {},
    configMaps: {},
    other: {},
    nodes: {
      [N1]: node(N1, 't3.medium', 'eu-west-3a', '10.0.1.23', 600, 'i-0a1b2c3d4e5f60001'),
      [N2]: {
        ...node(N2, 'm5.large', 'eu-west-3b', '10.0.2.45', 900, 'i-0a1b2c3d4e5f60002'),
        unschedulable: true,
      },
    },
    events: [
      event({
        type: 'Normal',
        reason: 'Scheduled',
        object: 'pod/web-7d9f8c6b5-x2n4q',
        namespace: 'default',
        source: 'default-scheduler',
        message: `Successfully assigned default/web-7d9f8c6b5-x2n4q to ${N1}`,
        firstTimestamp: 1200,
        lastTimestamp: 1200,
      }),
      event({
        type: 'Normal',
        reason: 'ScalingReplicaSet',
        object: 'deployment/web',
        namespace: 'default',
        source: 'deployment-controller',
        message: 'Scaled up replica set web-7d9f8c6b5 to 3',
        firstTimestamp: 1200,
        lastTimestamp: 1200,
      }),
      event({
        type: 'Warning',
        reason: 'BackOff',
        object: 'pod/web-7d9f8c6b5-b8kzp',
        namespace: 'default',
        source: 'kubelet',
        message:
          'Back-off restarting failed container web in pod web-7d9f8c6b5-b8kzp_default(uid-web-7d9f8c6b5-b8kzp)',
        firstTimestamp: 1500,
        lastTimestamp: 3590,
        count: 12,
      }),
      event({
        type: 'Warning',
        reason: 'FailedScheduling',
        object: 'pod/api-6b7c9d8f4-zz9kq',
        namespace: 'shop',
        source: 'default-scheduler',
        message:
          '0/2 nodes are available: 1 Insufficient cpu, 1 node(s) were unschedulable. preemption: 0/2 nodes are available: 1 No preemption victims found for incoming pod, 1 Preemption is not helpful for scheduling.',
        firstTimestamp: 3500,
        lastTimestamp: 3500,
      }),
    ],
  };
}

/** The hand-written state in cluster `demo`, at sim time 3600. */
export function fixtureWorld(): World {
  const base = eksCluster();
  const eks = base.eks!;
  const created = eks.clusters['demo']!.createdAt;
  return { ...base, time: NOW, eks: { ...eks, kube: { ...eks.kube, demo: kubeState(created) } } };
}
