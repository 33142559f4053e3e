/** `aws ecs …`: the operations the sandbox models, one file per resource. */
import type { AwsOperation } from '../operation.ts';
import { CLUSTER_OPERATIONS } from './clusters.ts';
import {
  describeContainerInstances,
  listContainerInstances,
  updateContainerInstancesState,
} from './container-instances.ts';
import {
  createService,
  deleteService,
  describeServices,
  listServices,
  updateService,
} from './services.ts';
import {
  describeTaskDefinitionOp,
  listTaskDefinitions,
  registerTaskDefinition,
} from './task-definitions.ts';
import { describeTasks, listTasks, runTask, stopTask } from './tasks.ts';

/** In the order the AWS CLI's help lists them: alphabetical. */
export const ECS_OPERATIONS: AwsOperation[] = [
  ...CLUSTER_OPERATIONS,
  createService,
  deleteService,
  describeContainerInstances,
  describeServices,
  describeTaskDefinitionOp,
  describeTasks,
  listContainerInstances,
  listServices,
  listTaskDefinitions,
  listTasks,
  registerTaskDefinition,
  runTask,
  stopTask,
  updateContainerInstancesState,
  updateService,
].sort((a, b) => a.name.localeCompare(b.name));
