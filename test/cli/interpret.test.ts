import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyAction,
  commandFor,
  serializeWorld,
  type Action,
  type PlacementConstraint,
  type World,
} from '../../sandbox/index.ts';
import { complete, interpret, runCommandLine, type CliEnv } from '../../sandbox/cli/index.ts';
import { dockerWorld, ecsWorld } from './worlds.ts';

const ECS = ecsWorld();
const DOCKER = dockerWorld();
const env = (world: World, extra: Partial<CliEnv> = {}): CliEnv => ({
  world,
  files: {},
  session: { dockerContext: null },
  ...extra,
});
const run = (line: string, world: World = ECS, extra: Partial<CliEnv> = {}) =>
  runCommandLine(line, env(world, extra));
const hostA = Object.values(DOCKER.ec2.instances).find((i) => i.name === 'host-a')!.id;
const hostB = Object.values(DOCKER.ec2.instances).find((i) => i.name === 'host-b')!.id;

const USAGE = `usage: aws [options] <command> <subcommand> [<subcommand> ...] [parameters]
To see help text, you can run:

  aws help
  aws <command> help
  aws <command> <subcommand> help
`;

describe('errors read like the real CLIs and change nothing', () => {
  it.each([
    [
      'aws ecs update-service --cluster demo',
      `${USAGE}\naws: error: the following arguments are required: --service`,
      252,
    ],
    [
      'aws ecs update-service --cluster demo --service web --foo',
      `${USAGE}\nUnknown options: --foo`,
      252,
    ],
    [
      'aws ecs update-service --cluster demo --service web --desired-count six',
      "\nError parsing parameter '--desired-count': invalid literal for int() with base 10: 'six'",
      252,
    ],
    [
      'aws ecs update-service --cluster prod --service web --desired-count 3',
      '\nAn error occurred (ClusterNotFoundException) when calling the UpdateService operation: Cluster not found.',
      254,
    ],
    [
      'aws ecs update-service --service web --desired-count 3',
      "\nAn error occurred (ClusterNotFoundException) when calling the UpdateService operation: Cluster not found. (this sandbox's cluster is 'demo': add --cluster demo)",
      254,
    ],
    [
      'aws ecs describe-services --cluster demo',
      `${USAGE}\naws: error: the following arguments are required: --services`,
      252,
    ],
    [
      'aws ec2 terminate-instances --instance-ids i-0123456789abcdef0',
      "\nAn error occurred (InvalidInstanceID.NotFound) when calling the TerminateInstances operation: The instance ID 'i-0123456789abcdef0' does not exist",
      254,
    ],
    [
      'aws ecs list-tasks --output yaml',
      `${USAGE}\naws: error: argument --output: Invalid choice, valid choices are:\n\njson                                     | text\ntable`,
      252,
    ],
    ['aws', `${USAGE}\naws: error: the following arguments are required: command`, 252],
    [
      'aws ecs register-task-definition --cli-input-json file://missing.json',
      "\nError parsing parameter '--cli-input-json': Unable to load paramfile file://missing.json: [Errno 2] No such file or directory: 'missing.json'",
      252,
    ],
    [
      `aws ecs register-task-definition --cli-input-json '{"family": "web", "containerDefinitions": [{"name": "web", "image": "nginx", "cpu": "lots"}], "colour": "red"}'`,
      "\nParameter validation failed:\nUnknown parameter in input: \"colour\", must be one of: family, taskRoleArn, executionRoleArn, networkMode, containerDefinitions, volumes, placementConstraints, requiresCompatibilities, cpu, memory, tags, pidMode, ipcMode, proxyConfiguration, inferenceAccelerators, ephemeralStorage, runtimePlatform, enableFaultInjection\nInvalid type for parameter containerDefinitions[0].cpu, value: lots, type: <class 'str'>, valid types: <class 'int'>",
      252,
    ],
    [
      "echo 'unterminated",
      "syntax error: unexpected end of line: unterminated single quote (')",
      2,
    ],
    ['rm -rf /', 'rm: command not found (type help for the commands this terminal knows)', 127],
    ['docker run --foo x', "unknown flag: --foo\nSee 'docker run --help'.", 125],
    ['docker ps -x', "unknown shorthand flag: 'x' in -x\nSee 'docker ps --help'.", 125],
    [
      'docker pull nginx',
      'Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?\n(The sandbox has no local Docker: pick a host with `docker --context <instance-id> …` or `docker context use <instance-id>`; `docker context ls` lists them.)',
      1,
    ],
  ])('%s', (line, stderr, exitCode) => {
    const out = run(line);
    expect(out.output).toEqual({ stdout: '', stderr, exitCode });
    expect(out.world).toBe(ECS);
  });

  it('treats # lines as comments, as a shell does (faults show in the event log that way)', () => {
    const out = run('# fault: crash a task of service web (exit code 1)');
    expect(out.output).toEqual({ stdout: '', stderr: '', exitCode: 0 });
    expect(out.world).toBe(ECS);
  });

  it('refuses a Fargate size AWS refuses, with AWS words, and registers nothing', () => {
    const doc = JSON.stringify({
      family: 'api',
      requiresCompatibilities: ['FARGATE'],
      networkMode: 'awsvpc',
      cpu: '256',
      memory: '4096',
      containerDefinitions: [{ name: 'api', image: 'nginx:1.27' }],
    });
    const out = run('aws ecs register-task-definition --cli-input-json file://api.json', ECS, {
      files: { 'api.json': doc },
    });
    expect(out.output.stderr).toBe(
      '\nAn error occurred (ClientException) when calling the RegisterTaskDefinition operation: No Fargate configuration exists for given values.',
    );
    expect(out.output.exitCode).toBe(254);
    expect(out.world).toBe(ECS);
  });
});

describe('commands change the world the way the buttons do', () => {
  it('scales a service and prints the service as describe-services does', () => {
    const out = run('aws ecs update-service --cluster demo --service web --desired-count 4');
    expect(out.world.ecs.services['web']?.desiredCount).toBe(4);
    const printed = JSON.parse(out.output.stdout) as {
      service: { serviceName: string; desiredCount: number; runningCount: number };
    };
    expect(printed.service).toMatchObject({ serviceName: 'web', desiredCount: 4, runningCount: 2 });
  });

  it('registers the editor document as the next revision', () => {
    const doc = JSON.stringify({
      family: 'web',
      requiresCompatibilities: ['EC2'],
      containerDefinitions: [{ name: 'web', image: 'nginx:1.27', memory: 256 }],
    });
    const out = run('aws ecs register-task-definition --cli-input-json file://web.json', ECS, {
      files: { 'web.json': doc },
    });
    expect(Object.keys(out.world.ecs.taskDefinitions).sort()).toEqual(['web:1', 'web:2']);
    expect(JSON.parse(out.output.stdout)).toMatchObject({
      taskDefinition: { family: 'web', revision: 2, status: 'ACTIVE' },
    });
  });

  it('lists tasks, describes them, and prints tables and text', () => {
    const arns = (
      JSON.parse(run('aws ecs list-tasks --cluster demo --service-name web').output.stdout) as {
        taskArns: string[];
      }
    ).taskArns;
    expect(arns).toHaveLength(2);
    const described = JSON.parse(
      run(`aws ecs describe-tasks --cluster demo --tasks ${arns.join(' ')}`).output.stdout,
    ) as { tasks: { lastStatus: string; group: string }[]; failures: unknown[] };
    expect(described.tasks.map((t) => [t.lastStatus, t.group])).toEqual([
      ['RUNNING', 'service:web'],
      ['RUNNING', 'service:web'],
    ]);
    expect(run('aws ecs list-tasks --cluster demo --output text').output.stdout).toBe(
      `TASKARNS\t${arns.join('\t')}`,
    );
    const table = run('aws ecs list-services --cluster demo --output table').output.stdout.split(
      '\n',
    );
    expect(table).toEqual([
      '-----------------------------------------------------------',
      '|                      ListServices                       |',
      '+---------------------------------------------------------+',
      '||                      serviceArns                      ||',
      '|+-------------------------------------------------------+|',
      '||  arn:aws:ecs:eu-west-3:123456789012:service/demo/web  ||',
      '|+-------------------------------------------------------+|',
    ]);
  });

  it('runs docker on the host named by --context or by docker context use', () => {
    const placed = run(
      `docker --context ${hostB} run -d --name orders --cpus 0.5 --memory 768m shipyard/orders:1.0`,
      DOCKER,
    );
    const orders = Object.values(placed.world.docker.containers).find((c) => c.name === 'orders')!;
    expect(orders.hostId).toBe(hostB);
    expect(placed.output).toEqual({ stdout: orders.id, stderr: '', exitCode: 0 });
    const use = run(`docker context use ${hostA}`, DOCKER);
    expect(use.session).toEqual({ dockerContext: hostA });
    expect(use.output).toEqual({
      stdout: hostA,
      stderr: `Current context is now "${hostA}"`,
      exitCode: 0,
    });
    const ps = run('docker ps', DOCKER, { session: use.session });
    expect(ps.output.stdout.split('\n')).toEqual([
      'CONTAINER ID   IMAGE                     COMMAND                  CREATED              STATUS              PORTS   NAMES',
      expect.stringMatching(
        /^[0-9a-f]{12} {3}shipyard\/storefront:2\.3 {3}"docker-entrypoint\.s…" {3}About a minute ago {3}Up About a minute {11}storefront-1$/,
      ),
    ]);
    const stopped = run('docker stop storefront-1', DOCKER, { session: use.session });
    expect(stopped.output.stdout).toBe('storefront-1');
    expect(
      Object.values(stopped.world.docker.containers).find((c) => c.name === 'storefront-1')?.state,
    ).toBe('exited');
  });

  it('applies a chain of commands whole, or none of it', () => {
    const ok = run(
      'aws ecs update-service --cluster demo --service web --desired-count 3 && aws ecs update-service --cluster demo --service web --desired-count 5',
    );
    expect(ok.world.ecs.services['web']?.desiredCount).toBe(5);
    const bad = run(
      'aws ecs update-service --cluster demo --service web --desired-count 3 && aws ecs update-service --cluster demo --service nope --desired-count 5',
    );
    expect(bad.world).toBe(ECS);
    expect(bad.output.exitCode).toBe(254);
  });

  it('documents every command with help', () => {
    expect(run('aws ecs create-service help').output.stdout).toContain(
      '--service-name (string) [required]',
    );
    expect(run('aws ecs create-service --help').output.stdout).toContain(
      'aws ecs create-service --cluster demo --service-name web',
    );
    expect(run('docker run --help', DOCKER).output.stdout).toContain(
      'Usage:  docker run [OPTIONS] IMAGE [COMMAND] [ARG...]',
    );
    expect(run('help').output.stdout).toContain(
      'docker <command> …       build, context, images, login, ps, pull, push, rm, rmi, run, start, stop, tag',
    );
  });
});

describe('completion', () => {
  const e = env(ECS);
  it.each([
    ['aw', 0, ['aws']],
    ['aws e', 4, ['ec2', 'ecr', 'ecs', 'eks', 'events']],
    ['aws ecs update-s', 8, ['update-service']],
    ['aws ecs update-service --des', 23, ['--desired-count']],
    ['aws ecs update-service --service ', 33, ['web']],
    ['aws ecs list-tasks --output t', 28, ['table', 'text']],
    ['docker --context ', 17, []],
  ])('%s', (line, start, candidates) => {
    expect(complete(line, e)).toEqual({ start, candidates });
  });
  it('offers the Docker hosts as contexts', () => {
    expect(complete('docker --context ', env(DOCKER)).candidates).toEqual([hostA, hostB].sort());
  });
});

describe('no input can throw, hang or change the world partially', () => {
  const words = fc.constantFrom(
    'aws',
    'ecs',
    'ec2',
    'docker',
    'run',
    'create-service',
    'update-service',
    'register-task-definition',
    'terminate-instances',
    '--cluster',
    'demo',
    '--service',
    'web',
    '--desired-count',
    '--output',
    'table',
    '--cli-input-json',
    'file://web.json',
    '--context',
    '&&',
    '-d',
    '--name',
    'help',
    '--help',
    "'",
    '"',
    '\\',
    '=',
    '[',
    '{',
  );
  it('for any line', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 200 }),
          fc
            .array(fc.oneof(words, fc.string({ maxLength: 12 })), { maxLength: 14 })
            .map((w) => w.join(' ')),
        ),
        (line) => {
          const outcome = interpret(line, env(ECS, { files: { 'web.json': '{"family":' } }));
          if (outcome.kind === 'output') expect(typeof outcome.output.exitCode).toBe('number');
          else {
            let world = ECS;
            for (const action of outcome.actions) {
              const r = applyAction(world, action, 'learner');
              expect(r.result.ok).toBe(true);
              world = r.world;
            }
          }
          complete(line, env(ECS));
        },
      ),
      { numRuns: 1500 },
    );
  });
});

/** Actions the view can take (faults have no CLI command: they are the world's doing). */
function arbitraryActions(world: World): fc.Arbitrary<Action> {
  const instances = Object.keys(world.ec2.instances);
  const containers = Object.keys(world.docker.containers);
  const tasks = Object.keys(world.ecs.tasks);
  const services = Object.keys(world.ecs.services);
  const name = fc.stringMatching(/^[a-z][a-z0-9-]{0,10}$/);
  const id = (xs: string[]) => (xs.length > 0 ? fc.constantFrom(...xs) : name);
  const count = fc.integer({ min: 0, max: 12 });
  const strategy = fc.constantFrom(
    { type: 'spread' as const, field: 'attribute:ecs.availability-zone' },
    { type: 'binpack' as const, field: 'memory' },
    { type: 'random' as const },
  );
  // An empty deploymentConfiguration ({}) is left out: commandFor prints a flag without a value for it.
  const dc = fc
    .record(
      {
        minimumHealthyPercent: fc.integer({ min: 0, max: 100 }),
        maximumPercent: fc.integer({ min: 100, max: 200 }),
      },
      { requiredKeys: [] },
    )
    .filter((d) => Object.keys(d).length > 0);
  const launchType = fc.constantFrom('EC2' as const, 'FARGATE' as const);
  const taskDefinition = fc.record(
    {
      family: name,
      requiresCompatibilities: fc.subarray(['EC2', 'FARGATE'] as ('EC2' | 'FARGATE')[], {
        minLength: 1,
      }),
      networkMode: fc.constantFrom('bridge' as const, 'awsvpc' as const, 'host' as const),
      cpu: fc.constantFrom('256', '512', '1024', 512, '1 vCPU'),
      memory: fc.constantFrom('512', '1024', '2048', 3072, '1GB'),
      containerDefinitions: fc.array(
        fc.record(
          {
            name,
            image: fc.constantFrom('nginx:1.27', 'public.ecr.aws/nginx/nginx:1.27'),
            cpu: fc.integer({ min: 0, max: 2048 }),
            memory: fc.integer({ min: 6, max: 4096 }),
            memoryReservation: fc.integer({ min: 6, max: 2048 }),
            essential: fc.boolean(),
            portMappings: fc.array(
              fc.record(
                {
                  containerPort: fc.integer({ min: 1, max: 65535 }),
                  hostPort: fc.integer({ min: 0, max: 65535 }),
                  protocol: fc.constantFrom('tcp' as const, 'udp' as const),
                },
                { requiredKeys: ['containerPort'] },
              ),
              { maxLength: 2 },
            ),
          },
          { requiredKeys: ['name', 'image'] },
        ),
        { minLength: 1, maxLength: 2 },
      ),
    },
    { requiredKeys: ['family', 'containerDefinitions'] },
  );
  return fc.oneof(
    fc.record(
      {
        type: fc.constant('ec2.instance.launch' as const),
        instanceType: fc.constantFrom('t3.medium', 'm5.large'),
        az: fc.constantFrom(...world.azs),
        software: fc.constantFrom('docker' as const, 'ecs' as const),
        count: fc.integer({ min: 1, max: 3 }),
        name,
      },
      { requiredKeys: ['type', 'instanceType', 'az', 'software'] },
    ),
    fc.record({ type: fc.constant('ec2.instance.terminate' as const), instanceId: id(instances) }),
    fc.record({
      type: fc.constant('ecs.container-instance.drain' as const),
      instanceId: id(instances),
    }),
    fc.record({
      type: fc.constant('docker.container.place' as const),
      containerId: id(containers),
      hostId: id(instances),
    }),
    fc.record({
      type: fc.constantFrom(
        'docker.container.start' as const,
        'docker.container.stop' as const,
        'docker.container.remove' as const,
      ),
      containerId: id(containers),
    }),
    fc.record({ type: fc.constant('ecs.taskdef.register' as const), taskDefinition }),
    fc.record(
      {
        type: fc.constant('ecs.service.create' as const),
        serviceName: name,
        taskDefinition: fc.constantFrom('web:1', 'web', 'nope:3'),
        desiredCount: count,
        launchType,
        placementStrategy: fc.array(strategy, { maxLength: 2 }),
        placementConstraints: fc.constantFrom<PlacementConstraint[]>(
          [{ type: 'distinctInstance' }],
          [{ type: 'memberOf', expression: 'attribute:ecs.instance-type =~ t3.*' }],
        ),
        deploymentConfiguration: dc,
      },
      { requiredKeys: ['type', 'serviceName', 'taskDefinition', 'desiredCount'] },
    ),
    fc
      .record(
        {
          type: fc.constant('ecs.service.update' as const),
          service: id(services),
          desiredCount: count,
          taskDefinition: fc.constantFrom('web:1', 'web:2'),
          launchType,
          placementStrategy: fc.array(strategy, { minLength: 1, maxLength: 2 }),
          deploymentConfiguration: dc,
          forceNewDeployment: fc.constant(true),
        },
        { requiredKeys: ['type', 'service'] },
      )
      // A launch-type change without forceNewDeployment has no command of its own (see normalize),
      // nor has clearing the strategies (placementStrategy: []): commandFor prints nothing for it.
      .filter((a) => a.launchType === undefined || a.forceNewDeployment === true),
    fc.record({ type: fc.constant('ecs.service.delete' as const), service: id(services) }),
    fc.record({
      type: fc.constant('ecs.service.autoscale' as const),
      service: id(services),
      minCapacity: fc.integer({ min: 0, max: 3 }),
      maxCapacity: fc.integer({ min: 3, max: 10 }),
      targetCpu: fc.integer({ min: 1, max: 100 }),
      scaleOutCooldown: fc.integer({ min: 0, max: 600 }),
      scaleInCooldown: fc.integer({ min: 0, max: 600 }),
    }),
    fc.record(
      {
        type: fc.constant('ecs.task.run' as const),
        taskDefinition: fc.constantFrom('web:1', 'nope:1'),
        count: fc.integer({ min: 1, max: 3 }),
        launchType,
      },
      { requiredKeys: ['type', 'taskDefinition'] },
    ),
    fc.record(
      {
        type: fc.constant('ecs.task.stop' as const),
        taskId: id(tasks),
        reason: fc.constantFrom('scale in', "it's broken"),
      },
      { requiredKeys: ['type', 'taskId'] },
    ),
    fc.record(
      {
        type: fc.constant('ec2.asg.update' as const),
        name: fc.constantFrom('ecs-hosts', 'nope'),
        min: fc.integer({ min: 0, max: 2 }),
        desired: fc.integer({ min: 0, max: 3 }),
        max: fc.integer({ min: 3, max: 5 }),
      },
      { requiredKeys: ['type', 'name'] },
    ),
  );
}

/**
 * Defaults the command spells out (`--count 1`, `--launch-type EC2`) and a flag a launch-type
 * change implies (`--force-new-deployment`): the same action, written explicitly.
 */
function normalize(action: Action, world: World): Action {
  const a = structuredClone(action) as Action & Record<string, unknown>;
  if (a.type === 'ec2.instance.launch' || a.type === 'ecs.task.run') a.count ??= 1;
  if (a.type === 'ecs.task.run' || a.type === 'ecs.service.create') a.launchType ??= 'EC2';
  // commandFor writes a launch-type change with --force-new-deployment (the real CLI requires it).
  if (a.type === 'ecs.service.update' && a.launchType !== undefined) a.forceNewDeployment = true;
  if (
    a.type === 'docker.container.place' ||
    a.type === 'docker.container.start' ||
    a.type === 'docker.container.stop' ||
    a.type === 'docker.container.remove'
  ) {
    // The view may name a container by id or name; the command names it, the CLI resolves it.
    const c =
      world.docker.containers[a.containerId] ??
      Object.values(world.docker.containers).find((x) => x.name === a.containerId);
    if (c) a.containerId = c.id;
  }
  if (
    a.type === 'docker.container.place' ||
    a.type === 'ec2.instance.terminate' ||
    a.type === 'ecs.container-instance.drain'
  ) {
    const ref = a.type === 'docker.container.place' ? a.hostId : a.instanceId;
    const i =
      world.ec2.instances[ref] ?? Object.values(world.ec2.instances).find((x) => x.name === ref);
    if (i) {
      if (a.type === 'docker.container.place') a.hostId = i.id;
      else a.instanceId = i.id;
    }
  }
  // An empty list of strategies or constraints is the same as none.
  for (const k of Object.keys(a))
    if (a[k] === undefined || (Array.isArray(a[k]) && (a[k] as unknown[]).length === 0))
      delete a[k];
  return a;
}

function alreadyThere(action: Action, world: World): boolean {
  if (action.type !== 'docker.container.start' && action.type !== 'docker.container.stop')
    return false;
  const c =
    world.docker.containers[action.containerId] ??
    Object.values(world.docker.containers).find((x) => x.name === action.containerId);
  if (!c || c.hostId === null) return false;
  return action.type === 'docker.container.start' ? c.state === 'running' : c.state !== 'running';
}

const withoutLog = (w: World) => {
  const parsed = JSON.parse(serializeWorld(w)) as Record<string, unknown>;
  delete parsed['log'];
  return parsed;
};

/**
 * The cluster as after put-cluster-capacity-providers: moving a service to FARGATE needs the
 * provider associated, and the engine's recorded update-service command assumes it is.
 */
const ECS_WITH_FARGATE = applyAction(
  ECS,
  {
    type: 'ecs.cluster.put-capacity-providers',
    capacityProviders: ['FARGATE'],
    defaultCapacityProviderStrategy: [],
  },
  'learner',
).world;

describe('typing the command an action records does exactly that action', () => {
  for (const [label, world] of [
    ['ECS cluster', ECS_WITH_FARGATE],
    ['Docker hosts', DOCKER],
  ] as const) {
    it(`for every action type (${label})`, () => {
      const seen = new Set<string>();
      fc.assert(
        fc.property(arbitraryActions(world), (action) => {
          const direct = applyAction(world, action, 'learner');
          const command = commandFor(action, world);
          const files =
            action.type === 'ecs.taskdef.register'
              ? { [`${action.taskDefinition.family}.json`]: JSON.stringify(action.taskDefinition) }
              : {};
          const outcome = interpret(command, env(world, { files }));
          if (!direct.result.ok && alreadyThere(action, world)) {
            // Docker answers `start` on a running container (`stop` on a stopped one) with the
            // name and does nothing; the engine refuses the button instead.
            expect(outcome).toEqual({
              kind: 'output',
              output: { stdout: expect.any(String), stderr: '', exitCode: 0 },
            });
            return;
          }
          if (!direct.result.ok) {
            // The button is refused: so is the command, in the engine's words, and nothing changes.
            expect(outcome.kind).toBe('output');
            if (outcome.kind === 'output') expect(outcome.output.exitCode).not.toBe(0);
            return;
          }
          seen.add(action.type);
          expect(
            outcome.kind,
            `${command}\n${outcome.kind === 'output' ? outcome.output.stderr : ''}`,
          ).toBe('actions');
          if (outcome.kind !== 'actions') return;
          expect(
            outcome.actions.map((a) => normalize(a, world)),
            command,
          ).toEqual([normalize(action, world)]);
          const viaCli = applyAction(world, outcome.actions[0]!, 'learner').world;
          expect(withoutLog(viaCli)).toEqual(withoutLog(direct.world));
        }),
        { numRuns: 600, seed: 20261126 },
      );
      const expected =
        label === 'ECS cluster'
          ? [
              'ec2.instance.launch',
              'ec2.instance.terminate',
              'ecs.container-instance.drain',
              'ecs.taskdef.register',
              'ecs.service.create',
              'ecs.service.update',
              'ecs.service.delete',
              'ecs.service.autoscale',
              'ecs.task.run',
              'ecs.task.stop',
              'ec2.asg.update',
            ]
          : [
              'ec2.instance.launch',
              'ec2.instance.terminate',
              'docker.container.place',
              'docker.container.start',
              'docker.container.stop',
              'docker.container.remove',
            ];
      expect([...seen].sort()).toEqual(expected.sort());
    }, 30_000); // 600 property runs: seconds on a loaded machine
  }
});
