/**
 * IAM and VPC as settings attached to a task definition and a service (lesson ecs): the two
 * roles go in with register-task-definition and come back in its answer, and an awsvpc
 * service's network configuration shows in describe-services, as AWS shows them.
 */
import { describe, expect, it } from 'vitest';
import { runCommandLine } from '../../sandbox/cli/index.ts';
import { ecsWorld } from './worlds.ts';

const world = ecsWorld();
const env = { world, files: {}, session: { dockerContext: null } };
const TASK_ROLE = 'arn:aws:iam::123456789012:role/webTaskRole';
const EXECUTION_ROLE = 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole';

describe('the task role and the execution role', () => {
  it('register-task-definition takes --task-role-arn and --execution-role-arn and answers with them', () => {
    const r = runCommandLine(
      `aws ecs register-task-definition --family api --task-role-arn ${TASK_ROLE} --execution-role-arn ${EXECUTION_ROLE} --container-definitions '[{"name":"api","image":"nginx:1.27","memory":256}]'`,
      env,
    );
    expect(r.output.exitCode, r.output.stderr).toBe(0);
    const td = JSON.parse(r.output.stdout).taskDefinition;
    expect(Object.keys(td).slice(0, 6)).toEqual([
      'taskDefinitionArn',
      'containerDefinitions',
      'family',
      'taskRoleArn',
      'executionRoleArn',
      'networkMode',
    ]);
    expect([td.taskRoleArn, td.executionRoleArn]).toEqual([TASK_ROLE, EXECUTION_ROLE]);
    const described = runCommandLine(
      'aws ecs describe-task-definition --task-definition api:1 --query "taskDefinition.[taskRoleArn,executionRoleArn]" --output text',
      { ...env, world: r.world },
    );
    expect(described.output.stdout.trim()).toBe(`${TASK_ROLE}\t${EXECUTION_ROLE}`);
  });

  it('a flag overrides the role in --cli-input-json, as the AWS CLI merges them', () => {
    const json = JSON.stringify({
      family: 'api',
      taskRoleArn: 'arn:aws:iam::123456789012:role/old',
      containerDefinitions: [{ name: 'api', image: 'nginx:1.27', memory: 256 }],
    });
    const r = runCommandLine(
      `aws ecs register-task-definition --cli-input-json '${json}' --task-role-arn ${TASK_ROLE}`,
      env,
    );
    expect(JSON.parse(r.output.stdout).taskDefinition.taskRoleArn).toBe(TASK_ROLE);
  });

  it('a task definition without roles shows neither', () => {
    const r = runCommandLine(
      `aws ecs register-task-definition --family plain --container-definitions '[{"name":"p","image":"nginx:1.27","memory":256}]'`,
      env,
    );
    const td = JSON.parse(r.output.stdout).taskDefinition;
    expect(['taskRoleArn' in td, 'executionRoleArn' in td]).toEqual([false, false]);
  });
});

describe('an awsvpc service in describe-services', () => {
  it('shows its network configuration: the subnets and security group of the sandbox’s VPC', () => {
    const r = runCommandLine(
      'aws ecs describe-services --cluster demo --services web --query "services[0].networkConfiguration"',
      env,
    );
    expect(JSON.parse(r.output.stdout)).toEqual({
      awsvpcConfiguration: {
        subnets: ['subnet-0a1b2c3d4e5f6071', 'subnet-0b1b2c3d4e5f6071', 'subnet-0c1b2c3d4e5f6071'],
        securityGroups: ['sg-0123456789abcdef0'],
        assignPublicIp: 'DISABLED',
      },
    });
  });
});
