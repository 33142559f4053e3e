/** Tab completion: commands, operations, flags and the world's names (services, ids, files). */
import { own } from '../model/record.ts';
import { GLOBAL_FLAGS } from './aws/args.ts';
import { AWS_SERVICES } from './aws/aws.ts';
import { eventRules } from './aws/events/rules.ts';
import { roleNames } from './aws/iam/roles.ts';
import { dockerHosts } from './docker/command.ts';
import { DOCKER_COMMANDS } from './docker/docker.ts';
import { completeEksctl } from './eksctl/eksctl.ts';
import { BUILTINS, PROGRAM_NAMES } from './interpret.ts';
import { completeKubectl } from './kubectl/complete.ts';
import { tokenize } from './tokenize.ts';
import { subnetIdFor } from '../model/vpc.ts';
import { KUBERNETES_VERSIONS } from '../services/eks/actions.ts';
import type { CliEnv } from './types.ts';
import { workingFiles } from './working-files.ts';

export interface Completion {
  /** Where the word being completed starts in the line. */
  start: number;
  /** Sorted candidates for that word (empty: nothing to offer). */
  candidates: string[];
}

/** Names a service's own flags take (`--name` is a rule for events, a cluster for eks; roles for iam). */
function serviceValues(service: string, flag: string, env: CliEnv): string[] | null {
  if (service === 'events' && (flag === 'name' || flag === 'rule' || flag === 'name-prefix'))
    return env.world.ecr ? eventRules(env.world).map((r) => r.name) : [];
  if (service === 'iam' && flag === 'role-name')
    return env.world.ecr || env.world.pipeline?.role ? roleNames(env.world) : [];
  return null;
}

function values(flag: string, env: CliEnv, service = ''): string[] {
  const named = serviceValues(service, flag, env);
  if (named) return named;
  const w = env.world;
  switch (flag) {
    case 'output':
      return ['json', 'table', 'text'];
    case 'cluster':
      return w.ecs.cluster ? [w.ecs.cluster.name] : [];
    case 'cluster-name':
    case 'name':
      return Object.keys(w.eks?.clusters ?? {});
    case 'nodegroup-name':
      return Object.values(w.eks?.nodegroups ?? {}).map((n) => n.name);
    case 'fargate-profile-name':
      return Object.values(w.eks?.fargateProfiles ?? {}).map((p) => p.name);
    case 'subnets':
      return w.azs.map(subnetIdFor);
    case 'kubernetes-version':
      return [...KUBERNETES_VERSIONS];
    case 'capacity-type':
      return ['ON_DEMAND', 'SPOT'];
    case 'service':
    case 'services':
      return Object.keys(w.ecs.services);
    case 'task-definition':
      return Object.keys(w.ecs.taskDefinitions);
    case 'instance-ids':
    case 'context':
      return flag === 'context' ? dockerHosts(w).map((h) => h.id) : Object.keys(w.ec2.instances);
    case 'task':
    case 'tasks':
      return Object.values(w.ecs.tasks)
        .filter((t) => t.desiredStatus === 'RUNNING')
        .map((t) => t.id);
    case 'cli-input-json':
      return Object.keys(env.files).map((f) => `file://${f}`);
    case 'auto-scaling-group-name':
      return Object.keys(w.ec2.autoScalingGroups);
    case 'launch-type':
      return ['EC2', 'FARGATE'];
    case 'instance-type':
    case 'instance-types':
      return [
        't3.micro',
        't3.small',
        't3.medium',
        't3.large',
        'm5.large',
        'm5.xlarge',
        'c5.large',
        'm6g.medium',
        'm6g.large',
        'm6g.xlarge',
      ];
    case 'placement':
      return w.azs.map((az) => `AvailabilityZone=${az}`);
    case 'repository-name':
    case 'repository-names':
      return Object.keys(w.ecr?.repositories ?? {});
    case 'filter':
      return ['tagStatus=ANY', 'tagStatus=TAGGED', 'tagStatus=UNTAGGED'];
    default:
      return [];
  }
}

export function complete(line: string, env: CliEnv): Completion {
  const endsWithSpace = line === '' || /\s$/.test(line);
  const tokenized = tokenize(line);
  if (!tokenized.ok) return { start: line.length, candidates: [] };
  const tokens = tokenized.tokens;
  const word = endsWithSpace ? '' : (tokens[tokens.length - 1] ?? '');
  const before = endsWithSpace ? tokens : tokens.slice(0, -1);
  const start = endsWithSpace
    ? line.length
    : Math.max(line.lastIndexOf(' '), line.lastIndexOf('\t')) + 1;
  const pick = (options: string[]) => ({
    start,
    candidates: [...new Set(options.filter((o) => o.startsWith(word)))].sort(),
  });

  if (before.length === 0) return pick([...PROGRAM_NAMES, ...BUILTINS]);
  const program = before[0];
  const prev = before[before.length - 1] ?? '';
  if (program === 'aws') {
    if (prev.startsWith('--')) {
      const v = values(prev.slice(2), env, before[1]);
      if (v.length > 0) return pick(v);
    }
    const positionals = before.slice(1).filter((t) => !t.startsWith('--'));
    if (before.length === 1) return pick(Object.keys(AWS_SERVICES));
    const service = own(AWS_SERVICES, before[1] ?? '');
    if (!service) return pick([]);
    if (before.length === 2) return pick([...service.operations.map((o) => o.name), 'help']);
    const op = service.operations.find((o) => o.name === before[2]);
    if (!op || positionals.length < 2) return pick([]);
    const used = new Set(
      before.filter((t) => t.startsWith('--')).map((t) => t.slice(2).split('=')[0]),
    );
    const flags = [...op.flags, ...GLOBAL_FLAGS]
      .filter((f) => !used.has(f.name))
      .map((f) => `--${f.name}`);
    return pick(word.startsWith('-') || word === '' ? flags : []);
  }
  if (program === 'docker') {
    if (prev === '--context' || prev === '-c') return pick(values('context', env));
    const rest = before.slice(1);
    const cmdIndex = rest.findIndex(
      (t, i) => !t.startsWith('-') && rest[i - 1] !== '--context' && rest[i - 1] !== '-c',
    );
    if (cmdIndex < 0) return pick([...DOCKER_COMMANDS.map((c) => c.name), '--context']);
    const cmd = DOCKER_COMMANDS.find((c) => c.name === rest[cmdIndex]);
    if (!cmd) return pick([]);
    if (cmd.name === 'context')
      return pick(
        rest.length === cmdIndex + 1
          ? ['ls', 'show', 'use']
          : rest[cmdIndex + 1] === 'use'
            ? ['default', ...values('context', env)]
            : [],
      );
    if (word.startsWith('-')) return pick(cmd.flags.map((f) => `--${f.long}`));
    const w = env.world;
    if (cmd.name === 'run') {
      if (prev === '--name')
        return pick(
          Object.values(w.docker.containers)
            .filter((c) => c.hostId === null)
            .map((c) => c.name),
        );
      return pick(
        Object.values(w.docker.containers)
          .filter((c) => c.hostId === null)
          .map((c) => c.image),
      );
    }
    const host = env.session.dockerContext;
    const ctxIndex = before.indexOf('--context');
    const hostId = ctxIndex >= 0 ? before[ctxIndex + 1] : host;
    return pick(
      Object.values(w.docker.containers)
        .filter((c) => c.hostId !== null && c.hostId === hostId)
        .map((c) => c.name),
    );
  }
  if (program === 'kubectl' || program === 'eksctl') {
    const all =
      program === 'kubectl'
        ? completeKubectl(before.slice(1), env)
        : completeEksctl(before.slice(1), env);
    const flagsOnly = word.startsWith('-');
    return pick(all.filter((c) => c.startsWith('-') === flagsOnly || !c.startsWith('--')));
  }
  if (program === 'helm') return pick(before.length === 1 ? ['install', 'repo', 'upgrade'] : []);
  if (program === 'cat') return pick(Object.keys(workingFiles(env)));
  return pick([]);
}

/** The longest prefix the candidates share. */
export function commonPrefix(candidates: string[]): string {
  if (candidates.length === 0) return '';
  let prefix = candidates[0] as string;
  for (const c of candidates) {
    while (!c.startsWith(prefix)) prefix = prefix.slice(0, -1);
  }
  return prefix;
}
