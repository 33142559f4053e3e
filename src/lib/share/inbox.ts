/**
 * Hands a decoded link to the sandbox island it names. The island may not have hydrated yet
 * (islands hydrate when scrolled into view), so a delivery waits until the island listens.
 * Kept free of the codec so the island can import it without loading fflate.
 */
import type { LinkResult, SharedState } from './shared-state.ts';

export interface Delivery {
  state: SharedState;
  /** The island's answer: the rebuilt world's description, or why the link was refused. */
  reply: (result: LinkResult<string>) => void;
}

const waiting = new WeakMap<Element, Delivery>();
const listeners = new WeakMap<Element, (delivery: Delivery) => void>();

export function deliverState(block: Element, delivery: Delivery): void {
  const listener = listeners.get(block);
  if (listener) listener(delivery);
  else waiting.set(block, delivery);
}

/** Registers the island of `block`; a delivery that arrived first is handed over now. */
export function onStateDelivered(
  block: Element,
  listener: (delivery: Delivery) => void,
): () => void {
  listeners.set(block, listener);
  const early = waiting.get(block);
  if (early) {
    waiting.delete(block);
    listener(early);
  }
  return () => {
    if (listeners.get(block) === listener) listeners.delete(block);
  };
}
