import { describe, expect, it } from 'vitest';
import {
  filterEvents,
  initialAnnounceState,
  nextAnnouncement,
  presentSources,
} from '../../src/lib/sandbox-view/event-filter.ts';
import { event } from './world-fixture.ts';

const events = [
  event(1, { source: 'learner', level: 'info' }),
  event(2, { source: 'docker', level: 'error', message: 'orders exited (137)' }),
  event(3, { source: 'scenario', level: 'warning' }),
  event(4, { source: 'docker', level: 'info' }),
];

describe('event log filters', () => {
  it('lists newest first, filtered by source and level, up to a limit', () => {
    expect(filterEvents(events, { sources: [], levels: [] }).map((e) => e.id)).toEqual([
      4, 3, 2, 1,
    ]);
    expect(filterEvents(events, { sources: ['docker'], levels: [] }).map((e) => e.id)).toEqual([
      4, 2,
    ]);
    expect(
      filterEvents(events, { sources: [], levels: ['error', 'warning'] }).map((e) => e.id),
    ).toEqual([3, 2]);
    expect(filterEvents(events, { sources: [], levels: [] }, 2).map((e) => e.id)).toEqual([4, 3]);
  });

  it('offers only the sources present, in a stable order', () => {
    expect(presentSources(events)).toEqual(['learner', 'scenario', 'docker']);
  });
});

describe('announcement throttle', () => {
  it('announces one important event, then folds a burst into one sentence after the interval', () => {
    let state = initialAnnounceState(0);
    let out = nextAnnouncement(state, events.slice(0, 2), 1000);
    expect(out.message).toBe('Error: orders exited (137)');
    state = out.state;

    const burst = [...events, event(5, { level: 'error', message: 'cart exited (1)' })];
    out = nextAnnouncement(state, burst, 2000);
    expect(out.message).toBeNull();
    state = out.state;
    out = nextAnnouncement(state, burst, 5000);
    expect(out.message).toBe('2 new alerts. Latest, error: cart exited (1)');
    out = nextAnnouncement(out.state, burst, 20000);
    expect(out.message).toBeNull();
  });

  it('does not announce info events from the services', () => {
    const out = nextAnnouncement(initialAnnounceState(0), [event(1), event(2)], 10_000);
    expect(out.message).toBeNull();
    expect(out.state.lastSeenId).toBe(2);
  });

  it('sees but does not announce events told elsewhere (a finished run, in its own words)', () => {
    const run = event(2, {
      source: 'pipeline',
      level: 'error',
      message: 'Run #1 of deploy completed: failure (24 s, approx)',
      subject: 'run/1',
    });
    const told = (e: { subject?: string }) => e.subject === 'run/1';
    let out = nextAnnouncement(initialAnnounceState(0), [event(1), run], 10_000, undefined, told);
    expect(out.message).toBeNull();
    expect(out.state).toEqual({ ...initialAnnounceState(2) });
    out = nextAnnouncement(
      initialAnnounceState(0),
      [run, event(3, { level: 'warning', message: 'web is unhealthy' })],
      10_000,
      undefined,
      told,
    );
    expect(out.message).toBe('Warning: web is unhealthy');
  });
});
