/**
 * Which actions the learner may use in a scenario. An empty list in the scenario means all.
 */
import type { ActionType } from '@sandbox';

export interface AllowedSource {
  allowedActions: readonly string[];
}

export function isAllowed(scenario: AllowedSource, type: ActionType): boolean {
  return scenario.allowedActions.length === 0 || scenario.allowedActions.includes(type);
}

export function anyAllowed(scenario: AllowedSource, types: readonly ActionType[]): boolean {
  return types.some((type) => isAllowed(scenario, type));
}

/**
 * Faults change the world on purpose. They are not part of a scenario's allowed learner
 * actions: the view always offers them and sends them as `instructor.action` (not toil, not
 * undone by Undo; Reset clears them).
 */
export function isFault(type: ActionType): boolean {
  return type.startsWith('fault.');
}
