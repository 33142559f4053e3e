/** The context menu for a chip, host or service: an accessible menu button popup. */
import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';

const MENU_WIDTH = 240;
import type { MenuItem } from '@lib/sandbox-view/entity-actions.ts';

export interface OpenMenu {
  title: string;
  items: MenuItem[];
  anchor: HTMLElement;
}

interface Props {
  menu: OpenMenu;
  onChoose: (item: MenuItem) => void;
  onClose: (restoreFocus: boolean) => void;
}

export function EntityMenu({ menu, onChoose, onClose }: Props) {
  const listRef = useRef<HTMLUListElement>(null);
  // Placed under its opener (above it near the bottom of the window). Computed on first render so
  // the menu is visible, and focusable, at once; it follows the opener when the page scrolls.
  const place = useCallback(() => {
    const rect = menu.anchor.getBoundingClientRect();
    const left = Math.max(8, Math.min(rect.left, window.innerWidth - MENU_WIDTH - 8));
    const below = rect.bottom + 4;
    const height = 40 * menu.items.length + 8;
    const top = below + height > window.innerHeight ? Math.max(8, rect.top - height - 4) : below;
    return { top, left };
  }, [menu.anchor, menu.items.length]);
  const [position, setPosition] = useState(place);

  useEffect(() => {
    listRef.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
  }, []);

  useEffect(() => {
    const onPointer = (event: PointerEvent) => {
      if (!listRef.current?.contains(event.target as Node)) onClose(false);
    };
    const follow = () => setPosition(place());
    document.addEventListener('pointerdown', onPointer, true);
    window.addEventListener('scroll', follow, { passive: true });
    window.addEventListener('resize', follow, { passive: true });
    return () => {
      document.removeEventListener('pointerdown', onPointer, true);
      window.removeEventListener('scroll', follow);
      window.removeEventListener('resize', follow);
    };
  }, [onClose, place]);

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const items = [...(listRef.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const index = items.indexOf(document.activeElement as HTMLElement);
    const focus = (i: number) => items[(i + items.length) % items.length]?.focus();
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        focus(index + 1);
        break;
      case 'ArrowUp':
        event.preventDefault();
        focus(index - 1);
        break;
      case 'Home':
        event.preventDefault();
        focus(0);
        break;
      case 'End':
        event.preventDefault();
        focus(items.length - 1);
        break;
      case 'Escape':
        event.preventDefault();
        onClose(true);
        break;
      case 'Tab':
        onClose(true);
        break;
    }
  };

  return (
    <ul
      ref={listRef}
      className="sbx-menu"
      role="menu"
      aria-label={menu.title}
      style={{ top: position.top, left: position.left }}
      onKeyDown={onKeyDown}
    >
      {menu.items.map((item) => (
        <li key={item.label} role="none">
          <button
            type="button"
            role="menuitem"
            tabIndex={-1}
            className={item.kind === 'action' && item.fault ? 'sbx-menu-fault' : undefined}
            onClick={() => onChoose(item)}
          >
            {item.label}
          </button>
        </li>
      ))}
    </ul>
  );
}
