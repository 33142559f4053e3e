/**
 * An ARIA tab list: arrow keys move between tabs, only the selected panel is rendered; a panel
 * whose code does not arrive says so in its place.
 */
import { useRef, type KeyboardEvent, type ReactNode } from 'react';
import { LoadBoundary } from './load-boundary.tsx';

export interface TabSpec {
  id: string;
  label: string;
  badge?: string;
  render: () => ReactNode;
}

interface Props {
  idPrefix: string;
  label: string;
  tabs: readonly TabSpec[];
  selected: string;
  onSelect: (id: string) => void;
}

export function Tabs({ idPrefix, label, tabs, selected, onSelect }: Props) {
  const listRef = useRef<HTMLDivElement>(null);
  const current = tabs.find((tab) => tab.id === selected) ?? tabs[0];
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = tabs.findIndex((tab) => tab.id === current?.id);
    let next = -1;
    if (event.key === 'ArrowRight') next = (index + 1) % tabs.length;
    else if (event.key === 'ArrowLeft') next = (index - 1 + tabs.length) % tabs.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = tabs.length - 1;
    const tab = tabs[next];
    if (!tab) return;
    event.preventDefault();
    onSelect(tab.id);
    listRef.current
      ?.querySelector<HTMLElement>(`#${CSS.escape(`${idPrefix}-tab-${tab.id}`)}`)
      ?.focus();
  };
  return (
    <div className="sbx-tabs">
      <div
        ref={listRef}
        role="tablist"
        aria-label={label}
        className="sbx-tablist"
        onKeyDown={onKeyDown}
      >
        {tabs.map((tab) => {
          const active = tab.id === current?.id;
          return (
            <button
              key={tab.id}
              id={`${idPrefix}-tab-${tab.id}`}
              type="button"
              role="tab"
              aria-selected={active}
              aria-controls={`${idPrefix}-panel-${tab.id}`}
              tabIndex={active ? 0 : -1}
              onClick={() => onSelect(tab.id)}
            >
              {tab.label}
              {tab.badge ? <span className="sbx-tab-badge">{tab.badge}</span> : null}
            </button>
          );
        })}
      </div>
      {current ? (
        <div
          id={`${idPrefix}-panel-${current.id}`}
          role="tabpanel"
          aria-labelledby={`${idPrefix}-tab-${current.id}`}
          tabIndex={0}
          className="sbx-tabpanel"
        >
          <LoadBoundary key={current.id} what={`The ${current.label} panel`}>
            {current.render()}
          </LoadBoundary>
        </div>
      ) : null}
    </div>
  );
}
