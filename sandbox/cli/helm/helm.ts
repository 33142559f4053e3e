/**
 * `helm` (one chart): `helm install cluster-autoscaler autoscaler/cluster-autoscaler
 * --namespace kube-system --set autoDiscovery.clusterName=<cluster> --set awsRegion=<region>`,
 * and `helm repo add` / `helm repo update`, which need no network in the sandbox. The chart's
 * `extraArgs.expander`, `extraArgs.scale-down-utilization-threshold` and
 * `extraArgs.scale-down-unneeded-time` values are read; the rest are accepted and ignored.
 */
import type { Action } from '../../model/actions.ts';
import { parseFlags, str } from '../kubectl/flags.ts';
import type { KubectlFlag } from '../kubectl/flags.ts';
import { applyAll, output } from '../outcome.ts';
import type { CliEnv, CliOutcome } from '../types.ts';
import { fail, ok } from '../types.ts';
import { isoTime } from '../format.ts';

const CHART = 'autoscaler/cluster-autoscaler';
const REPO = 'https://kubernetes.github.io/autoscaler';

const INSTALL_FLAGS: KubectlFlag[] = [
  { name: 'namespace', short: 'n', kind: 'string', help: 'namespace scope for this request' },
  { name: 'set', kind: 'strings', help: 'set values on the command line (key1=val1,key2=val2)' },
  {
    name: 'install',
    short: 'i',
    kind: 'bool',
    help: "if a release by this name doesn't already exist, run an install (helm upgrade)",
  },
  { name: 'version', kind: 'string', help: 'chart version (accepted)' },
  {
    name: 'create-namespace',
    kind: 'bool',
    help: 'create the release namespace if not present (accepted)',
  },
  { name: 'wait', kind: 'bool', help: 'accepted; the sandbox does not wait' },
];

const HELP = [
  'The Kubernetes package manager (the sandbox models the Cluster Autoscaler chart only)',
  '',
  'Usage:',
  '  helm repo add autoscaler https://kubernetes.github.io/autoscaler',
  '  helm install cluster-autoscaler autoscaler/cluster-autoscaler --namespace kube-system \\',
  '    --set autoDiscovery.clusterName=<cluster> --set awsRegion=<region>',
].join('\n');

/** `--set a=b,c=d --set e=f` → values (helm splits on commas outside brackets). */
function values(sets: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const s of sets) {
    const eq = s.indexOf('=');
    if (eq > 0) out[s.slice(0, eq)] = s.slice(eq + 1);
  }
  return out;
}

/** `10m`, `600s`, `1h` → seconds; null if not a duration. */
function duration(text: string): number | null {
  const m = /^(\d+)(s|m|h)$/.exec(text);
  if (!m) return null;
  return Number(m[1]) * (m[2] === 'h' ? 3600 : m[2] === 'm' ? 60 : 1);
}

function install(args: string[], env: CliEnv): CliOutcome {
  const parsed = parseFlags(args, INSTALL_FLAGS, []);
  if (!parsed.ok) return output(fail(`Error: ${parsed.error}`, 1));
  const [release, chart] = parsed.positionals;
  if (release === undefined || chart === undefined)
    return output(
      fail(
        'Error: "helm install" requires at least 1 argument\n\nUsage:  helm install [NAME] [CHART] [flags]',
        1,
      ),
    );
  if (chart !== CHART)
    return output(
      fail(
        `Error: INSTALLATION FAILED: the sandbox's helm knows one chart, ${CHART}. (This is the sandbox's own message.)`,
        1,
      ),
    );
  const v = values((parsed.flags['set'] as string[] | undefined) ?? []);
  const cluster = v['autoDiscovery.clusterName'];
  if (cluster === undefined)
    return output(
      fail(
        'Error: INSTALLATION FAILED: execution error at (cluster-autoscaler/templates/NOTES.txt): autoDiscovery.clusterName or autoscalingGroups[] must be set',
        1,
      ),
    );
  const region = v['awsRegion'];
  if (region !== undefined && region !== env.world.region)
    return output(
      fail(
        `Error: INSTALLATION FAILED: the sandbox runs in ${env.world.region} only (got awsRegion=${region}). (This is the sandbox's own message.)`,
        1,
      ),
    );
  const expander = v['extraArgs.expander'];
  if (
    expander !== undefined &&
    expander !== 'random' &&
    expander !== 'most-pods' &&
    expander !== 'least-waste'
  )
    return output(
      fail(
        `Error: INSTALLATION FAILED: the sandbox models the random, most-pods and least-waste expanders (got ${expander}). (This is the sandbox's own message.)`,
        1,
      ),
    );
  const threshold = v['extraArgs.scale-down-utilization-threshold'];
  const unneeded = v['extraArgs.scale-down-unneeded-time'];
  const unneededSeconds = unneeded === undefined ? undefined : duration(unneeded);
  if (unneededSeconds === null)
    return output(
      fail(
        `Error: INSTALLATION FAILED: invalid duration ${JSON.stringify(unneeded)} for extraArgs.scale-down-unneeded-time`,
        1,
      ),
    );
  const action: Action = {
    type: 'eks.cluster-autoscaler.enable',
    cluster,
    ...(expander === undefined ? {} : { expander }),
    ...(threshold === undefined ? {} : { scaleDownUtilizationThreshold: Number(threshold) }),
    ...(unneededSeconds === undefined ? {} : { scaleDownUnneededSeconds: unneededSeconds }),
  };
  const ns = str(parsed.flags, 'namespace') ?? 'default';
  return applyAll(
    env.world,
    [action],
    (e) => fail(e.startsWith('Error:') ? e : `Error: INSTALLATION FAILED: ${e}`, 1),
    (_r, _b, after) =>
      ok(
        [
          `NAME: ${release}`,
          `LAST DEPLOYED: ${isoTime(after.time).replace('T', ' ').replace('+00:00', ' UTC')}`,
          `NAMESPACE: ${ns}`,
          'STATUS: deployed',
          'REVISION: 1',
          'TEST SUITE: None',
          'NOTES:',
          `To verify that cluster-autoscaler has started, run:`,
          '',
          `  kubectl --namespace=${ns} get pods -l "app.kubernetes.io/name=aws-cluster-autoscaler,app.kubernetes.io/instance=${release}"`,
        ].join('\n'),
      ),
  );
}

export function runHelm(tokens: string[], env: CliEnv): CliOutcome {
  const [cmd, ...rest] = tokens;
  if (cmd === undefined || cmd === 'help' || cmd === '--help' || cmd === '-h')
    return output(ok(HELP));
  if (cmd === 'repo') {
    if (rest[0] === 'add')
      return output(ok(`"${rest[1] ?? 'autoscaler'}" has been added to your repositories`));
    if (rest[0] === 'update')
      return output(
        ok(
          `Hang tight while we grab the latest from your chart repositories...\n...Successfully got an update from the "autoscaler" chart repository (${REPO})\nUpdate Complete. ⎈Happy Helming!⎈`,
        ),
      );
    return output(fail('Error: unknown command for "helm repo"', 1));
  }
  if (cmd === 'install') return install(rest, env);
  if (cmd === 'upgrade' && (rest.includes('--install') || rest.includes('-i')))
    return install(rest, env);
  return output(
    fail(
      `Error: unknown command ${JSON.stringify(cmd)} for "helm"\nRun 'helm --help' for usage.`,
      1,
    ),
  );
}
