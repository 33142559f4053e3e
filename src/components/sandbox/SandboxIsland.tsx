/**
 * The sandbox island: owns one engine actor per block, the real-time loop, the keyboard
 * placement, menus and announcements; the parts below only read the actor and send actions.
 * Extra panels (terminal, editor) plug in through ./panels/registry.ts.
 */
import {
  Suspense,
  useCallback,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import type { Action, ActionResult, GoalResult, SandboxActor, Scenario, World } from '@sandbox';
import { ShareControls } from '@components/share/ShareControls.tsx';
import { useSharedLink } from '@components/share/use-shared-link.ts';
import { usePresenterMode } from '@components/teaching/use-presenter-mode.ts';
import type { EntityRef, MenuItem } from '@lib/sandbox-view/entity-actions.ts';
import { menuFor } from '@lib/sandbox-view/entity-actions.ts';
import { initialAnnounceState, nextAnnouncement } from '@lib/sandbox-view/event-filter.ts';
import { formatClock } from '@lib/sandbox-view/format.ts';
import { formatTimelineClock } from '@lib/timeline/marks.ts';
import { ControlPlane } from './ControlPlane.tsx';
import { EntityMenu, type OpenMenu } from './EntityMenu.tsx';
import { ExtraPanelHost } from './ExtraPanelHost.tsx';
import { GoalsPanel } from './GoalsPanel.tsx';
import { LiveRegion, type LiveMessages } from './LiveRegion.tsx';
import { LoadBoundary, LoadFailure, retryableLazy } from './load-boundary.tsx';
import { Outcome, type OutcomeView } from './Outcome.tsx';
import { selectPanels } from './panels/registry.ts';
import { newlyFinished, runFinishedText } from './pipeline/pipeline-ui.ts';
import { SandboxUiContext, type SandboxUi } from './sandbox-context.ts';
import { Tabs, type TabSpec } from './Tabs.tsx';
import { Timeline } from './Timeline.tsx';
import { Toolbar } from './Toolbar.tsx';
import { useKeyboardPlacement } from './use-keyboard-placement.ts';
import { useSimLoop } from './use-sim-loop.ts';
import { ignoreFailure, useEngine, type EngineModule } from './use-engine.ts';
import { useRewind } from './use-rewind.ts';
import { WorldArea } from './WorldArea.tsx';

export interface SandboxIslandProps {
  scenario: Scenario;
  /** The scenario's world at time 0 and its goal results, computed at build time. */
  initialWorld: World;
  initialGoals: GoalResult[];
  /** Extra panel ids to show (see panels/registry.ts); all registered panels when omitted. */
  panels?: string[];
  /** Called with the engine actor as soon as it exists, before any action reaches it. */
  onActor?: (actor: SandboxActor) => void;
}

// Panels other than Goals load when first opened, keeping the lesson page's initial JS small.
const ActionPalette = retryableLazy(() =>
  import('./ActionPalette.tsx').then((m) => ({ default: m.ActionPalette })),
);
const EventLog = retryableLazy(() =>
  import('./EventLog.tsx').then((m) => ({ default: m.EventLog })),
);
const Charts = retryableLazy(() => import('./Charts.tsx').then((m) => ({ default: m.Charts })));
const Inspector = retryableLazy(() =>
  import('./Inspector.tsx').then((m) => ({ default: m.Inspector })),
);
const PresenterBridge = retryableLazy(() => import('@components/teaching/PresenterBridge.tsx'));
const EcsWhyDialog = retryableLazy(() =>
  import('./EcsWhyDialog.tsx').then((m) => ({ default: m.EcsWhyDialog })),
);

function Loading({ children }: { children: ReactNode }) {
  return <Suspense fallback={<p className="sbx-muted">Loading…</p>}>{children}</Suspense>;
}

const ORCHESTRATOR_LABEL = {
  none: 'Docker hosts, no orchestrator',
  ecs: 'Amazon ECS',
  eks: 'Amazon EKS',
} as const;

export default function SandboxIsland({
  scenario,
  initialWorld,
  initialGoals,
  panels,
  onActor,
}: SandboxIslandProps) {
  // One engine actor per block, created when the learner first interacts with it.
  const engine = useEngine(scenario, initialWorld, onActor);
  const { store, withActor, withLoaded, wake } = engine;
  const idPrefix = `sbx-${scenario.id}-${useId().replace(/[^a-zA-Z0-9-]/g, '')}`;
  const rootRef = useRef<HTMLElement>(null);
  const loop = useSimLoop(engine, scenario.duration);
  const [messages, setMessages] = useState<LiveMessages>({
    polite: { text: '', n: 0 },
    assertive: { text: '', n: 0 },
  });
  const [outcome, setOutcome] = useState<OutcomeView | null>(null);
  const [selected, setSelected] = useState<EntityRef | null>(null);
  const [tab, setTab] = useState('goals');
  const [menu, setMenu] = useState<(OpenMenu & { ref: EntityRef; name: string }) | null>(null);
  const [why, setWhy] = useState<{ taskId: string; opener: HTMLElement } | null>(null);
  const closeWhy = useCallback(() => setWhy(null), []);
  const askWhy = useCallback(
    (taskId: string, opener: HTMLElement) => setWhy({ taskId, opener }),
    [],
  );

  const announce = useCallback(
    (text: string) => setMessages((m) => ({ ...m, polite: { text, n: m.polite.n + 1 } })),
    [],
  );
  const alertNow = useCallback(
    (text: string) => setMessages((m) => ({ ...m, assertive: { text, n: m.assertive.n + 1 } })),
    [],
  );

  const report = useCallback(
    (result: ActionResult | null) => {
      if (!result) return;
      if (result.ok) {
        setOutcome({ ok: true, text: result.message, command: result.command });
        announce(result.message);
      } else {
        // Some engine messages already start with "Refused:"; the banner adds its own label.
        const reason = result.error.replace(/^Refused:\s*/, '');
        setOutcome({ ok: false, text: reason });
        alertNow(`Refused: ${reason}`);
      }
    },
    [announce, alertNow],
  );

  const noteBranch = useCallback(
    (text: string) => {
      setOutcome({ ok: 'info', text });
      announce(text);
    },
    [announce],
  );
  const rewind = useRewind(engine, noteBranch);
  const { scrub: scrubTo, failedAt, backToNow } = rewind;
  const rewoundAt = rewind.rewound?.time ?? null;

  const send = useCallback(
    (type: 'learner.action' | 'instructor.action', action: Action): ActionResult | null => {
      if (rewoundAt !== null) {
        const refusal: ActionResult = {
          ok: false,
          error: `The sandbox is showing ${formatTimelineClock(rewoundAt)} of its past, which is read-only. Choose “Back to now”, or “Continue from here” to change what happened next.`,
        };
        report(refusal);
        return refusal;
      }
      let result: ActionResult | null = null;
      withActor((actor) => {
        actor.send({ type, action });
        result = actor.getSnapshot().context.lastResult;
        report(result);
      });
      return result;
    },
    [withActor, report, rewoundAt],
  );
  const act = useCallback((action: Action) => send('learner.action', action), [send]);
  const fault = useCallback((action: Action) => send('instructor.action', action), [send]);

  const withEngine = useCallback(
    (fn: (loaded: EngineModule, world: World) => void) =>
      withLoaded((ready) => fn(ready.engine, ready.actor.getSnapshot().context.world)),
    [withLoaded],
  );

  const wakeQuietly = useCallback(() => wake().catch(ignoreFailure), [wake]);
  // What the learner just did did not happen: the engine's code did not arrive. Once a later
  // try loads it, that message is out of date.
  const failureShown = useRef(false);
  useEffect(() => {
    if (engine.failure) {
      failureShown.current = true;
      report({
        ok: false,
        error: `The sandbox engine could not load, so nothing changed. Check the connection, then try again. (${engine.failure})`,
      });
    } else if (failureShown.current && engine.actor) {
      failureShown.current = false;
      setOutcome(null);
    }
  }, [engine.failure, engine.actor, report]);

  const withReplay = useCallback(
    (fn: (loaded: EngineModule, seed: number) => void) =>
      withLoaded((ready) => fn(ready.engine, ready.actor.getSnapshot().context.seed)),
    [withLoaded],
  );

  const placement = useKeyboardPlacement(store, rootRef, act, announce);

  const inspect = useCallback((ref: EntityRef) => {
    setSelected(ref);
    setTab('inspect');
  }, []);

  const showFailure = useCallback(
    (goalId: string) => {
      const at = failedAt(goalId);
      if (at === null) return;
      loop.pause();
      scrubTo(at);
      announce(`Showing ${formatTimelineClock(at)}, the second this goal first failed.`);
    },
    [failedAt, scrubTo, loop, announce],
  );

  const showMoment = useCallback(
    (time: number) => {
      loop.pause();
      scrubTo(time);
      announce(`Showing ${formatTimelineClock(time)}.`);
    },
    [scrubTo, loop, announce],
  );

  const ui = useMemo<SandboxUi>(
    () => ({
      store: rewind.store,
      engine: engine.engine,
      scenario,
      idPrefix,
      act,
      fault,
      withEngine,
      inspect,
      askWhy,
      pickUp: placement.pickUp,
      announce,
      showFailure,
      showMoment,
    }),
    [
      rewind.store,
      engine.engine,
      scenario,
      idPrefix,
      act,
      fault,
      withEngine,
      inspect,
      askWhy,
      placement.pickUp,
      announce,
      showFailure,
      showMoment,
    ],
  );

  // Important engine events reach screen readers, throttled so a burst is one sentence. A
  // workflow run that ends is announced here, once, in its own words ("Run #2 of deploy
  // (Release 2.0.0) failed."), whether or not the Workflow runs tab was ever opened.
  const liveActor = engine.actor;
  useEffect(() => {
    if (!liveActor) return undefined;
    const start = liveActor.getSnapshot().context.world;
    let state = initialAnnounceState(start.events.at(-1)?.id ?? -1);
    let lastEvents = start.events;
    let lastRuns = start.pipeline?.runs ?? [];
    let lastTime = start.time;
    const subscription = liveActor.subscribe((snapshot) => {
      const { events, pipeline, time } = snapshot.context.world;
      const runs = pipeline?.runs ?? [];
      // Back in time (a reset, a branch from the past): runs finished there were told already.
      const ended = time < lastTime ? [] : newlyFinished(lastRuns, runs);
      lastRuns = runs;
      lastTime = time;
      if (events === lastEvents && ended.length === 0) return;
      lastEvents = events;
      if (events.length === 0) {
        state = initialAnnounceState(-1);
        return;
      }
      const told = new Set(ended.map((r) => `run/${r.number}`));
      const out = nextAnnouncement(
        state,
        events,
        performance.now(),
        undefined,
        (e) => e.source === 'pipeline' && e.subject !== undefined && told.has(e.subject),
      );
      state = out.state;
      const message = [...ended.map(runFinishedText), out.message ?? ''].join(' ').trim();
      if (message) announce(message);
    });
    return () => subscription.unsubscribe();
  }, [liveActor, announce]);

  const openMenu = useCallback(
    (ref: EntityRef, name: string, anchor: HTMLElement) => {
      const items = menuFor(ref, rewind.store.getSnapshot().context.world, scenario);
      setMenu({ ref, name, anchor, title: `${name} actions`, items });
    },
    [rewind.store, scenario],
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
      } else if (item.kind === 'why') {
        askWhy(ref.id, anchor);
      } else {
        if (item.fault) fault(item.action);
        else act(item.action);
        if (anchor.isConnected) anchor.focus();
      }
    },
    [menu, inspect, placement, act, fault, askWhy],
  );

  const reset = useCallback(() => {
    loop.pause();
    placement.cancel();
    backToNow();
    withActor((actor) => {
      actor.send({ type: 'sim.reset' });
      setOutcome({ ok: 'info', text: 'The scenario was reset to its start.' });
      announce('The scenario was reset to its start.');
    });
  }, [withActor, loop, placement, announce, backToNow]);

  const undo = useCallback(() => {
    placement.cancel();
    withActor((actor) => {
      const learnerActions = () =>
        actor.getSnapshot().context.world.log.filter((e) => e.by === 'learner').length;
      const before = learnerActions();
      actor.send({ type: 'learner.undo' });
      const text = learnerActions() < before ? 'Your last action was undone.' : 'Nothing to undo.';
      setOutcome({ ok: 'info', text });
      announce(text);
    });
  }, [withActor, placement, announce]);

  const showSolution = useCallback(() => {
    loop.pause();
    placement.cancel();
    withActor((actor) => {
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
    });
  }, [withActor, scenario, loop, placement, announce]);

  const beforeRestore = useCallback(() => {
    loop.pause();
    placement.cancel();
  }, [loop, placement]);
  const onRestored = useCallback(
    (text: string) => {
      setOutcome({ ok: 'info', text });
      announce(text);
    },
    [announce],
  );
  useSharedLink(rootRef, scenario, engine, beforeRestore, onRestored);
  const presenter = usePresenterMode(rootRef, wake);
  // Kept stable so the memoised toolbar does not re-render with every island render.
  const shareControls = useMemo(
    () => <ShareControls presenting={presenter.presenting} onPresent={presenter.toggle} />,
    [presenter.presenting, presenter.toggle],
  );

  const extra = useMemo(() => selectPanels(panels, undefined, scenario), [panels, scenario]);
  const tabs: TabSpec[] = [
    {
      id: 'goals',
      label: 'Goals',
      render: () => <GoalsPanel initialGoals={initialGoals} onShowSolution={showSolution} />,
    },
    {
      id: 'actions',
      label: 'Actions',
      render: () => (
        <Loading>
          <ActionPalette />
        </Loading>
      ),
    },
    {
      id: 'events',
      label: 'Event log',
      render: () => (
        <Loading>
          <EventLog />
        </Loading>
      ),
    },
    {
      id: 'charts',
      label: 'Metrics',
      render: () => (
        <Loading>
          <Charts />
        </Loading>
      ),
    },
    {
      id: 'inspect',
      label: 'Inspect',
      render: () => (
        <Loading>
          <Inspector selected={selected} />
        </Loading>
      ),
    },
    ...extra.map((panel) => ({
      id: panel.id,
      label: panel.label,
      render: () =>
        engine.actor ? (
          <ExtraPanelHost panel={panel} actor={engine.actor} scenario={scenario} act={act} />
        ) : engine.failure ? (
          <LoadFailure what="The sandbox engine" reason={engine.failure} onRetry={wakeQuietly} />
        ) : (
          <p className="sbx-muted">Loading the sandbox engine…</p>
        ),
    })),
  ];

  return (
    <SandboxUiContext.Provider value={ui}>
      <section
        ref={rootRef}
        className="sbx"
        aria-labelledby={`${idPrefix}-title`}
        onKeyDown={placement.onKeyDown}
        // The first sign of interest loads the engine, so it is ready by the time of the click.
        onPointerDown={wakeQuietly}
        onFocus={wakeQuietly}
      >
        <header className="sbx-head">
          <h3 id={`${idPrefix}-title`}>{scenario.title}</h3>
          <span className="sbx-badge sbx-tone-neutral">
            {ORCHESTRATOR_LABEL[scenario.orchestrator]}
          </span>
        </header>
        <Toolbar
          loop={loop}
          duration={scenario.duration}
          onReset={reset}
          onUndo={undo}
          readOnly={rewoundAt !== null}
          extra={shareControls}
        />
        <Timeline
          liveStore={store}
          duration={scenario.duration}
          controls={rewind}
          onPause={loop.pause}
        />
        {presenter.presenting && engine.actor ? (
          <LoadBoundary what="Presenter mode">
            <Suspense fallback={null}>
              <PresenterBridge
                actor={engine.actor}
                loop={loop}
                onReset={reset}
                onUndo={undo}
                fault={fault}
              />
            </Suspense>
          </LoadBoundary>
        ) : null}
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
        {why ? (
          <LoadBoundary what="The placement explanation">
            <Suspense fallback={null}>
              <EcsWhyDialog target={why} withReplay={withReplay} onClose={closeWhy} />
            </Suspense>
          </LoadBoundary>
        ) : null}
      </section>
    </SandboxUiContext.Provider>
  );
}
