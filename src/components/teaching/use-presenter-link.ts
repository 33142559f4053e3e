/** The instructor window's end of the channel: the projected window's status, its fired faults, and a sender. */
import { useCallback, useEffect, useRef, useState } from 'react';
import {
  parseProjectorMessage,
  type ConsoleMessage,
  type FiredFault,
  type ProjectorStatus,
} from '@lib/teaching/presenter-channel.ts';
import { PRESENTER_CHANNEL } from '@lib/teaching/presenter-events.ts';

export interface PresenterLink {
  status: ProjectorStatus | null;
  fired: (FiredFault & { n: number })[];
  send: (message: ConsoleMessage) => void;
}

const FIRED_KEPT = 20;

export function usePresenterLink(): PresenterLink {
  const channel = useRef<BroadcastChannel | null>(null);
  const [status, setStatus] = useState<ProjectorStatus | null>(null);
  const [fired, setFired] = useState<PresenterLink['fired']>([]);
  const count = useRef(0);

  useEffect(() => {
    // Every browser the course supports has it; without it PresenterConsole says so.
    if (typeof BroadcastChannel !== 'function') return undefined;
    const open = new BroadcastChannel(PRESENTER_CHANNEL);
    channel.current = open;
    open.onmessage = (event: MessageEvent) => {
      const message = parseProjectorMessage(event.data);
      if (!message) return;
      if (message.kind === 'status') setStatus(message.status);
      else if (message.kind === 'gone') setStatus(null);
      else {
        const n = ++count.current;
        setFired((list) => [{ ...message.fired, n }, ...list].slice(0, FIRED_KEPT));
      }
    };
    // A projected window already open answers with its status.
    open.postMessage({ kind: 'hello' } satisfies ConsoleMessage);
    return () => {
      open.close();
      channel.current = null;
    };
  }, []);

  const send = useCallback((message: ConsoleMessage) => channel.current?.postMessage(message), []);
  return { status, fired, send };
}
