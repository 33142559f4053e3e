/**
 * `aws ssm get-parameter` for the public AMI parameters a learner looks up before launching a
 * node (the EKS-optimized AMI per Kubernetes version and AMI type, and the ECS-optimized AMI),
 * and `aws ssm send-command` with AWS-RunShellScript, for the two shell steps of self-managed
 * Kubernetes the sandbox models: `nodeadm init` (a node joins an EKS cluster) and
 * `kubeadm init` (a self-managed single-master control plane). Other scripts are not run.
 */
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

export const sendCommand: AwsOperation = {
  service: 'ssm',
  name: 'send-command',
  api: 'SendCommand',
  summary:
    'Runs a shell script on instances (AWS-RunShellScript): the sandbox runs `nodeadm init` and `kubeadm init` only.',
  flags: [
    { name: 'instance-ids', type: 'list', required: true, help: 'The instance to run on (one).' },
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
    const ids = args['instance-ids'] as string[];
    if (ids.length !== 1)
      return output(
        awsError(
          this.api,
          'InvalidParameters',
          "the sandbox runs a script on one instance at a time. (This is the sandbox's own message.)",
        ),
      );
    const commands = commandsOf(args['parameters']);
    const script = commands?.length === 1 ? (commands[0] as string).trim() : null;
    const instanceId = ids[0] as string;
    let action: Action | null = null;
    const node = script === null ? null : NODEADM.exec(script);
    const kubeadm = script === null ? null : KUBEADM.exec(script);
    if (node) action = { type: 'eks.node.bootstrap', instanceId, cluster: node[1] as string };
    else if (kubeadm) action = { type: 'eks.kubeadm.init', name: kubeadm[1] as string, instanceId };
    if (!action)
      return output(
        awsError(
          this.api,
          'InvalidParameters',
          "the sandbox runs two scripts: nodeadm init --config-source file:///etc/eks/nodeconfig-<cluster>.yaml and kubeadm init --config kubeadm-<name>.yaml. (This is the sandbox's own message.)",
        ),
      );
    return applyAll(
      env.world,
      [action],
      (e) => refusal(this.api, e),
      (_r, _b, after) =>
        awsOut(
          {
            Command: {
              CommandId: `${after.time.toString(16).padStart(8, '0')}-0000-4000-8000-${instanceId.slice(2).padEnd(12, '0').slice(0, 12)}`,
              DocumentName: 'AWS-RunShellScript',
              Parameters: { commands: commands ?? [] },
              InstanceIds: ids,
              RequestedDateTime: isoTime(after.time),
              Status: 'Pending',
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
