/** What every `aws` operation shares: the operation record and the AWS CLI's error and output shapes. */
import type { World } from '../../model/types.ts';
import type { FlagSpec, GlobalOptions, ParsedArgs } from './args.ts';
import { formatAws } from '../format.ts';
import { compileQuery, runQuery } from './query.ts';
import type { CliEnv, CliOutcome, CommandOutput } from '../types.ts';
import { fail, ok } from '../types.ts';

export { applyAll, output } from '../outcome.ts';

export interface AwsOperation {
  service: string;
  name: string;
  /** The API operation name: error messages and the table title use it. */
  api: string;
  summary: string;
  flags: FlagSpec[];
  examples: string[];
  run: (args: ParsedArgs, env: CliEnv, globals: GlobalOptions) => CliOutcome;
}

export function awsError(api: string, code: string, message: string): CommandOutput {
  return fail(`\nAn error occurred (${code}) when calling the ${api} operation: ${message}`, 254);
}

/** The engine's refusal, in the AWS CLI's words. */
export function refusal(api: string, error: string): CommandOutput {
  if (error.startsWith('An error occurred')) return fail(`\n${error}`, 254);
  // The engine may name the error code itself: `ServiceNotFoundException: Service not found.`
  const named =
    /^([A-Z][A-Za-z]*(?:Exception|Error)|Invalid[A-Za-z]*(?:\.[A-Za-z]+)?): ([\s\S]*)$/.exec(error);
  if (named) return awsError(api, named[1] as string, named[2] as string);
  const code = /service not found/i.test(error)
    ? 'ServiceNotFoundException'
    : /cluster not found/i.test(error)
      ? 'ClusterNotFoundException'
      : api === 'RegisterTaskDefinition'
        ? 'ClientException'
        : api.startsWith('TerminateInstances') || api === 'RunInstances'
          ? 'InvalidParameterValue'
          : 'InvalidParameterException';
  return awsError(api, code, error);
}

/** A response as the CLI prints it: filtered by `--query`, then in the `--output` format. */
export function awsOut(value: unknown, globals: GlobalOptions, api: string): CommandOutput {
  if (globals.query === null) return ok(formatAws(value, globals.output, api));
  const query = compileQuery(globals.query);
  // `runAws` refuses a query that does not compile before the operation runs.
  if (!query.ok) return fail(`\nBad value for --query ${globals.query}: ${query.error}`, 252);
  const result = runQuery(query, value);
  if (!result.ok) return fail(`\n${result.error}`, 255);
  return ok(formatAws(result.value, globals.output, api));
}

/** `--cluster` is optional for the real CLI and then means the cluster named `default`. */
export function checkCluster(world: World, args: ParsedArgs, api: string): CommandOutput | null {
  const given = typeof args['cluster'] === 'string' ? (args['cluster'] as string) : 'default';
  const name = given.includes('/') ? given.slice(given.lastIndexOf('/') + 1) : given;
  if (!world.ecs.cluster || world.ecs.cluster.name !== name) {
    const hint =
      world.ecs.cluster && given === 'default' && !('cluster' in args)
        ? ` (this sandbox's cluster is '${world.ecs.cluster.name}': add --cluster ${world.ecs.cluster.name})`
        : '';
    return awsError(api, 'ClusterNotFoundException', `Cluster not found.${hint}`);
  }
  return null;
}

/** The last segment of an ARN (`…/web` → `web`), or the name itself. */
export function lastSegment(ref: string): string {
  return ref.includes('/') ? ref.slice(ref.lastIndexOf('/') + 1) : ref;
}
