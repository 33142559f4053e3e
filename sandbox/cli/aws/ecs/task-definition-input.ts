/**
 * Reading a RegisterTaskDefinition input (`--cli-input-json`, or the editor's document) into the
 * action's shape, with the AWS CLI's parameter-validation messages. Fields real task definitions
 * carry but the sandbox does not model (roles, logging, environment…) are accepted and ignored.
 */
import type { RegisterTaskDefinitionInput } from '../../../model/actions.ts';

export const TASKDEF_FIELDS = [
  'family',
  'requiresCompatibilities',
  'networkMode',
  'cpu',
  'memory',
  'containerDefinitions',
];
export const TASKDEF_IGNORED_FIELDS = [
  'taskRoleArn',
  'executionRoleArn',
  'volumes',
  'placementConstraints',
  'tags',
  'pidMode',
  'ipcMode',
  'proxyConfiguration',
  'inferenceAccelerators',
  'ephemeralStorage',
  'runtimePlatform',
  'enableFaultInjection',
];
export const CONTAINER_FIELDS = [
  'name',
  'image',
  'cpu',
  'memory',
  'memoryReservation',
  'essential',
  'portMappings',
];
export const CONTAINER_IGNORED_FIELDS = [
  'environment',
  'secrets',
  'logConfiguration',
  'command',
  'entryPoint',
  'workingDirectory',
  'healthCheck',
  'stopTimeout',
  'startTimeout',
  'mountPoints',
  'volumesFrom',
  'dependsOn',
  'user',
  'ulimits',
  'dockerLabels',
  'readonlyRootFilesystem',
  'privileged',
  'linuxParameters',
  'repositoryCredentials',
  'environmentFiles',
  'systemControls',
  'restartPolicy',
];

export type TaskDefInputResult =
  | { ok: true; value: RegisterTaskDefinitionInput; ignored: string[] }
  | { ok: false; errors: { path: string; message: string }[] };

const typeName = (v: unknown) =>
  v === null
    ? "<class 'NoneType'>"
    : Array.isArray(v)
      ? "<class 'list'>"
      : typeof v === 'string'
        ? "<class 'str'>"
        : typeof v === 'number'
          ? Number.isInteger(v)
            ? "<class 'int'>"
            : "<class 'float'>"
          : typeof v === 'boolean'
            ? "<class 'bool'>"
            : "<class 'dict'>";

export function readTaskDefinitionInput(input: unknown): TaskDefInputResult {
  const errors: { path: string; message: string }[] = [];
  const ignored: string[] = [];
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return {
      ok: false,
      errors: [{ path: '', message: 'Invalid type for parameter input, expected a JSON object' }],
    };
  }
  const obj = input as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(obj)) {
    if (TASKDEF_IGNORED_FIELDS.includes(key)) {
      ignored.push(key);
      continue;
    }
    if (!TASKDEF_FIELDS.includes(key)) {
      errors.push({
        path: key,
        message: `Unknown parameter in input: "${key}", must be one of: ${[...TASKDEF_FIELDS, ...TASKDEF_IGNORED_FIELDS].join(', ')}`,
      });
      continue;
    }
    out[key] = value;
  }
  const check = (path: string, v: unknown, want: 'str' | 'int' | 'bool' | 'list' | 'strOrInt') => {
    const okType =
      want === 'str'
        ? typeof v === 'string'
        : want === 'int'
          ? typeof v === 'number' && Number.isInteger(v)
          : want === 'bool'
            ? typeof v === 'boolean'
            : want === 'list'
              ? Array.isArray(v)
              : typeof v === 'string' || (typeof v === 'number' && Number.isInteger(v));
    if (!okType) {
      const valid = {
        str: "<class 'str'>",
        int: "<class 'int'>",
        bool: "<class 'bool'>",
        list: "<class 'list'>, <class 'tuple'>",
        strOrInt: "<class 'str'>",
      }[want];
      errors.push({
        path,
        message: `Invalid type for parameter ${path}, value: ${JSON.stringify(v)}, type: ${typeName(v)}, valid types: ${valid}`,
      });
    }
    return okType;
  };
  if (!('family' in obj))
    errors.push({ path: 'family', message: 'Missing required parameter in input: "family"' });
  else check('family', obj['family'], 'str');
  if (!('containerDefinitions' in obj)) {
    errors.push({
      path: 'containerDefinitions',
      message: 'Missing required parameter in input: "containerDefinitions"',
    });
  } else if (check('containerDefinitions', obj['containerDefinitions'], 'list')) {
    const defs = obj['containerDefinitions'] as unknown[];
    out['containerDefinitions'] = defs.map((d, i) => {
      const p = `containerDefinitions[${i}]`;
      if (typeof d !== 'object' || d === null || Array.isArray(d)) {
        errors.push({
          path: p,
          message: `Invalid type for parameter ${p}, value: ${JSON.stringify(d)}, type: ${typeName(d)}, valid types: <class 'dict'>`,
        });
        return d;
      }
      const c: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(d as Record<string, unknown>)) {
        if (CONTAINER_IGNORED_FIELDS.includes(key)) {
          ignored.push(`${p}.${key}`);
          continue;
        }
        if (!CONTAINER_FIELDS.includes(key)) {
          errors.push({
            path: `${p}.${key}`,
            message: `Unknown parameter in ${p}: "${key}", must be one of: ${[...CONTAINER_FIELDS, ...CONTAINER_IGNORED_FIELDS].join(', ')}`,
          });
          continue;
        }
        const want =
          key === 'name' || key === 'image'
            ? 'str'
            : key === 'essential'
              ? 'bool'
              : key === 'portMappings'
                ? 'list'
                : 'int';
        if (check(`${p}.${key}`, value, want)) c[key] = value;
      }
      return c;
    });
  }
  if (
    'requiresCompatibilities' in obj &&
    check('requiresCompatibilities', obj['requiresCompatibilities'], 'list')
  ) {
    (obj['requiresCompatibilities'] as unknown[]).forEach((v, i) =>
      check(`requiresCompatibilities[${i}]`, v, 'str'),
    );
  }
  if ('networkMode' in obj) check('networkMode', obj['networkMode'], 'str');
  if ('cpu' in obj) check('cpu', obj['cpu'], 'strOrInt');
  if ('memory' in obj) check('memory', obj['memory'], 'strOrInt');
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, value: out as unknown as RegisterTaskDefinitionInput, ignored };
}

/** The AWS CLI's "Parameter validation failed" block. */
export function validationFailedText(errors: { message: string }[]): string {
  return `\nParameter validation failed:\n${errors.map((e) => e.message).join('\n')}`;
}
