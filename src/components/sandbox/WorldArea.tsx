/**
 * Reads the world, lays it out, and shows it as the AZ grid or, when the island is narrow
 * (a phone), as lists and tables with the same menus. The summary line states the world as text.
 */
import { useCallback, useEffect, useMemo, useState, type RefObject } from 'react';
import type { Instance } from '@sandbox';
import type { EntityRef } from '@lib/sandbox-view/entity-actions.ts';
import { layoutWorld, summariseLayout, type ChipView } from '@lib/sandbox-view/layout.ts';
import { isAllowed } from '@lib/sandbox-view/allowed-actions.ts';
import { ListView } from './ListView.tsx';
import { useSandboxUi, useWorldSlice } from './sandbox-context.ts';
import type { KeyboardPlacement } from './use-keyboard-placement.ts';
import { WorldView, type ViewHandlers } from './WorldView.tsx';

/** Below this island width the grid becomes a list (phones, ≤ 640 px screens). */
export const NARROW_WIDTH = 600;

function useNarrow(rootRef: RefObject<HTMLElement | null>): boolean {
  const [narrow, setNarrow] = useState(false);
  useEffect(() => {
    const root = rootRef.current;
    if (!root || typeof ResizeObserver === 'undefined') return undefined;
    const observer = new ResizeObserver((entries) => {
      const width = entries[0]?.contentRect.width ?? root.clientWidth;
      setNarrow(width < NARROW_WIDTH);
    });
    observer.observe(root);
    return () => observer.disconnect();
  }, [rootRef]);
  return narrow;
}

interface Props {
  rootRef: RefObject<HTMLElement | null>;
  placement: KeyboardPlacement;
  openMenu: (ref: EntityRef, name: string, anchor: HTMLElement) => void;
}

export function WorldArea({ rootRef, placement, openMenu }: Props) {
  const { store, scenario, act } = useSandboxUi();
  const world = useWorldSlice(store, (w) => w);
  const layout = useMemo(() => layoutWorld(world), [world]);
  const summary = useMemo(() => summariseLayout(layout), [layout]);
  const narrow = useNarrow(rootRef);
  // The Fargate lane appears where Fargate is in play: a Fargate task, or a task definition for it.
  const showFargate =
    layout.fargate.length > 0 ||
    Object.values(world.ecs.taskDefinitions).some((td) =>
      td.requiresCompatibilities.includes('FARGATE'),
    );

  const onOpenChip = useCallback(
    (chip: ChipView, anchor: HTMLElement) =>
      openMenu({ kind: chip.kind, id: chip.id }, chip.name, anchor),
    [openMenu],
  );
  const onOpenHost = useCallback(
    (instance: Instance, anchor: HTMLElement) =>
      openMenu({ kind: 'instance', id: instance.id }, instance.name ?? instance.id, anchor),
    [openMenu],
  );
  const onDropContainer = useCallback(
    (containerId: string, hostId: string) => {
      act({ type: 'docker.container.place', containerId, hostId });
    },
    [act],
  );
  const carryingId = placement.state.mode === 'carrying' ? placement.state.chipId : null;
  const handlers = useMemo<ViewHandlers>(
    () => ({
      carryingId,
      targetHostId: placement.targetHostId,
      canPlace: isAllowed(scenario, 'docker.container.place'),
      onOpenChip,
      onOpenHost,
      onDropContainer,
    }),
    [carryingId, placement.targetHostId, scenario, onOpenChip, onOpenHost, onDropContainer],
  );

  return (
    <div className="sbx-world-area">
      <p className="sbx-summary">{summary}</p>
      {narrow ? (
        <ListView layout={layout} handlers={handlers} showFargate={showFargate} />
      ) : (
        <WorldView layout={layout} handlers={handlers} showFargate={showFargate} />
      )}
    </div>
  );
}
