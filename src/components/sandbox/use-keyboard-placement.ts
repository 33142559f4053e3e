/**
 * Keyboard placement wired to the DOM: the pure state machine decides, this hook moves focus
 * to the target host, announces each step, and sends `docker.container.place` on Enter.
 */
import {
  useCallback,
  useEffect,
  useRef,
  useState,
  type KeyboardEvent,
  type RefObject,
} from 'react';
import type { Action, ActionResult, World } from '@sandbox';
import { instanceUsage } from '@sandbox/view.ts';
import { formatMemory, formatVcpu } from '@lib/sandbox-view/format.ts';
import { isAccepting, isInstanceVisible } from '@lib/sandbox-view/layout.ts';
import {
  idlePlacement,
  keyToPlacementEvent,
  placementStep,
  type PlacementEvent,
  type PlacementState,
  type PlacementTarget,
} from '@lib/sandbox-view/keyboard-placement.ts';
import type { SandboxStore } from './use-engine.ts';

/** Running hosts, AZ by AZ then by launch time (the view's reading order), with free capacity. */
export function placementTargets(world: World): PlacementTarget[] {
  return Object.values(world.ec2.instances)
    .filter((i) => isInstanceVisible(i) && isAccepting(i, world))
    .sort(
      (a, b) =>
        world.azs.indexOf(a.az) - world.azs.indexOf(b.az) ||
        a.launchedAt - b.launchedAt ||
        (a.id < b.id ? -1 : 1),
    )
    .map((i) => ({
      id: i.id,
      label: `${i.name ?? i.id}, ${i.type} in ${i.az}, ${formatVcpu(i.cpuUnits - (instanceUsage(world, i.id)?.cpuReserved ?? 0))} and ${formatMemory(i.memoryMiB - (instanceUsage(world, i.id)?.memoryReserved ?? 0))} free`,
    }));
}

export interface KeyboardPlacement {
  state: PlacementState;
  targetHostId: string | null;
  pickUp: (containerId: string, name: string) => void;
  onKeyDown: (event: KeyboardEvent<HTMLElement>) => void;
  cancel: () => void;
}

export function useKeyboardPlacement(
  store: SandboxStore,
  rootRef: RefObject<HTMLElement | null>,
  act: (action: Action) => ActionResult | null,
  announce: (message: string) => void,
): KeyboardPlacement {
  const [state, setState] = useState<PlacementState>(idlePlacement);
  const [targetHostId, setTargetHostId] = useState<string | null>(null);
  const stateRef = useRef(state);
  stateRef.current = state;
  const returnFocusTo = useRef<string | null>(null);

  const run = useCallback(
    (event: PlacementEvent) => {
      const targets = placementTargets(store.getSnapshot().context.world);
      const step = placementStep(stateRef.current, event, targets);
      stateRef.current = step.state;
      setState(step.state);
      setTargetHostId(
        step.state.mode === 'carrying' ? (targets[step.state.targetIndex]?.id ?? null) : null,
      );
      if (step.announcement) announce(step.announcement);
      if (step.place) {
        returnFocusTo.current = step.place.containerId;
        act({ type: 'docker.container.place', ...step.place });
      }
      return step;
    },
    [store, act, announce],
  );

  // Focus follows the target host while carrying, and returns to the chip afterwards.
  useEffect(() => {
    const root = rootRef.current;
    if (!root) return;
    if (targetHostId) {
      root.querySelector<HTMLElement>(`[data-host-id="${CSS.escape(targetHostId)}"]`)?.focus();
    } else if (returnFocusTo.current) {
      const chip = root.querySelector<HTMLElement>(
        `[data-chip-id="${CSS.escape(returnFocusTo.current)}"]`,
      );
      (chip ?? root.querySelector<HTMLElement>('.sbx-tray h4'))?.focus();
      returnFocusTo.current = null;
    }
  }, [targetHostId, rootRef]);

  const pickUp = useCallback(
    (containerId: string, name: string) => {
      returnFocusTo.current = containerId;
      run({ type: 'pick', chipId: containerId, chipName: name });
    },
    [run],
  );

  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLElement>) => {
      if (stateRef.current.mode !== 'carrying') return;
      if (event.key === 'Tab') {
        // Let focus go where the learner tabs to.
        returnFocusTo.current = null;
        run({ type: 'cancel' });
        return;
      }
      const placementEvent = keyToPlacementEvent(event.key);
      if (!placementEvent) return;
      event.preventDefault();
      event.stopPropagation();
      run(placementEvent);
    },
    [run],
  );

  const cancel = useCallback(() => {
    if (stateRef.current.mode === 'carrying') run({ type: 'cancel' });
  }, [run]);

  return { state, targetHostId, pickUp, onKeyDown, cancel };
}
