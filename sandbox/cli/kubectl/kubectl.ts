/**
 * `kubectl …` against the sandbox's EKS clusters: the command table, help pages, flag
 * parsing before anything else (as cobra does), then the connection through the kubeconfig.
 */
import { output } from '../outcome.ts';
import type { CliEnv, CliOutcome } from '../types.ts';
import { fail, ok } from '../types.ts';
import type { KubectlCommand } from './command.ts';
import { flagError } from './command.ts';
import { connect } from './connect.ts';
import type { KubectlFlag } from './flags.ts';
import { GLOBAL_FLAGS, parseFlags, str } from './flags.ts';
import { KUBECTL_COMMANDS } from './registry.ts';

export { KUBECTL_COMMANDS };

/** The client version the sandbox's kubectl reports. */
export const KUBECTL_VERSION = 'v1.31.2';

function flagLine(f: KubectlFlag): string {
  const name = `${f.short ? `-${f.short}, ` : '    '}--${f.name}${f.kind === 'bool' ? '' : `=${f.placeholder ?? "''"}`}`;
  return `    ${name}:\n\t${f.help}`;
}

export function kubectlHelp(): string {
  const groups: [string, string[]][] = [
    ['Basic Commands (Beginner)', ['create']],
    ['Basic Commands (Intermediate)', ['get', 'set', 'delete']],
    ['Deploy Commands', ['rollout', 'scale', 'autoscale']],
    ['Cluster Management Commands', ['top', 'cordon', 'uncordon', 'drain', 'taint']],
    ['Troubleshooting and Debugging Commands', ['describe', 'logs']],
    ['Advanced Commands', ['apply']],
    ['Settings Commands', ['label']],
    ['Other Commands', ['config', 'version']],
  ];
  const lines = [
    'kubectl controls the Kubernetes cluster manager (the sandbox models the commands below).',
    '',
  ];
  for (const [title, names] of groups) {
    lines.push(`${title}:`);
    for (const n of names) {
      const c = KUBECTL_COMMANDS.find((x) => x.name === n);
      if (c) lines.push(`  ${c.name.padEnd(14)}${c.summary}`);
    }
    lines.push('');
  }
  lines.push(
    'Usage:',
    '  kubectl [flags] [options]',
    '',
    'Use "kubectl <command> --help" for more information about a given command.',
  );
  return lines.join('\n');
}

export function commandHelp(c: KubectlCommand, path: string): string {
  const lines = [c.summary + '.', ''];
  if (c.subcommands) {
    lines.push('Available Commands:');
    for (const s of c.subcommands) lines.push(`  ${s.name.padEnd(14)}${s.summary}`);
    lines.push('');
  }
  if (c.examples.length > 0) {
    lines.push('Examples:', ...c.examples.map((e) => `  ${e}`), '');
  }
  if (c.flags.length > 0) lines.push('Options:', ...c.flags.map(flagLine), '');
  lines.push('Usage:', `  ${c.usage}`, '');
  lines.push(
    `Use "kubectl options" for a list of global command-line options (applies to all commands).`,
  );
  return lines.join('\n').replace('kubectl PATH', `kubectl ${path}`);
}

export function runKubectl(tokens: string[], env: CliEnv): CliOutcome {
  // Global flags may come before the command (`kubectl -n shop get pods`).
  let i = 0;
  const leading: string[] = [];
  while (i < tokens.length && (tokens[i] as string).startsWith('-')) {
    const tok = tokens[i] as string;
    if (tok === '--help' || tok === '-h') return output(ok(kubectlHelp()));
    leading.push(tok);
    const takesValue = /^(-n|--namespace|--context|--kubeconfig)$/.test(tok);
    if (takesValue && tokens[i + 1] !== undefined) {
      leading.push(tokens[i + 1] as string);
      i += 2;
    } else i += 1;
  }
  const name = tokens[i];
  if (name === undefined || name === 'help') {
    if (name === 'help' && tokens[i + 1] !== undefined) {
      const c = KUBECTL_COMMANDS.find((x) => x.name === tokens[i + 1]);
      if (c) return output(ok(commandHelp(c, c.name)));
    }
    return output(ok(kubectlHelp()));
  }
  let command = KUBECTL_COMMANDS.find((c) => c.name === name);
  if (!command)
    return output(fail(`error: unknown command ${JSON.stringify(name)} for "kubectl"`, 1));
  let rest = tokens.slice(i + 1);
  let path = command.name;
  if (command.subcommands) {
    const subName = rest.find((t) => !t.startsWith('-'));
    const sub = command.subcommands.find((s) => s.name === subName);
    if (rest.includes('--help') || rest.includes('-h'))
      return output(ok(commandHelp(sub ?? command, sub ? `${path} ${sub.name}` : path)));
    if (!sub) {
      if (subName === undefined) return output(ok(commandHelp(command, path)));
      // kubectl runs the parent, which only prints its help; for a typo it names the choices.
      return output(
        fail(
          `error: unknown command ${JSON.stringify(subName)} for "kubectl ${path}"\n\nAvailable Commands:\n${command.subcommands.map((s) => `  ${s.name}`).join('\n')}`,
          1,
        ),
      );
    }
    rest = rest.filter((t, k) => !(t === subName && k === rest.indexOf(subName)));
    path = `${path} ${sub.name}`;
    command = sub;
  }
  if (rest.includes('--help') || rest.includes('-h')) return output(ok(commandHelp(command, path)));
  const parsed = parseFlags([...leading, ...rest], command.flags);
  if (!parsed.ok) return flagError(path, parsed.error);
  if (command.offline) return command.offline(env, parsed.flags, parsed.positionals);
  const conn = connect(env.world, str(parsed.flags, 'context'));
  if (!conn.ok) return output(fail(conn.error, 1));
  const namespace = str(parsed.flags, 'namespace');
  if (command.run === undefined) return output(ok(commandHelp(command, path)));
  return command.run({
    env,
    flags: parsed.flags,
    args: parsed.positionals,
    path,
    cluster: conn.cluster,
    kube: conn.kube,
    namespace: namespace ?? 'default',
    explicitNamespace: namespace !== undefined,
  });
}

export const KUBECTL_GLOBAL_FLAGS = GLOBAL_FLAGS;
