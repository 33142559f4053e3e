/**
 * kubectl's output for a hand-written cluster state (kubectl-fixture.ts), written out from
 * kubectl's documented formats (aws-facts §5.9): tables are columns padded to the widest cell
 * plus three spaces, the last column unpadded; AGE as kubectl's HumanDuration prints it.
 * The cells below are written by hand; `columns` only applies the padding rule.
 */
import { describe, expect, it } from 'vitest';
import { interpret, type CliEnv } from '../../sandbox/cli/index.ts';
import type { World } from '../../sandbox/index.ts';
import { fixtureWorld, N1, N2 } from './kubectl-fixture.ts';
import { eksCluster } from './eks-worlds.ts';
import { ecsWorld } from './worlds.ts';

const WORLD = fixtureWorld();

function columns(rows: string[][], pad = 3): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows
    .map((r) => r.map((c, i) => (i < r.length - 1 ? c.padEnd(widths[i]! + pad) : c)).join(''))
    .join('\n');
}

function run(line: string, world: World = WORLD, extra: Partial<CliEnv> = {}) {
  const out = interpret(line, { world, files: {}, session: { dockerContext: null }, ...extra });
  if (out.kind !== 'output') throw new Error(`${line}: expected a read-only answer`);
  return out.output;
}

const X2 = 'web-7d9f8c6b5-x2n4q';
const PQ = 'web-7d9f8c6b5-pq5vt';
const B8 = 'web-7d9f8c6b5-b8kzp';
const API = 'api-6b7c9d8f4-zz9kq';
const KUBECTL_VERSION = 'v1.31.0-eks-a737599';

describe('kubectl get', () => {
  it('pods: READY, STATUS from the container state, RESTARTS with the last one, AGE', () => {
    expect(run('kubectl get pods')).toEqual({
      stdout: columns([
        ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE'],
        [B8, '0/1', 'CrashLoopBackOff', '5 (42s ago)', '40m'],
        [PQ, '1/1', 'Running', '0', '40m'],
        [X2, '1/1', 'Running', '0', '40m'],
      ]),
      stderr: '',
      exitCode: 0,
    });
  });

  it('pods -o wide adds IP, NODE, NOMINATED NODE and READINESS GATES', () => {
    expect(run('kubectl get po -o wide').stdout).toBe(
      columns([
        [
          'NAME',
          'READY',
          'STATUS',
          'RESTARTS',
          'AGE',
          'IP',
          'NODE',
          'NOMINATED NODE',
          'READINESS GATES',
        ],
        [B8, '0/1', 'CrashLoopBackOff', '5 (42s ago)', '40m', '10.0.2.60', N2, '<none>', '<none>'],
        [PQ, '1/1', 'Running', '0', '40m', '10.0.1.51', N1, '<none>', '<none>'],
        [X2, '1/1', 'Running', '0', '40m', '10.0.1.50', N1, '<none>', '<none>'],
      ]),
    );
  });

  it('-A adds NAMESPACE, -n picks one, -l filters by label', () => {
    expect(run('kubectl get pods -A').stdout).toBe(
      columns([
        ['NAMESPACE', 'NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE'],
        ['default', B8, '0/1', 'CrashLoopBackOff', '5 (42s ago)', '40m'],
        ['default', PQ, '1/1', 'Running', '0', '40m'],
        ['default', X2, '1/1', 'Running', '0', '40m'],
        ['shop', API, '0/1', 'Pending', '0', '100s'],
      ]),
    );
    expect(run('kubectl -n shop get pods').stdout).toBe(
      columns([
        ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE'],
        [API, '0/1', 'Pending', '0', '100s'],
      ]),
    );
    expect(run('kubectl get pods -l app!=web -A')).toEqual({
      stdout: '',
      stderr: 'No resources found',
      exitCode: 0,
    });
    expect(
      run('kubectl get pods --selector=app=web,pod-template-hash=7d9f8c6b5').stdout.split('\n'),
    ).toHaveLength(4);
    expect(run('kubectl get pods -n kube-public')).toEqual({
      stdout: '',
      stderr: 'No resources found in kube-public namespace.',
      exitCode: 0,
    });
  });

  it('nodes: STATUS shows a cordon as SchedulingDisabled', () => {
    expect(run('kubectl get nodes').stdout).toBe(
      columns([
        ['NAME', 'STATUS', 'ROLES', 'AGE', 'VERSION'],
        [N1, 'Ready', '<none>', '50m', KUBECTL_VERSION],
        [N2, 'Ready,SchedulingDisabled', '<none>', '45m', KUBECTL_VERSION],
      ]),
    );
  });

  it('nodes: -L adds a column per label (header: the key after its last /, in capitals), --show-labels a LABELS column last', () => {
    expect(
      run('kubectl get nodes -L eks.amazonaws.com/nodegroup,topology.kubernetes.io/zone -L missing')
        .stdout,
    ).toBe(
      columns([
        ['NAME', 'STATUS', 'ROLES', 'AGE', 'VERSION', 'NODEGROUP', 'ZONE', 'MISSING'],
        [N1, 'Ready', '<none>', '50m', KUBECTL_VERSION, 'ng-1', 'eu-west-3a', ''],
        [
          N2,
          'Ready,SchedulingDisabled',
          '<none>',
          '45m',
          KUBECTL_VERSION,
          'ng-1',
          'eu-west-3b',
          '',
        ],
      ]),
    );
    expect(run('kubectl get nodes --show-labels').stdout).toBe(
      columns([
        ['NAME', 'STATUS', 'ROLES', 'AGE', 'VERSION', 'LABELS'],
        [
          N1,
          'Ready',
          '<none>',
          '50m',
          KUBECTL_VERSION,
          `eks.amazonaws.com/nodegroup=ng-1,kubernetes.io/hostname=${N1},kubernetes.io/os=linux,node.kubernetes.io/instance-type=t3.medium,topology.kubernetes.io/region=eu-west-3,topology.kubernetes.io/zone=eu-west-3a`,
        ],
        [
          N2,
          'Ready,SchedulingDisabled',
          '<none>',
          '45m',
          KUBECTL_VERSION,
          `eks.amazonaws.com/nodegroup=ng-1,kubernetes.io/hostname=${N2},kubernetes.io/os=linux,node.kubernetes.io/instance-type=m5.large,topology.kubernetes.io/region=eu-west-3,topology.kubernetes.io/zone=eu-west-3b`,
        ],
      ]),
    );
  });

  it('pods: -L columns come before LABELS; a pod without labels shows <none>', () => {
    expect(run('kubectl get pods --show-labels -L app').stdout).toBe(
      columns([
        ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE', 'APP', 'LABELS'],
        [
          B8,
          '0/1',
          'CrashLoopBackOff',
          '5 (42s ago)',
          '40m',
          'web',
          'app=web,pod-template-hash=7d9f8c6b5',
        ],
        [PQ, '1/1', 'Running', '0', '40m', 'web', 'app=web,pod-template-hash=7d9f8c6b5'],
        [X2, '1/1', 'Running', '0', '40m', 'web', 'app=web,pod-template-hash=7d9f8c6b5'],
      ]),
    );
    const world = fixtureWorld();
    world.eks!.kube['demo']!.pods[`default/${PQ}`]!.metadata.labels = {};
    expect(run(`kubectl get pod ${PQ} --show-labels`, world).stdout).toBe(
      columns([
        ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE', 'LABELS'],
        [PQ, '1/1', 'Running', '0', '40m', '<none>'],
      ]),
    );
  });

  it('deployments, replica sets, services, HPAs and namespaces', () => {
    expect(run('kubectl get deploy').stdout).toBe(
      columns([
        ['NAME', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'AGE'],
        ['web', '2/3', '3', '2', '40m'],
      ]),
    );
    expect(run('kubectl get rs').stdout).toBe(
      columns([
        ['NAME', 'DESIRED', 'CURRENT', 'READY', 'AGE'],
        ['web-7d9f8c6b5', '3', '3', '2', '40m'],
      ]),
    );
    expect(run('kubectl get svc').stdout).toBe(
      columns([
        ['NAME', 'TYPE', 'CLUSTER-IP', 'EXTERNAL-IP', 'PORT(S)', 'AGE'],
        ['kubernetes', 'ClusterIP', '10.100.0.1', '<none>', '443/TCP', '60m'],
        [
          'web',
          'LoadBalancer',
          '10.100.12.34',
          'a1b2c3d4e5f6-1234567890.eu-west-3.elb.amazonaws.com',
          '80:31380/TCP',
          '40m',
        ],
      ]),
    );
    expect(run('kubectl get hpa').stdout).toBe(
      columns([
        ['NAME', 'REFERENCE', 'TARGETS', 'MINPODS', 'MAXPODS', 'REPLICAS', 'AGE'],
        ['web', 'Deployment/web', 'cpu: 85%/50%', '2', '10', '3', '30m'],
      ]),
    );
    expect(run('kubectl get namespaces').stdout).toBe(
      columns([
        ['NAME', 'STATUS', 'AGE'],
        ['default', 'Active', '60m'],
        ['kube-node-lease', 'Active', '60m'],
        ['kube-public', 'Active', '60m'],
        ['kube-system', 'Active', '60m'],
        ['shop', 'Active', '10m'],
      ]),
    );
  });

  it('events: repeats as `10s (x12 over 35m)`', () => {
    expect(run('kubectl get events').stdout).toBe(
      columns([
        ['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE'],
        ['40m', 'Normal', 'Scheduled', `pod/${X2}`, `Successfully assigned default/${X2} to ${N1}`],
        [
          '40m',
          'Normal',
          'ScalingReplicaSet',
          'deployment/web',
          'Scaled up replica set web-7d9f8c6b5 to 3',
        ],
        [
          '10s (x12 over 35m)',
          'Warning',
          'BackOff',
          `pod/${B8}`,
          `Back-off restarting failed container web in pod ${B8}_default(uid-${B8})`,
        ],
      ]),
    );
  });

  it('several types at once name each row by kind, tables apart', () => {
    expect(run('kubectl get deploy,hpa').stdout).toBe(
      [
        columns([
          ['NAME', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'AGE'],
          ['deployment.apps/web', '2/3', '3', '2', '40m'],
        ]),
        columns([
          ['NAME', 'REFERENCE', 'TARGETS', 'MINPODS', 'MAXPODS', 'REPLICAS', 'AGE'],
          [
            'horizontalpodautoscaler.autoscaling/web',
            'Deployment/web',
            'cpu: 85%/50%',
            '2',
            '10',
            '3',
            '30m',
          ],
        ]),
      ].join('\n\n'),
    );
    expect(run('kubectl get pods -o name').stdout).toBe(
      [`pod/${B8}`, `pod/${PQ}`, `pod/${X2}`].join('\n'),
    );
  });

  it('-o json and -o yaml print one object as the API returns it', () => {
    type Pod = {
      apiVersion: string;
      kind: string;
      metadata: unknown;
      spec: { nodeName: string; containers: { resources: unknown }[] };
      status: { containerStatuses: { state: unknown }[] };
    };
    const pod = JSON.parse(run(`kubectl get pod ${X2} -o json`).stdout) as Pod;
    expect(pod.apiVersion).toBe('v1');
    expect(pod.kind).toBe('Pod');
    expect(pod.metadata).toMatchObject({
      name: X2,
      namespace: 'default',
      creationTimestamp: '2026-01-05T09:20:00Z',
      labels: { app: 'web', 'pod-template-hash': '7d9f8c6b5' },
      ownerReferences: [
        {
          apiVersion: 'apps/v1',
          kind: 'ReplicaSet',
          name: 'web-7d9f8c6b5',
          controller: true,
          blockOwnerDeletion: true,
        },
      ],
    });
    expect(pod.spec.nodeName).toBe(N1);
    expect(pod.spec.containers[0]!.resources).toEqual({
      limits: { memory: '512Mi' },
      requests: { cpu: '250m', memory: '256Mi' },
    });
    expect(pod.status).toMatchObject({
      phase: 'Running',
      podIP: '10.0.1.50',
      qosClass: 'Burstable',
    });
    expect(pod.status.containerStatuses[0]!.state).toEqual({
      running: { startedAt: '2026-01-05T09:20:10Z' },
    });
    const yaml = run('kubectl get deployment web -o yaml').stdout;
    expect(yaml.split('\n').slice(0, 9)).toEqual([
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      '  annotations:',
      '    deployment.kubernetes.io/revision: "1"',
      '  creationTimestamp: 2026-01-05T09:20:00Z',
      '  generation: 1',
      '  labels:',
      '    app: web',
    ]);
    expect(yaml).toContain('\n  replicas: 3\n');
    expect(yaml).toContain(
      '\n  strategy:\n    rollingUpdate:\n      maxSurge: 25%\n      maxUnavailable: 25%\n    type: RollingUpdate\n',
    );
    expect(yaml).toContain('\n      containers:\n      - image: nginx:1.27\n');
    const list = JSON.parse(run('kubectl get pods -n shop -o json').stdout) as {
      kind: string;
      items: { metadata: { name: string } }[];
    };
    expect(list.kind).toBe('List');
    expect(list.items.map((i) => i.metadata.name)).toEqual([API]);
  });

  it('NotFound for a name, printed beside the objects that exist', () => {
    expect(run(`kubectl get pods ${X2} nope`)).toEqual({
      stdout: columns([
        ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE'],
        [X2, '1/1', 'Running', '0', '40m'],
      ]),
      stderr: 'Error from server (NotFound): pods "nope" not found',
      exitCode: 1,
    });
    expect(run('kubectl get deployment/api')).toEqual({
      stdout: '',
      stderr: 'Error from server (NotFound): deployments.apps "api" not found',
      exitCode: 1,
    });
    expect(run('kubectl get deployment api -n shop')).toEqual({
      stdout: '',
      stderr: 'Error from server (NotFound): deployments.apps "api" not found',
      exitCode: 1,
    });
  });
});

describe('kubectl describe', () => {
  it('node: taints, conditions, capacity, its pods and what they request, events', () => {
    const text = run(`kubectl describe node ${N2}`).stdout;
    const node = WORLD.eks!.kube['demo']!.nodes[N2]!;
    // m5.large: 2 vCPU less 70m kube-reserved (6 % of core 1, 1 % of core 2), §4.6.
    expect(node.allocatable.cpuMilli).toBe(1930);
    const lines = text.split('\n');
    expect(lines[0]).toBe(`Name:               ${N2}`);
    expect(lines).toContain('Unschedulable:      true');
    expect(lines).toContain('  cpu:                1930m');
    expect(lines).toContain(`ProviderID:                   aws:///eu-west-3b/i-0a1b2c3d4e5f60002`);
    expect(lines).toContain('Non-terminated Pods:          (1 in total)');
    // describe's tables pad by two spaces: 7518Mi allocatable, so 256Mi is 3 % and 512Mi 6 %.
    expect(lines).toContain(
      `  default    ${B8}  250m (12%)    0 (0%)      256Mi (3%)       512Mi (6%)     40m`,
    );
    expect(lines).toContain('  memory    256Mi (3%)  512Mi (6%)');
    expect(lines.slice(-1)).toEqual(['Events:  <none>']);
    expect(text).toContain(
      '  Ready           True    Mon, 05 Jan 2026 09:59:55 +0000  Mon, 05 Jan 2026 09:15:00 +0000  KubeletReady                kubelet is posting ready status',
    );
  });

  it('pod: state, last state, restarts and the Events block with repeats', () => {
    const text = run(`kubectl describe pod ${B8}`).stdout;
    expect(text).toContain('    State:          Waiting\n      Reason:       CrashLoopBackOff');
    expect(text).toContain(
      '    Last State:     Terminated\n      Reason:       Error\n      Exit Code:    1',
    );
    expect(text).toContain('    Restart Count:  5');
    expect(text.split('\n').slice(-4)).toEqual([
      'Events:',
      '  Type     Reason   Age                 From     Message',
      '  ----     ------   ----                ----     -------',
      `  Warning  BackOff  10s (x12 over 35m)  kubelet  Back-off restarting failed container web in pod ${B8}_default(uid-${B8})`,
    ]);
  });

  it('pod: Annotations after Labels, <none> or each key: value sorted, long and multi-line values below their key', () => {
    expect(run(`kubectl describe pod ${PQ}`).stdout.split('\n').slice(4, 7)).toEqual([
      'Labels:           app=web',
      '                  pod-template-hash=7d9f8c6b5',
      'Annotations:      <none>',
    ]);
    const world = fixtureWorld();
    world.eks!.kube['demo']!.pods[`default/${PQ}`]!.metadata.annotations = {
      CapacityProvisioned: '0.25vCPU 0.5GB',
      'kubectl.kubernetes.io/last-applied-configuration': '{"apiVersion":"v1"}\n',
      'example.com/note': 'first line\nsecond line\n',
      'example.com/long': 'x'.repeat(150),
    };
    expect(run(`kubectl describe pod ${PQ}`, world).stdout.split('\n').slice(6, 13)).toEqual([
      'Annotations:      CapacityProvisioned: 0.25vCPU 0.5GB',
      '                  example.com/long:',
      `                    ${'x'.repeat(138)}...`,
      '                  example.com/note:',
      '                    first line',
      '                    second line',
      'Status:           Running',
    ]);
  });

  it('a name prefix describes every match; deployment shows replicas, strategy and its replica sets', () => {
    const pods = run('kubectl describe pods web').stdout;
    expect(pods.split('\n').filter((l) => l.startsWith('Name:'))).toEqual([
      `Name:             ${B8}`,
      `Name:             ${PQ}`,
      `Name:             ${X2}`,
    ]);
    const d = run('kubectl describe deploy/web').stdout.split('\n');
    expect(d).toContain(
      'Replicas:               3 desired | 3 updated | 3 total | 2 available | 1 unavailable',
    );
    expect(d).toContain('RollingUpdateStrategy:  25% max unavailable, 25% max surge');
    expect(d).toContain('NewReplicaSet:   web-7d9f8c6b5 (3/3 replicas created)');
    expect(d).toContain(
      '  Normal  ScalingReplicaSet  40m   deployment-controller  Scaled up replica set web-7d9f8c6b5 to 3',
    );
    expect(run('kubectl describe pod nope')).toEqual({
      stdout: '',
      stderr: 'Error from server (NotFound): pods "nope" not found',
      exitCode: 1,
    });
  });
});

describe('kubectl logs follow from the container state', () => {
  it('prints what the sandbox knows the container did, or the API server refusal', () => {
    expect(run(`kubectl logs ${X2}`)).toEqual({
      stdout: '[sandbox 09:20:10] nginx:1.27 started',
      stderr: '',
      exitCode: 0,
    });
    expect(run(`kubectl logs ${B8}`).stdout).toBe(
      '[sandbox 09:59:10] nginx:1.27 started\n[sandbox 09:59:18] fatal error, exiting with code 1',
    );
    expect(run(`kubectl logs ${B8} --previous --tail=1`).stdout).toBe(
      '[sandbox 09:59:18] fatal error, exiting with code 1',
    );
    expect(run(`kubectl logs ${X2} -p`)).toEqual({
      stdout: '',
      stderr: `Error from server (BadRequest): previous terminated container "web" in pod "${X2}" not found`,
      exitCode: 1,
    });
    // Not scheduled yet: no kubelet to ask, so the API server answers with nothing.
    expect(run(`kubectl logs ${API} -n shop`)).toEqual({ stdout: '', stderr: '', exitCode: 0 });
    expect(run('kubectl logs')).toEqual({
      stdout: '',
      stderr:
        "error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command\nSee 'kubectl logs -h' for help and examples",
      exitCode: 1,
    });
  });
});

describe("kubectl's own errors", () => {
  const NO_CONFIG =
    'The connection to the server localhost:8080 was refused - did you specify the right host or port?';

  it('refuses the connection before update-kubeconfig (and in a world without EKS)', () => {
    const before = eksCluster();
    const noConfig = {
      ...before,
      eks: { ...before.eks!, kubeconfig: { contexts: {}, currentContext: null } },
    };
    for (const world of [noConfig, ecsWorld()])
      expect(run('kubectl get pods', world)).toEqual({
        stdout: '',
        stderr: NO_CONFIG,
        exitCode: 1,
      });
  });

  it.each([
    ['kubectl get foo', `error: the server doesn't have a resource type "foo"`],
    ['kubectl describe widgets x', `error: the server doesn't have a resource type "widgets"`],
    ['kubectl get pods --foo', "error: unknown flag: --foo\nSee 'kubectl get --help' for usage."],
    [
      'kubectl get pods -z',
      "error: unknown shorthand flag: 'z' in -z\nSee 'kubectl get --help' for usage.",
    ],
    [
      'kubectl get pods -n',
      "error: flag needs an argument: 'n' in -n\nSee 'kubectl get --help' for usage.",
    ],
    [
      'kubectl get pods --namespace',
      "error: flag needs an argument: --namespace\nSee 'kubectl get --help' for usage.",
    ],
    [
      'kubectl get pods -o xml',
      'error: unable to match a printer suitable for the output format "xml", allowed formats are: custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml',
    ],
    ['kubectl scale deployment web', 'error: required flag(s) "replicas" not set'],
    [
      'kubectl scale deployment web --replicas=abc',
      `error: invalid argument "abc" for "--replicas" flag: strconv.ParseInt: parsing "abc": invalid syntax\nSee 'kubectl scale --help' for usage.`,
    ],
    [
      'kubectl scale deployment web --replicas=-1',
      'error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0',
    ],
    ['kubectl create deployment web', 'error: required flag(s) "image" not set'],
    [
      'kubectl autoscale deployment web --min=3',
      'error: --max=MAXPODS is required and must be at least 1, max: -1',
    ],
    [
      'kubectl autoscale deployment web --min=5 --max=2',
      'error: --max=MAXPODS must be larger or equal to --min=MINPODS, max: 2, min: 5',
    ],
    [
      'kubectl set image deployment/web nope=nginx:1',
      'error: unable to find container named "nope"',
    ],
    [
      'kubectl label pods web-7d9f8c6b5-x2n4q app=api',
      "error: 'app' already has a value (web), and --overwrite is false",
    ],
    [
      `kubectl taint nodes ${N1} dedicated:NoSchedule-`,
      'error: taint "dedicated:NoSchedule" not found',
    ],
    [
      `kubectl taint nodes ${N1} dedicated=gpu:Sometimes`,
      'error: invalid taint spec: dedicated=gpu:Sometimes, unsupported taint effect',
    ],
    [
      'kubectl rollout undo deployment/nope',
      'Error from server (NotFound): deployments.apps "nope" not found',
    ],
    ['kubectl frobnicate', 'error: unknown command "frobnicate" for "kubectl"'],
    [
      'kubectl get',
      'You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\nerror: Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).\nSee \'kubectl get -h\' for help and examples',
    ],
  ])('%s', (line, stderr) => {
    expect(run(line)).toEqual({ stdout: '', stderr, exitCode: 1 });
  });

  it('names that are Object properties are ordinary unknown names', () => {
    for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      expect(run(`kubectl get pod ${name}`).stderr).toBe(
        `Error from server (NotFound): pods "${name}" not found`,
      );
      expect(run(`kubectl describe node ${name}`).stderr).toBe(
        `Error from server (NotFound): nodes "${name}" not found`,
      );
      expect(run(`kubectl logs ${name}`).stderr).toBe(
        `Error from server (NotFound): pods "${name}" not found`,
      );
      expect(run(`kubectl cordon ${name}`).stderr).toBe(
        `Error from server (NotFound): nodes "${name}" not found`,
      );
      expect(run(`kubectl scale deployment ${name} --replicas=1`).stderr).toBe(
        `Error from server (NotFound): deployments.apps "${name}" not found`,
      );
      expect(run(`kubectl rollout history deployment/${name}`).stderr).toBe(
        `Error from server (NotFound): deployments.apps "${name}" not found`,
      );
      expect(run(`kubectl get pods -n ${name}`).stderr).toBe(
        `No resources found in ${name} namespace.`,
      );
      expect(run(`kubectl get ${name}`).stderr).toBe(
        `error: the server doesn't have a resource type "${name}"`,
      );
    }
  });
});

describe('kubectl rollout, top, drain (read side)', () => {
  it('rollout status and history', () => {
    expect(run('kubectl rollout status deployment/web')).toEqual({
      stdout:
        'Waiting for deployment "web" rollout to finish: 2 of 3 updated replicas are available...',
      stderr:
        "(The sandbox's terminal does not wait for the rollout: run the command again as simulated time passes.)",
      exitCode: 0,
    });
    expect(run('kubectl rollout history deploy web').stdout).toBe(
      'deployment.apps/web \nREVISION  CHANGE-CAUSE\n1         <none>\n',
    );
  });

  it('top pods and nodes: CPU from the load model, memory as requests (labelled)', () => {
    expect(run('kubectl top pods')).toEqual({
      stdout: columns([
        ['NAME', 'CPU(cores)', 'MEMORY(bytes)'],
        [B8, '0m', '256Mi'],
        [PQ, '180m', '256Mi'],
        [X2, '212m', '256Mi'],
      ]),
      stderr:
        "(Sandbox: MEMORY shows the pods' memory requests; memory use itself is not simulated.)",
      exitCode: 0,
    });
    const nodes = WORLD.eks!.kube['demo']!.nodes;
    const pct = (used: number, total: number) => `${Math.floor((used / total) * 100)}%`;
    const MI = 2 ** 20;
    expect(run('kubectl top nodes').stdout).toBe(
      columns([
        ['NAME', 'CPU(cores)', 'CPU(%)', 'MEMORY(bytes)', 'MEMORY(%)'],
        [
          N1,
          '392m',
          pct(392, nodes[N1]!.allocatable.cpuMilli),
          '512Mi',
          pct(512 * MI, nodes[N1]!.allocatable.memoryBytes),
        ],
        [N2, '0m', '0%', '256Mi', pct(256 * MI, nodes[N2]!.allocatable.memoryBytes)],
      ]),
    );
  });
});
