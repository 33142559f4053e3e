/**
 * `aws ssm get-parameter` for the public AMI parameters a learner looks up before launching a
 * node (the EKS-optimized AMI per Kubernetes version and AMI type, and the ECS-optimized AMI),
 * and `aws ssm send-command` with AWS-RunShellScript, for the two shell steps of self-managed
 * Kubernetes the sandbox models: `nodeadm init` (a node joins an EKS cluster) and
 * `kubeadm init` (a self-managed single-master control plane). Other scripts are not run.
 * The instances are named by `--instance-ids` or chosen by `--targets` (instance ids, the Name
 * tag or the Auto Scaling group's `aws:autoscaling:groupName` tag), as Run Command does.
 */
import type { World } from '../../../model/types.ts';
import { KUBERNETES_VERSIONS } from '../../../services/eks/actions.ts';
import { parseStructure } from '../../shorthand.ts';
import type { Action } from '../../../model/actions.ts';
import { isoTime } from '../../format.ts';
import type { AwsOperation } from '../operation.ts';
import { applyAll, awsError, awsOut, output, refusal } from '../operation.ts';

const NODEADM = /^nodeadm init --config-source file:\/\/\/etc\/eks\/nodeconfig-(.+)\.yaml$/;
const KUBEADM = /^kubeadm init --config kubeadm-(.+)\.yaml$/;

function commandsOf(v: unknown): string[] | null {
  const o = v as Record<string, unknown> | undefined;
  const c = o?.['commands'];
  // Shorthand keeps the quotes of `commands=["…"]` items.
  if (Array.isArray(c)) return c.map((x) => String(x).replace(/^"(.*)"$/, '$1'));
  if (typeof c === 'string') {
    const parsed = parseStructure(c);
    return parsed.ok && Array.isArray(parsed.value) ? parsed.value.map(String) : [c];
  }
  return null;
}

/** SendCommand accepts at most five targets (the API reference's Targets member). */
const MAX_TARGETS = 5;

type Chosen = { ok: true; ids: string[] } | { ok: false; error: string };

/**
 * The instances a target list selects: `Key=InstanceIds`, `Key=tag:Name` and
 * `Key=tag:aws:autoscaling:groupName`, each with `Values`; every target must match.
 */
export function instancesForTargets(world: World, targets: unknown[]): Chosen {
  if (targets.length > MAX_TARGETS) {
    return { ok: false, error: `Targets must have at most ${MAX_TARGETS} items.` };
  }
  let chosen: string[] | null = null;
  for (const t of targets) {
    const target = (t ?? {}) as Record<string, unknown>;
    const key = target['Key'];
    const raw = target['Values'];
    const values = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).map(String);
    if (typeof key !== 'string' || values.length === 0) {
      return {
        ok: false,
        error: 'Each target needs a Key and at least one value: Key=…,Values=….',
      };
    }
    const live = Object.values(world.ec2.instances).filter(
      (i) => i.state !== 'terminated' && i.state !== 'shutting-down',
    );
    let matched: string[];
    if (key === 'InstanceIds') matched = live.filter((i) => values.includes(i.id)).map((i) => i.id);
    else if (key === 'tag:Name')
      matched = live.filter((i) => i.name !== null && values.includes(i.name)).map((i) => i.id);
    else if (key === 'tag:aws:autoscaling:groupName')
      matched = live.filter((i) => i.asg !== null && values.includes(i.asg)).map((i) => i.id);
    else
      return {
        ok: false,
        error: `the sandbox selects targets by InstanceIds, tag:Name or tag:aws:autoscaling:groupName, not ${key}. (This is the sandbox's own message.)`,
      };
    chosen = chosen === null ? matched : chosen.filter((id) => matched.includes(id));
  }
  return { ok: true, ids: (chosen ?? []).sort() };
}

export const sendCommand: AwsOperation = {
  service: 'ssm',
  name: 'send-command',
  api: 'SendCommand',
  summary:
    'Runs a shell script on instances (AWS-RunShellScript): the sandbox runs `nodeadm init` and `kubeadm init` only.',
  flags: [
    { name: 'instance-ids', type: 'list', help: 'The instances to run on.' },
    {
      name: 'targets',
      type: 'structure-list',
      placeholder: 'Key=tag:Name,Values=node-a',
      help: 'Instead of --instance-ids: Key=InstanceIds|tag:Name|tag:aws:autoscaling:groupName,Values=… (up to 5; every one must match).',
    },
    { name: 'document-name', type: 'string', required: true, help: 'AWS-RunShellScript.' },
    {
      name: 'parameters',
      type: 'structure',
      required: true,
      placeholder: 'commands=["…"]',
      help: 'The script: commands=["nodeadm init --config-source file:///etc/eks/nodeconfig-<cluster>.yaml"] or ["kubeadm init --config kubeadm-<name>.yaml"].',
    },
  ],
  examples: [
    `aws ssm send-command --instance-ids i-0123456789abcdef0 --document-name AWS-RunShellScript --parameters 'commands=["nodeadm init --config-source file:///etc/eks/nodeconfig-demo.yaml"]'`,
    `aws ssm send-command --targets Key=tag:aws:autoscaling:groupName,Values=self-managed-nodes --document-name AWS-RunShellScript --parameters 'commands=["nodeadm init --config-source file:///etc/eks/nodeconfig-demo.yaml"]'`,
  ],
  run(args, env, globals) {
    if (args['document-name'] !== 'AWS-RunShellScript')
      return output(
        awsError(
          this.api,
          'InvalidDocument',
          `Document ${String(args['document-name'])} does not exist in your account (the sandbox models AWS-RunShellScript)`,
        ),
      );
    const given = args['instance-ids'] as string[] | undefined;
    const targets = args['targets'] as unknown[] | undefined;
    if ((given === undefined) === (targets === undefined))
      return output(
        awsError(
          this.api,
          'InvalidParameters',
          "give either --instance-ids or --targets. (This is the sandbox's own message.)",
        ),
      );
    let ids: string[];
    if (targets !== undefined) {
      const chosen = instancesForTargets(env.world, targets);
      if (!chosen.ok) return output(awsError(this.api, 'InvalidParameters', chosen.error));
      ids = chosen.ids;
    } else ids = given as string[];
    if (ids.length === 0)
      return output(
        awsError(
          this.api,
          'InvalidParameters',
          "no instance matches those targets. (This is the sandbox's own message.)",
        ),
      );
    const commands = commandsOf(args['parameters']);
    const script = commands?.length === 1 ? (commands[0] as string).trim() : null;
    const node = script === null ? null : NODEADM.exec(script);
    const kubeadm = script === null ? null : KUBEADM.exec(script);
    if (kubeadm && ids.length !== 1)
      return output(
        awsError(
          this.api,
          'InvalidParameters',
          "kubeadm init makes one control plane: run it on one instance. (This is the sandbox's own message.)",
        ),
      );
    const actions: Action[] = node
      ? ids.map((instanceId) => ({
          type: 'eks.node.bootstrap',
          instanceId,
          cluster: node[1] as string,
        }))
      : kubeadm
        ? [{ type: 'eks.kubeadm.init', name: kubeadm[1] as string, instanceId: ids[0] as string }]
        : [];
    if (actions.length === 0)
      return output(
        awsError(
          this.api,
          'InvalidParameters',
          "the sandbox runs two scripts: nodeadm init --config-source file:///etc/eks/nodeconfig-<cluster>.yaml and kubeadm init --config kubeadm-<name>.yaml. (This is the sandbox's own message.)",
        ),
      );
    const first = ids[0] as string;
    return applyAll(
      env.world,
      actions,
      (e) => refusal(this.api, e),
      (_r, _b, after) =>
        awsOut(
          {
            Command: {
              CommandId: `${after.time.toString(16).padStart(8, '0')}-0000-4000-8000-${first.slice(2).padEnd(12, '0').slice(0, 12)}`,
              DocumentName: 'AWS-RunShellScript',
              Parameters: { commands: commands ?? [] },
              // With --targets, SendCommand answers the targets and an empty InstanceIds.
              InstanceIds: targets === undefined ? ids : [],
              Targets: targets ?? [],
              RequestedDateTime: isoTime(after.time),
              Status: 'Pending',
              TargetCount: ids.length,
            },
          },
          globals,
          this.api,
        ),
    );
  },
};

/** The EKS-optimized AMI parameters (EKS user guide, "Retrieve recommended Amazon Linux AMI IDs"). */
const EKS_AMI_PARAMETER =
  /^\/aws\/service\/eks\/optimized-ami\/(\d+\.\d+)\/amazon-linux-2023\/(x86_64|arm64)\/(standard|nvidia|neuron)\/recommended\/image_id$/;
const ECS_AMI_PARAMETER = '/aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id';

/**
 * A stable AMI id for a parameter in a region: the sandbox's own value (real ids change with
 * every AMI release), the same on every run so commands and lessons can show it.
 */
export function sandboxAmiId(parameter: string, region: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193;
  for (const ch of `${region}:${parameter}`) {
    a = Math.imul(a ^ ch.charCodeAt(0), 0x01000193) >>> 0;
    b = Math.imul(b ^ ch.charCodeAt(0), 0x811c9dc5) >>> 0;
  }
  return `ami-0${a.toString(16).padStart(8, '0')}${b.toString(16).padStart(8, '0')}`.slice(0, 21);
}

export const getParameter: AwsOperation = {
  service: 'ssm',
  name: 'get-parameter',
  api: 'GetParameter',
  summary:
    'Reads a public parameter: the EKS-optimized AMI of a Kubernetes version and AMI type, or the ECS-optimized AMI (the sandbox knows these only).',
  flags: [
    {
      name: 'name',
      type: 'string',
      required: true,
      help: 'The parameter, e.g. /aws/service/eks/optimized-ami/1.31/amazon-linux-2023/x86_64/standard/recommended/image_id.',
    },
    {
      name: 'with-decryption',
      type: 'boolean',
      help: 'Accepted: public parameters are not encrypted.',
    },
  ],
  examples: [
    'aws ssm get-parameter --name /aws/service/eks/optimized-ami/1.31/amazon-linux-2023/x86_64/standard/recommended/image_id',
  ],
  run(args, env, globals) {
    const name = String(args['name']);
    const eks = EKS_AMI_PARAMETER.exec(name);
    const known =
      name === ECS_AMI_PARAMETER ||
      (eks !== null && (KUBERNETES_VERSIONS as readonly string[]).includes(eks[1] as string));
    // The real service answers an unknown parameter with an empty message.
    if (!known) return output(awsError(this.api, 'ParameterNotFound', ''));
    const region = env.world.region;
    return output(
      awsOut(
        {
          Parameter: {
            Name: name,
            Type: 'String',
            Value: sandboxAmiId(name, region),
            Version: 1,
            LastModifiedDate: isoTime(0),
            ARN: `arn:aws:ssm:${region}::parameter${name}`,
            DataType: 'text',
          },
        },
        globals,
        this.api,
      ),
    );
  },
};

export const SSM_OPERATIONS: AwsOperation[] = [getParameter, sendCommand];
