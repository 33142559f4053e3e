/**
 * `eksctl` (a subset): create cluster / nodegroup / fargateprofile, scale nodegroup, upgrade
 * nodegroup, delete cluster / nodegroup / fargateprofile, get cluster / nodegroup — with
 * eksctl's `2026-01-05 09:00:00 [ℹ]  …` log lines. The real eksctl waits for CloudFormation;
 * the sandbox's returns once the change has started, and says so.
 */
import type { Action } from '../../model/actions.ts';
import { own } from '../../model/record.ts';
import type { World } from '../../model/types.ts';
import { isoTime } from '../format.ts';
import { table } from '../../services/eks/kubectl-format.ts';
import type { FlagValues, KubectlFlag } from '../kubectl/flags.ts';
import { bool, int, parseFlags, str } from '../kubectl/flags.ts';
import { applyAll, output } from '../outcome.ts';
import type { CliEnv, CliOutcome, CommandOutput } from '../types.ts';
import { fail, ok } from '../types.ts';

export const EKSCTL_VERSION = '0.194.0';

const INFO = 'ℹ';
const DONE = '✔';

/** `2026-01-05 09:00:00 [ℹ]  message`, from sim time. */
export function logLine(world: World, mark: string, message: string): string {
  return `${isoTime(world.time).slice(0, 19).replace('T', ' ')} [${mark}]  ${message}`;
}

const WAIT_NOTE =
  "(The sandbox's eksctl returns once the change has started instead of waiting for CloudFormation: follow it with eksctl get, aws eks describe-* or kubectl get nodes.)";

interface EksctlCommand {
  verb: string;
  noun: string[];
  summary: string;
  flags: KubectlFlag[];
  run: (env: CliEnv, flags: FlagValues, args: string[]) => CliOutcome;
}

const regionFlag: KubectlFlag = { name: 'region', short: 'r', kind: 'string', help: 'AWS region' };
const clusterFlag: KubectlFlag = {
  name: 'cluster',
  short: 'c',
  kind: 'string',
  help: 'EKS cluster name',
};
const nameFlag: KubectlFlag = {
  name: 'name',
  short: 'n',
  kind: 'string',
  help: 'name of the resource',
};

function error(message: string): CliOutcome {
  return output(fail(`Error: ${message}`, 1));
}

/** The engine's refusal in eksctl's words: eksctl prints AWS's error after `Error: `. */
function refused(e: string): CommandOutput {
  return fail(
    `Error: ${e.replace(/^An error occurred \(([A-Za-z]+)\) when calling the \w+ operation: /, '$1: ')}`,
    1,
  );
}

function run(world: World, actions: Action[], lines: (after: World) => string[]): CliOutcome {
  return applyAll(world, actions, refused, (_r, _b, after) => ({
    stdout: lines(after).join('\n'),
    stderr: WAIT_NOTE,
    exitCode: 0,
  }));
}

function checkRegion(world: World, flags: FlagValues): CliOutcome | null {
  const r = str(flags, 'region');
  if (r !== undefined && r !== world.region)
    return error(
      `the sandbox runs in ${world.region} only (got --region ${r}). (This is the sandbox's own message.)`,
    );
  return null;
}

function nameOf(flags: FlagValues, args: string[], flag = 'name'): string | undefined {
  return str(flags, flag) ?? args[0];
}

const createCluster: EksctlCommand = {
  verb: 'create',
  noun: ['cluster'],
  summary: 'Create a cluster',
  flags: [
    nameFlag,
    regionFlag,
    { name: 'version', kind: 'string', help: 'Kubernetes version (1.29–1.33)' },
    { name: 'zones', kind: 'strings', help: '(auto-select if unspecified)' },
    {
      name: 'without-nodegroup',
      kind: 'bool',
      help: 'if set, initial nodegroup will not be created',
    },
    {
      name: 'nodegroup-name',
      kind: 'string',
      help: 'name of the nodegroup (not modelled: use --without-nodegroup)',
    },
    {
      name: 'node-type',
      kind: 'string',
      help: 'node instance type (not modelled: use --without-nodegroup)',
    },
    {
      name: 'nodes',
      kind: 'int',
      help: 'total number of nodes (not modelled: use --without-nodegroup)',
    },
    {
      name: 'fargate',
      kind: 'bool',
      help: 'Create a Fargate profile scheduling pods in the default and kube-system namespaces (not modelled)',
    },
  ],
  run(env, flags, args) {
    const bad = checkRegion(env.world, flags);
    if (bad) return bad;
    const name = nameOf(flags, args);
    if (name === undefined)
      return error('--name must be set (the sandbox does not generate cluster names)');
    if (!bool(flags, 'without-nodegroup'))
      return error(
        "the sandbox's eksctl creates the control plane only: add --without-nodegroup, then run eksctl create nodegroup once the cluster is ACTIVE. (This is the sandbox's own message.)",
      );
    const zones = Array.isArray(flags['zones']) ? flags['zones'] : undefined;
    const version = str(flags, 'version');
    const action: Action = {
      type: 'eks.cluster.create',
      name,
      ...(version === undefined ? {} : { version: version as '1.31' }),
      ...(zones === undefined ? {} : { azs: zones }),
      via: 'eksctl',
    };
    const w = env.world;
    return run(w, [action], (after) => {
      const c = after.eks ? own(after.eks.clusters, name) : undefined;
      const azs = c?.azs ?? zones ?? w.azs;
      return [
        logLine(w, INFO, `eksctl version ${EKSCTL_VERSION}`),
        logLine(w, INFO, `using region ${w.region}`),
        logLine(w, INFO, `setting availability zones to [${azs.join(' ')}]`),
        logLine(w, INFO, `using Kubernetes version ${c?.version ?? version ?? ''}`),
        logLine(
          w,
          INFO,
          `creating EKS cluster ${JSON.stringify(name)} in ${JSON.stringify(w.region)} region with `,
        ),
        logLine(
          w,
          INFO,
          'will create a CloudFormation stack for cluster itself and 0 nodegroup stack(s)',
        ),
        logLine(
          w,
          INFO,
          `if you encounter any issues, check CloudFormation console or try 'eksctl utils describe-stacks --region=${w.region} --cluster=${name}'`,
        ),
        logLine(w, INFO, `building cluster stack "eksctl-${name}-cluster"`),
        logLine(w, INFO, `deploying stack "eksctl-${name}-cluster"`),
        logLine(w, INFO, `waiting for CloudFormation stack "eksctl-${name}-cluster"`),
      ];
    });
  },
};

function needCluster(flags: FlagValues): string | CliOutcome {
  const c = str(flags, 'cluster');
  return c === undefined ? error('--cluster must be set') : c;
}

const createNodegroup: EksctlCommand = {
  verb: 'create',
  noun: ['nodegroup', 'ng', 'nodegroups'],
  summary: 'Create a nodegroup',
  flags: [
    clusterFlag,
    nameFlag,
    regionFlag,
    {
      name: 'node-type',
      short: 't',
      kind: 'string',
      help: 'node instance type (default m5.large)',
    },
    {
      name: 'instance-types',
      kind: 'strings',
      help: 'Comma-separated list of instance types (e.g., --instance-types=c3.large,c4.large,c5.large',
    },
    {
      name: 'nodes',
      short: 'N',
      kind: 'int',
      help: 'total number of nodes (for a static ASG) (default 2)',
    },
    { name: 'nodes-min', short: 'm', kind: 'int', help: 'minimum nodes in ASG (default 2)' },
    { name: 'nodes-max', short: 'M', kind: 'int', help: 'maximum nodes in ASG (default 2)' },
    { name: 'spot', kind: 'bool', help: 'Create a spot nodegroup (managed nodegroups only)' },
    {
      name: 'node-labels',
      kind: 'string',
      help: 'extra labels to add when registering the nodes in the nodegroup',
    },
    { name: 'node-zones', kind: 'strings', help: '(inherited from the cluster if unspecified)' },
    {
      name: 'managed',
      kind: 'bool',
      help: 'Create EKS-managed nodegroup (the default; unmanaged is not modelled)',
    },
  ],
  run(env, flags, args) {
    const bad = checkRegion(env.world, flags);
    if (bad) return bad;
    const cluster = needCluster(flags);
    if (typeof cluster !== 'string') return cluster;
    if (flags['managed'] === false)
      return error(
        "unmanaged (self-managed) node groups are not modelled through eksctl: launch nodes with aws ec2 run-instances. (This is the sandbox's own message.)",
      );
    const name =
      nameOf(flags, args) ??
      `ng-${(env.world.eks?.counter ?? 0).toString(16).padStart(8, '0').slice(-8)}`;
    const desired = int(flags, 'nodes') ?? 2;
    const min = int(flags, 'nodes-min') ?? Math.min(desired, 2);
    const max = int(flags, 'nodes-max') ?? Math.max(desired, 2);
    const typesFlag = flags['instance-types'];
    const types = Array.isArray(typesFlag)
      ? typesFlag
      : (str(flags, 'node-type') ?? 'm5.large').split(',').filter((t) => t !== '');
    const labels: Record<string, string> = {};
    for (const pair of (str(flags, 'node-labels') ?? '').split(',').filter((p) => p !== '')) {
      const eq = pair.indexOf('=');
      if (eq < 0) return error(`invalid label: ${pair}`);
      labels[pair.slice(0, eq)] = pair.slice(eq + 1);
    }
    const zones = flags['node-zones'];
    const action: Action = {
      type: 'eks.nodegroup.create',
      cluster,
      name,
      instanceTypes: types,
      min,
      desired,
      max,
      ...(bool(flags, 'spot') ? { capacityType: 'SPOT' as const } : {}),
      ...(Object.keys(labels).length > 0 ? { labels } : {}),
      ...(Array.isArray(zones) ? { azs: zones } : {}),
      via: 'eksctl',
    };
    const w = env.world;
    return run(w, [action], (after) => {
      const c = after.eks ? own(after.eks.clusters, cluster) : undefined;
      return [
        logLine(
          w,
          INFO,
          `will use version ${c?.version ?? ''} for new nodegroup(s) based on control plane version`,
        ),
        logLine(
          w,
          INFO,
          `nodegroup ${JSON.stringify(name)} will use "" [AmazonLinux2023/${c?.version ?? ''}]`,
        ),
        logLine(w, INFO, `1 nodegroup (${name}) was included (based on the include/exclude rules)`),
        logLine(
          w,
          INFO,
          `will create a CloudFormation stack for each of 1 managed nodegroups in cluster ${JSON.stringify(cluster)}`,
        ),
        logLine(w, INFO, `building managed nodegroup stack "eksctl-${cluster}-nodegroup-${name}"`),
        logLine(w, INFO, `deploying stack "eksctl-${cluster}-nodegroup-${name}"`),
        logLine(w, INFO, `waiting for CloudFormation stack "eksctl-${cluster}-nodegroup-${name}"`),
      ];
    });
  },
};

const createFargateProfile: EksctlCommand = {
  verb: 'create',
  noun: ['fargateprofile', 'fargateprofiles'],
  summary: 'Create a Fargate profile',
  flags: [
    clusterFlag,
    nameFlag,
    regionFlag,
    {
      name: 'namespace',
      kind: 'string',
      help: 'Kubernetes namespace of the pods to schedule onto Fargate',
    },
    {
      name: 'labels',
      short: 'l',
      kind: 'string',
      help: 'Kubernetes selector labels of the pods to schedule onto Fargate, e.g. k1=v1,k2=v2',
    },
  ],
  run(env, flags, args) {
    const bad = checkRegion(env.world, flags);
    if (bad) return bad;
    const cluster = needCluster(flags);
    if (typeof cluster !== 'string') return cluster;
    const namespace = str(flags, 'namespace');
    if (namespace === undefined) return error('invalid Fargate profile: empty selector namespace');
    const name = nameOf(flags, args);
    if (name === undefined)
      return error(
        "--name must be set (the sandbox does not generate profile names). (This is the sandbox's own message.)",
      );
    const labels: Record<string, string> = {};
    for (const pair of (str(flags, 'labels') ?? '').split(',').filter((p) => p !== '')) {
      const eq = pair.indexOf('=');
      if (eq < 0) return error(`invalid label: ${pair}`);
      labels[pair.slice(0, eq)] = pair.slice(eq + 1);
    }
    const action: Action = {
      type: 'eks.fargate-profile.create',
      cluster,
      name,
      selectors: [{ namespace, ...(Object.keys(labels).length > 0 ? { labels } : {}) }],
      via: 'eksctl',
    };
    const w = env.world;
    return run(w, [action], () => [
      logLine(
        w,
        INFO,
        `creating Fargate profile ${JSON.stringify(name)} on EKS cluster ${JSON.stringify(cluster)}`,
      ),
      logLine(
        w,
        INFO,
        `created Fargate profile ${JSON.stringify(name)} on EKS cluster ${JSON.stringify(cluster)}`,
      ),
    ]);
  },
};

const scaleNodegroup: EksctlCommand = {
  verb: 'scale',
  noun: ['nodegroup', 'ng'],
  summary: 'Scale a nodegroup',
  flags: [
    clusterFlag,
    nameFlag,
    regionFlag,
    {
      name: 'nodes',
      short: 'N',
      kind: 'int',
      help: 'total number of nodes (scale to this number)',
    },
    {
      name: 'nodes-min',
      short: 'm',
      kind: 'int',
      help: 'minimum number of nodes (scale to this number)',
    },
    {
      name: 'nodes-max',
      short: 'M',
      kind: 'int',
      help: 'maximum number of nodes (scale to this number)',
    },
  ],
  run(env, flags, args) {
    const bad = checkRegion(env.world, flags);
    if (bad) return bad;
    const cluster = needCluster(flags);
    if (typeof cluster !== 'string') return cluster;
    const name = nameOf(flags, args);
    if (name === undefined) return error('--name must be set');
    const desired = int(flags, 'nodes');
    const min = int(flags, 'nodes-min');
    const max = int(flags, 'nodes-max');
    if (desired === undefined && min === undefined && max === undefined)
      return error('at least one of minimum, maximum and desired nodes must be set');
    if (desired !== undefined && desired < 0) return error('number of nodes must be 0 or greater');
    const action: Action = {
      type: 'eks.nodegroup.update-config',
      cluster,
      name,
      ...(min === undefined ? {} : { min }),
      ...(desired === undefined ? {} : { desired }),
      ...(max === undefined ? {} : { max }),
      via: 'eksctl',
    };
    const w = env.world;
    return applyAll(w, [action], refused, () =>
      ok(
        [
          logLine(w, INFO, `scaling nodegroup ${JSON.stringify(name)} in cluster ${cluster}`),
          logLine(w, INFO, 'initiated scaling of nodegroup'),
          logLine(
            w,
            INFO,
            `to see the status of the scaling run \`eksctl get nodegroup --cluster ${cluster} --region ${w.region} --name ${name}\``,
          ),
        ].join('\n'),
      ),
    );
  },
};

const upgradeNodegroup: EksctlCommand = {
  verb: 'upgrade',
  noun: ['nodegroup'],
  summary: 'Upgrade nodegroup',
  flags: [
    clusterFlag,
    nameFlag,
    regionFlag,
    { name: 'kubernetes-version', kind: 'string', help: 'Kubernetes version' },
    {
      name: 'release-version',
      kind: 'string',
      help: 'AMI version of the EKS optimized AMI to use',
    },
    {
      name: 'force-upgrade',
      kind: 'bool',
      help: "Force the update if the existing node group's pods are unable to be drained due to a pod disruption budget issue",
    },
  ],
  run(env, flags, args) {
    const cluster = needCluster(flags);
    if (typeof cluster !== 'string') return cluster;
    const name = nameOf(flags, args);
    if (name === undefined) return error('--name must be set');
    const version = str(flags, 'kubernetes-version');
    const release = str(flags, 'release-version');
    const action: Action = {
      type: 'eks.nodegroup.update-version',
      cluster,
      name,
      ...(version === undefined ? {} : { version: version as '1.31' }),
      ...(release === undefined ? {} : { releaseVersion: release }),
      ...(bool(flags, 'force-upgrade') ? { force: true } : {}),
      via: 'eksctl',
    };
    const w = env.world;
    return run(w, [action], () => [
      logLine(w, INFO, `upgrading nodegroup version`),
      logLine(w, INFO, `waiting for upgrade of nodegroup ${JSON.stringify(name)} to complete`),
    ]);
  },
};

function deleteCommand(
  noun: string[],
  type: 'eks.cluster.delete' | 'eks.nodegroup.delete' | 'eks.fargate-profile.delete',
): EksctlCommand {
  return {
    verb: 'delete',
    noun,
    summary: `Delete a ${noun[0]}`,
    flags:
      type === 'eks.cluster.delete'
        ? [
            nameFlag,
            regionFlag,
            {
              name: 'wait',
              short: 'w',
              kind: 'bool',
              help: 'wait for deletion of all resources before exiting',
            },
          ]
        : [
            clusterFlag,
            nameFlag,
            regionFlag,
            { name: 'wait', kind: 'bool', help: 'wait for deletion' },
          ],
    run(env, flags, args) {
      const bad = checkRegion(env.world, flags);
      if (bad) return bad;
      const w = env.world;
      if (type === 'eks.cluster.delete') {
        const name = nameOf(flags, args);
        if (name === undefined) return error('--name must be set');
        return run(w, [{ type, name, via: 'eksctl' }], () => [
          logLine(w, INFO, `deleting EKS cluster ${JSON.stringify(name)}`),
          logLine(w, INFO, `deleting CloudFormation stack "eksctl-${name}-cluster"`),
          logLine(w, DONE, 'all cluster resources were deleted'),
        ]);
      }
      const cluster = needCluster(flags);
      if (typeof cluster !== 'string') return cluster;
      const name = nameOf(flags, args);
      if (name === undefined) return error('--name must be set');
      if (type === 'eks.nodegroup.delete')
        return run(w, [{ type, cluster, name, via: 'eksctl' }], () => [
          logLine(
            w,
            INFO,
            `1 nodegroup (${name}) was included (based on the include/exclude rules)`,
          ),
          logLine(w, INFO, `will drain 1 nodegroup(s) in cluster ${JSON.stringify(cluster)}`),
          logLine(w, INFO, `will delete 1 nodegroups from cluster ${JSON.stringify(cluster)}`),
          logLine(w, INFO, `will delete stack "eksctl-${cluster}-nodegroup-${name}"`),
          logLine(w, DONE, `deleted 1 nodegroup(s) from cluster ${JSON.stringify(cluster)}`),
        ]);
      return run(w, [{ type, cluster, name, via: 'eksctl' }], () => [
        logLine(
          w,
          INFO,
          `deleted Fargate profile ${JSON.stringify(name)} on EKS cluster ${JSON.stringify(cluster)}`,
        ),
      ]);
    },
  };
}

const getCluster: EksctlCommand = {
  verb: 'get',
  noun: ['cluster', 'clusters'],
  summary: 'Get cluster(s)',
  flags: [nameFlag, regionFlag],
  run(env, flags, args) {
    const name = nameOf(flags, args);
    const clusters = Object.values(env.world.eks?.clusters ?? {}).filter(
      (c) => name === undefined || c.name === name,
    );
    if (name !== undefined && clusters.length === 0)
      return error(
        `unable to describe cluster control plane: operation error EKS: DescribeCluster, ResourceNotFoundException: No cluster found for name: ${name}.`,
      );
    if (clusters.length === 0) return output(ok(`No clusters found`));
    return output(
      ok(
        table([
          ['NAME', 'REGION', 'EKSCTL CREATED'],
          ...clusters.map((c) => [c.name, env.world.region, 'False']),
        ]),
      ),
    );
  },
};

const getNodegroup: EksctlCommand = {
  verb: 'get',
  noun: ['nodegroup', 'nodegroups', 'ng'],
  summary: 'Get nodegroup(s)',
  flags: [clusterFlag, nameFlag, regionFlag],
  run(env, flags, args) {
    const cluster = needCluster(flags);
    if (typeof cluster !== 'string') return cluster;
    if (!env.world.eks || !own(env.world.eks.clusters, cluster))
      return error(`No cluster found for name: ${cluster}.`);
    const name = nameOf(flags, args);
    const groups = Object.values(env.world.eks.nodegroups).filter(
      (n) => n.cluster === cluster && (name === undefined || n.name === name),
    );
    if (name !== undefined && groups.length === 0)
      return error(`No node group found for name: ${name}.`);
    const rows = [
      [
        'CLUSTER',
        'NODEGROUP',
        'STATUS',
        'CREATED',
        'MIN SIZE',
        'MAX SIZE',
        'DESIRED CAPACITY',
        'INSTANCE TYPE',
        'IMAGE ID',
        'ASG NAME',
        'TYPE',
      ],
    ];
    for (const g of groups)
      rows.push([
        g.cluster,
        g.name,
        g.status,
        isoTime(g.createdAt).replace('+00:00', 'Z'),
        String(g.minSize),
        String(g.maxSize),
        String(g.desiredSize),
        g.instanceTypes.join(','),
        g.amiType,
        g.asg,
        'managed',
      ]);
    return output(ok(table(rows)));
  },
};

export const EKSCTL_COMMANDS: EksctlCommand[] = [
  createCluster,
  createNodegroup,
  createFargateProfile,
  scaleNodegroup,
  upgradeNodegroup,
  deleteCommand(['cluster'], 'eks.cluster.delete'),
  deleteCommand(['nodegroup', 'ng'], 'eks.nodegroup.delete'),
  deleteCommand(['fargateprofile'], 'eks.fargate-profile.delete'),
  getCluster,
  getNodegroup,
];

const VERBS = ['create', 'delete', 'get', 'scale', 'upgrade'];

export function eksctlHelp(): string {
  return [
    'The official CLI for Amazon EKS (the sandbox models the commands below)',
    '',
    'Usage: eksctl [command] [flags]',
    '',
    'Commands:',
    ...EKSCTL_COMMANDS.map((c) => `  eksctl ${`${c.verb} ${c.noun[0]}`.padEnd(24)} ${c.summary}`),
    '  eksctl version                   Output the version of eksctl',
    '',
    "Use 'eksctl [command] --help' for more information about a command.",
  ].join('\n');
}

function commandHelp(c: EksctlCommand): string {
  return [
    c.summary,
    '',
    `Usage: eksctl ${c.verb} ${c.noun[0]} [flags]`,
    '',
    'Flags:',
    ...c.flags.map(
      (f) => `  ${f.short ? `-${f.short}, ` : '    '}--${f.name.padEnd(20)} ${f.help}`,
    ),
  ].join('\n');
}

export function runEksctl(tokens: string[], env: CliEnv): CliOutcome {
  const [verb, noun, ...rest] = tokens;
  if (verb === undefined || verb === 'help' || verb === '--help' || verb === '-h')
    return output(ok(eksctlHelp()));
  if (verb === 'version') return output(ok(EKSCTL_VERSION));
  if (!VERBS.includes(verb))
    return output(
      fail(
        `Error: unknown command ${JSON.stringify(verb)} for "eksctl"\nRun 'eksctl --help' for usage.`,
        1,
      ),
    );
  const command = EKSCTL_COMMANDS.find(
    (c) => c.verb === verb && noun !== undefined && c.noun.includes(noun),
  );
  if (!command) {
    if (noun === undefined || noun.startsWith('-')) return output(ok(eksctlHelp()));
    return output(
      fail(
        `Error: unknown command ${JSON.stringify(noun)} for "eksctl ${verb}"\nRun 'eksctl ${verb} --help' for usage.`,
        1,
      ),
    );
  }
  if (rest.includes('--help') || rest.includes('-h')) return output(ok(commandHelp(command)));
  const parsed = parseFlags(rest, command.flags, []);
  if (!parsed.ok) return output(fail(`Error: ${parsed.error}`, 1));
  if (parsed.positionals.length > 1)
    return output(
      fail(
        `Error: --name=${parsed.positionals[0]} and argument ${parsed.positionals[1]} cannot be used at the same time`,
        1,
      ),
    );
  return command.run(env, parsed.flags, parsed.positionals);
}

/** Tab completion: verbs, nouns, flags, and cluster names after --cluster. */
export function completeEksctl(before: string[], env: CliEnv): string[] {
  const prev = before[before.length - 1] ?? '';
  const clusters = Object.keys(env.world.eks?.clusters ?? {});
  if (prev === '--cluster' || prev === '-c') return clusters;
  if (prev === '--region' || prev === '-r') return [env.world.region];
  const [verb, noun] = before;
  if (verb === undefined) return [...VERBS, 'version', 'help'];
  if (noun === undefined)
    return [
      ...new Set(EKSCTL_COMMANDS.filter((c) => c.verb === verb).map((c) => c.noun[0] as string)),
    ];
  const command = EKSCTL_COMMANDS.find((c) => c.verb === verb && c.noun.includes(noun));
  if (!command) return [];
  if (prev === '--name' || prev === '-n') {
    if (noun === 'cluster' && verb !== 'create') return clusters;
    if (noun.startsWith('nodegroup') || noun === 'ng')
      return Object.values(env.world.eks?.nodegroups ?? {}).map((n) => n.name);
    return [];
  }
  return command.flags.map((f) => `--${f.name}`);
}
