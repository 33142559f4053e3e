/** One EC2 instance: header (type, id, state, agent badge), CPU/memory bars, its chips; a drop target. */
import { memo, useState, type DragEvent } from 'react';
import type { ContainerInstance, Instance } from '@sandbox';
import type { ChipView, HostView } from '@lib/sandbox-view/layout.ts';
import { Chip, DRAG_TYPE, sameChips } from './Chip.tsx';
import { UsageBar } from './UsageBar.tsx';

interface Props {
  host: HostView;
  isTarget: boolean;
  carryingId: string | null;
  canPlace: boolean;
  onOpenChip: (chip: ChipView, anchor: HTMLElement) => void;
  onOpenHost: (instance: Instance, anchor: HTMLElement) => void;
  onDropContainer: (containerId: string, hostId: string) => void;
}

export function hostLabel(instance: Instance): string {
  return instance.name ? `${instance.name} (${instance.id})` : instance.id;
}

function agentBadge(
  instance: Instance,
  agent: ContainerInstance | null,
): { text: string; tone: string } | null {
  // An EKS-AMI instance shows here only until it registers as a node (then the cluster draws it).
  if (instance.bootstrap === 'eks') return { text: 'EKS AMI: not a node yet', tone: 'pending' };
  if (instance.bootstrap !== 'ecs') return { text: 'Docker only', tone: 'neutral' };
  if (!agent) return { text: 'ECS agent: starting', tone: 'pending' };
  if (!agent.connected) return { text: 'ECS agent: disconnected', tone: 'failed' };
  // The sandbox's joining phase: most real accounts never show a REGISTERING status (aws-facts §1.1).
  if (agent.status === 'REGISTERING') return { text: 'ECS agent: registering', tone: 'pending' };
  return {
    text: `ECS agent: ${agent.status}`,
    tone: agent.status === 'ACTIVE' ? 'ok' : 'pending',
  };
}

const STATE_TONE: Record<Instance['state'], string> = {
  pending: 'pending',
  running: 'ok',
  stopping: 'stopping',
  stopped: 'stopped',
  'shutting-down': 'stopping',
  terminated: 'stopped',
};

function HostCardImpl({
  host,
  isTarget,
  carryingId,
  canPlace,
  onOpenChip,
  onOpenHost,
  onDropContainer,
}: Props) {
  const { instance } = host;
  const [dragOver, setDragOver] = useState(false);
  const badge = agentBadge(instance, host.containerInstance);
  const droppable = canPlace && host.accepting;
  const onDragOver = (event: DragEvent<HTMLElement>) => {
    if (!droppable || !event.dataTransfer.types.includes(DRAG_TYPE)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'move';
    setDragOver(true);
  };
  const onDrop = (event: DragEvent<HTMLElement>) => {
    setDragOver(false);
    const id = event.dataTransfer.getData(DRAG_TYPE);
    if (!id) return;
    event.preventDefault();
    onDropContainer(id, instance.id);
  };
  const name = hostLabel(instance);
  return (
    <section
      role="group"
      className={`sbx-host${isTarget ? ' sbx-target' : ''}${dragOver ? ' sbx-dragover' : ''}${host.accepting ? '' : ' sbx-host-off'}`}
      aria-label={`${instance.type} ${name}, ${instance.state}`}
      data-host-id={instance.id}
      tabIndex={isTarget ? -1 : undefined}
      onDragOver={onDragOver}
      onDragLeave={() => setDragOver(false)}
      onDrop={onDrop}
    >
      <header className="sbx-host-head">
        <button
          type="button"
          className="sbx-host-title"
          aria-haspopup="menu"
          onClick={(event) => onOpenHost(instance, event.currentTarget)}
          onContextMenu={(event) => {
            event.preventDefault();
            onOpenHost(instance, event.currentTarget);
          }}
        >
          <span className="sbx-host-type">{instance.type}</span>{' '}
          <span className="sbx-host-id sbx-mono">{instance.name ?? instance.id}</span>
        </button>
        <span className={`sbx-badge sbx-tone-${STATE_TONE[instance.state]}`}>{instance.state}</span>
      </header>
      {badge ? (
        <span className={`sbx-badge sbx-badge-agent sbx-tone-${badge.tone}`}>{badge.text}</span>
      ) : null}
      {!instance.reachable ? <span className="sbx-badge sbx-tone-failed">unreachable</span> : null}
      <UsageBar kind="cpu" used={host.cpuUsed} total={instance.cpuUnits} />
      <UsageBar kind="memory" used={host.memoryUsed} total={instance.memoryMiB} />
      {host.chips.length > 0 ? (
        <ul className="sbx-chips" aria-label={`On ${name}`}>
          {host.chips.map((chip) => (
            <li key={chip.id}>
              <Chip
                chip={chip}
                draggable={false}
                carrying={chip.id === carryingId}
                onOpen={onOpenChip}
              />
            </li>
          ))}
        </ul>
      ) : (
        <p className="sbx-empty">
          {host.accepting ? 'Nothing running here yet.' : 'Not accepting work.'}
        </p>
      )}
      {isTarget ? (
        <p className="sbx-drop-hint" aria-hidden="true">
          Enter to place here · Esc to cancel
        </p>
      ) : null}
    </section>
  );
}

function sameInstance(a: Instance, b: Instance): boolean {
  return (
    a === b ||
    (a.state === b.state &&
      a.type === b.type &&
      a.name === b.name &&
      a.reachable === b.reachable &&
      a.cpuUnits === b.cpuUnits &&
      a.memoryMiB === b.memoryMiB)
  );
}

function sameAgent(a: ContainerInstance | null, b: ContainerInstance | null): boolean {
  return a === b || (a?.status === b?.status && a?.connected === b?.connected);
}

export const HostCard = memo(
  HostCardImpl,
  (prev, next) =>
    sameInstance(prev.host.instance, next.host.instance) &&
    sameAgent(prev.host.containerInstance, next.host.containerInstance) &&
    prev.host.accepting === next.host.accepting &&
    prev.host.cpuUsed === next.host.cpuUsed &&
    prev.host.memoryUsed === next.host.memoryUsed &&
    sameChips(prev.host.chips, next.host.chips) &&
    prev.isTarget === next.isTarget &&
    prev.carryingId === next.carryingId &&
    prev.canPlace === next.canPlace &&
    prev.onOpenChip === next.onOpenChip &&
    prev.onOpenHost === next.onOpenHost &&
    prev.onDropContainer === next.onDropContainer,
);
