/** `aws eks …`: the operations the sandbox models, in the AWS CLI's (alphabetical) order. */
import type { AwsOperation } from '../operation.ts';
import {
  createAddon,
  createCluster,
  deleteCluster,
  describeCluster,
  listClusters,
  updateKubeconfig,
} from './clusters.ts';
import {
  createNodegroup,
  deleteNodegroup,
  describeNodegroup,
  listNodegroups,
  updateNodegroupConfig,
  updateNodegroupVersion,
} from './nodegroups.ts';
import {
  associateAccessPolicy,
  createAccessEntry,
  createFargateProfile,
  deleteFargateProfile,
  describeFargateProfile,
  listAccessEntries,
} from './profiles.ts';

export const EKS_OPERATIONS: AwsOperation[] = [
  createAddon,
  associateAccessPolicy,
  createAccessEntry,
  createCluster,
  createFargateProfile,
  createNodegroup,
  deleteCluster,
  deleteFargateProfile,
  deleteNodegroup,
  describeCluster,
  describeFargateProfile,
  describeNodegroup,
  listAccessEntries,
  listClusters,
  listNodegroups,
  updateKubeconfig,
  updateNodegroupConfig,
  updateNodegroupVersion,
].sort((a, b) => a.name.localeCompare(b.name));
