/** `kubectl rollout status|history|undo|restart` for deployments. */
import { own } from '../../model/record.ts';
import { table } from '../../services/eks/kubectl-format.ts';
import { rolloutStatusText } from '../../services/eks/rollout.ts';
import { output } from '../outcome.ts';
import { fail, ok } from '../types.ts';
import type { KubectlCommand, KubectlRun } from './command.ts';
import { act } from './command.ts';
import { int } from './flags.ts';
import { deploymentCounts } from './api-objects.ts';
import { byKey, notFound, resolveResource, unknownType } from './resources.ts';
import { nsField } from './workloads.ts';

const DEPLOYMENTS = byKey('deployments');

/** The deployment a rollout subcommand names, found in the request's namespace. */
function target(run: KubectlRun) {
  const [first, second] = run.args;
  if (first === undefined)
    return {
      ok: false as const,
      out: output(
        fail(
          `error: required resource not specified\nSee 'kubectl ${run.path} -h' for help and examples`,
          1,
        ),
      ),
    };
  const [typeWord, name] = first.includes('/')
    ? [first.slice(0, first.indexOf('/')), first.slice(first.indexOf('/') + 1)]
    : [first, second];
  const r = resolveResource(typeWord);
  if (!r) return { ok: false as const, out: output(fail(unknownType(typeWord), 1)) };
  if (name === undefined)
    return {
      ok: false as const,
      out: output(fail('error: resource(s) were provided, but no name was specified', 1)),
    };
  if (r.key !== 'deployments')
    return {
      ok: false as const,
      out: output(
        fail(
          `error: no rollbacker has been implemented for ${JSON.stringify({ Group: r.group, Kind: r.kind })}`,
          1,
        ),
      ),
    };
  const d = own(run.kube.deployments, `${run.namespace}/${name}`);
  if (!d) return { ok: false as const, out: output(fail(notFound(DEPLOYMENTS, name), 1)) };
  return { ok: true as const, name, d };
}

const status: KubectlCommand = {
  name: 'status',
  summary: 'Show the status of the rollout',
  usage: 'kubectl rollout status (TYPE NAME | TYPE/NAME) [flags]',
  flags: [
    {
      name: 'watch',
      short: 'w',
      kind: 'bool',
      help: "Watch the status of the rollout until it's done (the sandbox prints the status now).",
    },
    { name: 'timeout', kind: 'string', help: 'Accepted; the sandbox does not wait.' },
  ],
  examples: ['kubectl rollout status deployment/web'],
  run(run) {
    const t = target(run);
    if (!t.ok) return t.out;
    const c = deploymentCounts(t.d, run.kube);
    const s = rolloutStatusText({
      name: t.name,
      generation: t.d.generation,
      observedGeneration: t.d.generation,
      replicas: t.d.object.spec.replicas,
      statusReplicas: c.total,
      updatedReplicas: c.updated,
      availableReplicas: c.available,
      progressDeadlineExceeded: t.d.progressing === 'ProgressDeadlineExceeded',
    });
    if (s.error) return output(fail(s.text, 1));
    if (s.done) return output(ok(s.text));
    return output({
      stdout: s.text,
      stderr:
        "(The sandbox's terminal does not wait for the rollout: run the command again as simulated time passes.)",
      exitCode: 0,
    });
  },
};

const history: KubectlCommand = {
  name: 'history',
  summary: 'View rollout history',
  usage: 'kubectl rollout history (TYPE NAME | TYPE/NAME) [flags]',
  flags: [
    {
      name: 'revision',
      kind: 'int',
      help: 'See the details, including podTemplate of the revision specified (not modelled).',
    },
  ],
  examples: ['kubectl rollout history deployment/web'],
  run(run) {
    const t = target(run);
    if (!t.ok) return t.out;
    if (int(run.flags, 'revision') !== undefined)
      return output(
        fail(
          "error: the sandbox's kubectl lists revisions only (--revision is not modelled). (This is the sandbox's own message.)",
          1,
        ),
      );
    const rows = [['REVISION', 'CHANGE-CAUSE']];
    for (const h of [...t.d.history].sort((a, b) => a.revision - b.revision))
      rows.push([String(h.revision), h.changeCause ?? '<none>']);
    return output(ok(`deployment.apps/${t.name} \n${table(rows, 2)}\n`));
  },
};

const undo: KubectlCommand = {
  name: 'undo',
  summary: 'Undo a previous rollout',
  usage: 'kubectl rollout undo (TYPE NAME | TYPE/NAME) [flags]',
  flags: [
    {
      name: 'to-revision',
      kind: 'int',
      help: 'The revision to rollback to. Default to 0 (last revision).',
    },
  ],
  examples: [
    'kubectl rollout undo deployment/web',
    'kubectl rollout undo deployment/web --to-revision=2',
  ],
  run(run) {
    const t = target(run);
    if (!t.ok) return t.out;
    const to = int(run.flags, 'to-revision');
    return act(
      run.env.world,
      [
        {
          type: 'k8s.rollout.undo',
          name: t.name,
          ...(to === undefined || to === 0 ? {} : { toRevision: to }),
          ...nsField(run),
        },
      ],
      () => ok(`deployment.apps/${t.name} rolled back`),
    );
  },
};

const restart: KubectlCommand = {
  name: 'restart',
  summary: 'Restart a resource',
  usage: 'kubectl rollout restart RESOURCE',
  flags: [],
  examples: ['kubectl rollout restart deployment/web'],
  run(run) {
    const t = target(run);
    if (!t.ok) return t.out;
    return act(
      run.env.world,
      [{ type: 'k8s.rollout.restart', name: t.name, ...nsField(run) }],
      () => ok(`deployment.apps/${t.name} restarted`),
    );
  },
};

export const rollout: KubectlCommand = {
  name: 'rollout',
  summary: 'Manage the rollout of a resource',
  usage: 'kubectl rollout SUBCOMMAND',
  flags: [],
  examples: ['kubectl rollout status deployment/web', 'kubectl rollout undo deployment/web'],
  subcommands: [history, restart, status, undo],
};
