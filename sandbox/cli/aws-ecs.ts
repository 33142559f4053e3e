/** `aws ecs …`: the operations the sandbox models. */
import type { Action } from '../model/actions.ts';
import type { LaunchType, PlacementConstraint, PlacementStrategy, World } from '../model/types.ts';
import type { ArgValue, FlagSpec, ParsedArgs } from './aws-args.ts';
import { describeService, describeTask, describeTaskDefinition } from './describe.ts';
import type { AwsOperation } from './operation.ts';
import {
  applyAll,
  awsError,
  awsOut,
  checkCluster,
  lastSegment,
  output,
  refusal,
} from './operation.ts';
import { readTaskDefinitionInput, validationFailedText } from './taskdef-input.ts';
import type { CliEnv, CommandOutput } from './types.ts';
import { fail } from './types.ts';

const cluster: FlagSpec = {
  name: 'cluster',
  type: 'string',
  help: 'The short name or full ARN of the cluster. If you do not specify a cluster, the default cluster is assumed.',
};
const launchType: FlagSpec = {
  name: 'launch-type',
  type: 'string',
  choices: ['EC2', 'FARGATE', 'EXTERNAL'],
  help: 'The infrastructure to run on: EC2 (your container instances) or FARGATE (a micro-VM per task).',
};
const placementStrategy: FlagSpec = {
  name: 'placement-strategy',
  type: 'structure-list',
  placeholder: 'type=string,field=string ...',
  help: 'Placement strategies, applied in order: type=binpack,field=memory | type=spread,field=attribute:ecs.availability-zone | type=random.',
};
const deploymentConfiguration: FlagSpec = {
  name: 'deployment-configuration',
  type: 'structure',
  placeholder: 'maximumPercent=integer,minimumHealthyPercent=integer',
  help: 'Rolling-update bounds: maximumPercent (default 200) and minimumHealthyPercent (default 100).',
};

type Conv<T> = { ok: true; value: T } | { ok: false; error: string };

function toInt(v: unknown, path: string): Conv<number> {
  const n =
    typeof v === 'number' ? v : typeof v === 'string' && /^-?\d+$/.test(v) ? Number(v) : NaN;
  if (!Number.isSafeInteger(n))
    return {
      ok: false,
      error: `Invalid type for parameter ${path}, value: ${JSON.stringify(v)}, valid types: <class 'int'>`,
    };
  return { ok: true, value: n };
}

function strategies(v: ArgValue | undefined): Conv<PlacementStrategy[] | undefined> {
  if (v === undefined) return { ok: true, value: undefined };
  const out: PlacementStrategy[] = [];
  for (const [i, item] of (v as unknown[]).entries()) {
    const o = item as Record<string, unknown>;
    if (typeof o !== 'object' || o === null || typeof o['type'] !== 'string') {
      return { ok: false, error: `Missing required parameter in placementStrategy[${i}]: "type"` };
    }
    const type = o['type'];
    if (type !== 'binpack' && type !== 'spread' && type !== 'random') {
      return {
        ok: false,
        error: `Invalid placement strategy type '${type}': valid values are binpack, spread, random`,
      };
    }
    out.push(typeof o['field'] === 'string' ? { type, field: o['field'] } : { type });
  }
  return { ok: true, value: out };
}

function constraints(v: ArgValue | undefined): Conv<PlacementConstraint[] | undefined> {
  if (v === undefined) return { ok: true, value: undefined };
  const out: PlacementConstraint[] = [];
  for (const [i, item] of (v as unknown[]).entries()) {
    const o = item as Record<string, unknown>;
    const type = typeof o === 'object' && o !== null ? o['type'] : undefined;
    if (type !== 'distinctInstance' && type !== 'memberOf') {
      return {
        ok: false,
        error: `Invalid placementConstraints[${i}].type: valid values are distinctInstance, memberOf`,
      };
    }
    out.push(
      typeof o['expression'] === 'string' ? { type, expression: o['expression'] } : { type },
    );
  }
  return { ok: true, value: out };
}

function deployment(
  v: ArgValue | undefined,
): Conv<{ minimumHealthyPercent?: number; maximumPercent?: number } | undefined> {
  if (v === undefined) return { ok: true, value: undefined };
  const o = v as Record<string, unknown>;
  const out: { minimumHealthyPercent?: number; maximumPercent?: number } = {};
  for (const key of Object.keys(o)) {
    if (key !== 'minimumHealthyPercent' && key !== 'maximumPercent') {
      return {
        ok: false,
        error: `Unknown parameter in deploymentConfiguration: "${key}", must be one of: maximumPercent, minimumHealthyPercent`,
      };
    }
  }
  if ('maximumPercent' in o) {
    const n = toInt(o['maximumPercent'], 'deploymentConfiguration.maximumPercent');
    if (!n.ok) return n;
    out.maximumPercent = n.value;
  }
  if ('minimumHealthyPercent' in o) {
    const n = toInt(o['minimumHealthyPercent'], 'deploymentConfiguration.minimumHealthyPercent');
    if (!n.ok) return n;
    out.minimumHealthyPercent = n.value;
  }
  return { ok: true, value: out };
}

function launch(v: ArgValue | undefined): Conv<LaunchType | undefined> {
  if (v === undefined) return { ok: true, value: undefined };
  if (v === 'EXTERNAL')
    return { ok: false, error: 'The sandbox models the EC2 and FARGATE launch types only.' };
  return { ok: true, value: v as LaunchType };
}

function capacityProvider(v: ArgValue | undefined): Conv<LaunchType | undefined> {
  if (v === undefined) return { ok: true, value: undefined };
  const first = (v as Record<string, unknown>[])[0];
  const provider = first && typeof first === 'object' ? first['capacityProvider'] : undefined;
  if (typeof provider !== 'string')
    return {
      ok: false,
      error: 'Missing required parameter in capacityProviderStrategy[0]: "capacityProvider"',
    };
  if (provider === 'FARGATE_SPOT')
    return {
      ok: false,
      error: 'The sandbox models FARGATE and EC2 capacity only (not FARGATE_SPOT).',
    };
  return { ok: true, value: provider === 'FARGATE' ? 'FARGATE' : 'EC2' };
}

/** Drops undefined fields so actions compare equal to the ones the view builds. */
function compact<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

function paramError(text: string): CommandOutput {
  return fail(`\nParameter validation failed:\n${text}`, 252);
}

function serviceByRef(world: World, ref: string) {
  return world.services[lastSegment(ref)];
}

const registerTaskDefinition: AwsOperation = {
  service: 'ecs',
  name: 'register-task-definition',
  api: 'RegisterTaskDefinition',
  summary: 'Registers a new task definition (family:revision) from a JSON document.',
  flags: [
    {
      name: 'cli-input-json',
      type: 'string',
      placeholder: 'file://<name>.json',
      help: "The whole task definition as JSON, inline or from a file (file://web.json reads the editor's document).",
    },
    { name: 'family', type: 'string', help: 'The family name (when not using --cli-input-json).' },
    {
      name: 'container-definitions',
      type: 'structure-list',
      help: 'A JSON list of container definitions (when not using --cli-input-json).',
    },
    { name: 'requires-compatibilities', type: 'list', help: 'EC2 and/or FARGATE.' },
    {
      name: 'network-mode',
      type: 'string',
      choices: ['bridge', 'host', 'awsvpc', 'none'],
      help: 'Docker networking mode; Fargate requires awsvpc.',
    },
    {
      name: 'cpu',
      type: 'string',
      help: 'Task-level CPU units ("256") or vCPU ("1 vCPU"); required on Fargate.',
    },
    {
      name: 'memory',
      type: 'string',
      help: 'Task-level memory in MiB ("512") or GB ("1GB"); required on Fargate.',
    },
  ],
  examples: [
    'aws ecs register-task-definition --cli-input-json file://web.json',
    'aws ecs register-task-definition --family web --container-definitions \'[{"name":"web","image":"nginx:1.27","memory":256}]\'',
  ],
  run(args, env, globals) {
    let input: unknown;
    if (typeof args['cli-input-json'] === 'string') {
      const raw = args['cli-input-json'] as string;
      let text = raw;
      if (raw.startsWith('file://')) {
        const name = raw.slice('file://'.length).replace(/^\.\//, '');
        const file = env.files[name];
        if (file === undefined) {
          const known = Object.keys(env.files);
          return output(
            fail(
              `\nError parsing parameter '--cli-input-json': Unable to load paramfile ${raw}: [Errno 2] No such file or directory: '${name}'` +
                (known.length > 0 ? `\n(files here: ${known.join(', ')})` : ''),
              252,
            ),
          );
        }
        text = file;
      }
      try {
        input = JSON.parse(text);
      } catch (e) {
        return output(
          fail(
            `\nError parsing parameter 'cli-input-json': Invalid JSON: ${(e as Error).message}\nJSON received: ${text.slice(0, 200)}`,
            252,
          ),
        );
      }
      for (const flag of [
        'family',
        'container-definitions',
        'requires-compatibilities',
        'network-mode',
        'cpu',
        'memory',
      ]) {
        if (flag in args && typeof input === 'object' && input !== null) {
          const key = flag.replace(/-([a-z])/g, (_, ch: string) => ch.toUpperCase());
          (input as Record<string, unknown>)[key] = args[flag];
        }
      }
    } else {
      if (!('family' in args) || !('container-definitions' in args)) {
        return output(
          fail(
            `aws: error: the following arguments are required: ${'family' in args ? '' : '--family'}${!('family' in args) && !('container-definitions' in args) ? ', ' : ''}${'container-definitions' in args ? '' : '--container-definitions'}`,
            252,
          ),
        );
      }
      input = compact({
        family: args['family'],
        containerDefinitions: args['container-definitions'],
        requiresCompatibilities: args['requires-compatibilities'],
        networkMode: args['network-mode'],
        cpu: args['cpu'],
        memory: args['memory'],
      });
    }
    const read = readTaskDefinitionInput(input);
    if (!read.ok) return output(fail(validationFailedText(read.errors), 252));
    const action: Action = { type: 'ecs.taskdef.register', taskDefinition: read.value };
    return applyAll(
      env.world,
      [action],
      (error) => refusal(this.api, error),
      (_results, before, after) => {
        const added = Object.keys(after.taskDefinitions).find(
          (k) => !(k in before.taskDefinitions),
        );
        const td = added ? after.taskDefinitions[added] : undefined;
        return awsOut({ taskDefinition: td ? describeTaskDefinition(td) : {} }, globals, this.api);
      },
    );
  },
};

const createService: AwsOperation = {
  service: 'ecs',
  name: 'create-service',
  api: 'CreateService',
  summary: 'Runs and maintains a desired number of tasks from a task definition.',
  flags: [
    cluster,
    {
      name: 'service-name',
      type: 'string',
      required: true,
      help: 'The name of the service (letters, digits, hyphens, underscores; up to 255).',
    },
    {
      name: 'task-definition',
      type: 'string',
      required: true,
      help: 'family:revision or the full ARN; family alone means the latest ACTIVE revision.',
    },
    {
      name: 'desired-count',
      type: 'integer',
      help: 'How many tasks to keep running (default 0 in the sandbox, as with the API when omitted for REPLICA... set it).',
    },
    launchType,
    placementStrategy,
    {
      name: 'placement-constraints',
      type: 'structure-list',
      placeholder: 'type=string,expression=string ...',
      help: 'type=distinctInstance, or type=memberOf,expression=<cluster query>.',
    },
    deploymentConfiguration,
    {
      name: 'load-balancers',
      type: 'structure-list',
      placeholder: 'targetGroupArn=string,containerName=string,containerPort=integer',
      help: 'Attach the service to a load balancer (by loadBalancerName or targetGroupArn).',
    },
    {
      name: 'network-configuration',
      type: 'structure',
      help: 'Accepted and ignored: the sandbox gives awsvpc tasks their ENI by itself.',
    },
  ],
  examples: [
    'aws ecs create-service --cluster demo --service-name web --task-definition web:1 --desired-count 3 --launch-type EC2',
    'aws ecs create-service --cluster demo --service-name web --task-definition web:1 --desired-count 2 --launch-type FARGATE',
  ],
  run(args, env, globals) {
    const bad = checkCluster(env.world, args, this.api);
    if (bad) return output(bad);
    const lt = launch(args['launch-type']);
    const ps = strategies(args['placement-strategy']);
    const pc = constraints(args['placement-constraints']);
    const dc = deployment(args['deployment-configuration']);
    for (const c of [lt, ps, pc, dc]) if (!c.ok) return output(paramError(c.error));
    let loadBalancer: string | undefined;
    if (args['load-balancers'] !== undefined) {
      const first = (args['load-balancers'] as Record<string, unknown>[])[0] ?? {};
      const byName =
        typeof first['loadBalancerName'] === 'string' ? first['loadBalancerName'] : undefined;
      const tg = typeof first['targetGroupArn'] === 'string' ? first['targetGroupArn'] : '';
      const tgName = /targetgroup\/([^/]+)/.exec(tg)?.[1];
      const existing = Object.values(env.world.loadBalancers).find(
        (l) =>
          l.name === byName ||
          l.targetGroupArn === tg ||
          l.targetGroupArn.includes(`targetgroup/${tgName}/`),
      );
      // A new load balancer is created for the service, named after it (its target group is <name>-tg).
      loadBalancer = existing?.name ?? byName ?? (tgName ? tgName.replace(/-tg$/, '') : undefined);
      if (loadBalancer === undefined) {
        return output(
          paramError(
            'Missing required parameter in loadBalancers[0]: "loadBalancerName" or "targetGroupArn"',
          ),
        );
      }
    }
    const action: Action = compact({
      type: 'ecs.service.create' as const,
      serviceName: args['service-name'] as string,
      taskDefinition: lastSegment(args['task-definition'] as string),
      desiredCount: (args['desired-count'] as number | undefined) ?? 0,
      launchType: lt.ok ? lt.value : undefined,
      placementStrategy: ps.ok ? ps.value : undefined,
      placementConstraints: pc.ok ? pc.value : undefined,
      deploymentConfiguration: dc.ok ? dc.value : undefined,
      loadBalancer,
    });
    return applyAll(
      env.world,
      [action],
      (e) => refusal(this.api, e),
      (_r, _b, after) => {
        const s = after.services[action.serviceName];
        return awsOut({ service: s ? describeService(after, s) : {} }, globals, this.api);
      },
    );
  },
};

const updateService: AwsOperation = {
  service: 'ecs',
  name: 'update-service',
  api: 'UpdateService',
  summary:
    'Changes a service: desired count, task definition (a new deployment), placement, deployment bounds.',
  flags: [
    cluster,
    {
      name: 'service',
      type: 'string',
      required: true,
      help: 'The name or ARN of the service to update.',
    },
    { name: 'desired-count', type: 'integer', help: 'The new number of tasks to keep running.' },
    {
      name: 'task-definition',
      type: 'string',
      help: 'family:revision to roll out (starts a new deployment).',
    },
    {
      name: 'capacity-provider-strategy',
      type: 'structure-list',
      placeholder: 'capacityProvider=string,weight=integer',
      help: "Move the service to capacityProvider=FARGATE, or to the cluster's EC2 capacity provider (<cluster>-ec2); needs --force-new-deployment.",
    },
    placementStrategy,
    {
      name: 'placement-constraints',
      type: 'structure-list',
      placeholder: 'type=string,expression=string ...',
      help: 'Replaces the constraints: type=distinctInstance, or type=memberOf,expression=<cluster query>; [] removes them all.',
    },
    deploymentConfiguration,
    {
      name: 'force-new-deployment',
      type: 'boolean',
      help: 'Start a new deployment even with the same task definition (--no-force-new-deployment is the default).',
    },
  ],
  examples: [
    'aws ecs update-service --cluster demo --service web --desired-count 6',
    'aws ecs update-service --cluster demo --service web --task-definition web:2',
  ],
  run(args, env, globals) {
    const bad = checkCluster(env.world, args, this.api);
    if (bad) return output(bad);
    const lt = capacityProvider(args['capacity-provider-strategy']);
    const ps = strategies(args['placement-strategy']);
    const pc = constraints(args['placement-constraints']);
    const dc = deployment(args['deployment-configuration']);
    for (const c of [lt, ps, pc, dc]) if (!c.ok) return output(paramError(c.error));
    if (lt.ok && lt.value !== undefined && args['force-new-deployment'] !== true) {
      return output(
        awsError(
          this.api,
          'InvalidParameterException',
          'Updating the capacity provider strategy of a service requires a new deployment: add --force-new-deployment.',
        ),
      );
    }
    const action: Action = compact({
      type: 'ecs.service.update' as const,
      service: lastSegment(args['service'] as string),
      desiredCount: args['desired-count'] as number | undefined,
      taskDefinition:
        typeof args['task-definition'] === 'string'
          ? lastSegment(args['task-definition'])
          : undefined,
      launchType: lt.ok ? lt.value : undefined,
      placementStrategy: ps.ok ? ps.value : undefined,
      placementConstraints: pc.ok ? pc.value : undefined,
      deploymentConfiguration: dc.ok ? dc.value : undefined,
      forceNewDeployment: args['force-new-deployment'] === true ? true : undefined,
    });
    return applyAll(
      env.world,
      [action],
      (e) => refusal(this.api, e),
      (_r, _b, after) => {
        const s = after.services[action.service];
        return awsOut({ service: s ? describeService(after, s) : {} }, globals, this.api);
      },
    );
  },
};

const deleteService: AwsOperation = {
  service: 'ecs',
  name: 'delete-service',
  api: 'DeleteService',
  summary: 'Deletes a service (with --force, even if its desired count is not 0).',
  flags: [
    cluster,
    {
      name: 'service',
      type: 'string',
      required: true,
      help: 'The name or ARN of the service to delete.',
    },
    {
      name: 'force',
      type: 'boolean',
      help: 'Delete even if the service has not been scaled down to 0 tasks.',
    },
  ],
  examples: ['aws ecs delete-service --cluster demo --service web --force'],
  run(args, env, globals) {
    const bad = checkCluster(env.world, args, this.api);
    if (bad) return output(bad);
    const name = lastSegment(args['service'] as string);
    const s = env.world.services[name];
    if (s && s.desiredCount > 0 && args['force'] !== true) {
      return output(
        awsError(
          this.api,
          'InvalidParameterException',
          'The service cannot be stopped while it is scaled above 0.',
        ),
      );
    }
    const action: Action = { type: 'ecs.service.delete', service: name };
    return applyAll(
      env.world,
      [action],
      (e) => refusal(this.api, e),
      (_r, _b, after) => {
        const svc = after.services[name];
        return awsOut(
          {
            service: svc ? describeService(after, svc) : { serviceName: name, status: 'INACTIVE' },
          },
          globals,
          this.api,
        );
      },
    );
  },
};

const runTask: AwsOperation = {
  service: 'ecs',
  name: 'run-task',
  api: 'RunTask',
  summary:
    'Starts one or more standalone tasks from a task definition (not kept running by a service).',
  flags: [
    cluster,
    {
      name: 'task-definition',
      type: 'string',
      required: true,
      help: 'family:revision or the full ARN.',
    },
    { name: 'count', type: 'integer', help: 'How many tasks to start (1–10).' },
    launchType,
    {
      name: 'network-configuration',
      type: 'structure',
      help: 'Accepted and ignored by the sandbox.',
    },
  ],
  examples: [
    'aws ecs run-task --cluster demo --task-definition web:1 --count 2 --launch-type FARGATE',
  ],
  run(args, env, globals) {
    const bad = checkCluster(env.world, args, this.api);
    if (bad) return output(bad);
    const lt = launch(args['launch-type']);
    if (!lt.ok) return output(paramError(lt.error));
    const action: Action = compact({
      type: 'ecs.task.run' as const,
      taskDefinition: lastSegment(args['task-definition'] as string),
      count: args['count'] as number | undefined,
      launchType: lt.value,
    });
    return applyAll(
      env.world,
      [action],
      (e) => refusal(this.api, e),
      (_r, before, after) => {
        const added = Object.values(after.tasks).filter((t) => !(t.id in before.tasks));
        return awsOut(
          { tasks: added.map((t) => describeTask(after, t)), failures: [] },
          globals,
          this.api,
        );
      },
    );
  },
};

const stopTask: AwsOperation = {
  service: 'ecs',
  name: 'stop-task',
  api: 'StopTask',
  summary: 'Stops a running task (a service will start a replacement).',
  flags: [
    cluster,
    { name: 'task', type: 'string', required: true, help: 'The task id or ARN.' },
    { name: 'reason', type: 'string', help: 'Shown as stoppedReason in describe-tasks.' },
  ],
  examples: ['aws ecs stop-task --cluster demo --task 0123456789abcdef0123456789abcdef'],
  run(args, env, globals) {
    const bad = checkCluster(env.world, args, this.api);
    if (bad) return output(bad);
    const taskId = lastSegment(args['task'] as string);
    const action: Action = compact({
      type: 'ecs.task.stop' as const,
      taskId,
      reason: args['reason'] as string | undefined,
    });
    return applyAll(
      env.world,
      [action],
      (e) => refusal(this.api, e),
      (_r, _b, after) => {
        const t = after.tasks[taskId];
        return awsOut({ task: t ? describeTask(after, t) : {} }, globals, this.api);
      },
    );
  },
};

function failuresFor(refs: string[], exists: (id: string) => boolean, arn: (id: string) => string) {
  return refs
    .filter((r) => !exists(lastSegment(r)))
    .map((r) => ({ arn: r.startsWith('arn:') ? r : arn(r), reason: 'MISSING' }));
}

const describeServices: AwsOperation = {
  service: 'ecs',
  name: 'describe-services',
  api: 'DescribeServices',
  summary:
    'Shows services: desired, running and pending counts, deployments and the latest events.',
  flags: [
    cluster,
    { name: 'services', type: 'list', required: true, help: 'Names or ARNs of up to 10 services.' },
  ],
  examples: [
    'aws ecs describe-services --cluster demo --services web',
    'aws ecs describe-services --cluster demo --services web --output table',
  ],
  run(args, env, globals) {
    const bad = checkCluster(env.world, args, this.api);
    if (bad) return output(bad);
    const refs = args['services'] as string[];
    const w = env.world;
    const found = refs.map((r) => serviceByRef(w, r)).filter((s) => s !== undefined);
    const failures = failuresFor(
      refs,
      (id) => id in w.services,
      (id) =>
        `arn:aws:ecs:${w.region}:${w.accountId}:service/${w.cluster?.name ?? 'default'}/${id}`,
    );
    return output(
      awsOut({ services: found.map((s) => describeService(w, s)), failures }, globals, this.api),
    );
  },
};

const listServices: AwsOperation = {
  service: 'ecs',
  name: 'list-services',
  api: 'ListServices',
  summary: 'Lists the ARNs of the services in the cluster.',
  flags: [cluster],
  examples: ['aws ecs list-services --cluster demo'],
  run(args, env, globals) {
    const bad = checkCluster(env.world, args, this.api);
    if (bad) return output(bad);
    const arns = Object.values(env.world.services)
      .filter((s) => s.status !== 'INACTIVE')
      .map((s) => s.arn);
    return output(awsOut({ serviceArns: arns }, globals, this.api));
  },
};

const listTasks: AwsOperation = {
  service: 'ecs',
  name: 'list-tasks',
  api: 'ListTasks',
  summary: 'Lists task ARNs, optionally for one service or family, RUNNING (default) or STOPPED.',
  flags: [
    cluster,
    { name: 'service-name', type: 'string', help: 'Only tasks of this service.' },
    { name: 'family', type: 'string', help: 'Only tasks of this task definition family.' },
    {
      name: 'desired-status',
      type: 'string',
      choices: ['RUNNING', 'PENDING', 'STOPPED'],
      help: 'Filter by desired status (default RUNNING).',
    },
    {
      name: 'launch-type',
      type: 'string',
      choices: ['EC2', 'FARGATE', 'EXTERNAL'],
      help: 'Only tasks of this launch type.',
    },
  ],
  examples: ['aws ecs list-tasks --cluster demo --service-name web'],
  run(args, env, globals) {
    const bad = checkCluster(env.world, args, this.api);
    if (bad) return output(bad);
    const w = env.world;
    const svc = args['service-name'] as string | undefined;
    if (svc !== undefined && !serviceByRef(w, svc)) {
      return output(awsError(this.api, 'ServiceNotFoundException', 'Service not found.'));
    }
    const status = (args['desired-status'] as string | undefined) ?? 'RUNNING';
    const arns = Object.values(w.tasks)
      .filter((t) =>
        status === 'STOPPED' ? t.desiredStatus === 'STOPPED' : t.desiredStatus === 'RUNNING',
      )
      .filter((t) => svc === undefined || t.service === lastSegment(svc))
      .filter(
        (t) => args['family'] === undefined || t.taskDefinition.split(':')[0] === args['family'],
      )
      .filter((t) => args['launch-type'] === undefined || t.launchType === args['launch-type'])
      .sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id))
      .map((t) => t.arn);
    return output(awsOut({ taskArns: arns }, globals, this.api));
  },
};

const describeTasks: AwsOperation = {
  service: 'ecs',
  name: 'describe-tasks',
  api: 'DescribeTasks',
  summary: 'Shows tasks: lastStatus, desiredStatus, where they run, why they stopped.',
  flags: [
    cluster,
    { name: 'tasks', type: 'list', required: true, help: 'Task ids or ARNs (up to 100).' },
  ],
  examples: ['aws ecs describe-tasks --cluster demo --tasks 0123456789abcdef0123456789abcdef'],
  run(args, env, globals) {
    const bad = checkCluster(env.world, args, this.api);
    if (bad) return output(bad);
    const w = env.world;
    const refs = args['tasks'] as string[];
    const found = refs.map((r) => w.tasks[lastSegment(r)]).filter((t) => t !== undefined);
    const failures = failuresFor(
      refs,
      (id) => id in w.tasks,
      (id) => `arn:aws:ecs:${w.region}:${w.accountId}:task/${w.cluster?.name ?? 'default'}/${id}`,
    );
    return output(
      awsOut({ tasks: found.map((t) => describeTask(w, t)), failures }, globals, this.api),
    );
  },
};

const listContainerInstances: AwsOperation = {
  service: 'ecs',
  name: 'list-container-instances',
  api: 'ListContainerInstances',
  summary: 'Lists the container instances (EC2 hosts whose agent registered) in the cluster.',
  flags: [
    cluster,
    {
      name: 'status',
      type: 'string',
      choices: ['ACTIVE', 'DRAINING', 'REGISTERING', 'DEREGISTERING', 'REGISTRATION_FAILED'],
      help: 'Filter by status.',
    },
  ],
  examples: ['aws ecs list-container-instances --cluster demo'],
  run(args, env, globals) {
    const bad = checkCluster(env.world, args, this.api);
    if (bad) return output(bad);
    const arns = Object.values(env.world.instances)
      .filter((i) => i.agent !== null && i.agent.status !== 'INACTIVE' && i.state !== 'terminated')
      .filter((i) => args['status'] === undefined || i.agent?.status === args['status'])
      .map((i) => i.agent?.containerInstanceArn ?? '');
    return output(awsOut({ containerInstanceArns: arns }, globals, this.api));
  },
};

const describeContainerInstances: AwsOperation = {
  service: 'ecs',
  name: 'describe-container-instances',
  api: 'DescribeContainerInstances',
  summary:
    'Shows container instances: status, agent connection, registered and remaining CPU/memory.',
  flags: [
    cluster,
    {
      name: 'container-instances',
      type: 'list',
      required: true,
      help: 'Container instance ARNs or ids, or EC2 instance ids.',
    },
  ],
  examples: ['aws ecs describe-container-instances --cluster demo --container-instances <arn>'],
  run(args, env, globals) {
    const bad = checkCluster(env.world, args, this.api);
    if (bad) return output(bad);
    const w = env.world;
    const refs = args['container-instances'] as string[];
    const all = Object.values(w.instances).filter((i) => i.agent !== null);
    const found = refs
      .map((r) =>
        all.find(
          (i) =>
            i.id === r ||
            i.agent?.containerInstanceArn === r ||
            lastSegment(i.agent?.containerInstanceArn ?? '') === r,
        ),
      )
      .filter((i) => i !== undefined);
    const containerInstances = found.map((i) => ({
      containerInstanceArn: i.agent?.containerInstanceArn,
      ec2InstanceId: i.id,
      status: i.agent?.status,
      agentConnected: i.agent?.connected,
      runningTasksCount: i.runningCount,
      registeredResources: [
        { name: 'CPU', type: 'INTEGER', integerValue: i.cpuUnits },
        { name: 'MEMORY', type: 'INTEGER', integerValue: i.memoryMiB },
      ],
      remainingResources: [
        { name: 'CPU', type: 'INTEGER', integerValue: i.cpuUnits - i.reservedCpu },
        { name: 'MEMORY', type: 'INTEGER', integerValue: i.memoryMiB - i.reservedMemory },
      ],
      attributes: [
        { name: 'ecs.availability-zone', value: i.az },
        { name: 'ecs.instance-type', value: i.type },
      ],
    }));
    const failures = refs
      .filter(
        (_, n) =>
          found.length <= n ||
          !found.some(
            (f) =>
              f.id === refs[n] ||
              f.agent?.containerInstanceArn === refs[n] ||
              lastSegment(f.agent?.containerInstanceArn ?? '') === refs[n],
          ),
      )
      .map((r) => ({ arn: r, reason: 'MISSING' }));
    return output(awsOut({ containerInstances, failures }, globals, this.api));
  },
};

const describeTaskDefinitionOp: AwsOperation = {
  service: 'ecs',
  name: 'describe-task-definition',
  api: 'DescribeTaskDefinition',
  summary: 'Shows one registered task definition (family:revision, or family for the latest).',
  flags: [
    {
      name: 'task-definition',
      type: 'string',
      required: true,
      help: 'family:revision, family, or the ARN.',
    },
  ],
  examples: ['aws ecs describe-task-definition --task-definition web:1'],
  run(args, env, globals) {
    const ref = lastSegment(args['task-definition'] as string);
    const w = env.world;
    const td = ref.includes(':')
      ? w.taskDefinitions[ref]
      : Object.values(w.taskDefinitions)
          .filter((t) => t.family === ref && t.status === 'ACTIVE')
          .sort((a, b) => b.revision - a.revision)[0];
    if (!td)
      return output(awsError(this.api, 'ClientException', 'Unable to describe task definition.'));
    return output(awsOut({ taskDefinition: describeTaskDefinition(td) }, globals, this.api));
  },
};

const listTaskDefinitions: AwsOperation = {
  service: 'ecs',
  name: 'list-task-definitions',
  api: 'ListTaskDefinitions',
  summary: 'Lists registered task definition ARNs.',
  flags: [{ name: 'family-prefix', type: 'string', help: 'Only families starting with this.' }],
  examples: ['aws ecs list-task-definitions'],
  run(args, env, globals) {
    const prefix = (args['family-prefix'] as string | undefined) ?? '';
    const arns = Object.values(env.world.taskDefinitions)
      .filter((t) => t.family.startsWith(prefix) && t.status === 'ACTIVE')
      .sort((a, b) => a.family.localeCompare(b.family) || a.revision - b.revision)
      .map((t) => t.arn);
    return output(awsOut({ taskDefinitionArns: arns }, globals, this.api));
  },
};

const updateContainerInstancesState: AwsOperation = {
  service: 'ecs',
  name: 'update-container-instances-state',
  api: 'UpdateContainerInstancesState',
  summary: 'Sets container instances to DRAINING: no new tasks, service tasks move elsewhere.',
  flags: [
    cluster,
    {
      name: 'container-instances',
      type: 'list',
      required: true,
      help: 'Container instance ARNs or EC2 instance ids.',
    },
    {
      name: 'status',
      type: 'string',
      required: true,
      choices: ['ACTIVE', 'DRAINING'],
      help: 'DRAINING (ACTIVE is not modelled).',
    },
  ],
  examples: [
    'aws ecs update-container-instances-state --cluster demo --container-instances <arn> --status DRAINING',
  ],
  run(args, env, globals) {
    const bad = checkCluster(env.world, args, this.api);
    if (bad) return output(bad);
    if (args['status'] !== 'DRAINING') {
      return output(
        awsError(
          this.api,
          'InvalidParameterException',
          'The sandbox models draining only (--status DRAINING).',
        ),
      );
    }
    const w = env.world;
    const ids: string[] = [];
    for (const ref of args['container-instances'] as string[]) {
      const inst = Object.values(w.instances).find(
        (i) =>
          i.id === ref ||
          i.agent?.containerInstanceArn === ref ||
          (i.agent && lastSegment(i.agent.containerInstanceArn) === ref),
      );
      if (!inst)
        return output(
          awsError(this.api, 'InvalidParameterException', `Container instance ${ref} not found.`),
        );
      ids.push(inst.id);
    }
    const actions: Action[] = ids.map((instanceId) => ({
      type: 'ecs.container-instance.drain',
      instanceId,
    }));
    return applyAll(
      w,
      actions,
      (e) => refusal(this.api, e),
      (_r, _b, after) =>
        awsOut(
          {
            containerInstances: ids.map((id) => ({
              containerInstanceArn: after.instances[id]?.agent?.containerInstanceArn,
              ec2InstanceId: id,
              status: after.instances[id]?.agent?.status,
            })),
            failures: [],
          },
          globals,
          this.api,
        ),
    );
  },
};

export const ECS_OPERATIONS: AwsOperation[] = [
  createService,
  deleteService,
  describeContainerInstances,
  describeServices,
  describeTaskDefinitionOp,
  describeTasks,
  listContainerInstances,
  listServices,
  listTaskDefinitions,
  listTasks,
  registerTaskDefinition,
  runTask,
  stopTask,
  updateContainerInstancesState,
  updateService,
];

export type { ParsedArgs, CliEnv };
