/** Small worlds for the command-line tests: an ECS cluster and the Docker hosts of lesson 1. */
import { advance, createWorld, parseScenario, type World } from '../../sandbox/index.ts';

const ECS_SCENARIO = `
id: cli-ecs
title: CLI test cluster
summary: A cluster with EC2 capacity, an Auto Scaling group and a running service.
seed: 11
region: eu-west-3
orchestrator: ecs
duration: 3600
initial:
  cluster: {name: demo}
  instances:
    - {name: ecs-a, type: m5.large, az: eu-west-3a, software: ecs}
    - {name: ecs-b, type: m5.large, az: eu-west-3b, software: ecs}
  autoScalingGroups:
    - {name: ecs-hosts, instanceType: t3.medium, software: ecs, minSize: 0, desiredCapacity: 0, maxSize: 4}
  taskDefinitions:
    - family: web
      requiresCompatibilities: [EC2, FARGATE]
      networkMode: awsvpc
      cpu: '256'
      memory: '512'
      containerDefinitions:
        - {name: web, image: nginx:1.27, essential: true, portMappings: [{containerPort: 80}]}
  services:
    - {serviceName: web, taskDefinition: 'web:1', desiredCount: 2, launchType: EC2}
goals:
  - id: web-up
    goal: runningAtLeast
    params: {service: web, count: 2}
solution: []
`;

const DOCKER_SCENARIO = `
id: cli-docker
title: CLI test Docker hosts
summary: Two Docker hosts and a tray of containers.
seed: 5
region: eu-west-3
orchestrator: none
duration: 1200
initial:
  instances:
    - {name: host-a, type: t3.medium, az: eu-west-3a, software: docker}
    - {name: host-b, type: t3.medium, az: eu-west-3b, software: docker}
  containers:
    - {name: storefront-1, image: shipyard/storefront:2.3, cpu: 128, memoryMiB: 256, host: host-a}
    - {name: storefront-2, image: shipyard/storefront:2.3, cpu: 128, memoryMiB: 256, host: host-b}
    - {name: orders, image: shipyard/orders:1.0, cpu: 512, memoryMiB: 768}
    - {name: search, image: shipyard/search:1.0, cpu: 300, memoryMiB: 1024}
    - {name: redis, image: redis:7.4, cpu: 256, memoryMiB: 512}
script:
  - at: 30
    action: {type: fault.crash, targetId: storefront-2, exitCode: 1}
goals:
  - id: toil
    goal: toilAtMost
    params: {count: 40}
solution: []
`;

function build(yaml: string, seconds: number): World {
  const parsed = parseScenario(yaml, 'test.yaml');
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
  return advance(createWorld(parsed.value), seconds);
}

export const ecsWorld = (): World => build(ECS_SCENARIO, 180);
export const dockerWorld = (): World => build(DOCKER_SCENARIO, 90);
