/** The phone layout: the same world as headed lists and tables, with the same action menus. */
import type { WorldLayout } from '@lib/sandbox-view/layout.ts';
import { formatUsage } from '@lib/sandbox-view/format.ts';
import { TONE_ICON } from './Chip.tsx';
import { hostLabel } from './HostCard.tsx';
import { Tray, type ViewHandlers } from './WorldView.tsx';
import type { ChipView } from '@lib/sandbox-view/layout.ts';

function ChipRows({
  chips,
  onOpenChip,
}: {
  chips: ChipView[];
  onOpenChip: ViewHandlers['onOpenChip'];
}) {
  return (
    <table className="sbx-table">
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">State</th>
          <th scope="col">
            <span className="sbx-visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {chips.map((chip) => (
          <tr key={chip.id} className={`sbx-tone-${chip.tone}`}>
            <td>{chip.name}</td>
            <td>
              <span aria-hidden="true">{TONE_ICON[chip.tone]} </span>
              {chip.status}
            </td>
            <td>
              <button
                type="button"
                className="sbx-btn sbx-btn-small"
                aria-haspopup="menu"
                aria-label={`Actions for ${chip.name} (${chip.status})`}
                data-chip-id={chip.id}
                onClick={(event) => onOpenChip(chip, event.currentTarget)}
              >
                Actions
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function ListView({
  layout,
  handlers,
  showFargate,
}: {
  layout: WorldLayout;
  handlers: ViewHandlers;
  showFargate: boolean;
}) {
  return (
    <div className="sbx-list">
      {layout.azs.map((az) => (
        <section
          role="group"
          key={az.az}
          className="sbx-list-az"
          aria-label={`Availability Zone ${az.az}${az.down ? ', outage' : ''}`}
        >
          <h4>
            <span className="sbx-mono">{az.az}</span>
            {az.down ? <span className="sbx-badge sbx-tone-failed">✕ outage</span> : null}
            <span className="sbx-muted">
              {' '}
              · {az.hosts.length} instance{az.hosts.length === 1 ? '' : 's'}
            </span>
          </h4>
          {az.hosts.map((host) => {
            const { instance } = host;
            const target = handlers.targetHostId === host.id;
            return (
              <section
                role="group"
                key={host.id}
                className={`sbx-list-host${target ? ' sbx-target' : ''}`}
                aria-label={`${instance.type} ${hostLabel(instance)}, ${instance.state}`}
                data-host-id={host.id}
                tabIndex={target ? -1 : undefined}
              >
                <p className="sbx-list-host-head">
                  <button
                    type="button"
                    className="sbx-host-title"
                    aria-haspopup="menu"
                    onClick={(event) => handlers.onOpenHost(instance, event.currentTarget)}
                  >
                    <span className="sbx-host-type">{instance.type}</span>{' '}
                    <span className="sbx-mono">{instance.name ?? instance.id}</span>
                  </button>{' '}
                  <span className="sbx-badge">{instance.state}</span>
                </p>
                <p className="sbx-list-usage sbx-mono">
                  CPU {formatUsage('cpu', host.cpuUsed, instance.cpuUnits)} · Memory{' '}
                  {formatUsage('memory', host.memoryUsed, instance.memoryMiB)}
                </p>
                {host.chips.length > 0 ? (
                  <ChipRows chips={host.chips} onOpenChip={handlers.onOpenChip} />
                ) : null}
                {target ? (
                  <p className="sbx-drop-hint">Enter to place here · Esc to cancel</p>
                ) : null}
              </section>
            );
          })}
        </section>
      ))}
      <Tray
        chips={layout.unplaced}
        canPlace={handlers.canPlace}
        carryingId={handlers.carryingId}
        onOpenChip={handlers.onOpenChip}
      />
      {showFargate && layout.fargate.length > 0 ? (
        <section role="group" aria-label="Fargate">
          <h4>AWS Fargate</h4>
          <ChipRows chips={layout.fargate} onOpenChip={handlers.onOpenChip} />
        </section>
      ) : null}
    </div>
  );
}
