/**
 * What the projected window and the instructor window say to each other over BroadcastChannel.
 * Messages are checked on arrival: any page of the site can post on the channel, and only
 * faults (never learner actions) may be fired through it.
 */
import { SPEEDS, type Speed } from '@lib/sandbox-view/sim-loop.ts';
import type { FaultKind } from './fault-catalogue.ts';

export type Control = 'play' | 'pause' | 'step' | 'run-to-end' | 'undo' | 'reset';
const CONTROLS: readonly Control[] = ['play', 'pause', 'step', 'run-to-end', 'undo', 'reset'];

/** Instructor window → projected window. */
export type ConsoleMessage =
  | { kind: 'hello' }
  | { kind: 'control'; control: Control }
  | { kind: 'speed'; speed: Speed }
  | { kind: 'fault'; label: string; action: { type: string } & Record<string, unknown> };

export interface ProjectorStatus {
  lesson: string;
  scenarioId: string;
  title: string;
  time: number;
  duration: number;
  playing: boolean;
  speed: Speed;
  canUndo: boolean;
  faults: FaultKind[];
}

export interface FiredFault {
  /** Sim time it was fired at. */
  at: number;
  label: string;
  ok: boolean;
  /** The engine's message, or why it was refused. */
  text: string;
}

/** Projected window → instructor window. */
export type ProjectorMessage =
  | { kind: 'status'; status: ProjectorStatus }
  | { kind: 'fired'; fired: FiredFault }
  | { kind: 'gone' };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function parseConsoleMessage(data: unknown): ConsoleMessage | null {
  if (!isRecord(data)) return null;
  switch (data['kind']) {
    case 'hello':
      return { kind: 'hello' };
    case 'control':
      return CONTROLS.includes(data['control'] as Control)
        ? { kind: 'control', control: data['control'] as Control }
        : null;
    case 'speed':
      return SPEEDS.includes(data['speed'] as Speed)
        ? { kind: 'speed', speed: data['speed'] as Speed }
        : null;
    case 'fault': {
      const { action, label } = data;
      if (
        !isRecord(action) ||
        typeof action['type'] !== 'string' ||
        !action['type'].startsWith('fault.')
      )
        return null;
      if (typeof label !== 'string' || label.length > 300) return null;
      return { kind: 'fault', label, action: action as { type: string } & Record<string, unknown> };
    }
    default:
      return null;
  }
}

/** The instructor window trusts the projected window's shapes only as far as it renders them. */
export function parseProjectorMessage(data: unknown): ProjectorMessage | null {
  if (!isRecord(data)) return null;
  if (data['kind'] === 'gone') return { kind: 'gone' };
  if (data['kind'] === 'fired' && isRecord(data['fired'])) {
    const { at, label, ok, text } = data['fired'];
    if (
      typeof at === 'number' &&
      typeof label === 'string' &&
      typeof ok === 'boolean' &&
      typeof text === 'string'
    )
      return { kind: 'fired', fired: { at, label, ok, text } };
    return null;
  }
  if (data['kind'] === 'status' && isRecord(data['status'])) {
    const s = data['status'];
    const fields =
      typeof s['lesson'] === 'string' &&
      typeof s['scenarioId'] === 'string' &&
      typeof s['title'] === 'string' &&
      typeof s['time'] === 'number' &&
      typeof s['duration'] === 'number' &&
      typeof s['playing'] === 'boolean' &&
      SPEEDS.includes(s['speed'] as Speed) &&
      typeof s['canUndo'] === 'boolean' &&
      Array.isArray(s['faults']);
    return fields ? { kind: 'status', status: s as unknown as ProjectorStatus } : null;
  }
  return null;
}

/** The lesson id of a lesson page's path (`/lessons/ecs/` → `ecs`), or null. */
export function lessonOfPath(pathname: string): string | null {
  return /^\/lessons\/([a-z0-9-]+)\/?$/.exec(pathname)?.[1] ?? null;
}
