/**
 * `aws ssm send-command` with AWS-RunShellScript, for the two shell steps of self-managed
 * Kubernetes the sandbox models: `nodeadm init` (a node joins an EKS cluster) and
 * `kubeadm init` (a self-managed single-master control plane). Other scripts are not run.
 */
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

export const SSM_OPERATIONS: AwsOperation[] = [sendCommand];
