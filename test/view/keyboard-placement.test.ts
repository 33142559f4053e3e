import { describe, expect, it } from 'vitest';
import {
  idlePlacement,
  keyToPlacementEvent,
  placementStep,
  type PlacementState,
} from '../../src/lib/sandbox-view/keyboard-placement.ts';

const hosts = [
  { id: 'i-a', label: 'host-a, 2 vCPU free' },
  { id: 'i-b', label: 'host-b, 1 vCPU free' },
  { id: 'i-c', label: 'host-c, 0.5 vCPU free' },
];

describe('keyboard placement', () => {
  it('picks a chip, moves with arrows (wrapping), and places with Enter', () => {
    let step = placementStep(
      idlePlacement,
      { type: 'pick', chipId: 'c1', chipName: 'orders' },
      hosts,
    );
    expect(step.announcement).toBe(
      'Picked up orders. Arrow keys choose a host, Enter places, Escape cancels. Host 1 of 3: host-a, 2 vCPU free.',
    );
    step = placementStep(step.state, { type: 'move', delta: -1 }, hosts);
    expect(step.announcement).toBe('Host 3 of 3: host-c, 0.5 vCPU free.');
    step = placementStep(step.state, { type: 'move', delta: 1 }, hosts);
    step = placementStep(step.state, { type: 'move', delta: 1 }, hosts);
    expect(step.announcement).toBe('Host 2 of 3: host-b, 1 vCPU free.');
    step = placementStep(step.state, { type: 'confirm' }, hosts);
    expect(step.place).toEqual({ containerId: 'c1', hostId: 'i-b' });
    expect(step.state).toEqual(idlePlacement);
  });

  it('cancels with Escape and says so', () => {
    const carrying: PlacementState = {
      mode: 'carrying',
      chipId: 'c1',
      chipName: 'orders',
      targetIndex: 1,
    };
    const step = placementStep(carrying, { type: 'cancel' }, hosts);
    expect(step).toEqual({
      state: idlePlacement,
      announcement: 'Placement of orders cancelled.',
      place: null,
    });
  });

  it('jumps to the first and last host with Home and End', () => {
    const start = placementStep(idlePlacement, { type: 'pick', chipId: 'c', chipName: 'x' }, hosts);
    expect(placementStep(start.state, { type: 'last' }, hosts).state).toMatchObject({
      targetIndex: 2,
    });
    expect(placementStep(start.state, { type: 'first' }, hosts).state).toMatchObject({
      targetIndex: 0,
    });
  });

  it('refuses to pick up when there is no host and tells the learner what to do', () => {
    const step = placementStep(idlePlacement, { type: 'pick', chipId: 'c', chipName: 'cart' }, []);
    expect(step.state).toEqual(idlePlacement);
    expect(step.announcement).toBe('No running host to place cart on. Launch an instance first.');
  });

  it('cancels cleanly when the hosts vanished while carrying', () => {
    const carrying: PlacementState = {
      mode: 'carrying',
      chipId: 'c',
      chipName: 'cart',
      targetIndex: 2,
    };
    const step = placementStep(carrying, { type: 'confirm' }, []);
    expect(step.place).toBeNull();
    expect(step.announcement).toBe('No host to place cart on. Placement cancelled.');
  });

  it('ignores moves, confirms and cancels while idle', () => {
    for (const event of [
      { type: 'move', delta: 1 },
      { type: 'confirm' },
      { type: 'cancel' },
    ] as const) {
      expect(placementStep(idlePlacement, event, hosts)).toEqual({
        state: idlePlacement,
        announcement: null,
        place: null,
      });
    }
  });

  it('maps keys to events', () => {
    expect(keyToPlacementEvent('ArrowRight')).toEqual({ type: 'move', delta: 1 });
    expect(keyToPlacementEvent('ArrowUp')).toEqual({ type: 'move', delta: -1 });
    expect(keyToPlacementEvent('Enter')).toEqual({ type: 'confirm' });
    expect(keyToPlacementEvent('Escape')).toEqual({ type: 'cancel' });
    expect(keyToPlacementEvent('a')).toBeNull();
  });
});
