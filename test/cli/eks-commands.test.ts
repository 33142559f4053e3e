/**
 * `aws eks`, `eksctl`, `helm` and the kubectl commands that change the cluster, end to end
 * against the EKS engine: their real output shapes and error texts, all-or-nothing, and
 * here-documents in command files.
 */
import { describe, expect, it } from 'vitest';
import { advance, emptyWorld, hashWorld, parseScenario, type World } from '../../sandbox/index.ts';
import {
  interpret,
  runCommandFile,
  runCommandLine,
  complete,
  type CliEnv,
} from '../../sandbox/cli/index.ts';
import { build, CLUSTER_STEPS, eksCluster, eksWorkloads, SUBNETS, WEB_YAML } from './eks-worlds.ts';

const USAGE = `usage: aws [options] <command> <subcommand> [<subcommand> ...] [parameters]
To see help text, you can run:

  aws help
  aws <command> help
  aws <command> <subcommand> help

`;

const env = (world: World, files: Record<string, string> = {}): CliEnv => ({
  world,
  files,
  session: { dockerContext: null },
});
const run = (line: string, world: World, files: Record<string, string> = {}) =>
  runCommandLine(line, env(world, files));

const CLUSTER = eksCluster();
const WORKLOADS = eksWorkloads();

describe('aws eks', () => {
  it('list-clusters and describe-cluster answer with the API shapes', () => {
    expect(run('aws eks list-clusters', emptyWorld({ orchestrator: 'eks' })).output).toEqual({
      stdout: '{\n    "clusters": []\n}',
      stderr: '',
      exitCode: 0,
    });
    expect(run('aws eks list-clusters', CLUSTER).output.stdout).toBe(
      '{\n    "clusters": [\n        "demo"\n    ]\n}',
    );
    const c = CLUSTER.eks!.clusters['demo']!;
    const described = JSON.parse(
      run('aws eks describe-cluster --name demo', CLUSTER).output.stdout,
    ) as {
      cluster: Record<string, unknown>;
    };
    expect(described.cluster).toMatchObject({
      name: 'demo',
      arn: 'arn:aws:eks:eu-west-3:123456789012:cluster/demo',
      createdAt: '2026-01-05T09:00:00+00:00',
      status: 'ACTIVE',
      version: '1.31',
      endpoint: c.endpoint,
      certificateAuthority: { data: c.certificateAuthority },
      roleArn: 'arn:aws:iam::123456789012:role/eksClusterRole',
      resourcesVpcConfig: { subnetIds: SUBNETS.split(','), vpcId: 'vpc-0a1b2c3d4e5f60718' },
      kubernetesNetworkConfig: { serviceIpv4Cidr: '10.100.0.0/16', ipFamily: 'ipv4' },
      upgradePolicy: { supportType: 'STANDARD' },
      accessConfig: { authenticationMode: 'API_AND_CONFIG_MAP' },
    });
  });

  it.each([
    [
      'aws eks describe-cluster --name nope',
      '\nAn error occurred (ResourceNotFoundException) when calling the DescribeCluster operation: No cluster found for name: nope.',
      254,
    ],
    [
      'aws eks describe-cluster --name constructor',
      '\nAn error occurred (ResourceNotFoundException) when calling the DescribeCluster operation: No cluster found for name: constructor.',
      254,
    ],
    [
      `aws eks create-cluster --name demo --role-arn arn:aws:iam::123456789012:role/eksClusterRole --resources-vpc-config subnetIds=${SUBNETS}`,
      '\nAn error occurred (ResourceInUseException) when calling the CreateCluster operation: Cluster already exists with name: demo',
      254,
    ],
    [
      'aws eks create-cluster --name x --role-arn arn:aws:iam::123456789012:role/r --resources-vpc-config subnetIds=subnet-0a1b2c3d4e5f6071',
      '\nAn error occurred (InvalidParameterException) when calling the CreateCluster operation: Subnets specified must be in at least two different AZs',
      254,
    ],
    [
      `aws eks create-cluster --name x --kubernetes-version 1.20 --role-arn arn:aws:iam::123456789012:role/r --resources-vpc-config subnetIds=${SUBNETS}`,
      '\nAn error occurred (InvalidParameterException) when calling the CreateCluster operation: unsupported Kubernetes version 1.20',
      254,
    ],
    [
      'aws eks create-cluster --name x',
      `${USAGE}aws: error: the following arguments are required: --role-arn, --resources-vpc-config`,
      252,
    ],
    [
      'aws eks create-nodegroup --cluster-name demo --nodegroup-name ng --subnets subnet-0a1b2c3d4e5f6071 --node-role r --scaling-config minSize=one',
      "\nInvalid type for parameter scalingConfig.minSize, value: one, type: <class 'str'>, valid types: <class 'int'>",
      252,
    ],
    [
      'aws eks describe-nodegroup --cluster-name demo --nodegroup-name __proto__',
      '\nAn error occurred (ResourceNotFoundException) when calling the DescribeNodegroup operation: No node group found for name: __proto__.',
      254,
    ],
    [
      'aws eks create-access-entry --cluster-name demo --principal-arn arn:aws:iam::123456789012:role/dev --type ADMIN',
      "\nAn error occurred (InvalidParameterException): Invalid value 'ADMIN' for --type; valid values: STANDARD, EC2_LINUX, EC2_WINDOWS, FARGATE_LINUX, HYBRID_LINUX",
      252,
    ],
  ])('%s', (line, stderr, exitCode) => {
    const r = run(line, CLUSTER);
    expect(r.output).toEqual({ stdout: '', stderr, exitCode });
    expect(r.world).toBe(CLUSTER);
  });

  it('update-kubeconfig waits for ACTIVE: `Cluster status is CREATING` and nothing written', () => {
    const creating = build(CLUSTER_STEPS.slice(0, 1));
    const r = run('aws eks update-kubeconfig --name demo', creating);
    expect(r.output).toEqual({ stdout: '', stderr: '\nCluster status is CREATING', exitCode: 255 });
    expect(r.world).toBe(creating);
    expect(run('aws eks update-kubeconfig --name demo --alias dev', CLUSTER).output.stdout).toBe(
      'Added new context dev to /home/cloudshell-user/.kube/config',
    );
    expect(run('aws eks update-kubeconfig --name demo', CLUSTER).output.stdout).toBe(
      'Updated context arn:aws:eks:eu-west-3:123456789012:cluster/demo in /home/cloudshell-user/.kube/config',
    );
  });

  it('create-nodegroup, update-nodegroup-config: the Nodegroup and Update shapes', () => {
    const created = run(
      'aws eks create-nodegroup --cluster-name demo --nodegroup-name ng-1 --scaling-config minSize=1,maxSize=4,desiredSize=2 --instance-types t3.medium --node-role arn:aws:iam::123456789012:role/eks-nodegroup-role --subnets subnet-0a1b2c3d4e5f6071 subnet-0b1b2c3d4e5f6071 --labels team=shop --taints key=gpu,value=yes,effect=NO_SCHEDULE',
      CLUSTER,
    );
    const ng = (JSON.parse(created.output.stdout) as { nodegroup: Record<string, unknown> })
      .nodegroup;
    expect(ng).toMatchObject({
      nodegroupName: 'ng-1',
      nodegroupArn: expect.stringMatching(
        /^arn:aws:eks:eu-west-3:123456789012:nodegroup\/demo\/ng-1\//,
      ),
      clusterName: 'demo',
      status: 'CREATING',
      capacityType: 'ON_DEMAND',
      scalingConfig: { minSize: 1, maxSize: 4, desiredSize: 2 },
      instanceTypes: ['t3.medium'],
      subnets: ['subnet-0a1b2c3d4e5f6071', 'subnet-0b1b2c3d4e5f6071'],
      labels: { team: 'shop' },
      taints: [{ key: 'gpu', value: 'yes', effect: 'NO_SCHEDULE' }],
      updateConfig: { maxUnavailable: 1 },
    });
    const update = run(
      'aws eks update-nodegroup-config --cluster-name demo --nodegroup-name ng-1 --scaling-config minSize=1,maxSize=6,desiredSize=4',
      WORKLOADS,
    );
    expect(JSON.parse(update.output.stdout)).toMatchObject({
      update: {
        type: 'ConfigUpdate',
        params: [
          { type: 'MinSize', value: '1' },
          { type: 'MaxSize', value: '6' },
          { type: 'DesiredSize', value: '4' },
        ],
        errors: [],
      },
    });
    expect(update.world.eks!.nodegroups['demo/ng-1']!.desiredSize).toBe(4);
  });

  it('tab completion offers the eks operations, their flags and the cluster names', () => {
    expect(complete('aws eks create-n', env(CLUSTER)).candidates).toEqual(['create-nodegroup']);
    expect(complete('aws eks describe-cluster --name ', env(CLUSTER)).candidates).toEqual(['demo']);
    expect(complete('aws eks update-kubeconfig --', env(CLUSTER)).candidates).toContain('--alias');
  });
});

describe('eksctl', () => {
  it('create cluster logs as eksctl does and says it does not wait', () => {
    const r = run(
      'eksctl create cluster --name lab --region eu-west-3 --without-nodegroup',
      CLUSTER,
    );
    expect(r.output.stdout.split('\n').slice(0, 4)).toEqual([
      '2026-01-05 09:10:00 [ℹ]  eksctl version 0.194.0',
      '2026-01-05 09:10:00 [ℹ]  using region eu-west-3',
      '2026-01-05 09:10:00 [ℹ]  setting availability zones to [eu-west-3a eu-west-3b eu-west-3c]',
      '2026-01-05 09:10:00 [ℹ]  using Kubernetes version 1.31',
    ]);
    expect(r.output.stdout.split('\n').slice(-1)).toEqual([
      '2026-01-05 09:10:00 [ℹ]  waiting for CloudFormation stack "eksctl-lab-cluster"',
    ]);
    expect(r.output.stderr).toContain("The sandbox's eksctl returns once the change has started");
    expect(r.world.eks!.clusters['lab']!.status).toBe('CREATING');
  });

  it('refuses what it does not model, and AWS refusals come after `Error: `', () => {
    expect(run('eksctl create cluster --name lab', CLUSTER).output).toEqual({
      stdout: '',
      stderr:
        "Error: the sandbox's eksctl creates the control plane only: add --without-nodegroup, then run eksctl create nodegroup once the cluster is ACTIVE. (This is the sandbox's own message.)",
      exitCode: 1,
    });
    expect(
      run('eksctl scale nodegroup --cluster demo --name nope --nodes 3', CLUSTER).output,
    ).toEqual({
      stdout: '',
      stderr: 'Error: ResourceNotFoundException: No node group found for name: nope.',
      exitCode: 1,
    });
    expect(run('eksctl create nodegroup --name ng', CLUSTER).output.stderr).toBe(
      'Error: --cluster must be set',
    );
    expect(run('eksctl create nodegroup --cluster demo --nodez 2', CLUSTER).output.stderr).toBe(
      'Error: unknown flag: --nodez',
    );
  });

  it('scale nodegroup and create fargateprofile', () => {
    const scaled = run(
      'eksctl scale nodegroup --cluster demo --name ng-1 --nodes 3 --nodes-max 5',
      WORKLOADS,
    );
    expect(scaled.output.stdout).toBe(
      [
        '2026-01-05 09:17:00 [ℹ]  scaling nodegroup "ng-1" in cluster demo',
        '2026-01-05 09:17:00 [ℹ]  initiated scaling of nodegroup',
        '2026-01-05 09:17:00 [ℹ]  to see the status of the scaling run `eksctl get nodegroup --cluster demo --region eu-west-3 --name ng-1`',
      ].join('\n'),
    );
    const ng = scaled.world.eks!.nodegroups['demo/ng-1']!;
    expect([ng.minSize, ng.desiredSize, ng.maxSize]).toEqual([1, 3, 5]);
    const fp = run(
      'eksctl create fargateprofile --cluster demo --name fp-shop --namespace shop',
      WORKLOADS,
    );
    expect(fp.output.stdout).toBe(
      '2026-01-05 09:17:00 [ℹ]  creating Fargate profile "fp-shop" on EKS cluster "demo"\n2026-01-05 09:17:00 [ℹ]  created Fargate profile "fp-shop" on EKS cluster "demo"',
    );
  });
});

describe('helm installs the Cluster Autoscaler chart', () => {
  it('with the auto-discovery values, or says what is missing', () => {
    const r = run(
      'helm install cluster-autoscaler autoscaler/cluster-autoscaler --namespace kube-system --set autoDiscovery.clusterName=demo --set awsRegion=eu-west-3 --set extraArgs.expander=least-waste',
      WORKLOADS,
    );
    expect(r.output.stdout.split('\n').slice(0, 6)).toEqual([
      'NAME: cluster-autoscaler',
      'LAST DEPLOYED: 2026-01-05 09:17:00 UTC',
      'NAMESPACE: kube-system',
      'STATUS: deployed',
      'REVISION: 1',
      'TEST SUITE: None',
    ]);
    expect(r.world.eks!.clusters['demo']!.clusterAutoscaler?.expander).toBe('least-waste');
    expect(
      run('helm install cluster-autoscaler autoscaler/cluster-autoscaler', WORKLOADS).output.stderr,
    ).toBe(
      'Error: INSTALLATION FAILED: execution error at (cluster-autoscaler/templates/NOTES.txt): autoDiscovery.clusterName or autoscalingGroups[] must be set',
    );
  });
});

describe('kubectl changes the cluster', () => {
  it('apply: created, then unchanged, then configured', () => {
    const first = run('kubectl apply -f web.yaml', CLUSTER, { 'web.yaml': WEB_YAML });
    expect(first.output).toEqual({
      stdout: 'deployment.apps/web created\nservice/web created',
      stderr: '',
      exitCode: 0,
    });
    const again = run('kubectl apply -f web.yaml', first.world, { 'web.yaml': WEB_YAML });
    expect(again.output.stdout).toBe('deployment.apps/web unchanged\nservice/web unchanged');
    const changed = run('kubectl apply -f web.yaml', first.world, {
      'web.yaml': WEB_YAML.replace('replicas: 3', 'replicas: 5'),
    });
    expect(changed.output.stdout).toBe('deployment.apps/web configured\nservice/web unchanged');
  });

  it('apply: a missing file, a document of the wrong type, stdin without a heredoc', () => {
    expect(run('kubectl apply -f nope.yaml', CLUSTER).output).toEqual({
      stdout: '',
      stderr: 'error: the path "nope.yaml" does not exist',
      exitCode: 1,
    });
    const r = run('kubectl apply -f bad.yaml', CLUSTER, { 'bad.yaml': '- 1\n- 2\n' });
    expect(r.output.stderr).toBe(
      'error: unable to decode "bad.yaml": json: cannot unmarshal array into Go value of type struct { APIVersion string "json:\\"apiVersion,omitempty\\""; Kind string "json:\\"kind,omitempty\\"" }',
    );
    expect(r.world).toBe(CLUSTER);
    expect(run('kubectl apply -f -', CLUSTER).output.stderr.split('\n')[0]).toBe(
      'error: no objects passed to apply',
    );
  });

  it('apply -f - takes a here-document, typed or in a command file', () => {
    const text = `kubectl apply -f - <<EOF\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: team-a\nEOF`;
    expect(run(text, CLUSTER).output.stdout).toBe('namespace/team-a created');
    const parsed = parseScenario(
      `id: cli-eks
title: CLI EKS
summary: An empty account for the terminal tests.
seed: 3
region: eu-west-3
orchestrator: eks
duration: 7200
initial: {}
goals:
  - {id: cost, goal: costBelow, params: {usd: 100}}
solution: []
`,
      'cli-eks.yaml',
    );
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
    const file = [
      ...CLUSTER_STEPS,
      "kubectl apply -f - <<'YAML'",
      'apiVersion: v1',
      'kind: Namespace',
      'metadata:',
      '  name: shop',
      'YAML',
      'kubectl apply -f cfg.yaml -n shop',
      'kubectl get ns shop',
    ].join('\n');
    const result = runCommandFile(parsed.value, file, {
      files: {
        'cfg.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\ndata:\n  a: b\n',
      },
    });
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    expect(result.value.actions.map((a) => a.action.type)).toEqual([
      'eks.cluster.create',
      'eks.kubeconfig.update',
      'k8s.apply',
      'k8s.apply',
    ]);
    expect(result.value.transcript.slice(-6)).toEqual([
      "[10:00] $ kubectl apply -f - <<'YAML'\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\nYAML",
      'namespace/shop created',
      '[10:00] $ kubectl apply -f cfg.yaml -n shop',
      'configmap/cfg created',
      '[10:00] $ kubectl get ns shop',
      'NAME   STATUS   AGE\nshop   Active   0s',
    ]);
  });

  it('cordon, drain and uncordon print what kubectl prints', () => {
    const node = Object.keys(WORKLOADS.eks!.kube['demo']!.nodes).sort()[0]!;
    const pods = Object.values(WORKLOADS.eks!.kube['demo']!.pods)
      .filter((p) => p.spec.nodeName === node && p.metadata.deletionTime === null)
      .map((p) => `${p.metadata.namespace}/${p.metadata.name}`)
      .sort();
    expect(pods.length).toBeGreaterThan(0);
    const cordoned = run(`kubectl cordon ${node}`, WORKLOADS);
    expect(cordoned.output.stdout).toBe(`node/${node} cordoned`);
    expect(run(`kubectl cordon ${node}`, cordoned.world).output.stdout).toBe(
      `node/${node} already cordoned`,
    );
    const drained = run(`kubectl drain ${node} --ignore-daemonsets`, cordoned.world);
    expect(drained.output).toEqual({
      stdout: [
        `node/${node} already cordoned`,
        ...pods.map((p) => `evicting pod ${p}`),
        ...pods.map((p) => `pod/${p.slice(p.indexOf('/') + 1)} evicted`),
        `node/${node} drained`,
      ].join('\n'),
      stderr: '',
      exitCode: 0,
    });
    expect(run(`kubectl uncordon ${node}`, drained.world).output.stdout).toBe(
      `node/${node} uncordoned`,
    );
  });

  it('a refused change applies nothing and names the object as kubectl does', () => {
    const before = hashWorld(WORKLOADS);
    const r = run('kubectl create deployment web --image=nginx:1.27', WORKLOADS);
    expect(r.output).toEqual({
      stdout: '',
      stderr: 'error: failed to create deployment: deployments.apps "web" already exists',
      exitCode: 1,
    });
    expect(r.world).toBe(WORKLOADS);
    expect(run('kubectl delete deployment web nope', WORKLOADS).output).toEqual({
      stdout: 'deployment.apps "web" deleted',
      stderr: 'Error from server (NotFound): deployments.apps "nope" not found',
      exitCode: 1,
    });
    expect(hashWorld(WORKLOADS)).toBe(before);
  });

  it('scale, set image, autoscale, label, taint, rollout undo and restart', () => {
    const node = Object.keys(WORKLOADS.eks!.kube['demo']!.nodes).sort()[0]!;
    const steps: [string, string][] = [
      ['kubectl scale deployment/web --replicas=4', 'deployment.apps/web scaled'],
      ['kubectl set image deployment/web web=nginx:1.26', 'deployment.apps/web image updated'],
      [
        'kubectl autoscale deployment web --min=2 --max=6 --cpu-percent=60',
        'horizontalpodautoscaler.autoscaling/web autoscaled',
      ],
      ['kubectl label deployment web tier=frontend', 'deployment.apps/web labeled'],
      ['kubectl label deployment web tier-', 'deployment.apps/web unlabeled'],
      [`kubectl taint nodes ${node} dedicated=gpu:NoSchedule`, `node/${node} tainted`],
      [`kubectl taint nodes ${node} dedicated:NoSchedule-`, `node/${node} untainted`],
      ['kubectl rollout undo deployment/web', 'deployment.apps/web rolled back'],
      [
        'kubectl rollout restart deployment/web -n shop',
        'Error from server (NotFound): deployments.apps "web" not found',
      ],
      ['kubectl rollout restart deployment/api -n shop', 'deployment.apps/api restarted'],
    ];
    let world = WORKLOADS;
    for (const [line, expected] of steps) {
      const r = run(line, world);
      expect(r.output.exitCode === 0 ? r.output.stdout : r.output.stderr, line).toBe(expected);
      // The deployment controller makes the new revision's ReplicaSet on its next tick.
      world = advance(r.world, 5);
    }
    const hpa = world.eks!.kube['demo']!.hpas['default/web']!;
    expect([hpa.object.spec.minReplicas, hpa.object.spec.maxReplicas]).toEqual([2, 6]);
  });

  it('tab completion: kubectl commands, resource types, deployments and nodes', () => {
    const e = env(WORKLOADS);
    expect(complete('kubectl ro', e).candidates).toEqual(['rollout']);
    expect(complete('kubectl rollout u', e).candidates).toEqual(['undo']);
    expect(complete('kubectl get de', e).candidates).toEqual(['deployments']);
    expect(complete('kubectl rollout undo ', e).candidates).toEqual(['deployment/web']);
    expect(complete('kubectl get pods -n ', e).candidates).toEqual([
      'default',
      'kube-node-lease',
      'kube-public',
      'kube-system',
      'shop',
    ]);
    expect(complete('kubectl cordon ', e).candidates).toEqual(
      Object.keys(WORKLOADS.eks!.kube['demo']!.nodes).sort(),
    );
    expect(complete('eksctl scale nodegroup --cluster ', e).candidates).toEqual(['demo']);
    expect(complete('kub', e).candidates).toEqual(['kubectl']);
  });

  it('help lists the tools and each command has a help page', () => {
    const help = interpret('help', env(WORKLOADS));
    expect(help.kind === 'output' && help.output.stdout).toContain('kubectl <command> …');
    const page = interpret('kubectl scale --help', env(WORKLOADS));
    expect(page.kind === 'output' && page.output.stdout.split('\n')[0]).toBe(
      'Set a new size for a deployment, replica set, or replication controller.',
    );
  });
});
