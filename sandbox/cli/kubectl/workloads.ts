/**
 * kubectl commands that change workloads: `create deployment|namespace`, `scale`,
 * `set image`, `autoscale`, `delete`, `label`. Each checks its arguments with kubectl's
 * usage errors, builds the k8s.* action(s) and prints what kubectl prints when they apply.
 */
import type { Action } from '../../model/actions.ts';
import { own } from '../../model/record.ts';
import { output } from '../outcome.ts';
import { fail, ok } from '../types.ts';
import type { KubectlCommand, KubectlRun } from './command.ts';
import { act, usageError } from './command.ts';
import type { KubectlFlag } from './flags.ts';
import { bool, int, list, str } from './flags.ts';
import { list as listObjects } from './listing.ts';
import type { ResourceType } from './resources.ts';
import { byKey, notFound, objectRef, resolveResource, unknownType } from './resources.ts';

/** `namespace` only when `-n` was given: the action's default is the `default` namespace. */
export function nsField(run: KubectlRun): { namespace?: string } {
  return run.explicitNamespace ? { namespace: run.namespace } : {};
}

const dryRun: KubectlFlag = {
  name: 'dry-run',
  kind: 'string',
  help: 'Accepted: only "none" is modelled (the sandbox always applies).',
};

/** A deployment named as `deployment/web`, `deploy web`, `deployments.apps/web`. */
function deploymentArg(
  run: KubectlRun,
  args: string[],
): { ok: true; name: string; rest: string[] } | { ok: false; out: ReturnType<typeof output> } {
  const [first, second, ...rest] = args;
  if (first === undefined)
    return {
      ok: false,
      out: output(
        fail('error: You must provide one or more resources by argument or filename.', 1),
      ),
    };
  let type = first;
  let name: string | undefined = second;
  let remaining = rest;
  if (first.includes('/')) {
    type = first.slice(0, first.indexOf('/'));
    name = first.slice(first.indexOf('/') + 1);
    remaining = second === undefined ? rest : [second, ...rest];
  }
  const r = resolveResource(type);
  if (!r) return { ok: false, out: output(fail(unknownType(type), 1)) };
  if (name === undefined || name === '')
    return {
      ok: false,
      out: output(fail(`error: resource(s) were provided, but no name was specified`, 1)),
    };
  if (r.key !== 'deployments')
    return {
      ok: false,
      out: output(
        fail(
          `error: the sandbox's kubectl ${run.path} acts on deployments only (got ${r.key}). (This is the sandbox's own message.)`,
          1,
        ),
      ),
    };
  return { ok: true, name, rest: remaining };
}

// ---- create ----------------------------------------------------------------------------------

const createDeployment: KubectlCommand = {
  name: 'deployment',
  summary: 'Create a deployment with the specified name',
  usage:
    'kubectl create deployment NAME --image=image -- [COMMAND] [args...] [--replicas=1] [--port=port]',
  flags: [
    {
      name: 'image',
      kind: 'strings',
      help: 'Image names to run. A deployment can have multiple images set for multi-container pod.',
    },
    {
      name: 'replicas',
      short: 'r',
      kind: 'int',
      help: 'Number of replicas to create. Default is 1.',
    },
    { name: 'port', kind: 'int', help: 'The containerPort that this deployment exposes.' },
    dryRun,
  ],
  examples: ['kubectl create deployment web --image=nginx:1.27 --replicas=3 --port=80'],
  run(run) {
    if (run.args.length !== 1)
      return usageError(run.path, `exactly one NAME is required, got ${run.args.length}`);
    const images = list(run.flags, 'image');
    if (images.length === 0) return output(fail('error: required flag(s) "image" not set', 1));
    if (images.length > 1)
      return output(
        fail(
          "error: the sandbox models one container per deployment created this way: give one --image (or apply a manifest). (This is the sandbox's own message.)",
          1,
        ),
      );
    const name = run.args[0] as string;
    const replicas = int(run.flags, 'replicas');
    const port = int(run.flags, 'port');
    const action: Action = {
      type: 'k8s.deployment.create',
      name,
      image: images[0] as string,
      ...(replicas === undefined ? {} : { replicas }),
      ...(port === undefined ? {} : { port }),
      ...nsField(run),
    };
    return act(run.env.world, [action], () => ok(`deployment.apps/${name} created`));
  },
};

const createNamespace: KubectlCommand = {
  name: 'namespace',
  summary: 'Create a namespace with the specified name',
  usage: 'kubectl create namespace NAME [--dry-run=server|client|none]',
  flags: [dryRun],
  examples: ['kubectl create namespace shop'],
  run(run) {
    if (run.args.length !== 1)
      return usageError(run.path, `exactly one NAME is required, got ${run.args.length}`);
    const name = run.args[0] as string;
    return act(run.env.world, [{ type: 'k8s.namespace.create', name }], () =>
      ok(`namespace/${name} created`),
    );
  },
};

export const create: KubectlCommand = {
  name: 'create',
  summary: 'Create a resource from a file or from stdin',
  usage: 'kubectl create -f FILENAME [options]',
  flags: [],
  examples: ['kubectl create deployment web --image=nginx:1.27', 'kubectl create namespace shop'],
  subcommands: [createDeployment, createNamespace],
};

// ---- scale -----------------------------------------------------------------------------------

export const scale: KubectlCommand = {
  name: 'scale',
  summary: 'Set a new size for a deployment, replica set, or replication controller',
  usage:
    'kubectl scale [--resource-version=version] [--current-replicas=count] --replicas=COUNT (-f FILENAME | TYPE NAME)',
  flags: [
    { name: 'replicas', kind: 'int', help: 'The new desired number of replicas. Required.' },
    {
      name: 'current-replicas',
      kind: 'int',
      help: 'Precondition for current size. Requires that the current size of the resource match this value in order to scale.',
    },
    dryRun,
  ],
  examples: [
    'kubectl scale deployment/web --replicas=5',
    'kubectl scale deploy web --replicas=0 -n shop',
  ],
  run(run) {
    const replicas = int(run.flags, 'replicas');
    if (replicas === undefined)
      return output(fail('error: required flag(s) "replicas" not set', 1));
    if (replicas < 0)
      return output(
        fail(
          'error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0',
          1,
        ),
      );
    const d = deploymentArg(run, run.args);
    if (!d.ok) return d.out;
    const current = int(run.flags, 'current-replicas');
    const existing = own(run.kube.deployments, `${run.namespace}/${d.name}`);
    if (!existing) return output(fail(notFound(byKey('deployments'), d.name), 1));
    if (current !== undefined && current !== existing.object.spec.replicas)
      return output(
        fail(`error: Expected replicas to be ${current}, was ${existing.object.spec.replicas}`, 1),
      );
    const action: Action = {
      type: 'k8s.deployment.scale',
      name: d.name,
      replicas,
      ...nsField(run),
    };
    return act(run.env.world, [action], () => ok(`deployment.apps/${d.name} scaled`));
  },
};

// ---- set image -------------------------------------------------------------------------------

const setImage: KubectlCommand = {
  name: 'image',
  summary: 'Update the image of a pod template',
  usage:
    'kubectl set image (-f FILENAME | TYPE NAME) CONTAINER_NAME_1=CONTAINER_IMAGE_1 ... CONTAINER_NAME_N=CONTAINER_IMAGE_N',
  flags: [
    {
      name: 'all',
      kind: 'bool',
      help: 'Select all resources in the namespace of the specified resource types',
    },
    dryRun,
  ],
  examples: ['kubectl set image deployment/web web=nginx:1.27'],
  run(run) {
    const pairs = run.args.filter((a) => a.includes('='));
    const words = run.args.filter((a) => !a.includes('='));
    if (pairs.length === 0) return usageError(run.path, 'at least one image update is required');
    const d = deploymentArg(run, words);
    if (!d.ok) return d.out;
    if (d.rest.length > 0)
      return usageError(
        run.path,
        `there is no need to specify a resource type as a separate argument when passing arguments in resource/name form`,
      );
    const existing = own(run.kube.deployments, `${run.namespace}/${d.name}`);
    if (!existing) return output(fail(notFound(byKey('deployments'), d.name), 1));
    const containers = existing.object.spec.template.spec.containers.map((c) => c.name);
    const actions: Action[] = [];
    for (const pair of pairs) {
      const container = pair.slice(0, pair.indexOf('='));
      const image = pair.slice(pair.indexOf('=') + 1);
      const targets = container === '*' ? containers : [container];
      if (container !== '*' && !containers.includes(container))
        return output(
          fail(`error: unable to find container named ${JSON.stringify(container)}`, 1),
        );
      for (const c of targets)
        actions.push({
          type: 'k8s.deployment.set-image',
          name: d.name,
          container: c,
          image,
          ...nsField(run),
        });
    }
    return act(run.env.world, actions, () => ok(`deployment.apps/${d.name} image updated`));
  },
};

export const set: KubectlCommand = {
  name: 'set',
  summary: 'Set specific features on objects',
  usage: 'kubectl set SUBCOMMAND [options]',
  flags: [],
  examples: ['kubectl set image deployment/web web=nginx:1.27'],
  subcommands: [setImage],
};

// ---- autoscale -------------------------------------------------------------------------------

export const autoscale: KubectlCommand = {
  name: 'autoscale',
  summary: 'Auto-scale a deployment, replica set, stateful set, or replication controller',
  usage:
    'kubectl autoscale (-f FILENAME | TYPE NAME | TYPE/NAME) [--min=MINPODS] --max=MAXPODS [--cpu-percent=CPU]',
  flags: [
    {
      name: 'min',
      kind: 'int',
      help: 'The lower limit for the number of pods that can be set by the autoscaler. If not specified or negative, the server will apply a default value.',
    },
    {
      name: 'max',
      kind: 'int',
      help: 'The upper limit for the number of pods that can be set by the autoscaler. Required.',
    },
    {
      name: 'cpu-percent',
      kind: 'int',
      help: 'The target average CPU utilization (represented as a percent of requested CPU) over all the pods.',
    },
    {
      name: 'name',
      kind: 'string',
      help: 'The name for the newly created object (the sandbox names the HPA after the deployment).',
    },
    dryRun,
  ],
  examples: ['kubectl autoscale deployment web --min=2 --max=10 --cpu-percent=50'],
  run(run) {
    const max = int(run.flags, 'max') ?? -1;
    const min = int(run.flags, 'min') ?? -1;
    if (max < 1)
      return output(
        fail(`error: --max=MAXPODS is required and must be at least 1, max: ${max}`, 1),
      );
    if (max < min)
      return output(
        fail(
          `error: --max=MAXPODS must be larger or equal to --min=MINPODS, max: ${max}, min: ${min}`,
          1,
        ),
      );
    const d = deploymentArg(run, run.args);
    if (!d.ok) return d.out;
    const given = str(run.flags, 'name');
    if (given !== undefined && given !== d.name)
      return output(
        fail(
          "error: the sandbox names the HorizontalPodAutoscaler after its deployment (--name is not modelled). (This is the sandbox's own message.)",
          1,
        ),
      );
    const cpu = int(run.flags, 'cpu-percent');
    const action: Action = {
      type: 'k8s.hpa.create',
      name: d.name,
      max,
      ...(min > 0 ? { min } : {}),
      ...(cpu !== undefined && cpu >= 0 ? { cpuPercent: cpu } : {}),
      ...nsField(run),
    };
    return act(run.env.world, [action], () =>
      ok(`horizontalpodautoscaler.autoscaling/${d.name} autoscaled`),
    );
  },
};

// ---- delete ----------------------------------------------------------------------------------

/** `deployment.apps "web" deleted`, `pod "web-…" deleted`. */
function deletedLine(r: ResourceType, name: string): string {
  return `${r.group === '' ? r.singular : `${r.singular}.${r.group}`} ${JSON.stringify(name)} deleted`;
}

function targets(
  args: string[],
): { ok: true; items: { type: ResourceType; name: string }[] } | { ok: false; error: string } {
  if (args.length === 0)
    return {
      ok: false,
      error:
        "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'",
    };
  const items: { type: ResourceType; name: string }[] = [];
  if (args.every((a) => a.includes('/'))) {
    for (const a of args) {
      const t = a.slice(0, a.indexOf('/'));
      const type = resolveResource(t);
      if (!type) return { ok: false, error: unknownType(t) };
      items.push({ type, name: a.slice(a.indexOf('/') + 1) });
    }
    return { ok: true, items };
  }
  if (args.some((a) => a.includes('/')))
    return {
      ok: false,
      error:
        "error: there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'",
    };
  const [typeWord, ...names] = args as [string, ...string[]];
  const types: ResourceType[] = [];
  for (const t of typeWord.split(',')) {
    const type = resolveResource(t);
    if (!type) return { ok: false, error: unknownType(t) };
    types.push(type);
  }
  if (names.length === 0)
    return {
      ok: false,
      error: `error: resource(s) were provided, but no name was specified`,
    };
  for (const type of types) for (const name of names) items.push({ type, name });
  return { ok: true, items };
}

export const del: KubectlCommand = {
  name: 'delete',
  summary:
    'Delete resources by file names, stdin, resources and names, or by resources and label selector',
  usage: 'kubectl delete ([-f FILENAME] | TYPE [(NAME | -l label | --all)])',
  flags: [
    {
      name: 'grace-period',
      kind: 'int',
      help: "Accepted; the sandbox uses the pod's terminationGracePeriodSeconds.",
    },
    { name: 'wait', kind: 'bool', help: 'Accepted; the sandbox never waits.' },
    {
      name: 'ignore-not-found',
      kind: 'bool',
      help: 'Treat "resource not found" as a successful delete.',
    },
    dryRun,
  ],
  examples: [
    'kubectl delete pod web-7d9f8c6b5-x2n4q',
    'kubectl delete deployment web',
    'kubectl delete svc/web hpa/web',
  ],
  run(run) {
    const parsed = targets(run.args);
    if (!parsed.ok) return output(fail(parsed.error, 1));
    const actions: Action[] = [];
    const lines: string[] = [];
    const errors: string[] = [];
    for (const { type, name } of parsed.items) {
      if (type.actionKind === null)
        return output(
          fail(
            `error: the sandbox's kubectl cannot delete ${type.key}. (This is the sandbox's own message.)`,
            1,
          ),
        );
      const exists = listObjects(run.kube, type.key, run.cluster.createdAt).some(
        (x) => x.name === name && (!type.namespaced || x.namespace === run.namespace),
      );
      if (!exists) {
        if (!bool(run.flags, 'ignore-not-found')) errors.push(notFound(type, name));
        continue;
      }
      actions.push({
        type: 'k8s.delete',
        kind: type.actionKind as Extract<Action, { type: 'k8s.delete' }>['kind'],
        name,
        ...nsField(run),
      });
      lines.push(deletedLine(type, name));
    }
    if (actions.length === 0)
      return output({ stdout: '', stderr: errors.join('\n'), exitCode: errors.length > 0 ? 1 : 0 });
    return act(run.env.world, actions, () => ({
      stdout: lines.join('\n'),
      stderr: errors.join('\n'),
      exitCode: errors.length > 0 ? 1 : 0,
    }));
  },
};

// ---- label -----------------------------------------------------------------------------------

export const label: KubectlCommand = {
  name: 'label',
  summary: 'Update the labels on a resource',
  usage:
    'kubectl label [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version]',
  flags: [
    {
      name: 'overwrite',
      kind: 'bool',
      help: 'If true, allow labels to be overwritten, otherwise reject label updates that overwrite existing labels.',
    },
    dryRun,
  ],
  examples: [
    'kubectl label pods web-7d9f8c6b5-x2n4q tier=frontend',
    'kubectl label nodes ip-10-0-1-23.eu-west-3.compute.internal disktype=ssd',
    'kubectl label pods web-7d9f8c6b5-x2n4q tier-',
  ],
  run(run) {
    const changes = run.args.filter(
      (a) => a.includes('=') || (a.endsWith('-') && !a.includes('/')),
    );
    const words = run.args.filter((a) => !changes.includes(a));
    // A trailing `-` is a removal only after the object's name.
    const [typeWord, maybeName] = words[0]?.includes('/')
      ? [words[0].slice(0, words[0].indexOf('/')), words[0].slice(words[0].indexOf('/') + 1)]
      : [words[0], words[1]];
    if (changes.length === 0) return usageError(run.path, 'at least one label update is required');
    if (typeWord === undefined)
      return output(
        fail(
          'error: one or more resources must be specified as <resource> <name> or <resource>/<name>',
          1,
        ),
      );
    const r = resolveResource(typeWord);
    if (!r) return output(fail(unknownType(typeWord), 1));
    if (maybeName === undefined)
      return output(fail('error: resource(s) were provided, but no name was specified', 1));
    if (r.actionKind === null)
      return output(
        fail(
          `error: the sandbox's kubectl cannot label ${r.key}. (This is the sandbox's own message.)`,
          1,
        ),
      );
    const row = listObjects(run.kube, r.key, run.cluster.createdAt).find(
      (x) => x.name === maybeName && (!r.namespaced || x.namespace === run.namespace),
    );
    if (!row) return output(fail(notFound(r, maybeName), 1));
    const labels: Record<string, string | null> = {};
    for (const c of changes) {
      if (c.endsWith('-') && !c.includes('=')) labels[c.slice(0, -1)] = null;
      else labels[c.slice(0, c.indexOf('='))] = c.slice(c.indexOf('=') + 1);
    }
    const overwrite = bool(run.flags, 'overwrite');
    if (!overwrite)
      for (const [k, v] of Object.entries(labels))
        if (v !== null && Object.hasOwn(row.labels, k) && row.labels[k] !== v)
          return output(
            fail(
              `error: '${k}' already has a value (${row.labels[k]}), and --overwrite is false`,
              1,
            ),
          );
    const changed = Object.entries(labels).some(([k, v]) =>
      v === null ? Object.hasOwn(row.labels, k) : row.labels[k] !== v,
    );
    const ref = objectRef(r, maybeName);
    if (!changed) return output(ok(`${ref} not labeled`));
    const onlyRemovals = Object.values(labels).every((v) => v === null);
    const action: Action = {
      type: 'k8s.label',
      kind: r.actionKind as Extract<Action, { type: 'k8s.label' }>['kind'],
      name: maybeName,
      labels,
      ...(overwrite ? { overwrite: true } : {}),
      ...nsField(run),
    };
    return act(run.env.world, [action], () =>
      ok(`${ref} ${onlyRemovals ? 'unlabeled' : 'labeled'}`),
    );
  },
};
