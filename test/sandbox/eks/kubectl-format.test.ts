import { describe, expect, it } from 'vitest';
import {
  deploymentsTable,
  describePod,
  eventsBlock,
  eventsTable,
  hpaTable,
  humanDuration,
  namespacesTable,
  nodesTable,
  podStatus,
  podsTable,
  recordEvent,
  replicaSetsTable,
  servicesTable,
  type ServiceRow,
} from '../../../sandbox/services/eks/kubectl-format.ts';
import { parseManifests } from '../../../sandbox/services/eks/manifest.ts';
import type {
  Deployment,
  HorizontalPodAutoscaler,
  KubeEvent,
  Namespace,
  Pod,
  ReplicaSet,
  Service,
} from '../../../sandbox/services/eks/types.ts';
import { node, pod } from './helpers.ts';

const NOW = 10_000;

function crashing(): Pod {
  const p = pod('web-7d9f8c6b5-x2n4q', 250, 256, {}, { app: 'web' });
  p.metadata.creationTime = NOW - 240;
  p.metadata.owner = { kind: 'ReplicaSet', name: 'web-7d9f8c6b5' };
  p.spec.nodeName = 'ip-10-0-1-23.eu-west-3.compute.internal';
  p.status = {
    phase: 'Running',
    reason: null,
    message: null,
    podIP: '10.0.1.57',
    startTime: NOW - 238,
    containerStatuses: [
      {
        name: 'app',
        image: 'nginx:1.27',
        ready: false,
        restartCount: 5,
        state: {
          state: 'waiting',
          reason: 'CrashLoopBackOff',
          message: 'back-off 2m40s restarting failed container=app',
        },
        lastState: {
          state: 'terminated',
          reason: 'OOMKilled',
          exitCode: 137,
          startedAt: NOW - 50,
          finishedAt: NOW - 42,
        },
      },
    ],
  };
  return p;
}

describe('AGE as kubectl prints it', () => {
  it('follows duration.HumanDuration', () => {
    const cases: [number, string][] = [
      [-5, '<invalid>'],
      [-1, '0s'],
      [0, '0s'],
      [119, '119s'],
      [120, '2m'],
      [150, '2m30s'],
      [599, '9m59s'],
      [600, '10m'],
      [10_799, '179m'],
      [10_800, '3h'],
      [12_000, '3h20m'],
      [28_800, '8h'],
      [47 * 3600, '47h'],
      [48 * 3600, '2d'],
      [76 * 3600, '3d4h'],
      [8 * 86400, '8d'],
      [400 * 86400, '400d'],
      [730 * 86400, '2y'],
      [733 * 86400, '2y3d'],
      [9 * 365 * 86400, '9y'],
    ];
    expect(cases.map(([s]) => humanDuration(s))).toEqual(cases.map(([, t]) => t));
  });
});

describe('kubectl get', () => {
  it('pods, with RESTARTS (ago) and -o wide', () => {
    const pending = pod('web-7d9f8c6b5-k8v2m', 250, 256);
    pending.metadata.creationTime = NOW - 5;
    expect(podsTable([crashing(), pending], NOW)).toBe(
      [
        'NAME                  READY   STATUS             RESTARTS      AGE',
        'web-7d9f8c6b5-x2n4q   0/1     CrashLoopBackOff   5 (42s ago)   4m',
        'web-7d9f8c6b5-k8v2m   0/1     Pending            0             5s',
      ].join('\n'),
    );
    expect(podsTable([crashing()], NOW, { wide: true, allNamespaces: true })).toBe(
      [
        'NAMESPACE   NAME                  READY   STATUS             RESTARTS      AGE   IP          NODE                                      NOMINATED NODE   READINESS GATES',
        'default     web-7d9f8c6b5-x2n4q   0/1     CrashLoopBackOff   5 (42s ago)   4m    10.0.1.57   ip-10-0-1-23.eu-west-3.compute.internal   <none>           <none>',
      ].join('\n'),
    );
  });

  it('derives STATUS as kubectl does: Evicted, Terminating, a terminated reason, ExitCode', () => {
    const p = crashing();
    p.status.reason = 'Evicted';
    p.status.phase = 'Failed';
    p.status.containerStatuses = [];
    expect(podStatus(p)).toBe('Evicted');
    const t = crashing();
    t.metadata.deletionTime = NOW;
    expect(podStatus(t)).toBe('Terminating');
    const oom = crashing();
    oom.status.containerStatuses[0]!.state = {
      state: 'terminated',
      reason: 'OOMKilled',
      exitCode: 137,
      startedAt: 0,
      finishedAt: 1,
    };
    expect(podStatus(oom)).toBe('OOMKilled');
    oom.status.containerStatuses[0]!.state = {
      state: 'terminated',
      reason: '',
      exitCode: 2,
      startedAt: 0,
      finishedAt: 1,
    };
    expect(podStatus(oom)).toBe('ExitCode:2');
  });

  it('nodes, including a cordoned one, and -o wide', () => {
    const a = {
      ...node('ip-10-0-1-23.eu-west-3.compute.internal', 1930, 3554),
      creationTime: NOW - 300,
    };
    const b = {
      ...node('ip-10-0-2-7.eu-west-3.compute.internal', 1930, 3554),
      creationTime: NOW - 7200,
      unschedulable: true,
      internalIP: '10.0.2.7',
    };
    expect(nodesTable([a, b], NOW)).toBe(
      [
        'NAME                                      STATUS                     ROLES    AGE    VERSION',
        'ip-10-0-1-23.eu-west-3.compute.internal   Ready                      <none>   5m     v1.30.0-eks',
        'ip-10-0-2-7.eu-west-3.compute.internal    Ready,SchedulingDisabled   <none>   120m   v1.30.0-eks',
      ].join('\n'),
    );
    expect(nodesTable([a], NOW, { wide: true }).split('\n')[0]).toBe(
      'NAME                                      STATUS   ROLES    AGE   VERSION       INTERNAL-IP   EXTERNAL-IP   OS-IMAGE            KERNEL-VERSION   CONTAINER-RUNTIME',
    );
  });

  const web = () => {
    const r = parseManifests(
      'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 4\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n        - name: web\n          image: nginx:1.27\n',
    );
    const d = r.documents[0]!;
    if (!d.ok) throw new Error(d.message);
    return d.object as Deployment;
  };

  it('deployments and replicasets', () => {
    const d = web();
    expect(
      deploymentsTable(
        [
          {
            deployment: d,
            creationTime: NOW - 90,
            readyReplicas: 3,
            updatedReplicas: 4,
            availableReplicas: 3,
          },
        ],
        NOW,
        { wide: true },
      ),
    ).toBe(
      [
        'NAME   READY   UP-TO-DATE   AVAILABLE   AGE   CONTAINERS   IMAGES       SELECTOR',
        'web    3/4     4            3           90s   web          nginx:1.27   app=web',
      ].join('\n'),
    );
    const rs: ReplicaSet = {
      metadata: {
        name: 'web-7d9f8c6b5',
        namespace: 'default',
        labels: {},
        annotations: {},
        creationTime: NOW - 90,
        owner: { kind: 'Deployment', name: 'web' },
        revision: 1,
      },
      spec: { replicas: 4, selector: d.spec.selector, template: d.spec.template },
      status: { replicas: 4, readyReplicas: 3, availableReplicas: 3 },
    };
    expect(replicaSetsTable([rs], NOW)).toBe(
      [
        'NAME            DESIRED   CURRENT   READY   AGE',
        'web-7d9f8c6b5   4         4         3       90s',
      ].join('\n'),
    );
  });

  it('services: ClusterIP, and a LoadBalancer pending then provisioned', () => {
    const svc = (type: Service['spec']['type'], nodePort: number | null): Service => ({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: {
        name: type === 'ClusterIP' ? 'kubernetes' : 'web-lb',
        namespace: 'default',
        labels: {},
        annotations: {},
      },
      spec: {
        type,
        selector: type === 'ClusterIP' ? null : { app: 'web' },
        ports: [
          {
            name: null,
            protocol: 'TCP',
            port: type === 'ClusterIP' ? 443 : 80,
            targetPort: 80,
            nodePort,
          },
        ],
        clusterIP: null,
      },
    });
    const rows: ServiceRow[] = [
      {
        service: svc('ClusterIP', null),
        creationTime: NOW - 3600,
        clusterIP: '10.100.0.1',
        loadBalancer: null,
      },
      {
        service: svc('LoadBalancer', 31380),
        creationTime: NOW - 30,
        clusterIP: '10.100.37.12',
        loadBalancer: null,
      },
    ];
    expect(servicesTable(rows, NOW)).toBe(
      [
        'NAME         TYPE           CLUSTER-IP     EXTERNAL-IP   PORT(S)        AGE',
        'kubernetes   ClusterIP      10.100.0.1     <none>        443/TCP        60m',
        'web-lb       LoadBalancer   10.100.37.12   <pending>     80:31380/TCP   30s',
      ].join('\n'),
    );
    rows[1]!.loadBalancer = 'a1b2c3-123456789.eu-west-3.elb.amazonaws.com';
    expect(servicesTable([rows[1]!], NOW, { wide: true }).split('\n')[1]).toBe(
      'web-lb   LoadBalancer   10.100.37.12   a1b2c3-123456789.eu-west-3.elb.amazonaws.com   80:31380/TCP   30s   app=web',
    );
  });

  it('hpa with current and target CPU', () => {
    const h: HorizontalPodAutoscaler = {
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
    };
    expect(hpaTable([{ hpa: h, creationTime: NOW - 600, currentCpu: 85, replicas: 4 }], NOW)).toBe(
      [
        'NAME   REFERENCE        TARGETS        MINPODS   MAXPODS   REPLICAS   AGE',
        'web    Deployment/web   cpu: 85%/50%   2         10        4          10m',
      ].join('\n'),
    );
    expect(
      hpaTable([{ hpa: h, creationTime: NOW - 10, currentCpu: null, replicas: 2 }], NOW).split(
        '\n',
      )[1],
    ).toBe('web    Deployment/web   cpu: <unknown>/50%   2         10        2          10s');
  });

  it('namespaces', () => {
    const ns = (name: string): Namespace => ({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name, namespace: '', labels: {}, annotations: {} },
    });
    expect(
      namespacesTable(
        [
          { namespace: ns('default'), creationTime: 0, terminating: false },
          { namespace: ns('shop'), creationTime: NOW - 59, terminating: true },
        ],
        NOW,
      ),
    ).toBe(
      [
        'NAME      STATUS        AGE',
        'default   Active        166m',
        'shop      Terminating   59s',
      ].join('\n'),
    );
  });
});

describe('events, counted as kubectl shows them', () => {
  const backOff = {
    type: 'Warning' as const,
    reason: 'BackOff',
    object: 'pod/web-7d9f8c6b5-x2n4q',
    namespace: 'default',
    source: 'kubelet',
    message:
      'Back-off restarting failed container app in pod web-7d9f8c6b5-x2n4q_default(web-7d9f8c6b5-x2n4q)',
  };
  const scheduled = {
    type: 'Normal' as const,
    reason: 'Scheduled',
    object: 'pod/web-7d9f8c6b5-x2n4q',
    namespace: 'default',
    source: 'default-scheduler',
    message:
      'Successfully assigned default/web-7d9f8c6b5-x2n4q to ip-10-0-1-23.eu-west-3.compute.internal',
  };
  let events: KubeEvent[] = [];
  events = recordEvent(events, scheduled, NOW - 240);
  events = recordEvent(events, backOff, NOW - 120);
  events = recordEvent(events, backOff, NOW - 60);
  events = recordEvent(events, backOff, NOW - 10);

  it('aggregates repeats into one line with a count', () => {
    expect(events.map((e) => [e.reason, e.count, e.firstTimestamp, e.lastTimestamp])).toEqual([
      ['Scheduled', 1, NOW - 240, NOW - 240],
      ['BackOff', 3, NOW - 120, NOW - 10],
    ]);
  });

  it('kubectl get events', () => {
    expect(eventsTable(events, NOW)).toBe(
      [
        'LAST SEEN          TYPE      REASON      OBJECT                    MESSAGE',
        `4m                 Normal    Scheduled   pod/web-7d9f8c6b5-x2n4q   ${scheduled.message}`,
        `10s (x3 over 2m)   Warning   BackOff     pod/web-7d9f8c6b5-x2n4q   ${backOff.message}`,
      ].join('\n'),
    );
  });

  it('kubectl describe pod, with the Events block', () => {
    expect(describePod(crashing(), events, NOW)).toBe(
      [
        'Name:             web-7d9f8c6b5-x2n4q',
        'Namespace:        default',
        'Priority:         0',
        'Node:             ip-10-0-1-23.eu-west-3.compute.internal',
        'Labels:           app=web',
        'Annotations:      <none>',
        'Status:           Running',
        'IP:               10.0.1.57',
        'Controlled By:    ReplicaSet/web-7d9f8c6b5',
        'Containers:',
        '  app:',
        '    Image:          nginx:1.27',
        '    State:          Waiting',
        '      Reason:       CrashLoopBackOff',
        '    Last State:     Terminated',
        '      Reason:       OOMKilled',
        '      Exit Code:    137',
        '    Ready:          False',
        '    Restart Count:  5',
        'Events:',
        '  Type     Reason     Age               From               Message',
        '  ----     ------     ----              ----               -------',
        `  Normal   Scheduled  4m                default-scheduler  ${scheduled.message}`,
        `  Warning  BackOff    10s (x3 over 2m)  kubelet            ${backOff.message}`,
      ].join('\n'),
    );
    expect(eventsBlock([], NOW)).toBe('Events:  <none>');
  });
});
