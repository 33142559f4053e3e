import { useEffect, useState, type RefObject } from 'react';
import { NARROW_WIDTH } from '../WorldArea.tsx';

/**
 * Whether the sandbox island holding `ref` is narrower than NARROW_WIDTH (a phone), or null
 * until it is first measured: as in WorldArea, both layouts are rendered until then and the
 * island's container query shows the one that fits, so nothing moves when the width arrives.
 */
export function useIslandNarrow(ref: RefObject<HTMLElement | null>): boolean | null {
  const [narrow, setNarrow] = useState<boolean | null>(null);
  useEffect(() => {
    const island = ref.current?.closest<HTMLElement>('.sbx') ?? ref.current;
    if (!island || typeof ResizeObserver === 'undefined') return undefined;
    const observer = new ResizeObserver((entries) => {
      setNarrow((entries[0]?.contentRect.width ?? island.clientWidth) < NARROW_WIDTH);
    });
    observer.observe(island);
    return () => observer.disconnect();
  }, [ref]);
  return narrow;
}
