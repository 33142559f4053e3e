/**
 * The sandbox island: owns one engine actor per block, the real-time loop, the keyboard
 * placement, menus and announcements; the parts below only read the actor and send actions.
 * Extra panels (terminal, editor) plug in through ./panels/registry.ts.
 */
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { createSandbox, type Action, type ActionResult, type Scenario } from '@sandbox';
import type { EntityRef, MenuItem } from '@lib/sandbox-view/entity-actions.ts';
import { menuFor } from '@lib/sandbox-view/entity-actions.ts';
import { initialAnnounceState, nextAnnouncement } from '@lib/sandbox-view/event-filter.ts';
import { formatClock } from '@lib/sandbox-view/format.ts';
import { ActionPalette } from './ActionPalette.tsx';
import { Charts } from './Charts.tsx';
import { ControlPlane } from './ControlPlane.tsx';
import { EntityMenu, type OpenMenu } from './EntityMenu.tsx';
import { EventLog } from './EventLog.tsx';
import { ExtraPanelHost } from './ExtraPanelHost.tsx';
import { GoalsPanel } from './GoalsPanel.tsx';
import { Inspector } from './Inspector.tsx';
import { LiveRegion, type LiveMessages } from './LiveRegion.tsx';
import { Outcome, type OutcomeView } from './Outcome.tsx';
import { selectPanels } from './panels/registry.ts';
import { SandboxUiContext, type SandboxUi } from './sandbox-context.ts';
import { Tabs, type TabSpec } from './Tabs.tsx';
import { Toolbar } from './Toolbar.tsx';
import { useKeyboardPlacement } from './use-keyboard-placement.ts';
import { useSimLoop } from './use-sim-loop.ts';
import { WorldArea } from './WorldArea.tsx';

export interface SandboxIslandProps {
  scenario: Scenario;
  /** Extra panel ids to show (see panels/registry.ts); all registered panels when omitted. */
  panels?: string[];
}

const ORCHESTRATOR_LABEL = { none: 'Docker hosts, no orchestrator', ecs: 'Amazon ECS' } as const;

export default function SandboxIsland({ scenario, panels }: SandboxIslandProps) {
  const [actor] = useState(() => {
    const created = createSandbox(scenario);
    created.start();
    return created;
  });
  const idPrefix = `sbx-${scenario.id}-${useId().replace(/[^a-zA-Z0-9-]/g, '')}`;
  const rootRef = useRef<HTMLElement>(null);
  const loop = useSimLoop(actor, scenario.duration);
  const [messages, setMessages] = useState<LiveMessages>({
    polite: { text: '', n: 0 },
    assertive: { text: '', n: 0 },
  });
  const [outcome, setOutcome] = useState<OutcomeView | null>(null);
  const [selected, setSelected] = useState<EntityRef | null>(null);
  const [tab, setTab] = useState('goals');
  const [menu, setMenu] = useState<(OpenMenu & { ref: EntityRef; name: string }) | null>(null);

  const announce = useCallback(
    (text: string) => setMessages((m) => ({ ...m, polite: { text, n: m.polite.n + 1 } })),
    [],
  );
  const alertNow = useCallback(
    (text: string) => setMessages((m) => ({ ...m, assertive: { text, n: m.assertive.n + 1 } })),
    [],
  );

  const act = useCallback(
    (action: Action): ActionResult | null => {
      actor.send({ type: 'learner.action', action });
      const result = actor.getSnapshot().context.lastResult;
      if (!result) return null;
      if (result.ok) {
        setOutcome({ ok: true, text: result.message, command: result.command });
        announce(result.message);
      } else {
        setOutcome({ ok: false, text: result.error });
        alertNow(`Refused: ${result.error}`);
      }
      return result;
    },
    [actor, announce, alertNow],
  );

  const placement = useKeyboardPlacement(actor, rootRef, act, announce);

  const inspect = useCallback((ref: EntityRef) => {
    setSelected(ref);
    setTab('inspect');
  }, []);

  const ui = useMemo<SandboxUi>(
    () => ({ actor, scenario, idPrefix, act, inspect, pickUp: placement.pickUp, announce }),
    [actor, scenario, idPrefix, act, inspect, placement.pickUp, announce],
  );

  // Important engine events reach screen readers, throttled so a burst is one sentence.
  useEffect(() => {
    let state = initialAnnounceState(actor.getSnapshot().context.world.events.at(-1)?.id ?? -1);
    let lastEvents = actor.getSnapshot().context.world.events;
    const subscription = actor.subscribe((snapshot) => {
      const { events } = snapshot.context.world;
      if (events === lastEvents) return;
      lastEvents = events;
      if (events.length === 0) {
        state = initialAnnounceState(-1);
        return;
      }
      const out = nextAnnouncement(state, events, performance.now());
      state = out.state;
      if (out.message) announce(out.message);
    });
    return () => subscription.unsubscribe();
  }, [actor, announce]);

  const openMenu = useCallback(
    (ref: EntityRef, name: string, anchor: HTMLElement) => {
      const items = menuFor(ref, actor.getSnapshot().context.world, scenario);
      setMenu({ ref, name, anchor, title: `${name} actions`, items });
    },
    [actor, scenario],
  );

  const closeMenu = useCallback((restoreFocus: boolean) => {
    setMenu((current) => {
      if (current && restoreFocus) current.anchor.focus();
      return null;
    });
  }, []);

  const chooseMenuItem = useCallback(
    (item: MenuItem) => {
      if (!menu) return;
      const { ref, name, anchor } = menu;
      setMenu(null);
      if (item.kind === 'inspect') {
        inspect(ref);
        anchor.focus();
      } else if (item.kind === 'pick') {
        placement.pickUp(ref.id, name);
      } else {
        act(item.action);
        if (anchor.isConnected) anchor.focus();
      }
    },
    [menu, inspect, placement, act],
  );

  const reset = useCallback(() => {
    loop.pause();
    placement.cancel();
    actor.send({ type: 'sim.reset' });
    setOutcome({ ok: 'info', text: 'The scenario was reset to its start.' });
    announce('The scenario was reset to its start.');
  }, [actor, loop, placement, announce]);

  const undo = useCallback(() => {
    placement.cancel();
    const before = actor.getSnapshot().context.world.log.filter((e) => e.by === 'learner').length;
    actor.send({ type: 'learner.undo' });
    const after = actor.getSnapshot().context.world.log.filter((e) => e.by === 'learner').length;
    const text = after < before ? 'Your last action was undone.' : 'Nothing to undo.';
    setOutcome({ ok: 'info', text });
    announce(text);
  }, [actor, placement, announce]);

  const showSolution = useCallback(() => {
    loop.pause();
    placement.cancel();
    actor.send({ type: 'sim.reset' });
    const steps = [...scenario.solution].sort((a, b) => a.at - b.at);
    for (const step of steps) {
      const now = actor.getSnapshot().context.world.time;
      if (step.at > now) actor.send({ type: 'sim.advance', seconds: step.at - now });
      actor.send({ type: 'learner.action', action: step.action });
    }
    const at = formatClock(actor.getSnapshot().context.world.time);
    const text = `The solution's ${steps.length} actions were replayed up to ${at}. Press Play to watch it run to the end.`;
    setOutcome({ ok: 'info', text });
    announce(text);
  }, [actor, scenario, loop, placement, announce]);

  const extra = useMemo(() => selectPanels(panels), [panels]);
  const tabs: TabSpec[] = [
    { id: 'goals', label: 'Goals', render: () => <GoalsPanel onShowSolution={showSolution} /> },
    { id: 'actions', label: 'Actions', render: () => <ActionPalette /> },
    { id: 'events', label: 'Event log', render: () => <EventLog /> },
    { id: 'charts', label: 'Metrics', render: () => <Charts /> },
    { id: 'inspect', label: 'Inspect', render: () => <Inspector selected={selected} /> },
    ...extra.map((panel) => ({
      id: panel.id,
      label: panel.label,
      render: () => <ExtraPanelHost panel={panel} actor={actor} scenario={scenario} act={act} />,
    })),
  ];

  return (
    <SandboxUiContext.Provider value={ui}>
      <section
        ref={rootRef}
        className="sbx"
        aria-labelledby={`${idPrefix}-title`}
        onKeyDown={placement.onKeyDown}
      >
        <header className="sbx-head">
          <h3 id={`${idPrefix}-title`}>{scenario.title}</h3>
          <span className="sbx-badge sbx-tone-neutral">
            {ORCHESTRATOR_LABEL[scenario.orchestrator]}
          </span>
        </header>
        <Toolbar loop={loop} duration={scenario.duration} onReset={reset} onUndo={undo} />
        <Outcome outcome={outcome} onDismiss={() => setOutcome(null)} />
        <ControlPlane
          onOpenService={(service, anchor) =>
            openMenu({ kind: 'service', id: service.name }, `Service ${service.name}`, anchor)
          }
        />
        <WorldArea rootRef={rootRef} placement={placement} openMenu={openMenu} />
        <Tabs
          idPrefix={idPrefix}
          label="Sandbox panels"
          tabs={tabs}
          selected={tab}
          onSelect={setTab}
        />
        <LiveRegion messages={messages} />
        {menu ? <EntityMenu menu={menu} onChoose={chooseMenuItem} onClose={closeMenu} /> : null}
      </section>
    </SandboxUiContext.Provider>
  );
}
