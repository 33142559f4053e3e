/**
 * "Why?" chains, word for word, for every fault and every control loop that emits events:
 * each case plays a scenario (its solution or a few actions of its own), picks one event and
 * checks the whole chain from that event back to its root.
 */
import { describe, expect, it } from 'vitest';
import { replay } from '../../sandbox/index.ts';
import type { Action, Actor, SimEvent, TimedAction, World } from '../../sandbox/index.ts';
import { causeChain, chainText } from '../../src/lib/timeline/causes.ts';
import { loadScenario } from '../sandbox/helpers.ts';

interface Case {
  name: string;
  file: string;
  /** Actions besides the scenario's script; `solution` adds the scenario's solution first. */
  solution?: boolean;
  actions?: { at: number; by?: Actor; action: Action }[];
  until: number;
  /** The event asked about: the first one matching. */
  pick: (event: SimEvent) => boolean;
  chain: string;
}

function play(c: Case): World {
  const scenario = loadScenario(c.file);
  const log: TimedAction[] = [
    ...(c.solution ? scenario.solution.map((s) => ({ ...s, by: 'learner' as const })) : []),
    ...(c.actions ?? []).map((a) => ({ at: a.at, by: a.by ?? 'instructor', action: a.action })),
  ].sort((a, b) => a.at - b.at);
  return replay(scenario, log, { until: c.until }).world;
}

const starts =
  (source: string, text: string, after = 0) =>
  (e: SimEvent) =>
    e.source === source && e.message.startsWith(text) && e.time >= after;

const CASES: Case[] = [
  // ── Faults ──────────────────────────────────────────────────────────────────────────
  {
    name: 'fault.terminate-instance: a task stopped because its host shut down',
    file: 'ecs-instance-lost.yaml',
    until: 200,
    pick: starts('ecs', 'ECS Task State Change:', 120),
    chain:
      'ECS Task State Change: (task 0c67c620c9b0b9104fa7247d55377678) service:web STOPPED (InfrastructureHealth: Host EC2 (instance i-032588e8653e08023) terminated.) ← EC2 Instance State-change Notification: i-032588e8653e08023 (t3.medium, eu-west-3a) is shutting-down ← i-032588e8653e08023 is shutting down. (fault scripted by the scenario at 00:02:00)',
  },
  {
    name: 'fault.terminate-instance: the scheduler replaced the lost task',
    file: 'ecs-instance-lost.yaml',
    until: 200,
    pick: starts('ecs', '(service web) has started', 120),
    chain:
      '(service web) has started 1 tasks: (task 2ed30855ee4da9a1916965652c3d8955). ← the ecs-placement control loop acted on web ← ECS Container Instance State Change: i-032588e8653e08023 INACTIVE (agentConnected true) ← EC2 Instance State-change Notification: i-032588e8653e08023 (t3.medium, eu-west-3a) is shutting-down ← i-032588e8653e08023 is shutting down. (fault scripted by the scenario at 00:02:00)',
  },
  {
    name: 'fault.az-outage: a task stopped because its AZ went down',
    file: 'ecs-az-outage-no-spread.yaml',
    solution: true,
    until: 400,
    pick: (e) => e.source === 'ecs' && e.message.includes('STOPPED (InfrastructureHealth'),
    chain:
      'ECS Task State Change: (task f0c21de6b2d2e8db73cc52241bb8c136) service:web STOPPED (InfrastructureHealth: Host EC2 unreachable: Availability Zone eu-west-3a is unavailable. [sandbox wording]) ← Availability Zone eu-west-3a is impaired: instances in it are unreachable. ← Availability Zone eu-west-3a is down. (fault scripted by the scenario at 00:05:00)',
  },
  {
    name: 'fault.az-outage: placement found no instance to replace the lost tasks on',
    file: 'ecs-az-outage-spread.yaml',
    solution: true,
    until: 400,
    pick: starts('ecs', 'service web was unable to place a task', 300),
    chain:
      'service web was unable to place a task because no container instance met all of its requirements. The closest matching container-instance 21bfb76d3b87ea0fd51e1a244ea19daf encountered error "AGENT". For more information, see the Troubleshooting section of the Amazon ECS Developer Guide. ← the ecs-placement control loop acted on web ← ECS Task State Change: (task e95ad7725905e2e0c3d24276b30d7f89) service:web STOPPED (InfrastructureHealth: Host EC2 unreachable: Availability Zone eu-west-3a is unavailable. [sandbox wording]) ← Availability Zone eu-west-3a is impaired: instances in it are unreachable. ← Availability Zone eu-west-3a is down. (fault scripted by the scenario at 00:05:00)',
  },
  {
    name: 'fault.az-recover: the AZ came back',
    file: 'ecs-az-outage-spread.yaml',
    solution: true,
    actions: [{ at: 420, action: { type: 'fault.az-recover', az: 'eu-west-3a' } }],
    until: 480,
    pick: starts('ec2', 'Availability Zone eu-west-3a has recovered'),
    chain:
      'Availability Zone eu-west-3a has recovered. ← Availability Zone eu-west-3a is back. (fault fired by the instructor at 00:07:00)',
  },
  {
    name: 'fault.crash (ECS): the task stopped when its essential container exited',
    file: 'ecs-first-service.yaml',
    solution: true,
    actions: [{ at: 100, action: { type: 'fault.crash', service: 'web' } }],
    until: 200,
    pick: (e) => e.message.includes('STOPPED (EssentialContainerExited'),
    chain:
      "ECS Task State Change: (task fe0decdaa25c6a853b6a1c6f83bd8da4) service:web STOPPED (EssentialContainerExited: Essential container in task exited) ← fe0decdaa25c6a853b6a1c6f83bd8da4's deprovisioningDelay timer ran out (a delay the simulation models) ← Container web in task fe0decdaa25c6a853b6a1c6f83bd8da4 exited with code 1. (fault fired by the instructor at 00:01:40)",
  },
  {
    name: 'fault.crash (ECS): the scheduler started a replacement',
    file: 'ecs-first-service.yaml',
    solution: true,
    actions: [{ at: 100, action: { type: 'fault.crash', service: 'web' } }],
    until: 200,
    pick: starts('ecs', '(service web) has started', 100),
    chain:
      '(service web) has started 1 tasks: (task f154f2eeefc7f9443e425df60eab8cd0). ← the ecs-placement control loop acted on web ← Container web in task fe0decdaa25c6a853b6a1c6f83bd8da4 exited with code 1. (fault fired by the instructor at 00:01:40)',
  },
  {
    name: 'fault.crash (Docker): the container died and nothing restarted it',
    file: 'why-orchestration-by-hand.yaml',
    solution: true,
    actions: [{ at: 100, action: { type: 'fault.crash', targetId: 'orders' } }],
    until: 120,
    pick: starts('docker', 'container die', 100),
    chain:
      'container die 09dfd71acce8 (exitCode=1, image=shipyard/orders:1.0, name=orders) ← orders exited with code 1. (fault fired by the instructor at 00:01:40)',
  },
  {
    name: 'fault.crash (Docker, scripted): the kernel killed a container out of memory',
    file: 'why-orchestration-by-hand.yaml',
    solution: true,
    until: 600,
    pick: starts('docker', 'container oom'),
    chain:
      'container oom 9f56a02916e4 (image=shipyard/search:1.0, name=search) ← search exited with code 137 (OOMKilled). (fault scripted by the scenario at 00:07:00)',
  },
  {
    name: 'docker: a dead container runs again only when restarted by hand',
    file: 'why-orchestration-by-hand.yaml',
    solution: true,
    until: 600,
    pick: starts('docker', 'container start', 300),
    chain:
      'container start 09dfd71acce8 (image=shipyard/orders:1.0, name=orders) ← orders restarted on host-a (i-0792a8e8db7127145). (your action at 00:05:20)',
  },
  {
    name: 'fault.agent-disconnect: the container instance lost its agent',
    file: 'ecs-first-service.yaml',
    solution: true,
    actions: [{ at: 100, action: { type: 'fault.agent-disconnect', instanceId: 'host-a' } }],
    until: 120,
    pick: starts('ecs', 'ECS Container Instance State Change:', 100),
    chain:
      'ECS Container Instance State Change: i-034933dc14cf25945 ACTIVE (agentConnected false) ← Agent on i-034933dc14cf25945 disconnected. (fault fired by the instructor at 00:01:40)',
  },
  {
    name: 'fault.agent-reconnect: the agent came back',
    file: 'ecs-first-service.yaml',
    solution: true,
    actions: [
      { at: 100, action: { type: 'fault.agent-disconnect', instanceId: 'host-a' } },
      { at: 150, action: { type: 'fault.agent-reconnect', instanceId: 'host-a' } },
    ],
    until: 170,
    pick: starts('ecs', 'ECS Container Instance State Change:', 150),
    chain:
      'ECS Container Instance State Change: i-034933dc14cf25945 ACTIVE (agentConnected true) ← Agent on i-034933dc14cf25945 reconnected. (fault fired by the instructor at 00:02:30)',
  },
  {
    name: 'fault.traffic: auto scaling raised the desired count',
    file: 'ecs-outgrows-capacity.yaml',
    until: 400,
    pick: starts('autoscaling', 'Successfully set desired count'),
    chain:
      'Successfully set desired count to 8. Change successfully fulfilled by ecs. (service/demo/web: ECSServiceAverageCPUUtilization 100.0 % vs target 50 %, 4 → 8) ← the service-auto-scaling control loop acted on web ← web now receives 1200 requests per second. (fault scripted by the scenario at 00:02:00)',
  },
  {
    name: 'fault.traffic: the new tasks started after auto scaling',
    file: 'ecs-outgrows-capacity.yaml',
    until: 400,
    pick: starts('ecs', '(service web) has started', 180),
    chain:
      '(service web) has started 2 tasks: (task 340c1851dc155138dc772bb00ef3f8c8) (task bf2ce16c17bb3fa127aac596d131235a). ← the ecs-placement control loop acted on web ← Successfully set desired count to 8. Change successfully fulfilled by ecs. (service/demo/web: ECSServiceAverageCPUUtilization 100.0 % vs target 50 %, 4 → 8) ← the service-auto-scaling control loop acted on web ← web now receives 1200 requests per second. (fault scripted by the scenario at 00:02:00)',
  },
  {
    name: 'fault.traffic: the new tasks could not all be placed',
    file: 'ecs-outgrows-capacity.yaml',
    until: 400,
    pick: starts('ecs', 'service web was unable to place a task', 180),
    chain:
      'service web was unable to place a task because no container instance met all of its requirements. The closest matching container-instance 7813ac316e6e5fc72a572d5b34b62864 has insufficient memory available. For more information, see the Troubleshooting section of the Amazon ECS Developer Guide. ← the ecs-placement control loop acted on web ← Successfully set desired count to 8. Change successfully fulfilled by ecs. (service/demo/web: ECSServiceAverageCPUUtilization 100.0 % vs target 50 %, 4 → 8) ← the service-auto-scaling control loop acted on web ← web now receives 1200 requests per second. (fault scripted by the scenario at 00:02:00)',
  },
  // ── EC2 and Auto Scaling ────────────────────────────────────────────────────────────
  {
    name: 'ec2-instances: an instance booted when its boot timer ran out',
    file: 'ecs-no-agent.yaml',
    solution: true,
    until: 120,
    pick: (e) => e.source === 'ec2' && e.message.endsWith('is running') && e.time > 10,
    chain:
      "EC2 Instance State-change Notification: i-0e899af304d7f2254 (t3.medium, eu-west-3b) is running ← i-0e899af304d7f2254's bootDelay timer ran out (a delay the simulation models) ← Launching i-0e899af304d7f2254 (t3.medium, eu-west-3b, Docker + ECS agent). (your action at 00:00:10)",
  },
  {
    name: 'ec2-instances: an instance terminated when its shutdown timer ran out',
    file: 'ecs-no-agent.yaml',
    solution: true,
    until: 120,
    pick: (e) => e.source === 'ec2' && e.message.endsWith('is terminated'),
    chain:
      "EC2 Instance State-change Notification: i-0d2f8461ed1ce6a8b (t3.medium, eu-west-3b) is terminated ← i-0d2f8461ed1ce6a8b's shutdownDelay timer ran out (a delay the simulation models) ← EC2 Instance State-change Notification: i-0d2f8461ed1ce6a8b (t3.medium, eu-west-3b) is shutting-down ← i-0d2f8461ed1ce6a8b is shutting down. (your action at 00:00:10)",
  },
  {
    name: 'auto-scaling-groups: scaling in after the group was updated',
    file: 'fargate-cost-comparison.yaml',
    solution: true,
    until: 700,
    pick: starts('autoscaling', 'Terminating EC2 instance'),
    chain:
      'Terminating EC2 instance: i-0f9443e425df60eab (ecs-asg: desired capacity 2). ← the auto-scaling-groups control loop acted on ecs-asg ← ecs-asg: min 0, desired 2, max 10. (your action at 00:10:00)',
  },
  {
    name: 'auto-scaling-groups: scaling out after the group was updated',
    file: 'fargate-cost-comparison.yaml',
    actions: [
      { at: 30, by: 'learner', action: { type: 'ec2.asg.update', name: 'ecs-asg', desired: 7 } },
    ],
    until: 60,
    pick: starts('autoscaling', 'Launching a new EC2 instance'),
    chain:
      'Launching a new EC2 instance: i-064b18647a9a3b1e6 (ecs-asg: capacity 6 → 7, desired 7). ← the auto-scaling-groups control loop acted on ecs-asg ← ecs-asg: min 0, desired 7, max 10. (your action at 00:00:30)',
  },
  {
    name: 'auto-scaling-groups: an instance replaced after its AZ went down',
    file: 'fargate-cost-comparison.yaml',
    actions: [{ at: 100, action: { type: 'fault.az-outage', az: 'eu-west-3a' } }],
    until: 200,
    pick: starts('autoscaling', 'Terminating EC2 instance'),
    chain:
      'Terminating EC2 instance: i-034933dc14cf25945 (an instance was taken out of service in response to an EC2 health check indicating it has been terminated or stopped). ← the auto-scaling-groups control loop acted on ecs-asg ← Availability Zone eu-west-3a is down. (fault fired by the instructor at 00:01:40)',
  },
  {
    name: 'auto-scaling-groups: the replacement launched',
    file: 'fargate-cost-comparison.yaml',
    actions: [{ at: 100, action: { type: 'fault.az-outage', az: 'eu-west-3a' } }],
    until: 200,
    pick: starts('autoscaling', 'Launching a new EC2 instance', 100),
    chain:
      'Launching a new EC2 instance: i-04ddea1d4d063f018 (ecs-asg: capacity 4 → 5, desired 6). ← the auto-scaling-groups control loop acted on ecs-asg ← Availability Zone eu-west-3a is down. (fault fired by the instructor at 00:01:40)',
  },
  // ── ECS ─────────────────────────────────────────────────────────────────────────────
  {
    name: 'ecs-agents: a container instance registered when its registration timer ran out',
    file: 'ecs-no-agent.yaml',
    solution: true,
    until: 200,
    pick: (e) => e.message.includes(' ACTIVE (agentConnected true)') && e.time > 10,
    chain:
      "ECS Container Instance State Change: i-0e899af304d7f2254 ACTIVE (agentConnected true) ← i-0e899af304d7f2254's registrationDelay timer ran out (a delay the simulation models) ← ECS Container Instance State Change: i-0e899af304d7f2254 REGISTERING in cluster demo ← EC2 Instance State-change Notification: i-0e899af304d7f2254 (t3.medium, eu-west-3b) is running ← i-0e899af304d7f2254's bootDelay timer ran out (a delay the simulation models) ← Launching i-0e899af304d7f2254 (t3.medium, eu-west-3b, Docker + ECS agent). (your action at 00:00:10)",
  },
  {
    name: 'ecs-placement: tasks started for a new service',
    file: 'ecs-first-service.yaml',
    solution: true,
    until: 120,
    pick: starts('ecs', '(service web) has started'),
    chain:
      '(service web) has started 3 tasks: (task fe0decdaa25c6a853b6a1c6f83bd8da4) (task 33c8ccc3abb38369a74d3974eacbc03b) (task 110a82f6158a8ecc9a2d86c972e7dd5c). ← the ecs-placement control loop acted on web ← Created service web (desired 3, EC2). (your action at 00:00:10)',
  },
  {
    name: 'ecs-placement: no container instance to place on',
    file: 'fargate-needs-host.yaml',
    solution: true,
    until: 60,
    pick: starts('ecs', 'service node-monitor was unable to place a task'),
    chain:
      'service node-monitor was unable to place a task because no container instance met all of its requirements. Reason: No Container Instances were found in your cluster. For more information, see the Troubleshooting section of the Amazon ECS Developer Guide. ← the ecs-placement control loop acted on node-monitor ← Created service node-monitor (desired 2, EC2). (your action at 00:00:15)',
  },
  {
    name: 'ecs-placement: placed once capacity registered',
    file: 'fargate-needs-host.yaml',
    solution: true,
    until: 200,
    pick: starts('ecs', '(service node-monitor) has started'),
    chain:
      "(service node-monitor) has started 1 tasks: (task 67dac8b049a8bdd89af2a4057ecc2366). ← the ecs-placement control loop acted on node-monitor ← ECS Container Instance State Change: i-0fae95a353ee6f123 ACTIVE (agentConnected true) ← i-0fae95a353ee6f123's registrationDelay timer ran out (a delay the simulation models) ← ECS Container Instance State Change: i-0fae95a353ee6f123 REGISTERING in cluster demo ← EC2 Instance State-change Notification: i-0fae95a353ee6f123 (t3.medium, eu-west-3a) is running ← i-0fae95a353ee6f123's bootDelay timer ran out (a delay the simulation models) ← Launching i-0fae95a353ee6f123 (t3.medium, eu-west-3a, Docker + ECS agent). (your action at 00:00:10)",
  },
  {
    name: 'ecs-service-scheduler: deployment completed',
    file: 'ecs-first-service.yaml',
    solution: true,
    until: 200,
    pick: (e) => e.source === 'ecs' && e.message.includes('deployment completed') && e.time > 0,
    chain:
      '(service web) (deployment ecs-svc/3373503505624524856) deployment completed. ← the ecs-service-scheduler control loop acted on web ← Created service web (desired 3, EC2). (your action at 00:00:10)',
  },
  {
    name: 'ecs-service-scheduler: steady state',
    file: 'ecs-first-service.yaml',
    solution: true,
    until: 200,
    pick: (e) => e.message === '(service web) has reached a steady state.' && e.time > 0,
    chain:
      '(service web) has reached a steady state. ← the ecs-service-scheduler control loop acted on web ← Created service web (desired 3, EC2). (your action at 00:00:10)',
  },
  {
    name: 'ecs-service-scheduler: scaling in after the desired count was lowered',
    file: 'ecs-first-service.yaml',
    solution: true,
    actions: [
      {
        at: 150,
        by: 'learner',
        action: { type: 'ecs.service.update', service: 'web', desiredCount: 1 },
      },
    ],
    until: 200,
    pick: starts('ecs', '(service web) has stopped'),
    chain:
      '(service web) has stopped 2 running tasks: (task 110a82f6158a8ecc9a2d86c972e7dd5c) (task 33c8ccc3abb38369a74d3974eacbc03b). ← the ecs-service-scheduler control loop acted on web ← Updated service web: desired count 1. (your action at 00:02:30)',
  },
  {
    name: 'ecs-service-scheduler: not AZ balanced after the placement strategy changed',
    file: 'ecs-az-outage-no-spread.yaml',
    solution: true,
    until: 400,
    pick: starts('ecs', 'service (web) is not AZ balanced'),
    chain:
      'service (web) is not AZ balanced with 6 tasks in eu-west-3a, 0 in eu-west-3b, and 0 in eu-west-3c. AZ Rebalancing in progress. ← the ecs-service-scheduler control loop acted on web ← Updated service web: placement strategy, placement constraints. (your action at 00:00:30)',
  },
  {
    name: 'ecs-service-scheduler: AZ balanced again',
    file: 'ecs-az-outage-no-spread.yaml',
    solution: true,
    until: 400,
    pick: starts('ecs', 'service (web) is AZ balanced'),
    chain:
      'service (web) is AZ balanced with 2 tasks in eu-west-3a, 2 in eu-west-3b, and 2 in eu-west-3c. ← the ecs-service-scheduler control loop acted on web ← Updated service web: placement strategy, placement constraints. (your action at 00:00:30)',
  },
  {
    name: 'ecs-task-lifecycle: a task stopped when its deprovisioning timer ran out',
    file: 'ecs-first-service.yaml',
    solution: true,
    actions: [
      {
        at: 150,
        by: 'learner',
        action: { type: 'ecs.service.update', service: 'web', desiredCount: 1 },
      },
    ],
    until: 250,
    pick: (e) => e.message.includes('STOPPED (ServiceSchedulerInitiated'),
    chain:
      "ECS Task State Change: (task 33c8ccc3abb38369a74d3974eacbc03b) service:web STOPPED (ServiceSchedulerInitiated: Scaling activity initiated by (deployment ecs-svc/3373503505624524856)) ← 33c8ccc3abb38369a74d3974eacbc03b's deprovisioningDelay timer ran out (a delay the simulation models) ← (service web) has stopped 2 running tasks: (task 110a82f6158a8ecc9a2d86c972e7dd5c) (task 33c8ccc3abb38369a74d3974eacbc03b). ← the ecs-service-scheduler control loop acted on web ← Updated service web: desired count 1. (your action at 00:02:30)",
  },
  {
    name: 'ecs-task-lifecycle: targets registered with the load balancer',
    file: 'ecs-healthy-targets.yaml',
    solution: true,
    until: 200,
    pick: starts('ecs', '(service web) registered'),
    chain:
      '(service web) registered 1 targets in (target-group arn:aws:elasticloadbalancing:eu-west-3:123456789012:targetgroup/web-tg/306fc88fd3b9b6eb) ← the ecs-task-lifecycle control loop acted on web ← Updated service web: desired count 10. (your action at 00:00:20)',
  },
];

describe('cause chains of every fault and control loop', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const world = play(c);
      const event = world.events.find(c.pick);
      expect(event, 'no event matches').toBeDefined();
      expect(chainText(causeChain(world, event!.id))).toBe(c.chain);
    });
  }
});
