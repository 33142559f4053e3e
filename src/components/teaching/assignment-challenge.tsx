/**
 * One assigned challenge: the lesson's sandbox, started from the assignment's scenario (its
 * seed and scheduled faults), resumed from the work saved in this browser, and recording the
 * action log and sim time as the learner works.
 */
import { useCallback, useEffect, useRef, useState, type ComponentType } from 'react';
import type { GoalResult, SandboxActor, Scenario, TimedAction, World } from '@sandbox';
import type { SandboxIslandProps } from '@components/sandbox/SandboxIsland.tsx';
import type { Work } from '@lib/assignments/work-store.ts';

type ChallengeWork = Work['challenges'][string];

interface Props {
  scenario: Scenario;
  saved: ChallengeWork | undefined;
  onWork: (work: ChallengeWork) => void;
}

interface Ready {
  Island: ComponentType<SandboxIslandProps>;
  world: World;
  goals: GoalResult[];
  snapshot: string | null;
  notice: string | null;
}

const toWork = (world: World): ChallengeWork => ({
  time: world.time,
  log: world.log
    .filter((e) => e.by !== 'scenario')
    .map((e) => ({
      at: e.at,
      by: e.by as 'learner' | 'instructor',
      action: e.action as unknown as Record<string, unknown>,
    })),
});

export function AssignmentChallenge({ scenario, saved, onWork }: Props) {
  const [ready, setReady] = useState<Ready | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const savedAtStart = useRef(saved);
  const onWorkRef = useRef(onWork);
  useEffect(() => {
    onWorkRef.current = onWork;
  }, [onWork]);

  useEffect(() => {
    let live = true;
    Promise.all([import('@components/sandbox/SandboxIsland.tsx'), import('./assignment-engine.ts')])
      // The services this challenge's world runs (a chunk each) load before it is built.
      .then(([island, engine]) =>
        engine.loadServicesFor(scenario).then(() => [island, engine] as const),
      )
      .then(([island, engine]) => {
        const work = savedAtStart.current;
        let world = engine.createWorld(scenario);
        let snapshot: string | null = null;
        let notice: string | null = null;
        if (work && (work.log.length > 0 || work.time > 0)) {
          const log: TimedAction[] = [];
          for (const entry of work.log) {
            const checked = engine.validateAction(entry.action);
            if (checked.ok) log.push({ at: entry.at, by: entry.by, action: checked.value });
          }
          try {
            world = engine.replay(scenario, log, { until: work.time }).world;
            snapshot = engine.serializeWorld(world);
            notice = null;
          } catch {
            notice =
              'The work saved for this challenge could not be replayed, so it starts again from the beginning.';
          }
        }
        if (live)
          setReady({
            Island: island.default,
            world,
            goals: engine.checkGoals(world, scenario),
            snapshot,
            notice,
          });
      })
      .catch((e: unknown) => live && setFailed(e instanceof Error ? e.message : String(e)));
    return () => {
      live = false;
    };
  }, [scenario]);

  const snapshot = ready?.snapshot ?? null;
  const onActor = useCallback(
    (actor: SandboxActor) => {
      if (snapshot) actor.send({ type: 'sim.restore', snapshot });
      let last = actor.getSnapshot().context.world;
      let timer: ReturnType<typeof setTimeout> | null = null;
      actor.subscribe((s) => {
        const world = s.context.world;
        if (world.log === last.log && world.time === last.time) return;
        last = world;
        // Saved at most twice a second while the simulation runs.
        timer ??= setTimeout(() => {
          timer = null;
          onWorkRef.current(toWork(last));
        }, 500);
      });
    },
    [snapshot],
  );

  if (failed)
    return (
      <p className="sy-teach-alert" role="alert">
        The sandbox could not load: {failed}
      </p>
    );
  if (!ready) return <p>Loading the sandbox…</p>;
  const { Island } = ready;
  return (
    <div className="not-content sbx-block">
      {ready.notice ? <p className="sy-teach-warning">{ready.notice}</p> : null}
      <Island
        scenario={scenario}
        initialWorld={ready.world}
        initialGoals={ready.goals}
        onActor={onActor}
      />
    </div>
  );
}
