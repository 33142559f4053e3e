/**
 * The context-menu items for each thing in the view, limited to what the scenario allows
 * and to what makes sense in the entity's current state.
 */
import type {
  Action,
  Container,
  ContainerInstance,
  Instance,
  Service,
  Task,
  World,
} from '@sandbox';
import { containerInstanceOf } from '@sandbox/view.ts';
import { isAllowed, isFault, type AllowedSource } from './allowed-actions.ts';

export type EntityRef =
  | { kind: 'instance'; id: string }
  | { kind: 'container'; id: string }
  | { kind: 'task'; id: string }
  | { kind: 'service'; id: string };

export type MenuItem =
  | { kind: 'inspect'; label: string }
  | { kind: 'pick'; label: string }
  /** "Why here?" / "Why still waiting?": how ECS placement judged each container instance. */
  | { kind: 'why'; label: WhyQuestion }
  | { kind: 'action'; label: string; action: Action; fault: boolean };

export type WhyQuestion = 'Why here?' | 'Why still waiting?' | 'Why on Fargate?';

/** The question a live task's menu offers: where placement put it, or why it has no place yet. */
export function whyQuestion(task: Task): WhyQuestion | null {
  if (task.lastStatus === 'STOPPED') return null;
  if (task.az === null) return task.lastStatus === 'PROVISIONING' ? 'Why still waiting?' : null;
  return task.launchType === 'FARGATE' ? 'Why on Fargate?' : 'Why here?';
}

const inspect: MenuItem = { kind: 'inspect', label: 'Inspect details' };

/** Faults are always on offer (the learner may break things by hand); other actions only if allowed. */
function item(scenario: AllowedSource, label: string, action: Action): MenuItem[] {
  const fault = isFault(action.type);
  if (!fault && !isAllowed(scenario, action.type)) return [];
  return [{ kind: 'action', label, action, fault }];
}

export function containerMenu(container: Container, scenario: AllowedSource): MenuItem[] {
  const items: MenuItem[] = [inspect];
  const id = container.id;
  if (container.hostId === null) {
    if (isAllowed(scenario, 'docker.container.place'))
      items.push({ kind: 'pick', label: 'Place on a host…' });
    return items;
  }
  if (container.state !== 'running') {
    items.push(
      ...item(scenario, 'Start container', { type: 'docker.container.start', containerId: id }),
    );
    items.push(
      ...item(scenario, 'Remove container', { type: 'docker.container.remove', containerId: id }),
    );
  } else {
    items.push(
      ...item(scenario, 'Stop container', { type: 'docker.container.stop', containerId: id }),
    );
    items.push(
      ...item(scenario, 'Kill container (fault)', {
        type: 'fault.crash',
        targetId: id,
        exitCode: 137,
      }),
    );
  }
  return items;
}

export function taskMenu(task: Task, scenario: AllowedSource): MenuItem[] {
  const items: MenuItem[] = [inspect];
  const why = whyQuestion(task);
  if (why) items.push({ kind: 'why', label: why });
  if (task.lastStatus === 'STOPPED') return items;
  items.push(...item(scenario, 'Stop task', { type: 'ecs.task.stop', taskId: task.id }));
  if (task.lastStatus === 'RUNNING') {
    items.push(
      ...item(scenario, 'Crash task (fault)', {
        type: 'fault.crash',
        targetId: task.id,
        exitCode: 1,
      }),
    );
  }
  return items;
}

export function instanceMenu(
  instance: Instance,
  agent: ContainerInstance | null,
  scenario: AllowedSource,
): MenuItem[] {
  const items: MenuItem[] = [inspect];
  if (instance.state === 'terminated' || instance.state === 'shutting-down') return items;
  const instanceId = instance.id;
  items.push(
    ...item(scenario, 'Terminate instance', { type: 'ec2.instance.terminate', instanceId }),
  );
  items.push(
    ...item(scenario, 'Instance failure (fault)', { type: 'fault.terminate-instance', instanceId }),
  );
  if (agent) {
    items.push(
      ...(agent.connected
        ? item(scenario, 'Disconnect ECS agent (fault)', {
            type: 'fault.agent-disconnect',
            instanceId,
          })
        : item(scenario, 'Reconnect ECS agent', { type: 'fault.agent-reconnect', instanceId })),
    );
  }
  return items;
}

export function serviceMenu(service: Service, scenario: AllowedSource): MenuItem[] {
  const items: MenuItem[] = [inspect];
  if (service.status !== 'ACTIVE') return items;
  const name = service.name;
  items.push(
    ...item(scenario, 'Add one task', {
      type: 'ecs.service.update',
      service: name,
      desiredCount: service.desiredCount + 1,
    }),
  );
  if (service.desiredCount > 0) {
    items.push(
      ...item(scenario, 'Remove one task', {
        type: 'ecs.service.update',
        service: name,
        desiredCount: service.desiredCount - 1,
      }),
    );
  }
  if (service.runningCount > 0) {
    items.push(
      ...item(scenario, 'Crash a task (fault)', {
        type: 'fault.crash',
        service: name,
        exitCode: 1,
      }),
    );
  }
  return items;
}

export function menuFor(ref: EntityRef, world: World, scenario: AllowedSource): MenuItem[] {
  switch (ref.kind) {
    case 'container': {
      const container = world.docker.containers[ref.id];
      return container ? containerMenu(container, scenario) : [];
    }
    case 'task': {
      const task = world.ecs.tasks[ref.id];
      return task ? taskMenu(task, scenario) : [];
    }
    case 'instance': {
      const instance = world.ec2.instances[ref.id];
      return instance
        ? instanceMenu(instance, containerInstanceOf(world, instance.id), scenario)
        : [];
    }
    case 'service': {
      const service = world.ecs.services[ref.id];
      return service ? serviceMenu(service, scenario) : [];
    }
  }
}
