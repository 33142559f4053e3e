/**
 * `aws ssm get-parameter` for the public AMI parameters (the EKS user guide's "Retrieve
 * recommended Amazon Linux AMI IDs", the ECS-optimized AMI): the GetParameter response shape,
 * and ParameterNotFound for anything else. The AMI id itself is the sandbox's own, stable value.
 */
import { describe, expect, it } from 'vitest';
import { interpret, runCommandLine } from '../../sandbox/cli/index.ts';
import { advance, applyAction, createWorld, emptyWorld } from '../../sandbox/index.ts';
import { loadScenario } from '../sandbox/helpers.ts';
import { sandboxAmiId } from '../../sandbox/cli/aws/ssm/index.ts';

const world = emptyWorld({ orchestrator: 'eks' });

function run(line: string) {
  const out = interpret(line, { world, files: {}, session: { dockerContext: null } });
  if (out.kind !== 'output') throw new Error(`${line}: expected a read-only answer`);
  return out.output;
}

const EKS_PARAMETER =
  '/aws/service/eks/optimized-ami/1.31/amazon-linux-2023/x86_64/standard/recommended/image_id';

describe('aws ssm get-parameter', () => {
  it('answers the EKS-optimized AMI parameter in the GetParameter shape', () => {
    const out = run(`aws ssm get-parameter --name ${EKS_PARAMETER}`);
    expect(out.exitCode).toBe(0);
    expect(JSON.parse(out.stdout)).toEqual({
      Parameter: {
        Name: EKS_PARAMETER,
        Type: 'String',
        Value: sandboxAmiId(EKS_PARAMETER, 'eu-west-3'),
        Version: 1,
        LastModifiedDate: '2026-01-05T09:00:00+00:00',
        ARN: `arn:aws:ssm:eu-west-3::parameter${EKS_PARAMETER}`,
        DataType: 'text',
      },
    });
  });

  it('gives each version, architecture and region its own stable AMI id', () => {
    const arm = EKS_PARAMETER.replace('x86_64', 'arm64');
    const ids = [
      sandboxAmiId(EKS_PARAMETER, 'eu-west-3'),
      sandboxAmiId(EKS_PARAMETER.replace('1.31', '1.32'), 'eu-west-3'),
      sandboxAmiId(arm, 'eu-west-3'),
      sandboxAmiId(EKS_PARAMETER, 'us-east-1'),
    ];
    for (const id of ids) expect(id).toMatch(/^ami-0[0-9a-f]{16}$/);
    expect(new Set(ids).size).toBe(4);
    expect(sandboxAmiId(EKS_PARAMETER, 'eu-west-3')).toBe(ids[0]);
  });

  it('answers the ECS-optimized AMI parameter too', () => {
    const name = '/aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id';
    expect(JSON.parse(run(`aws ssm get-parameter --name ${name}`).stdout).Parameter.Name).toBe(
      name,
    );
  });

  it.each([
    '/aws/service/eks/optimized-ami/1.12/amazon-linux-2023/x86_64/standard/recommended/image_id',
    '/aws/service/eks/optimized-ami/1.31/amazon-linux-2023/x86_64/standard/recommended',
    '/my/own/parameter',
    'constructor',
  ])('refuses %s with ParameterNotFound and an empty message', (name) => {
    expect(run(`aws ssm get-parameter --name ${name}`)).toEqual({
      stdout: '',
      stderr: '\nAn error occurred (ParameterNotFound) when calling the GetParameter operation: ',
      exitCode: 254,
    });
  });
});

describe('aws ssm send-command --targets', () => {
  const session = { dockerContext: null };
  const booted = () => {
    let w = createWorld(loadScenario('eks-self-managed-join.yaml'));
    w = applyAction(w, {
      type: 'eks.node.launch',
      instanceType: 't3.medium',
      az: 'eu-west-3a',
      count: 2,
      name: 'worker',
    }).world;
    return advance(w, 90);
  };
  const actionsOf = (line: string, world: ReturnType<typeof booted>) => {
    const outcome = interpret(line, { world, files: {}, session });
    return outcome.kind === 'actions' ? outcome.actions : outcome.output;
  };
  const bootstrap = `--document-name AWS-RunShellScript --parameters 'commands=["nodeadm init --config-source file:///etc/eks/nodeconfig-demo.yaml"]'`;

  it('runs nodeadm on every instance the Name tags select, and answers the targets', () => {
    const w = booted();
    const ids = Object.values(w.ec2.instances)
      .filter((i) => i.name === 'worker-1' || i.name === 'worker-2')
      .map((i) => i.id)
      .sort();
    expect(ids).toHaveLength(2);
    const r = runCommandLine(
      `aws ssm send-command --targets Key=tag:Name,Values=worker-1,worker-2 ${bootstrap}`,
      {
        world: w,
        files: {},
        session,
      },
    );
    expect(r.output.exitCode).toBe(0);
    const answer = JSON.parse(r.output.stdout).Command;
    expect([answer.InstanceIds, answer.Targets, answer.TargetCount]).toEqual([
      [],
      [{ Key: 'tag:Name', Values: ['worker-1', 'worker-2'] }],
      2,
    ]);
    expect(
      actionsOf(
        `aws ssm send-command --targets Key=tag:Name,Values=worker-1,worker-2 ${bootstrap}`,
        w,
      ),
    ).toEqual(
      ids.map((instanceId) => ({ type: 'eks.node.bootstrap', instanceId, cluster: 'demo' })),
    );
  });

  it('intersects several targets, as Run Command does', () => {
    const w = booted();
    const one = Object.values(w.ec2.instances).find((i) => i.name === 'worker-1')!;
    const line = `aws ssm send-command --targets Key=tag:Name,Values=worker-1,worker-2 Key=InstanceIds,Values=${one.id} ${bootstrap}`;
    expect(actionsOf(line, w)).toEqual([
      { type: 'eks.node.bootstrap', instanceId: one.id, cluster: 'demo' },
    ]);
  });

  it.each([
    [
      `--targets Key=tag:Name,Values=nobody`,
      "no instance matches those targets. (This is the sandbox's own message.)",
    ],
    [
      `--targets Key=tag:Owner,Values=me`,
      "the sandbox selects targets by InstanceIds, tag:Name or tag:aws:autoscaling:groupName, not tag:Owner. (This is the sandbox's own message.)",
    ],
    [
      `--instance-ids i-1 --targets Key=tag:Name,Values=worker-1`,
      "give either --instance-ids or --targets. (This is the sandbox's own message.)",
    ],
    [
      `--targets ${Array.from({ length: 6 }, () => 'Key=tag:Name,Values=worker-1').join(' ')}`,
      'Targets must have at most 5 items.',
    ],
  ])('refuses %s and changes nothing', (flags, message) => {
    const out = interpret(`aws ssm send-command ${flags} ${bootstrap}`, {
      world: booted(),
      files: {},
      session,
    });
    expect(out.kind === 'output' && out.output).toEqual({
      stdout: '',
      stderr: `\nAn error occurred (InvalidParameters) when calling the SendCommand operation: ${message}`,
      exitCode: 254,
    });
  });
});
