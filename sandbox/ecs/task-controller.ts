/**
 * Steps every task's delayed transitions (from the task statechart's table) and the health
 * gate: a task with no health check counts as healthy 40 s after RUNNING (aws-facts.md §1.4).
 * Stopped tasks are forgotten an hour after they stop, as DescribeTasks does.
 */
import {
  HEALTHY_AFTER_RUNNING_SECONDS,
  STOPPED_TASK_RETENTION_SECONDS,
} from '../model/aws-data.ts';
import type { TaskStatus, World } from '../model/types.ts';
import { TASK_TABLE, delayedTransition } from '../engine/machine-table.ts';
import { enterTaskState } from '../engine/world-ops.ts';
import { taskList, tasksChanged } from '../engine/task-list.ts';

export function taskLifecycleController(world: World): void {
  const now = world.time;
  let expired: string[] | null = null;
  for (const task of taskList(world)) {
    while (task.nextTransitionAt !== null && task.nextTransitionAt <= now) {
      const after = delayedTransition(TASK_TABLE, task.lastStatus);
      if (!after) {
        task.nextTransitionAt = null;
        break;
      }
      enterTaskState(world, task, after.target as TaskStatus);
    }
    if (task.lastStatus === 'RUNNING') {
      if (
        !task.healthy &&
        task.startedAt !== null &&
        now - task.startedAt >= HEALTHY_AFTER_RUNNING_SECONDS
      )
        task.healthy = true;
    } else if (
      task.lastStatus === 'STOPPED' &&
      task.stoppedAt !== null &&
      now - task.stoppedAt >= STOPPED_TASK_RETENTION_SECONDS
    ) {
      (expired ??= []).push(task.id);
    }
  }
  if (expired) {
    for (const id of expired) delete world.tasks[id];
    tasksChanged(world);
  }
}
