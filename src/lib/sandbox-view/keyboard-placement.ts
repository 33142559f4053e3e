/**
 * Keyboard placement as a small state machine: pick a chip (Enter/Space on it), move
 * between hosts with the arrow keys, confirm with Enter, cancel with Escape. Every step
 * returns the sentence to announce; confirming returns the placement to send.
 */

export interface PlacementTarget {
  id: string;
  /** Spoken label: `i-0abc… t3.medium in eu-west-3a, 1.5 vCPU and 3 GiB free`. */
  label: string;
}

export type PlacementState =
  { mode: 'idle' } | { mode: 'carrying'; chipId: string; chipName: string; targetIndex: number };

export type PlacementEvent =
  | { type: 'pick'; chipId: string; chipName: string }
  | { type: 'move'; delta: number }
  | { type: 'first' }
  | { type: 'last' }
  | { type: 'confirm' }
  | { type: 'cancel' };

export interface PlacementStep {
  state: PlacementState;
  announcement: string | null;
  /** Set when the learner confirmed a target: the view sends `docker.container.place`. */
  place: { containerId: string; hostId: string } | null;
}

export const idlePlacement: PlacementState = { mode: 'idle' };

function targetSentence(targets: readonly PlacementTarget[], index: number): string {
  const target = targets[index];
  if (!target) return 'No host to place on.';
  return `Host ${index + 1} of ${targets.length}: ${target.label}.`;
}

function wrap(index: number, length: number): number {
  return ((index % length) + length) % length;
}

export function placementStep(
  state: PlacementState,
  event: PlacementEvent,
  targets: readonly PlacementTarget[],
): PlacementStep {
  const stay = (announcement: string | null = null): PlacementStep => ({
    state,
    announcement,
    place: null,
  });

  switch (event.type) {
    case 'pick': {
      if (targets.length === 0) {
        return {
          state: idlePlacement,
          announcement: `No running host to place ${event.chipName} on. Launch an instance first.`,
          place: null,
        };
      }
      return {
        state: { mode: 'carrying', chipId: event.chipId, chipName: event.chipName, targetIndex: 0 },
        announcement:
          `Picked up ${event.chipName}. Arrow keys choose a host, Enter places, Escape cancels. ` +
          targetSentence(targets, 0),
        place: null,
      };
    }
    case 'move':
    case 'first':
    case 'last': {
      if (state.mode !== 'carrying' || targets.length === 0) return stay();
      const index =
        event.type === 'first'
          ? 0
          : event.type === 'last'
            ? targets.length - 1
            : wrap(state.targetIndex + event.delta, targets.length);
      return {
        state: { ...state, targetIndex: index },
        announcement: targetSentence(targets, index),
        place: null,
      };
    }
    case 'confirm': {
      if (state.mode !== 'carrying') return stay();
      const target = targets[Math.min(state.targetIndex, targets.length - 1)];
      if (!target) {
        return {
          state: idlePlacement,
          announcement: `No host to place ${state.chipName} on. Placement cancelled.`,
          place: null,
        };
      }
      return {
        state: idlePlacement,
        announcement: null,
        place: { containerId: state.chipId, hostId: target.id },
      };
    }
    case 'cancel': {
      if (state.mode !== 'carrying') return stay();
      return {
        state: idlePlacement,
        announcement: `Placement of ${state.chipName} cancelled.`,
        place: null,
      };
    }
  }
}

/** Maps a key to a placement event while carrying; null = not ours. */
export function keyToPlacementEvent(key: string): PlacementEvent | null {
  switch (key) {
    case 'ArrowRight':
    case 'ArrowDown':
      return { type: 'move', delta: 1 };
    case 'ArrowLeft':
    case 'ArrowUp':
      return { type: 'move', delta: -1 };
    case 'Home':
      return { type: 'first' };
    case 'End':
      return { type: 'last' };
    case 'Enter':
    case ' ':
      return { type: 'confirm' };
    case 'Escape':
      return { type: 'cancel' };
    default:
      return null;
  }
}
