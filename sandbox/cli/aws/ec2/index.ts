/** `aws ec2 …`: the subset the sandbox models. */
import type { AwsOperation } from '../operation.ts';
import { describeInstances, runInstances, terminateInstances } from './instances.ts';

export const EC2_OPERATIONS: AwsOperation[] = [describeInstances, runInstances, terminateInstances];
