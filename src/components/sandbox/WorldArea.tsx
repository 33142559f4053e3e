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

/**
 * Whether the island is narrow, or null until its width is first measured. While it is null
 * both views are rendered and CSS shows the one that fits (a container query at the same
 * width), so the page served before hydration already has the right view and nothing moves
 * when the measurement arrives.
 */
function useNarrow(rootRef: RefObject<HTMLElement | null>): boolean | null {
  const [narrow, setNarrow] = useState<boolean | null>(null);
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

  // On EKS the cluster above draws its nodes; this area keeps only EC2 instances that are not
  // (yet) nodes, and says so in one line when there are none.
  if (
    scenario.orchestrator === 'eks' &&
    layout.hostOrder.length === 0 &&
    layout.unplaced.length === 0 &&
    layout.fargate.length === 0
  )
    return (
      <div className="sbx-world-area">
        <p className="sbx-summary">
          No other EC2 instances: the cluster&apos;s nodes are shown with the cluster.
        </p>
      </div>
    );
  return (
    <div className="sbx-world-area">
      <p className="sbx-summary">{summary}</p>
      {narrow !== false ? (
        <div className="sbx-view-list" data-unmeasured={narrow === null ? '' : undefined}>
          <ListView layout={layout} handlers={handlers} showFargate={showFargate} />
        </div>
      ) : null}
      {narrow !== true ? (
        <div className="sbx-view-grid" data-unmeasured={narrow === null ? '' : undefined}>
          <WorldView layout={layout} handlers={handlers} showFargate={showFargate} />
        </div>
      ) : null}
    </div>
  );
}
