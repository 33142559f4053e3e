/**
 * `kubectl get`: one or more types (`pods`, `deploy,svc`, `all`), names or `type/name`
 * words, `-n` / `-A`, `-l`, and `-o wide|yaml|json|name`. Objects asked for by name that do
 * not exist get NotFound on stderr while the rest still print, as kubectl does.
 */
import { noResources } from '../../services/eks/kubectl-format.ts';
import { output } from '../outcome.ts';
import { fail } from '../types.ts';
import type { KubectlCommand, KubectlRun } from './command.ts';
import { usageError } from './command.ts';
import type { FlagValues, KubectlFlag } from './flags.ts';
import { bool, list as listFlag, str } from './flags.ts';
import type { Listed } from './listing.ts';
import { list } from './listing.ts';
import { printJson, printYaml } from './api-objects.ts';
import type { ResourceType } from './resources.ts';
import { byKey, notFound, objectRef, resolveResource, unknownType } from './resources.ts';
import { parseSelector, selects } from './selector.ts';
import { tableFor } from './tables.ts';

const PRINTERS =
  'custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml';

export const outputFlag: KubectlFlag = {
  name: 'output',
  short: 'o',
  kind: 'string',
  help: 'Output format. One of: (json, yaml, name, wide).',
};

export const selectorFlag: KubectlFlag = {
  name: 'selector',
  short: 'l',
  kind: 'string',
  help: "Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'.(e.g. -l key1=value1,key2=value2)",
};

export const allNamespacesFlag: KubectlFlag = {
  name: 'all-namespaces',
  short: 'A',
  kind: 'bool',
  help: 'If present, list the requested object(s) across all namespaces.',
};

/** What `get all` lists (the `all` category, as far as the sandbox serves it). */
const ALL: ResourceType[] = [
  byKey('pods'),
  byKey('services'),
  byKey('daemonsets'),
  byKey('deployments'),
  byKey('replicasets'),
  byKey('horizontalpodautoscalers'),
];

export type OutputMode = 'table' | 'wide' | 'json' | 'yaml' | 'name';

/** `-o` → a printer, or kubectl's refusal. */
export function outputMode(
  flags: FlagValues,
): { ok: true; mode: OutputMode } | { ok: false; error: string } {
  const o = str(flags, 'output');
  if (o === undefined || o === '') return { ok: true, mode: 'table' };
  if (o === 'wide' || o === 'json' || o === 'yaml' || o === 'name') return { ok: true, mode: o };
  const known = PRINTERS.split(',');
  const base = o.includes('=') ? o.slice(0, o.indexOf('=')) : o;
  if (known.includes(base))
    return {
      ok: false,
      error: `error: the sandbox's kubectl prints json, yaml, name and wide only (-o ${base} is not modelled). (This is the sandbox's own message.)`,
    };
  return {
    ok: false,
    error: `error: unable to match a printer suitable for the output format ${JSON.stringify(o)}, allowed formats are: ${PRINTERS}`,
  };
}

interface Request {
  type: ResourceType;
  names: string[] | null;
}

function requests(
  args: string[],
): { ok: true; requests: Request[] } | { ok: false; error: string } {
  const slashed = args.filter((a) => a.includes('/'));
  if (slashed.length > 0) {
    if (slashed.length !== args.length)
      return {
        ok: false,
        error:
          "error: there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'",
      };
    const out: Request[] = [];
    for (const a of args) {
      const [t, name] = [a.slice(0, a.indexOf('/')), a.slice(a.indexOf('/') + 1)];
      const type = resolveResource(t);
      if (!type) return { ok: false, error: unknownType(t) };
      if (name === '')
        return {
          ok: false,
          error: 'error: arguments in resource/name form must have a single resource and name',
        };
      const existing = out.find((r) => r.type === type);
      if (existing) existing.names?.push(name);
      else out.push({ type, names: [name] });
    }
    return { ok: true, requests: out };
  }
  const [types, ...names] = args as [string, ...string[]];
  const out: Request[] = [];
  for (const t of types.split(',')) {
    if (t === 'all') {
      for (const r of ALL) if (!out.some((x) => x.type === r)) out.push({ type: r, names: null });
      continue;
    }
    const type = resolveResource(t);
    if (!type) return { ok: false, error: unknownType(t) };
    if (!out.some((x) => x.type === type)) out.push({ type, names: null });
  }
  if (names.length > 0) for (const r of out) r.names = names;
  return { ok: true, requests: out };
}

function runGet(run: KubectlRun) {
  const { flags, args, kube, cluster } = run;
  if (args.length === 0) {
    return output(
      fail(
        [
          'You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.',
          '',
          'error: Required resource not specified.',
          'Use "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).',
          "See 'kubectl get -h' for help and examples",
        ].join('\n'),
        1,
      ),
    );
  }
  const mode = outputMode(flags);
  if (!mode.ok) return output(fail(mode.error, 1));
  const sel = parseSelector(str(flags, 'selector') ?? '');
  if (!sel.ok) return output(fail(sel.error, 1));
  const parsed = requests(args);
  if (!parsed.ok) return output(fail(parsed.error, 1));
  const allNs = bool(flags, 'all-namespaces');
  const named = parsed.requests.some((r) => r.names !== null);
  if (named && str(flags, 'selector') !== undefined)
    return usageError('get', 'selector (-l) cannot be combined with resource names');
  const now = run.env.world.time;
  const withKind =
    parsed.requests.length > 1 || args.includes('all') || args[0]?.includes('/') === true;
  const errors: string[] = [];
  const found: { type: ResourceType; rows: Listed[] }[] = [];
  for (const req of parsed.requests) {
    const inScope = list(kube, req.type.key, cluster.createdAt).filter(
      (x) => !req.type.namespaced || allNs || x.namespace === run.namespace,
    );
    if (req.names === null) {
      found.push({ type: req.type, rows: inScope.filter((x) => selects(sel.selector, x.labels)) });
      continue;
    }
    const rows: Listed[] = [];
    for (const name of req.names) {
      // A name is looked up in the request's namespace even with -A.
      const hit = inScope.find(
        (x) => x.name === name && (!req.type.namespaced || x.namespace === run.namespace),
      );
      if (hit) rows.push(hit);
      else errors.push(notFound(req.type, name));
    }
    found.push({ type: req.type, rows });
  }
  const single = named && found.length === 1 && found[0]!.rows.length === 1 && errors.length === 0;
  let stdout = '';
  const all = found.flatMap((f) => f.rows.map((row) => ({ type: f.type, row })));
  if (mode.mode === 'json' || mode.mode === 'yaml') {
    const objects = all.map((x) => x.row.json());
    if (objects.length > 0 || !named)
      stdout = mode.mode === 'json' ? printJson(objects, single) : printYaml(objects, single);
  } else if (mode.mode === 'name') {
    stdout = all.map((x) => objectRef(x.type, x.row.name)).join('\n');
  } else {
    stdout = found
      .map((f) =>
        tableFor(f.type, f.rows, kube, {
          wide: mode.mode === 'wide',
          allNamespaces: allNs && f.type.namespaced,
          withKind,
          now,
          clusterCreatedAt: cluster.createdAt,
          labelColumns: listFlag(flags, 'label-columns'),
          showLabels: bool(flags, 'show-labels'),
        }),
      )
      .filter((t) => t !== '')
      .join('\n\n');
  }
  if (all.length === 0 && !named && (mode.mode === 'table' || mode.mode === 'wide')) {
    const clusterScoped = parsed.requests.every((r) => !r.type.namespaced);
    errors.push(noResources(allNs || clusterScoped ? null : run.namespace));
  }
  return output({
    stdout,
    stderr: errors.join('\n'),
    exitCode: errors.some((e) => e.startsWith('Error from server')) ? 1 : 0,
  });
}

export const get: KubectlCommand = {
  name: 'get',
  summary: 'Display one or many resources',
  usage:
    'kubectl get [(-o|--output=)json|yaml|name|wide] (TYPE[.VERSION][.GROUP] [NAME | -l label] | TYPE[.VERSION][.GROUP]/NAME ...) [flags]',
  flags: [
    outputFlag,
    selectorFlag,
    allNamespacesFlag,
    {
      name: 'watch',
      short: 'w',
      kind: 'bool',
      help: 'Accepted; the sandbox prints the list once (run the command again as time passes).',
    },
    {
      name: 'label-columns',
      short: 'L',
      kind: 'strings',
      help: 'Labels to show as columns, comma separated (pods and nodes in the sandbox)',
      placeholder: 'key,…',
    },
    {
      name: 'show-labels',
      kind: 'bool',
      help: 'Show all labels as the last column (pods and nodes in the sandbox)',
    },
  ],
  examples: [
    'kubectl get pods',
    'kubectl get pods -o wide',
    'kubectl get deploy,rs,svc -n shop',
    'kubectl get pods -A -l app=web',
    'kubectl get deployment web -o yaml',
    'kubectl get nodes',
    'kubectl get nodes -L eks.amazonaws.com/nodegroup',
    'kubectl get nodes --show-labels',
    'kubectl get events',
  ],
  run: runGet,
};
