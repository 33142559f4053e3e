/**
 * Lets a sandbox link opened on the page (src/lib/share/open-link.ts) replace this island's
 * world. The codec and replay load only when a link arrives.
 */
import { useEffect, type RefObject } from 'react';
import type { Scenario } from '@sandbox';
import { onStateDelivered } from '@lib/share/inbox.ts';
import { refuse } from '@lib/share/refusal.ts';
import type { Engine } from '../sandbox/use-engine.ts';

export function useSharedLink(
  rootRef: RefObject<HTMLElement | null>,
  scenario: Scenario,
  { wake, replaceActor }: Pick<Engine, 'wake' | 'replaceActor'>,
  /** Called just before the world is swapped (pause the loop, drop a half-done placement). */
  beforeRestore: () => void,
  onRestored: (summary: string) => void,
): void {
  useEffect(() => {
    const block = rootRef.current?.closest('.sbx-block');
    if (!block) return undefined;
    return onStateDelivered(block, ({ state, reply }) => {
      Promise.all([wake(), import('@lib/share/restore-actor.ts')]).then(
        ([ready, module]) => {
          const restored = module.restoreActor(scenario, state);
          if (!restored.ok) return reply(restored);
          beforeRestore();
          replaceActor(restored.value.actor, ready.engine);
          onRestored(restored.value.summary);
          reply({ ok: true, value: restored.value.summary });
        },
        (error: unknown) =>
          reply(
            refuse(
              'not-loaded',
              `the sandbox’s code did not load (${error instanceof Error ? error.message : String(error)}). Check the connection, then open the link again.`,
            ),
          ),
      );
    });
  }, [rootRef, scenario, wake, replaceActor, beforeRestore, onRestored]);
}
