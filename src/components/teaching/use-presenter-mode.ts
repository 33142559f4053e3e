/** Whether this island is the one presenter mode projects, and a way to ask for it. */
import { useCallback, useEffect, useState, type RefObject } from 'react';
import { PRESENTED_ATTR, PRESENTING, PRESENT_TOGGLE } from '@lib/teaching/presenter-events.ts';

export function usePresenterMode(
  rootRef: RefObject<HTMLElement | null>,
  /** Loads the engine: the instructor window drives a live actor. */
  wake: () => Promise<unknown>,
): { presenting: boolean; toggle: () => void } {
  const [presenting, setPresenting] = useState(false);

  useEffect(() => {
    const block = rootRef.current?.closest('.sbx-block');
    if (!block) return undefined;
    setPresenting(block.hasAttribute(PRESENTED_ATTR));
    const listener = (event: Event) =>
      setPresenting(Boolean((event as CustomEvent<{ on: boolean }>).detail.on));
    block.addEventListener(PRESENTING, listener);
    return () => block.removeEventListener(PRESENTING, listener);
  }, [rootRef]);

  useEffect(() => {
    // A failure to load is shown by the island itself.
    if (presenting) wake().catch(() => undefined);
  }, [presenting, wake]);

  const toggle = useCallback(() => {
    rootRef.current?.dispatchEvent(new CustomEvent(PRESENT_TOGGLE, { bubbles: true }));
  }, [rootRef]);

  return { presenting, toggle };
}
