/** Tab completion for kubectl: commands, subcommands, resource types, flags and the cluster's names. */
import type { CliEnv } from '../types.ts';
import type { KubectlCommand } from './command.ts';
import { connect } from './connect.ts';
import { GLOBAL_FLAGS } from './flags.ts';
import { list, namespaceNames } from './listing.ts';
import { KUBECTL_COMMANDS } from './registry.ts';
import type { ResourceKey } from './resources.ts';
import { RESOURCES, resolveResource } from './resources.ts';

const TYPE_WORDS = RESOURCES.map((r) => r.key);
/** Commands whose first word is a resource type. */
const TAKES_TYPE = new Set(['get', 'describe', 'delete', 'label', 'taint', 'scale', 'autoscale']);
const TAKES_NODE = new Set(['cordon', 'uncordon', 'drain']);
const TAKES_DEPLOYMENT = new Set([
  'rollout status',
  'rollout history',
  'rollout undo',
  'rollout restart',
  'set image',
]);

/** Candidates for the word after `before` (the words typed so far, `kubectl` excluded). */
export function completeKubectl(before: string[], env: CliEnv): string[] {
  const prev = before[before.length - 1] ?? '';
  const conn = connect(env.world);
  const ns = namespaceOf(before);
  const names = (key: ResourceKey): string[] => {
    if (!conn.ok) return [];
    return list(conn.kube, key, conn.cluster.createdAt)
      .filter((x) => x.namespace === '' || x.namespace === ns)
      .map((x) => x.name);
  };
  if (prev === '-n' || prev === '--namespace') return conn.ok ? namespaceNames(conn.kube) : [];
  if (prev === '-o' || prev === '--output') return ['json', 'name', 'wide', 'yaml'];
  if (prev === '-f' || prev === '--filename') return ['-', ...Object.keys(env.files)];
  const words = before.filter(
    (w, i) =>
      !w.startsWith('-') &&
      ![
        '-n',
        '--namespace',
        '-o',
        '--output',
        '-f',
        '--filename',
        '-l',
        '--selector',
        '-c',
        '--container',
      ].includes(before[i - 1] ?? ''),
  );
  const [name, ...rest] = words;
  if (name === undefined) return [...KUBECTL_COMMANDS.map((c) => c.name), 'help'];
  const command = KUBECTL_COMMANDS.find((c) => c.name === name);
  if (!command) return [];
  let cmd: KubectlCommand = command;
  let path = name;
  let args = rest;
  if (command.subcommands) {
    if (rest.length === 0) return command.subcommands.map((s) => s.name);
    const sub = command.subcommands.find((s) => s.name === rest[0]);
    if (!sub) return [];
    cmd = sub;
    path = `${name} ${sub.name}`;
    args = rest.slice(1);
  }
  const flags = [...cmd.flags, ...GLOBAL_FLAGS].map((f) => `--${f.name}`);
  const objects: string[] = [];
  if (TAKES_TYPE.has(path)) {
    if (args.length === 0) objects.push(...TYPE_WORDS);
    else {
      const r = resolveResource(args[0] as string);
      if (r) objects.push(...names(r.key));
    }
  } else if (TAKES_NODE.has(path)) {
    if (args.length === 0) objects.push(...names('nodes'));
  } else if (TAKES_DEPLOYMENT.has(path)) {
    if (args.length === 0) objects.push(...names('deployments').map((n) => `deployment/${n}`));
  } else if (path === 'logs') {
    if (args.length === 0) objects.push(...names('pods'));
  } else if (path === 'top pod' || path === 'top pods') {
    objects.push(...names('pods'));
  } else if (path === 'top node' || path === 'top nodes') {
    objects.push(...names('nodes'));
  }
  return [...objects, ...flags];
}

function namespaceOf(before: string[]): string {
  for (let i = 0; i < before.length; i++) {
    const w = before[i] as string;
    if ((w === '-n' || w === '--namespace') && before[i + 1] !== undefined)
      return before[i + 1] as string;
    if (w.startsWith('--namespace=')) return w.slice('--namespace='.length);
  }
  return 'default';
}
