/** `aws iam attach-role-policy`: the one IAM call the sandbox models (giving a role its ECR pull permission back). */
import type { Action } from '../../../model/actions.ts';
import { PULL_POLICIES } from '../../../services/ecr/actions.ts';
import { ok } from '../../types.ts';
import type { AwsOperation } from '../operation.ts';
import { applyAll, awsError, output, refusal } from '../operation.ts';

const attachRolePolicy: AwsOperation = {
  service: 'iam',
  name: 'attach-role-policy',
  api: 'AttachRolePolicy',
  summary: 'Attaches a managed policy to a role (the sandbox models the ECR pull policies).',
  flags: [
    {
      name: 'role-name',
      type: 'string',
      required: true,
      help: 'The role (its name, not its ARN).',
    },
    {
      name: 'policy-arn',
      type: 'string',
      required: true,
      help: 'The managed policy, e.g. arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly.',
    },
  ],
  examples: [
    'aws iam attach-role-policy --role-name eks-nodegroup-role --policy-arn arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly',
  ],
  run(args, env) {
    const policy = args['policy-arn'] as string;
    if (!env.world.ecr)
      return output(
        awsError(
          this.api,
          'AccessDenied',
          'This sandbox scenario models no IAM (the sandbox\u2019s own message).',
        ),
      );
    if (!(PULL_POLICIES as readonly string[]).includes(policy))
      return output(
        awsError(
          this.api,
          'NoSuchEntity',
          `Policy ${policy} does not exist or is not attachable. (The sandbox models ${PULL_POLICIES.join(', ')}.)`,
        ),
      );
    const name = args['role-name'] as string;
    if (name.startsWith('arn:'))
      return output(
        awsError(
          this.api,
          'ValidationError',
          `The specified value for roleName is invalid. It must contain only alphanumeric characters and/or the following: +=,.@_-`,
        ),
      );
    const action: Action = {
      type: 'iam.role-policy.attach',
      role: `arn:aws:iam::${env.world.accountId}:role/${name}`,
      policyArn: policy as (typeof PULL_POLICIES)[number],
    };
    return applyAll(
      env.world,
      [action],
      (e) => refusal(this.api, e),
      () => ok(''),
    );
  },
};

export const IAM_OPERATIONS: AwsOperation[] = [attachRolePolicy];
