/**
 * `aws ssm get-parameter` for the public AMI parameters (the EKS user guide's "Retrieve
 * recommended Amazon Linux AMI IDs", the ECS-optimized AMI): the GetParameter response shape,
 * and ParameterNotFound for anything else. The AMI id itself is the sandbox's own, stable value.
 */
import { describe, expect, it } from 'vitest';
import { interpret } from '../../sandbox/cli/index.ts';
import { emptyWorld } from '../../sandbox/index.ts';
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
