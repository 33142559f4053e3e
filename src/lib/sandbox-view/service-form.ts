/**
 * The action the service form's update sends: only what the learner changed, and on a move to
 * Fargate the placement the service keeps from EC2 cleared, since Fargate refuses strategies
 * and constraints (InvalidParameterException) instead of ignoring them.
 */
import type { Action, LaunchType, PlacementStrategy } from '@sandbox';

export interface ServiceNow {
  name: string;
  desiredCount: number;
  launchType: LaunchType;
  hasStrategies: boolean;
  hasConstraints: boolean;
}

export interface ServiceEdit {
  desiredCount: number;
  launchType: LaunchType;
  /** The strategies picked in the form when they differ from the service's, else undefined. */
  placementStrategy?: PlacementStrategy[];
  removeConstraints: boolean;
}

export function serviceUpdateAction(now: ServiceNow, edit: ServiceEdit): Action {
  const toFargate = edit.launchType === 'FARGATE';
  const strategy =
    toFargate && now.hasStrategies
      ? []
      : edit.launchType === 'EC2'
        ? edit.placementStrategy
        : undefined;
  const clearConstraints = edit.removeConstraints || (toFargate && now.hasConstraints);
  return {
    type: 'ecs.service.update',
    service: now.name,
    desiredCount: edit.desiredCount,
    ...(edit.launchType !== now.launchType ? { launchType: edit.launchType } : {}),
    ...(strategy ? { placementStrategy: strategy } : {}),
    ...(clearConstraints ? { placementConstraints: [] } : {}),
  };
}

/** What the form says under the launch type when Fargate is chosen. */
export function fargatePlacementNote(now: ServiceNow | null, placementText: string): string {
  const base =
    'Fargate refuses placement strategies and constraints (InvalidParameterException): every task gets its own micro-VM in one of the service’s subnets.';
  if (!now || now.launchType === 'FARGATE' || placementText === '') return base;
  return `${base} Moving ${now.name} to Fargate clears its placement (${placementText}).`;
}
