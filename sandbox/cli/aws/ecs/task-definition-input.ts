/**
 * Reading a RegisterTaskDefinition input (`--cli-input-json`, `--container-definitions`, or the
 * editor's document) the way the AWS CLI's parameter validation does: every field of the
 * RegisterTaskDefinitionRequest, ContainerDefinition and PortMapping shapes is known; a wrong
 * type (`null` included: the CLI refuses None for every typed member) or an unknown field is
 * reported, all problems of one input at once, in the CLI's words. Fields the sandbox does not
 * model are checked the same way (NESTED), then accepted and listed in `ignored`, so the view
 * can say so.
 */
import type { RegisterTaskDefinitionInput } from '../../../model/actions.ts';

type Kind = 'str' | 'int' | 'bool' | 'list' | 'dict';

/** RegisterTaskDefinitionRequest's members, in the API model's order (the CLI lists them so). */
const TASK_FIELDS: [string, Kind, 'modelled' | 'ignored'][] = [
  ['family', 'str', 'modelled'],
  ['taskRoleArn', 'str', 'modelled'],
  ['executionRoleArn', 'str', 'modelled'],
  ['networkMode', 'str', 'modelled'],
  ['containerDefinitions', 'list', 'modelled'],
  ['volumes', 'list', 'ignored'],
  ['placementConstraints', 'list', 'ignored'],
  ['requiresCompatibilities', 'list', 'modelled'],
  ['cpu', 'str', 'modelled'],
  ['memory', 'str', 'modelled'],
  ['tags', 'list', 'ignored'],
  ['pidMode', 'str', 'ignored'],
  ['ipcMode', 'str', 'ignored'],
  ['proxyConfiguration', 'dict', 'ignored'],
  ['inferenceAccelerators', 'list', 'ignored'],
  ['ephemeralStorage', 'dict', 'ignored'],
  ['runtimePlatform', 'dict', 'ignored'],
  ['enableFaultInjection', 'bool', 'ignored'],
];

/** ContainerDefinition's members, in the API model's order. */
const CONTAINER_FIELDS: [string, Kind, 'modelled' | 'ignored'][] = [
  ['name', 'str', 'modelled'],
  ['image', 'str', 'modelled'],
  ['repositoryCredentials', 'dict', 'ignored'],
  ['cpu', 'int', 'modelled'],
  ['memory', 'int', 'modelled'],
  ['memoryReservation', 'int', 'modelled'],
  ['links', 'list', 'ignored'],
  ['portMappings', 'list', 'modelled'],
  ['essential', 'bool', 'modelled'],
  ['restartPolicy', 'dict', 'ignored'],
  ['entryPoint', 'list', 'ignored'],
  ['command', 'list', 'ignored'],
  ['environment', 'list', 'ignored'],
  ['environmentFiles', 'list', 'ignored'],
  ['mountPoints', 'list', 'ignored'],
  ['volumesFrom', 'list', 'ignored'],
  ['linuxParameters', 'dict', 'ignored'],
  ['secrets', 'list', 'ignored'],
  ['dependsOn', 'list', 'ignored'],
  ['startTimeout', 'int', 'ignored'],
  ['stopTimeout', 'int', 'ignored'],
  ['versionConsistency', 'str', 'ignored'],
  ['hostname', 'str', 'ignored'],
  ['user', 'str', 'ignored'],
  ['workingDirectory', 'str', 'ignored'],
  ['disableNetworking', 'bool', 'ignored'],
  ['privileged', 'bool', 'ignored'],
  ['readonlyRootFilesystem', 'bool', 'ignored'],
  ['dnsServers', 'list', 'ignored'],
  ['dnsSearchDomains', 'list', 'ignored'],
  ['extraHosts', 'list', 'ignored'],
  ['dockerSecurityOptions', 'list', 'ignored'],
  ['interactive', 'bool', 'ignored'],
  ['pseudoTerminal', 'bool', 'ignored'],
  ['dockerLabels', 'dict', 'ignored'],
  ['ulimits', 'list', 'ignored'],
  ['logConfiguration', 'dict', 'ignored'],
  ['healthCheck', 'dict', 'ignored'],
  ['systemControls', 'list', 'ignored'],
  ['resourceRequirements', 'list', 'ignored'],
  ['firelensConfiguration', 'dict', 'ignored'],
  ['credentialSpecs', 'list', 'ignored'],
];

/** PortMapping's members. */
const PORT_FIELDS: [string, Kind, 'modelled' | 'ignored'][] = [
  ['containerPort', 'int', 'modelled'],
  ['hostPort', 'int', 'modelled'],
  ['protocol', 'str', 'modelled'],
  ['name', 'str', 'ignored'],
  ['appProtocol', 'str', 'ignored'],
  // Checked at registration, then set aside (portRangesSetAside): the sandbox maps single ports.
  ['containerPortRange', 'str', 'modelled'],
];

/**
 * The members of the structures the sandbox accepts without modelling them, with their types
 * and required members, in the API model's order (botocore 1.43.67's ECS model: ContainerDefinition,
 * RegisterTaskDefinitionRequest and their member shapes). Their values are not kept, but what the
 * CLI's parameter validation refuses inside them is refused here too, in its words: a missing
 * required member, an unknown member, a wrong type (`null` included).
 */
type Struct = { struct: Record<string, Shape>; required: readonly string[] };
type Shape = Kind | { list: Shape } | Struct | { map: Shape };
const strList: Shape = { list: 'str' };
const strMap: Shape = { map: 'str' };
const struct = (members: Record<string, Shape>, required: readonly string[] = []): Struct => ({
  struct: members,
  required,
});
const listOf = (members: Record<string, Shape>, required: readonly string[] = []): Shape => ({
  list: struct(members, required),
});
const NESTED: Record<string, Shape> = {
  // ContainerDefinition
  repositoryCredentials: struct({ credentialsParameter: 'str' }, ['credentialsParameter']),
  links: strList,
  restartPolicy: struct(
    { enabled: 'bool', ignoredExitCodes: { list: 'int' }, restartAttemptPeriod: 'int' },
    ['enabled'],
  ),
  entryPoint: strList,
  command: strList,
  environment: listOf({ name: 'str', value: 'str' }),
  environmentFiles: listOf({ value: 'str', type: 'str' }, ['value', 'type']),
  mountPoints: listOf({ sourceVolume: 'str', containerPath: 'str', readOnly: 'bool' }),
  volumesFrom: listOf({ sourceContainer: 'str', readOnly: 'bool' }),
  linuxParameters: struct({
    capabilities: struct({ add: strList, drop: strList }),
    devices: listOf({ hostPath: 'str', containerPath: 'str', permissions: strList }, ['hostPath']),
    initProcessEnabled: 'bool',
    sharedMemorySize: 'int',
    tmpfs: listOf({ containerPath: 'str', size: 'int', mountOptions: strList }, [
      'containerPath',
      'size',
    ]),
    maxSwap: 'int',
    swappiness: 'int',
  }),
  secrets: listOf({ name: 'str', valueFrom: 'str' }, ['name', 'valueFrom']),
  dependsOn: listOf({ containerName: 'str', condition: 'str' }, ['containerName', 'condition']),
  dnsServers: strList,
  dnsSearchDomains: strList,
  extraHosts: listOf({ hostname: 'str', ipAddress: 'str' }, ['hostname', 'ipAddress']),
  dockerSecurityOptions: strList,
  dockerLabels: strMap,
  ulimits: listOf({ name: 'str', softLimit: 'int', hardLimit: 'int' }, [
    'name',
    'softLimit',
    'hardLimit',
  ]),
  logConfiguration: struct(
    {
      logDriver: 'str',
      options: strMap,
      secretOptions: listOf({ name: 'str', valueFrom: 'str' }, ['name', 'valueFrom']),
    },
    ['logDriver'],
  ),
  healthCheck: struct(
    { command: strList, interval: 'int', timeout: 'int', retries: 'int', startPeriod: 'int' },
    ['command'],
  ),
  systemControls: listOf({ namespace: 'str', value: 'str' }),
  resourceRequirements: listOf({ value: 'str', type: 'str' }, ['value', 'type']),
  firelensConfiguration: struct({ type: 'str', options: strMap }, ['type']),
  credentialSpecs: strList,
  // RegisterTaskDefinitionRequest
  volumes: listOf({
    name: 'str',
    host: struct({ sourcePath: 'str' }),
    dockerVolumeConfiguration: struct({
      scope: 'str',
      autoprovision: 'bool',
      driver: 'str',
      driverOpts: strMap,
      labels: strMap,
    }),
    efsVolumeConfiguration: struct(
      {
        fileSystemId: 'str',
        rootDirectory: 'str',
        transitEncryption: 'str',
        transitEncryptionPort: 'int',
        authorizationConfig: struct({ accessPointId: 'str', iam: 'str' }),
      },
      ['fileSystemId'],
    ),
    s3filesVolumeConfiguration: struct(
      {
        fileSystemArn: 'str',
        rootDirectory: 'str',
        transitEncryptionPort: 'int',
        accessPointArn: 'str',
      },
      ['fileSystemArn'],
    ),
    fsxWindowsFileServerVolumeConfiguration: struct(
      {
        fileSystemId: 'str',
        rootDirectory: 'str',
        authorizationConfig: struct({ credentialsParameter: 'str', domain: 'str' }, [
          'credentialsParameter',
          'domain',
        ]),
      },
      ['fileSystemId', 'rootDirectory', 'authorizationConfig'],
    ),
    configuredAtLaunch: 'bool',
  }),
  placementConstraints: listOf({ type: 'str', expression: 'str' }),
  tags: listOf({ key: 'str', value: 'str' }),
  proxyConfiguration: struct(
    { type: 'str', containerName: 'str', properties: listOf({ name: 'str', value: 'str' }) },
    ['containerName'],
  ),
  inferenceAccelerators: listOf({ deviceName: 'str', deviceType: 'str' }, [
    'deviceName',
    'deviceType',
  ]),
  ephemeralStorage: struct({ sizeInGiB: 'int' }, ['sizeInGiB']),
  runtimePlatform: struct({ cpuArchitecture: 'str', operatingSystemFamily: 'str' }),
};

export const TASKDEF_FIELDS = TASK_FIELDS.filter((f) => f[2] === 'modelled').map((f) => f[0]);
export const TASKDEF_IGNORED_FIELDS = TASK_FIELDS.filter((f) => f[2] === 'ignored').map(
  (f) => f[0],
);
export const CONTAINER_FIELDS_MODELLED = CONTAINER_FIELDS.filter((f) => f[2] === 'modelled').map(
  (f) => f[0],
);
export const CONTAINER_IGNORED_FIELDS = CONTAINER_FIELDS.filter((f) => f[2] === 'ignored').map(
  (f) => f[0],
);

export type TaskDefInputResult =
  | { ok: true; value: RegisterTaskDefinitionInput; ignored: string[] }
  | {
      ok: false;
      /** Parameter validation (the AWS CLI's), reported before anything is sent. */
      errors: { path: string; message: string }[];
      /** Values AWS refuses at registration (ClientException), when the parameters are valid. */
      limits?: string[];
    };

const VALID: Record<Kind, string> = {
  str: "<class 'str'>",
  int: "<class 'int'>",
  bool: "<class 'bool'>",
  list: "<class 'list'>, <class 'tuple'>",
  dict: "<class 'dict'>",
};

function pyType(v: unknown): string {
  if (v === null) return "<class 'NoneType'>";
  if (Array.isArray(v)) return "<class 'list'>";
  if (typeof v === 'string') return "<class 'str'>";
  if (typeof v === 'boolean') return "<class 'bool'>";
  if (typeof v === 'number') return Number.isInteger(v) ? "<class 'int'>" : "<class 'float'>";
  return "<class 'dict'>";
}

/** How Python prints a value: str() at the top, repr() inside lists and dicts. */
export function pyStr(v: unknown, nested = false): string {
  if (v === null) return 'None';
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (typeof v === 'string')
    return nested ? `'${v.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'` : v;
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) return `[${v.map((x) => pyStr(x, true)).join(', ')}]`;
  if (typeof v === 'object')
    return `{${Object.entries(v as Record<string, unknown>)
      .map(([k, x]) => `'${k}': ${pyStr(x, true)}`)
      .join(', ')}}`;
  return String(v);
}

function isKind(v: unknown, kind: Kind): boolean {
  switch (kind) {
    case 'str':
      return typeof v === 'string';
    case 'int':
      // Python's bool is an int, so botocore takes true for an integer field too.
      return (typeof v === 'number' && Number.isInteger(v)) || typeof v === 'boolean';
    case 'bool':
      return typeof v === 'boolean';
    case 'list':
      return Array.isArray(v);
    case 'dict':
      return typeof v === 'object' && v !== null && !Array.isArray(v);
  }
}

interface Reader {
  errors: { path: string; message: string }[];
  ignored: string[];
  /** Values came from shorthand (`name=web,memory=512`): scalars are converted as the CLI does. */
  shorthand: boolean;
}

/** Shorthand gives strings; the CLI converts them to the member's type. */
function convert(v: unknown, kind: Kind, shorthand: boolean): unknown {
  if (!shorthand || typeof v !== 'string') return v;
  if (kind === 'int' && /^-?\d+$/.test(v)) return Number(v);
  if (kind === 'bool' && (v === 'true' || v === 'false')) return v === 'true';
  return v;
}

function typeError(path: string, v: unknown, kind: Kind): { path: string; message: string } {
  return {
    path,
    message: `Invalid type for parameter ${path}, value: ${pyStr(v)}, type: ${pyType(v)}, valid types: ${VALID[kind]}`,
  };
}

/** One structure: unknown members, then each known member's type, in the input's order. */
function readStructure(
  r: Reader,
  value: Record<string, unknown>,
  fields: [string, Kind, 'modelled' | 'ignored'][],
  where: string,
  prefix: string,
  children: Record<string, (v: unknown, path: string) => unknown> = {},
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const names = fields.map((f) => f[0]);
  for (const key of Object.keys(value)) {
    if (!names.includes(key))
      r.errors.push({
        path: `${prefix}${key}`,
        message: `Unknown parameter in ${where}: "${key}", must be one of: ${names.join(', ')}`,
      });
  }
  for (const [key, raw] of Object.entries(value)) {
    const field = fields.find((f) => f[0] === key);
    if (!field) continue;
    const [, kind, use] = field;
    const v = convert(raw, kind, r.shorthand);
    const path = `${prefix}${key}`;
    if (!isKind(v, kind)) {
      r.errors.push(typeError(path, v, kind));
      continue;
    }
    if (use === 'ignored') {
      const shape = Object.hasOwn(NESTED, key) ? NESTED[key] : undefined;
      if (shape) checkInside(r, v, shape, path);
      r.ignored.push(path);
      continue;
    }
    // Members are checked depth first, in the input's order, as botocore walks them.
    const child = Object.hasOwn(children, key) ? children[key] : undefined;
    out[key] = child ? child(v, path) : typeof v === 'boolean' && kind === 'int' ? Number(v) : v;
  }
  return out;
}

/** The members inside a value of `shape` (the value itself has its type), depth first, in the input's order. */
function checkInside(r: Reader, v: unknown, shape: Shape, path: string): void {
  if (typeof shape === 'string') return;
  const check = (x: unknown, member: Shape, at: string) => {
    const kind: Kind = typeof member === 'string' ? member : 'list' in member ? 'list' : 'dict';
    const value = typeof member === 'string' ? convert(x, member, r.shorthand) : x;
    if (!isKind(value, kind)) r.errors.push(typeError(at, value, kind));
    else checkInside(r, value, member, at);
  };
  if ('list' in shape) (v as unknown[]).forEach((x, i) => check(x, shape.list, `${path}[${i}]`));
  else if ('map' in shape)
    for (const [k, x] of Object.entries(v as Record<string, unknown>))
      check(x, shape.map, `${path}.${k}`);
  else {
    // As botocore validates a structure: its required members, its unknown ones, then each member.
    const value = v as Record<string, unknown>;
    const members = Object.keys(shape.struct);
    for (const k of shape.required)
      if (!Object.hasOwn(value, k))
        r.errors.push({
          path: `${path}.${k}`,
          message: `Missing required parameter in ${path}: "${k}"`,
        });
    for (const k of Object.keys(value))
      if (!Object.hasOwn(shape.struct, k))
        r.errors.push({
          path: `${path}.${k}`,
          message: `Unknown parameter in ${path}: "${k}", must be one of: ${members.join(', ')}`,
        });
    for (const [k, x] of Object.entries(value))
      if (Object.hasOwn(shape.struct, k)) check(x, shape.struct[k] as Shape, `${path}.${k}`);
  }
}

function readList(
  r: Reader,
  list: unknown[],
  path: string,
  item: (value: Record<string, unknown>, path: string) => Record<string, unknown>,
): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  list.forEach((v, i) => {
    const p = `${path}[${i}]`;
    if (!isKind(v, 'dict')) r.errors.push(typeError(p, v, 'dict'));
    else out.push(item(v as Record<string, unknown>, p));
  });
  return out;
}

export function readTaskDefinitionInput(
  input: unknown,
  options: { shorthand?: boolean } = {},
): TaskDefInputResult {
  if (!isKind(input, 'dict')) {
    return {
      ok: false,
      errors: [{ path: '', message: 'Invalid type for parameter input, expected a JSON object' }],
    };
  }
  const obj = input as Record<string, unknown>;
  const r: Reader = { errors: [], ignored: [], shorthand: options.shorthand ?? false };
  for (const required of ['family', 'containerDefinitions'])
    if (!Object.hasOwn(obj, required))
      r.errors.push({
        path: required,
        message: `Missing required parameter in input: "${required}"`,
      });
  const port = (m: Record<string, unknown>, mp: string) =>
    readStructure(r, m, PORT_FIELDS, mp, `${mp}.`);
  const container = (c: Record<string, unknown>, p: string) => {
    for (const required of ['name', 'image'])
      if (!Object.hasOwn(c, required))
        r.errors.push({
          path: `${p}.${required}`,
          message: `Missing required parameter in ${p}: "${required}"`,
        });
    return readStructure(r, c, CONTAINER_FIELDS, p, `${p}.`, {
      portMappings: (v, path) => readList(r, v as unknown[], path, port),
    });
  };
  const out = readStructure(r, obj, TASK_FIELDS, 'input', '', {
    containerDefinitions: (v, path) => readList(r, v as unknown[], path, container),
    requiresCompatibilities: (v, path) => {
      (v as unknown[]).forEach((x, i) => {
        if (!isKind(x, 'str')) r.errors.push(typeError(`${path}[${i}]`, x, 'str'));
      });
      return v;
    },
  });
  const errors = r.errors;
  if (errors.length > 0) return { ok: false, errors };
  const limits = limitProblems(out);
  if (limits.length > 0) return { ok: false, errors: [], limits };
  portRangesSetAside(out, r.ignored);
  return { ok: true, value: out as unknown as RegisterTaskDefinitionInput, ignored: r.ignored };
}

const NAME = /^[A-Za-z0-9_-]{1,255}$/;

/**
 * Values of the right type that AWS refuses at registration, every one of them at once, each
 * with the limit it breaks (AWS names the setting; the limit in parentheses is the sandbox's
 * addition).
 */
function limitProblems(td: Record<string, unknown>): string[] {
  const out: string[] = [];
  if (typeof td['family'] === 'string' && !NAME.test(td['family']))
    out.push(
      'Family contains invalid characters (up to 255 letters (uppercase and lowercase), numbers, hyphens and underscores are allowed).',
    );
  const containers = Array.isArray(td['containerDefinitions'])
    ? (td['containerDefinitions'] as Record<string, unknown>[])
    : [];
  if (containers.length > 10) out.push('Too many containers (at most 10 per task definition).');
  for (const c of containers) {
    const name = String(c['name'] ?? '');
    const invalid = (setting: string, limit: string) =>
      out.push(`Invalid '${setting}' setting for container '${name}' (${limit}).`);
    if (!NAME.test(name))
      invalid(
        'name',
        'up to 255 letters (uppercase and lowercase), numbers, hyphens and underscores',
      );
    const range = (key: string, min: number, max: number, limit: string) => {
      const v = c[key];
      if (typeof v === 'number' && (v < min || v > max)) invalid(key, limit);
    };
    range('cpu', 0, 196608, 'from 0 to 196608 CPU units, 192 vCPU');
    range('memory', 6, 1_000_000, 'from 6 MiB to 1,000,000 MiB in the sandbox');
    range('memoryReservation', 6, 1_000_000, 'from 6 MiB to 1,000,000 MiB in the sandbox');
    const ports = Array.isArray(c['portMappings'])
      ? (c['portMappings'] as Record<string, unknown>[])
      : [];
    if (ports.length > 100) invalid('portMappings', 'at most 100 port mappings');
    const ranges = ports.filter((p) => typeof p['containerPortRange'] === 'string');
    if (ranges.length > 100) invalid('containerPortRange', 'at most 100 port ranges per container');
    const mode = typeof td['networkMode'] === 'string' ? td['networkMode'] : 'bridge';
    if (ranges.length > 0 && mode !== 'bridge' && mode !== 'awsvpc')
      invalid('containerPortRange', 'only in the bridge and awsvpc network modes');
    for (const p of ports) {
      const cp = p['containerPort'];
      const hp = p['hostPort'];
      const range = p['containerPortRange'];
      if (typeof range === 'string' && !portRange(range))
        invalid(
          'containerPortRange',
          'first-last, from 1 to 65535, the first port lower than the last',
        );
      if (typeof cp === 'number' && (cp < 1 || cp > 65535))
        invalid('containerPort', 'from 1 to 65535');
      if (cp === undefined && range === undefined)
        invalid('containerPort', 'a port mapping needs a containerPort or a containerPortRange');
      if (typeof hp === 'number' && (hp < 0 || hp > 65535)) invalid('hostPort', 'from 0 to 65535');
      const protocol = p['protocol'];
      if (typeof protocol === 'string' && protocol !== 'tcp' && protocol !== 'udp')
        invalid('protocol', 'tcp or udp');
    }
  }
  return out;
}

/** `8000-8010`: both ends from 1 to 65535, the first lower than the last (PortMapping). */
function portRange(text: string): boolean {
  const m = /^(\d{1,5})-(\d{1,5})$/.exec(text);
  if (!m) return false;
  const [first, last] = [Number(m[1]), Number(m[2])];
  return first >= 1 && last <= 65535 && first < last;
}

/**
 * Port ranges are accepted as AWS accepts them but not modelled: each is named in the note, and
 * a mapping holding only a range leaves the mappings the sandbox places.
 */
function portRangesSetAside(td: Record<string, unknown>, ignored: string[]): void {
  const containers = td['containerDefinitions'];
  if (!Array.isArray(containers)) return;
  containers.forEach((c: Record<string, unknown>, i) => {
    const ports = c['portMappings'];
    if (!Array.isArray(ports)) return;
    c['portMappings'] = ports.flatMap((p: Record<string, unknown>, j) => {
      if (!Object.hasOwn(p, 'containerPortRange')) return [p];
      ignored.push(`containerDefinitions[${i}].portMappings[${j}].containerPortRange`);
      const { containerPortRange: _range, ...single } = p;
      return single['containerPort'] === undefined ? [] : [single];
    });
  });
}

/** The AWS CLI's "Parameter validation failed" block. */
export function validationFailedText(errors: { message: string }[]): string {
  return `\nParameter validation failed:\n${errors.map((e) => e.message).join('\n')}`;
}
