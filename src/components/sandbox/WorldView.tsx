/** Region → AZ columns → instance cards, the unplaced tray and the Fargate lane. */
import { memo } from 'react';
import type { Instance } from '@sandbox';
import type { ChipView, WorldLayout } from '@lib/sandbox-view/layout.ts';
import { Chip, sameChips } from './Chip.tsx';
import { HostCard } from './HostCard.tsx';

export interface ViewHandlers {
  carryingId: string | null;
  targetHostId: string | null;
  canPlace: boolean;
  onOpenChip: (chip: ChipView, anchor: HTMLElement) => void;
  onOpenHost: (instance: Instance, anchor: HTMLElement) => void;
  onDropContainer: (containerId: string, hostId: string) => void;
}

export const Tray = memo(
  function Tray({
    chips,
    canPlace,
    carryingId,
    onOpenChip,
  }: { chips: ChipView[] } & Pick<ViewHandlers, 'canPlace' | 'carryingId' | 'onOpenChip'>) {
    return (
      <section role="group" className="sbx-tray" aria-label={`Unplaced, ${chips.length}`}>
        <h4 tabIndex={-1}>
          Unplaced <span className="sbx-count">{chips.length}</span>
        </h4>
        {chips.length === 0 ? (
          <p className="sbx-empty">Nothing waiting for a host.</p>
        ) : (
          <>
            {canPlace ? (
              <p className="sbx-hint">
                Drag a container onto a host, or open it and choose “Place on a host…”.
              </p>
            ) : null}
            <ul className="sbx-chips">
              {chips.map((chip) => (
                <li key={chip.id}>
                  <Chip
                    chip={chip}
                    draggable={canPlace && chip.kind === 'container'}
                    carrying={chip.id === carryingId}
                    onOpen={onOpenChip}
                  />
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
    );
  },
  (a, b) =>
    sameChips(a.chips, b.chips) &&
    a.canPlace === b.canPlace &&
    a.carryingId === b.carryingId &&
    a.onOpenChip === b.onOpenChip,
);

const FargateLane = memo(
  function FargateLane({
    chips,
    onOpenChip,
  }: {
    chips: ChipView[];
    onOpenChip: ViewHandlers['onOpenChip'];
  }) {
    return (
      <section role="group" className="sbx-fargate" aria-label={`Fargate, ${chips.length} tasks`}>
        <h4>
          AWS Fargate <span className="sbx-muted">· one micro-VM per task, managed by AWS</span>
        </h4>
        {chips.length === 0 ? (
          <p className="sbx-empty">No Fargate tasks.</p>
        ) : (
          <ul className="sbx-microvms">
            {chips.map((chip) => (
              <li key={chip.id} className="sbx-microvm">
                <span className="sbx-microvm-label" aria-hidden="true">
                  micro-VM
                </span>
                <Chip chip={chip} draggable={false} carrying={false} onOpen={onOpenChip} />
              </li>
            ))}
          </ul>
        )}
      </section>
    );
  },
  (a, b) => sameChips(a.chips, b.chips) && a.onOpenChip === b.onOpenChip,
);

export function WorldView({
  layout,
  handlers,
  showFargate,
}: {
  layout: WorldLayout;
  handlers: ViewHandlers;
  showFargate: boolean;
}) {
  return (
    <div className="sbx-world">
      <div className="sbx-region" role="group" aria-label={`Region ${layout.region}`}>
        <p className="sbx-region-label">
          <span className="sbx-region-word">Region</span>{' '}
          <span className="sbx-mono">{layout.region}</span>
        </p>
        <div
          className="sbx-azs"
          style={{
            gridTemplateColumns: `repeat(${Math.max(1, layout.azs.length)}, minmax(0, 1fr))`,
          }}
        >
          {layout.azs.map((az) => (
            <section
              role="group"
              key={az.az}
              className={`sbx-az${az.down ? ' sbx-az-down' : ''}`}
              aria-label={`Availability Zone ${az.az}${az.down ? ', outage' : ''}`}
            >
              <h4 className="sbx-az-title">
                <span className="sbx-mono">{az.az}</span>
                {az.down ? <span className="sbx-badge sbx-tone-failed">✕ outage</span> : null}
              </h4>
              {az.hosts.length === 0 ? <p className="sbx-empty">No instances.</p> : null}
              {az.hosts.map((host) => (
                <HostCard
                  key={host.id}
                  host={host}
                  isTarget={handlers.targetHostId === host.id}
                  carryingId={handlers.carryingId}
                  canPlace={handlers.canPlace}
                  onOpenChip={handlers.onOpenChip}
                  onOpenHost={handlers.onOpenHost}
                  onDropContainer={handlers.onDropContainer}
                />
              ))}
            </section>
          ))}
        </div>
      </div>
      <Tray
        chips={layout.unplaced}
        canPlace={handlers.canPlace}
        carryingId={handlers.carryingId}
        onOpenChip={handlers.onOpenChip}
      />
      {showFargate ? <FargateLane chips={layout.fargate} onOpenChip={handlers.onOpenChip} /> : null}
    </div>
  );
}
