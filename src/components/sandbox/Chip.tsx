/** A container or task on a host, in the tray or in a Fargate micro-VM: name, icon and state text. */
import { memo, type DragEvent, type KeyboardEvent, type MouseEvent } from 'react';
import type { ChipTone, ChipView } from '@lib/sandbox-view/layout.ts';
import { shortId } from '@lib/sandbox-view/format.ts';

/** The drag-and-drop type carrying a container id from the tray to a host card. */
export const DRAG_TYPE = 'application/x-shipyard-container';

export const TONE_ICON: Record<ChipTone, string> = {
  ok: '●',
  pending: '◌',
  stopping: '◐',
  stopped: '■',
  failed: '✕',
};

export const TONE_WORD: Record<ChipTone, string> = {
  ok: 'running',
  pending: 'starting',
  stopping: 'stopping',
  stopped: 'stopped',
  failed: 'failed',
};

interface Props {
  chip: ChipView;
  draggable: boolean;
  carrying: boolean;
  onOpen: (chip: ChipView, anchor: HTMLElement) => void;
}

function ChipImpl({ chip, draggable, carrying, onOpen }: Props) {
  const open = (event: MouseEvent<HTMLButtonElement>) => onOpen(chip, event.currentTarget);
  const onContextMenu = (event: MouseEvent<HTMLButtonElement>) => {
    event.preventDefault();
    onOpen(chip, event.currentTarget);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (event.key === 'ContextMenu' || (event.shiftKey && event.key === 'F10')) {
      event.preventDefault();
      onOpen(chip, event.currentTarget);
    }
  };
  const onDragStart = (event: DragEvent<HTMLButtonElement>) => {
    event.dataTransfer.setData(DRAG_TYPE, chip.id);
    event.dataTransfer.setData('text/plain', chip.name);
    event.dataTransfer.effectAllowed = 'move';
  };
  return (
    <button
      type="button"
      className={`sbx-chip sbx-tone-${chip.tone}${carrying ? ' sbx-carrying' : ''}`}
      aria-haspopup="menu"
      data-chip-id={chip.id}
      title={chip.kind === 'task' ? `Task ${shortId(chip.id)}` : undefined}
      draggable={draggable}
      onDragStart={draggable ? onDragStart : undefined}
      onClick={open}
      onContextMenu={onContextMenu}
      onKeyDown={onKeyDown}
    >
      <span className="sbx-chip-icon" aria-hidden="true">
        {TONE_ICON[chip.tone]}
      </span>
      <span className="sbx-chip-name">{chip.name}</span>{' '}
      <span className="sbx-chip-status">{chip.status}</span>
    </button>
  );
}

function sameChip(a: ChipView, b: ChipView): boolean {
  return (
    a.id === b.id &&
    a.status === b.status &&
    a.tone === b.tone &&
    a.name === b.name &&
    a.hostId === b.hostId
  );
}

export const Chip = memo(
  ChipImpl,
  (prev, next) =>
    sameChip(prev.chip, next.chip) &&
    prev.draggable === next.draggable &&
    prev.carrying === next.carrying &&
    prev.onOpen === next.onOpen,
);

export function sameChips(a: readonly ChipView[], b: readonly ChipView[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (!x || !y || !sameChip(x, y)) return false;
  }
  return true;
}
