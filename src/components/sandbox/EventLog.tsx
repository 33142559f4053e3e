/** The event log: newest first, filters by source and level, real commands with a copy button. */
import { memo, useMemo, useState } from 'react';
import type { EventLevel, EventSource, SimEvent } from '@sandbox';
import { EVENT_LEVELS, filterEvents, presentSources } from '@lib/sandbox-view/event-filter.ts';
import { formatClock } from '@lib/sandbox-view/format.ts';
import { useSandboxUi, useWorldSlice } from './sandbox-context.ts';
import { WhyEvent } from './WhyChain.tsx';

const LEVEL_ICON: Record<EventLevel, string> = { info: 'ℹ', warning: '⚠', error: '✕' };

function CopyButton({ text }: { text: string }) {
  const [copied, setCopied] = useState(false);
  const copy = () => {
    void navigator.clipboard
      ?.writeText(text)
      .then(() => setCopied(true))
      .catch(() => setCopied(false));
  };
  return (
    <button
      type="button"
      className="sbx-btn sbx-btn-small"
      onClick={copy}
      aria-label={copied ? 'Command copied' : 'Copy command'}
    >
      {copied ? 'Copied' : 'Copy'}
    </button>
  );
}

const EventRow = memo(function EventRow({ event }: { event: SimEvent }) {
  return (
    <li className={`sbx-event sbx-level-${event.level}`}>
      <span className="sbx-event-time sbx-mono">{formatClock(event.time)}</span>
      <span className="sbx-event-level">
        <span aria-hidden="true">{LEVEL_ICON[event.level]} </span>
        {event.level}
      </span>
      <span className="sbx-event-source">{event.source}</span>
      <span className="sbx-event-message">{event.message}</span>
      {event.command ? (
        <span className="sbx-event-command">
          <code>{event.command}</code>
          <CopyButton text={event.command} />
        </span>
      ) : null}
      <span className="sbx-event-why">
        <WhyEvent
          eventId={event.id}
          label={`${formatClock(event.time)} ${event.source}: ${event.message.slice(0, 80)}`}
        />
      </span>
    </li>
  );
});

export function EventLog() {
  const { store, idPrefix } = useSandboxUi();
  const events = useWorldSlice(store, (w) => w.events);
  const [sources, setSources] = useState<EventSource[]>([]);
  const [levels, setLevels] = useState<EventLevel[]>([]);
  const shown = useMemo(
    () => filterEvents(events, { sources, levels }, 200),
    [events, sources, levels],
  );
  const available = useMemo(() => presentSources(events), [events]);
  const toggle = <T,>(list: T[], value: T) =>
    list.includes(value) ? list.filter((v) => v !== value) : [...list, value];

  return (
    <div className="sbx-log">
      <fieldset className="sbx-filter">
        <legend>Source</legend>
        {available.map((source) => (
          <label key={source}>
            <input
              type="checkbox"
              checked={sources.includes(source)}
              onChange={() => setSources((s) => toggle(s, source))}
            />
            {source}
          </label>
        ))}
      </fieldset>
      <fieldset className="sbx-filter">
        <legend>Level</legend>
        {EVENT_LEVELS.map((level) => (
          <label key={level}>
            <input
              type="checkbox"
              checked={levels.includes(level)}
              onChange={() => setLevels((l) => toggle(l, level))}
            />
            {level}
          </label>
        ))}
      </fieldset>
      <p id={`${idPrefix}-log-count`} className="sbx-muted">
        {sources.length || levels.length ? `${shown.length} matching` : `${events.length} events`},
        newest first
        {shown.length === 200 ? ' (latest 200 shown)' : ''}.
      </p>
      <ol className="sbx-events" aria-labelledby={`${idPrefix}-log-count`}>
        {shown.map((event) => (
          <EventRow key={event.id} event={event} />
        ))}
      </ol>
    </div>
  );
}
