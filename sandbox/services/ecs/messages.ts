/**
 * ECS wording, verbatim from aws-facts.md §1.2–§1.4 where it gives exact text.
 */
/** Marks a message whose exact AWS wording is not on record: the sandbox's own words. */
const sandboxWording = (text: string) => `${text} [sandbox wording]`;

const TROUBLESHOOTING =
  'For more information, see the Troubleshooting section of the Amazon ECS Developer Guide.';

export const ecsMessages = {
  tasksStarted: (service: string, taskIds: string[]) =>
    `(service ${service}) has started ${taskIds.length} tasks: ${taskIds.map((id) => `(task ${id})`).join(' ')}.`,
  tasksStopped: (service: string, taskIds: string[]) =>
    `(service ${service}) has stopped ${taskIds.length} running tasks: ${taskIds.map((id) => `(task ${id})`).join(' ')}.`,
  targetsRegistered: (service: string, count: number, targetGroupArn: string) =>
    `(service ${service}) registered ${count} targets in (target-group ${targetGroupArn})`,
  targetsDeregistered: (service: string, count: number, targetGroupArn: string) =>
    `(service ${service}) deregistered ${count} targets in (target-group ${targetGroupArn})`,
  draining: (service: string, count: number) =>
    `(service ${service}) has begun draining connections on ${count} tasks.`,
  deploymentCompleted: (service: string, deploymentId: string) =>
    `(service ${service}) (deployment ${deploymentId}) deployment completed.`,
  notAzBalanced: (service: string, counts: string) =>
    `service (${service}) is not AZ balanced with ${counts}. AZ Rebalancing in progress.`,
  azBalanced: (service: string, counts: string) =>
    `service (${service}) is AZ balanced with ${counts}.`,
  steadyState: (service: string) => `(service ${service}) has reached a steady state.`,
  unableToPlace: (service: string) =>
    `service ${service} was unable to place a task because no container instance met all of its requirements.`,
  closestInsufficientMemory: (service: string, containerInstanceId: string) =>
    `${ecsMessages.unableToPlace(service)} The closest matching container-instance ${containerInstanceId} has insufficient memory available. ${TROUBLESHOOTING}`,
  closestInsufficientCpu: (service: string, containerInstanceId: string) =>
    `${ecsMessages.unableToPlace(service)} The closest matching container-instance ${containerInstanceId} has insufficient CPU units available. ${TROUBLESHOOTING}`,
  closestPorts: (service: string, containerInstanceId: string) =>
    `${ecsMessages.unableToPlace(service)} The closest matching container-instance ${containerInstanceId} is already using a port required by your task. ${TROUBLESHOOTING}`,
  closestAgent: (service: string, containerInstanceId: string) =>
    `${ecsMessages.unableToPlace(service)} The closest matching container-instance ${containerInstanceId} encountered error "AGENT". ${TROUBLESHOOTING}`,
  emptyCluster: (service: string) =>
    `${ecsMessages.unableToPlace(service)} Reason: No Container Instances were found in your cluster. ${TROUBLESHOOTING}`,
  deploymentConfigurationStuck: (service: string) =>
    `service ${service} was unable to stop or start tasks during a deployment because of the service deployment configuration. Update the minimumHealthyPercent or maximumPercent value and try again.`,
  scalingActivity: (deploymentId: string) =>
    `Scaling activity initiated by (deployment ${deploymentId})`,
  essentialContainerExited: 'Essential container in task exited',
  outOfMemory: 'OutOfMemoryError: Container killed due to memory usage',
  userInitiated: 'Task stopped by user',
  hostTerminated: (instanceId: string) => `Host EC2 (instance ${instanceId}) terminated.`,
  azUnavailable: (az: string) =>
    sandboxWording(`Host EC2 unreachable: Availability Zone ${az} is unavailable.`),
  runTaskNoInstances:
    'InvalidParameterException: No Container Instances were found in your cluster.',
  invalidCpu:
    "An error occurred (ClientException) when calling the RegisterTaskDefinition operation: Invalid 'cpu' setting for task.",
  noFargateConfiguration:
    'An error occurred (ClientException) when calling the RegisterTaskDefinition operation: No Fargate configuration exists for given values.',
  fargateNeedsCpu: "ClientException: Fargate requires that 'cpu' be defined at the task level",
  fargateNeedsMemory:
    "ClientException: Fargate requires that 'memory' be defined at the task level",
  capacityProviderNotAssociated:
    'InvalidParameterException: The specified capacity provider strategy cannot contain a capacity provider that is not associated with the cluster.',
  fargateNeedsAwsvpc: "ClientException: Fargate only supports network mode 'awsvpc'.",
  containerMemoryAboveTask:
    "ClientException: The 'memory' setting for container is greater than for the task",
  containerNeedsMemory: (container: string) =>
    `ClientException: Invalid setting for container '${container}'. At least one of 'memory' or 'memoryReservation' must be specified.`,
  reservationAboveLimit: (container: string) =>
    sandboxWording(
      `ClientException: Invalid setting for container '${container}'. 'memoryReservation' must not be greater than 'memory'.`,
    ),
  noEssentialContainer: sandboxWording(
    'ClientException: A task definition must have at least one essential container.',
  ),
  taskDefinitionNotFound: 'ClientException: Unable to describe task definition.',
  clusterNotFound: 'ClusterNotFoundException: Cluster not found.',
  serviceNotFound: 'ServiceNotFoundException: Service not found.',
  serviceExists: 'InvalidParameterException: Creation of service was not idempotent.',
  // As CreateService/UpdateService answer in public reports (CloudFormation and Terraform users
  // quoting the API's InvalidParameterException); aws-facts.md §1.5.
  fargatePlacementStrategies:
    'InvalidParameterException: Placement strategies are not supported with FARGATE launch type.',
  fargatePlacementConstraints:
    'InvalidParameterException: Placement constraints are not supported with FARGATE launch type.',
  launchTypeNotSupported: (launchType: string) =>
    `InvalidParameterException: Task definition does not support launch_type ${launchType}.`,
};
