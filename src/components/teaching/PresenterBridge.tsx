/**
 * The projected window's end of presenter mode, rendered inside the presented sandbox: answers
 * the instructor window over BroadcastChannel (status out, controls and faults in), and shows
 * on the projected screen every fault the instructor fired, with who fired it.
 */
import { useEffect, useRef, useState } from 'react';
import type { Action, ActionResult, SandboxActor } from '@sandbox';
import { formatClock } from '@lib/sandbox-view/format.ts';
import { faultCatalogue } from '@lib/teaching/fault-catalogue.ts';
import {
  lessonOfPath,
  parseConsoleMessage,
  type FiredFault,
  type ProjectorMessage,
  type ProjectorStatus,
} from '@lib/teaching/presenter-channel.ts';
import { PRESENTER_CHANNEL } from '@lib/teaching/presenter-events.ts';
import type { SimLoop } from '../sandbox/use-sim-loop.ts';
import './presenter-mode.css';

interface Props {
  actor: SandboxActor;
  loop: SimLoop;
  onReset: () => void;
  onUndo: () => void;
  fault: (action: Action) => ActionResult | null;
}

/** Status updates at most this often while the clock runs (the instructor window needs no more). */
const STATUS_EVERY_MS = 200;
const FIRED_SHOWN = 3;
const CAN_BROADCAST = typeof BroadcastChannel === 'function';

export default function PresenterBridge({ actor, loop, onReset, onUndo, fault }: Props) {
  const [fired, setFired] = useState<(FiredFault & { n: number })[]>([]);
  const count = useRef(0);
  // The latest handlers, read by the channel listener without re-opening the channel.
  const latest = useRef({ loop, onReset, onUndo, fault });
  latest.current = { loop, onReset, onUndo, fault };
  const channelRef = useRef<BroadcastChannel | null>(null);
  const sendStatus = useRef<() => void>(() => undefined);

  useEffect(() => {
    if (!CAN_BROADCAST) return undefined;
    const channel = new BroadcastChannel(PRESENTER_CHANNEL);
    channelRef.current = channel;
    const post = (message: ProjectorMessage) => channel.postMessage(message);
    const lesson = lessonOfPath(location.pathname) ?? '';
    let lastSent = '';
    let timer: ReturnType<typeof setTimeout> | null = null;

    const status = (): ProjectorStatus => {
      const { world, scenario } = actor.getSnapshot().context;
      const { loop: now } = latest.current;
      return {
        lesson,
        scenarioId: scenario.id,
        title: scenario.title,
        time: world.time,
        duration: scenario.duration,
        playing: now.playing,
        speed: now.speed,
        canUndo: world.log.some((entry) => entry.by === 'learner'),
        faults: faultCatalogue(world),
      };
    };
    const flush = () => {
      timer = null;
      const text = JSON.stringify(status());
      if (text === lastSent) return;
      lastSent = text;
      post({ kind: 'status', status: JSON.parse(text) as ProjectorStatus });
    };
    const schedule = () => {
      timer ??= setTimeout(flush, STATUS_EVERY_MS);
    };
    sendStatus.current = schedule;

    channel.onmessage = (event: MessageEvent) => {
      const message = parseConsoleMessage(event.data);
      if (!message) return;
      const { loop: now, onReset: reset, onUndo: undo, fault: fire } = latest.current;
      switch (message.kind) {
        case 'hello':
          lastSent = '';
          flush();
          return;
        case 'speed':
          now.setSpeed(message.speed);
          return;
        case 'control':
          if (message.control === 'play') now.play();
          else if (message.control === 'pause') now.pause();
          else if (message.control === 'step') now.step();
          else if (message.control === 'run-to-end') now.runToEnd();
          else if (message.control === 'undo') undo();
          else reset();
          return;
        case 'fault': {
          const at = actor.getSnapshot().context.world.time;
          const result = fire(message.action as unknown as Action);
          const entry: FiredFault = result?.ok
            ? { at, label: message.label, ok: true, text: result.message }
            : {
                at,
                label: message.label,
                ok: false,
                text: result ? result.error : 'The sandbox is still loading.',
              };
          const n = ++count.current;
          setFired((list) => [{ ...entry, n }, ...list].slice(0, FIRED_SHOWN));
          post({ kind: 'fired', fired: entry });
          schedule();
          return;
        }
      }
    };

    const subscription = actor.subscribe(schedule);
    flush();
    return () => {
      subscription.unsubscribe();
      if (timer) clearTimeout(timer);
      post({ kind: 'gone' });
      channel.close();
      channelRef.current = null;
    };
  }, [actor]);

  // Play, pause and speed live in the loop, not the world: report their changes too.
  useEffect(() => sendStatus.current(), [loop.playing, loop.speed]);

  return (
    <aside className="sbx-presenter-fired" aria-label="Faults fired by the instructor">
      {CAN_BROADCAST ? null : (
        <p>This browser cannot talk to an instructor window (it has no BroadcastChannel).</p>
      )}
      <ul aria-live="polite">
        {fired.map((entry) => (
          <li key={entry.n} className={entry.ok ? '' : 'sbx-presenter-refused'}>
            <strong>
              <span aria-hidden="true">⚡</span> Fired by the instructor at {formatClock(entry.at)}:
            </strong>{' '}
            {entry.label}
            {entry.ok ? null : <span> — refused: {entry.text}</span>}
          </li>
        ))}
      </ul>
    </aside>
  );
}
