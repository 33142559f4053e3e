/**
 * The engine, built from a list of service modules: world creation, actions, the clock,
 * replay, commands, billing, metrics and snapshot checks. Nothing here names a service; the
 * composition file hands the modules in.
 */
import type { z } from 'zod';
import { ACCOUNT_ID, OOM_EXIT_CODE, REGIONS } from '../model/aws-data.ts';
import { LIMITS, METRIC_PERIOD_SECONDS } from '../model/constants.ts';
import type { Action, ActionOf, ActionResult, ActionType } from '../model/actions.ts';
import type {
  Actor,
  Cause,
  CoreWorld,
  DomainEvent,
  MetricSample,
  ModuleName,
  Orchestrator,
  Result,
  TimedAction,
  World,
} from '../model/types.ts';
import type { Scenario, ScenarioError } from '../scenarios/schema.ts';
import { own } from '../model/record.ts';
import { currentCause, emit, withCause } from './events.ts';
import {
  actionDef,
  type ActionDef,
  type ControllerDecl,
  type ControllerDef,
  type EngineContext,
  type ScenarioLike,
  type ServiceBehaviour,
  type ServiceModule,
} from './module.ts';
import { randomInt, seedState } from './rng.ts';
import {
  publish,
  returnWorkingCopy,
  seal,
  takeWorkingCopy,
  trackCollection,
  unchanged,
} from './cow.ts';
import { checkCoreSnapshot } from './serialize.ts';
import type { ServiceStatic } from '../scenarios/statics.ts';

export interface ReplayOptions {
  seed?: number;
  /** Run the clock up to this time after the last action (default: the last action's time). */
  until?: number;
  /** Start from this world instead of the scenario's time 0 (a checkpoint). */
  from?: World;
  /**
   * The result is only to be looked at (a past second): hand it out without sharing its
   * unchanged parts with `from` (see `seal`), which saves comparing the whole world.
   */
  detached?: boolean;
}

interface Controller {
  name: string;
  module: ModuleName | null;
  run(ctx: EngineContext): void;
}

type Declared = ControllerDecl & { module: ModuleName | null };

/**
 * One order for every controller of every module, from their `after`/`before` declarations.
 * Ties go to the earlier-declared controller (core first, then modules in composition order).
 * Throws on an unknown name or a cycle, so a bad module fails at load, not mid-lesson.
 */
export function deriveTickOrder<C extends Declared>(controllers: readonly C[]): C[] {
  const byName = new Map<string, number>();
  controllers.forEach((c, k) => {
    if (byName.has(c.name)) throw new Error(`tick order: controller ${c.name} is declared twice`);
    byName.set(c.name, k);
  });
  const edges: Set<number>[] = controllers.map(() => new Set());
  const incoming = controllers.map(() => 0);
  const edge = (from: number, to: number) => {
    if (!edges[from]!.has(to)) {
      edges[from]!.add(to);
      incoming[to]!++;
    }
  };
  controllers.forEach((c, k) => {
    for (const name of c.after ?? []) {
      const other = byName.get(name);
      if (other === undefined)
        throw new Error(`tick order: ${c.name} runs after unknown controller ${name}`);
      edge(other, k);
    }
    for (const name of c.before ?? []) {
      const other = byName.get(name);
      if (other === undefined)
        throw new Error(`tick order: ${c.name} runs before unknown controller ${name}`);
      edge(k, other);
    }
  });
  const order: number[] = [];
  const done = controllers.map(() => false);
  while (order.length < controllers.length) {
    const next = controllers.findIndex((_, k) => !done[k] && incoming[k] === 0);
    if (next === -1) {
      const stuck = controllers.filter((_, k) => !done[k]).map((c) => c.name);
      throw new Error(`tick order: the controllers ${stuck.join(', ')} form a cycle`);
    }
    done[next] = true;
    order.push(next);
    for (const to of edges[next]!) incoming[to]!--;
  }
  return order.map((k) => controllers[k]!);
}

type AnyModule = ServiceModule<ModuleName>;
/** A module whose behaviour is loaded. */
type Loaded = AnyModule & { behaviour: ServiceBehaviour<ModuleName> };

/** The composed action schema (scenarios/action-schema.ts): a discriminated union on `type`. */
export type ActionSchema = {
  safeParse(input: unknown): z.ZodSafeParseResult<Action>;
  readonly options: readonly {
    readonly shape: { readonly type: { readonly value: ActionType } };
  }[];
};

export function createEngine(
  modules: readonly AnyModule[],
  actionSchema: ActionSchema,
  /** Adds a module's static part (schemas, goals) where the composition keeps them (scenarios/statics.ts). */
  registerStatic: (part: ServiceStatic) => void = () => undefined,
) {
  const owner = new Map<ActionType, { module: AnyModule; everywhere: boolean }>();
  for (const m of modules) {
    const own = (types: readonly ActionType[], everywhere: boolean) => {
      for (const type of types) {
        if (owner.has(type)) throw new Error(`action ${type} is handled by two modules`);
        owner.set(type, { module: m, everywhere });
      }
    };
    own(m.handles, false);
    own(m.handlesEverywhere ?? [], true);
    for (const key of m.tracked ?? []) trackCollection(m.name, key);
    // A module with a static part brings its schemas when it loads (checked then).
    if (!m.loadStatic) checkSchemas(m);
  }

  /** Every action type a module handles has a schema in the composed union. */
  function checkSchemas(m: AnyModule): void {
    for (const type of [...m.handles, ...(m.handlesEverywhere ?? [])])
      if (!actionSchema.options.some((o) => o.shape.type.value === type))
        throw new Error(`module ${m.name} handles ${type}, which has no schema`);
  }

  /** Modules whose static part is registered (those without one count from the start). */
  const statics = new Set<ModuleName>(modules.filter((m) => !m.loadStatic).map((m) => m.name));

  // ── Loading behaviour ──────────────────────────────────────────────────────────────

  /** Behaviours loaded so far, by module name (loading only ever adds). */
  const behaviours = new Map<ModuleName, ServiceBehaviour<ModuleName>>();
  const pending = new Map<ModuleName, Promise<void>>();

  function checkBehaviour(m: AnyModule, b: ServiceBehaviour<ModuleName>): void {
    if (b.name !== m.name) throw new Error(`module ${m.name} loaded the behaviour of ${b.name}`);
    const declared = [...m.handles, ...(m.handlesEverywhere ?? [])];
    const defined = Object.keys(b.actions);
    const missing = declared.filter((t) => !defined.includes(t));
    const extra = defined.filter((t) => !(declared as string[]).includes(t));
    if (missing.length > 0 || extra.length > 0)
      throw new Error(
        `module ${m.name}: its behaviour defines actions ${defined.join(', ') || 'none'}, its module declares ${declared.join(', ') || 'none'}`,
      );
    const names = m.controllers.map((c) => c.name);
    const runs = Object.keys(b.run);
    if (names.length !== runs.length || names.some((n) => !runs.includes(n)))
      throw new Error(
        `module ${m.name}: its behaviour runs controllers ${runs.join(', ') || 'none'}, its module declares ${names.join(', ') || 'none'}`,
      );
  }

  /** Loads the behaviour of these modules (all of them when no names are given). */
  async function loadServices(names?: readonly ModuleName[]): Promise<void> {
    const wanted = modules.filter((m) => names === undefined || names.includes(m.name));
    const unknown = (names ?? []).filter((n) => !modules.some((m) => m.name === n));
    if (unknown.length > 0) throw new Error(`the composition has no ${unknown.join(', ')} module`);
    await Promise.all(
      wanted.map((m) => {
        if (behaviours.has(m.name)) return undefined;
        let loading = pending.get(m.name);
        if (!loading) {
          loading = Promise.all([m.load(), m.loadStatic?.()]).then(([b, part]) => {
            if (part) {
              if (part.name !== m.name)
                throw new Error(`module ${m.name} loaded the static part of ${part.name}`);
              registerStatic(part);
              checkSchemas(m);
              statics.add(m.name);
            }
            checkBehaviour(m, b);
            behaviours.set(m.name, b);
          });
          loading.catch(() => pending.delete(m.name));
          pending.set(m.name, loading);
        }
        return loading;
      }),
    );
  }

  /** The modules a world of this orchestrator (and, where a module asks, this scenario) runs. */
  function servicesFor(orchestrator: Orchestrator, scenario?: ScenarioLike | null): ModuleName[] {
    return modules.filter((m) => m.activeFor(orchestrator, scenario ?? null)).map((m) => m.name);
  }

  /** Loads what a scenario's world runs. */
  function loadServicesFor(scenario: { orchestrator: Orchestrator } & ScenarioLike): Promise<void> {
    return loadServices(servicesFor(scenario.orchestrator, scenario));
  }

  /** Whether the behaviour of every listed module is loaded. */
  function servicesLoaded(names: readonly ModuleName[]): boolean {
    return names.every((n) => behaviours.has(n));
  }

  function notLoaded(names: readonly ModuleName[], what = 'this world runs'): Error {
    const missing = names.filter((n) => !behaviours.has(n));
    return new Error(
      `The sandbox has not loaded the ${missing.join(', ')} service${missing.length > 1 ? 's' : ''} ${what}: await loadServices or loadServicesFor(scenario) first.`,
    );
  }

  const loadedFor = new Map<string, Loaded[]>();
  /** The world's active modules with their behaviour, in composition order; throws if one is not loaded. */
  function activeModules(world: World): Loaded[] {
    const key = world.modules.join(',');
    let list = loadedFor.get(key);
    if (!list) {
      if (!servicesLoaded(world.modules)) throw notLoaded(world.modules);
      list = modules
        .filter((m) => world.modules.includes(m.name))
        .map((m) => ({ ...m, behaviour: behaviours.get(m.name)! }));
      loadedFor.set(key, list);
    }
    return list;
  }

  // ── The tick order ─────────────────────────────────────────────────────────────────

  const scriptController: ControllerDef = {
    name: 'scenario-script',
    after: ['billing'],
    run: (ctx) => {
      const world = ctx.world;
      while (world.scriptCursor < world.script.length) {
        const entry = world.script[world.scriptCursor]!;
        if (entry.at > world.time) break;
        world.scriptCursor++;
        const result = ctx.dispatch(entry.action, 'scenario');
        if (!result.ok)
          ctx.emit(
            'scenario',
            'warning',
            `Scripted ${entry.action.type} had no effect: ${result.error}`,
          );
      }
    },
  };
  const billingController: ControllerDef = {
    // Billing first: it charges the second that just ended, in the state the world was in during it.
    name: 'billing',
    run: (ctx) => {
      let perHour = 0;
      for (const m of activeModules(ctx.world))
        if (m.behaviour.billing) perHour += m.behaviour.billing.chargeSecond(ctx);
      ctx.world.cost.perHour = perHour;
    },
  };
  const metricsController: ControllerDef = {
    name: 'metrics',
    run: (ctx) => {
      if (ctx.world.time % METRIC_PERIOD_SECONDS !== 0) return;
      ctx.world.metrics.push(sampleMetrics(ctx.world));
    },
  };
  const core = [billingController, scriptController].map((c) => ({ ...c, module: null }));
  const moduleControllers = modules.flatMap((m) =>
    m.controllers.map((c) => ({
      ...c,
      module: m.name,
      // Every module controller runs after the script and before metrics.
      after: [...(c.after ?? []), 'scenario-script'],
      before: [...(c.before ?? []), 'metrics'],
    })),
  );
  /** Derived from the light parts' declarations at load, so it is known before any behaviour loads. */
  const tickOrder: Declared[] = deriveTickOrder<Declared>([
    ...core,
    ...moduleControllers,
    { ...metricsController, module: null },
  ]);
  const coreRuns = new Map<string, ControllerDef['run']>(
    [billingController, scriptController, metricsController].map((c) => [c.name, c.run]),
  );
  const ordersFor = new Map<string, Controller[]>();
  function controllersFor(world: World): Controller[] {
    const key = world.modules.join(',');
    let list = ordersFor.get(key);
    if (!list) {
      if (!servicesLoaded(world.modules)) throw notLoaded(world.modules);
      list = tickOrder
        .filter((c) => c.module === null || world.modules.includes(c.module))
        .map((c) => ({
          name: c.name,
          module: c.module,
          run: c.module === null ? coreRuns.get(c.name)! : behaviours.get(c.module)!.run[c.name]!,
        }));
      ordersFor.set(key, list);
    }
    return list;
  }

  function context(world: World, by: Actor): EngineContext {
    const ctx: EngineContext = {
      world,
      by,
      get cause() {
        return currentCause(world);
      },
      randomInt: (min, max) => randomInt(world, min, max),
      resolveImage: (request) => {
        for (const m of activeModules(world)) {
          const answer = m.behaviour.resolveImage?.(world, request);
          if (answer) return answer;
        }
        return null;
      },
      emit: (source, level, message, extra) => emit(world, source, level, message, extra),
      raise: (event) => raise(ctx, event),
      dispatch: (action, actor) => applyActionInPlace(world, action, actor),
      withCause: (cause, fn) => withCause(world, cause, fn),
    };
    return ctx;
  }

  function raise(ctx: EngineContext, event: DomainEvent): void {
    const cause: Cause =
      event.eventId === null ? ctx.cause : { kind: 'event', eventId: event.eventId };
    for (const m of activeModules(ctx.world)) {
      const answer = m.behaviour.on;
      if (answer) withCause(ctx.world, cause, () => answer(ctx, event));
    }
  }

  // ── Worlds ─────────────────────────────────────────────────────────────────────────

  function coreWorld(
    scenarioId: string,
    seed: number,
    region: string,
    orchestrator: Orchestrator,
    scenario: ScenarioLike | null,
  ): CoreWorld {
    const info = own(REGIONS, region) ?? REGIONS['eu-west-3']!;
    return {
      scenarioId,
      seed,
      rng: seedState(seed),
      time: 0,
      region,
      azs: [...info.azs],
      azDown: [],
      orchestrator,
      modules: servicesFor(orchestrator, scenario),
      accountId: ACCOUNT_ID,
      cost: { total: 0, perHour: 0, byResource: {}, byKind: {} },
      allowedActions: [],
      scriptCursor: 0,
      nextEventId: 1,
      // Append-only logs last: cloneWorld copies them as arrays and keeps this key order.
      events: [],
      metrics: [],
      log: [],
      script: [],
    };
  }

  function worldOf(core: CoreWorld, scenario: Scenario | null): World {
    const slice = <K extends ModuleName>(name: K): World[K] => {
      const m = modules.find((x): x is ServiceModule<K> => x.name === name);
      if (!m) throw new Error(`the composition has no ${name} module`);
      return m.initial(core, scenario);
    };
    const { events, metrics, log, script, ...head } = core;
    // The append-only logs stay the last keys, as cloneWorld writes them: same key order, same hash.
    return {
      ...head,
      ec2: slice('ec2'),
      docker: slice('docker'),
      ecs: slice('ecs'),
      elb: slice('elb'),
      // Slices that exist only where their module runs (older snapshots and hashes stay as they were).
      ...Object.fromEntries(
        modules
          .filter((m) => m.sliceOnlyWhenActive && core.modules.includes(m.name))
          .map((m) => [m.name, slice(m.name)]),
      ),
      events,
      metrics,
      log,
      script,
    };
  }

  /** A world with nothing in it: for fixtures and tests that build their own state. */
  function emptyWorld(
    options: {
      scenarioId?: string;
      seed?: number;
      region?: string;
      orchestrator?: Orchestrator;
      /** Stands in for a scenario's `initial` when a module asks for it (`{ ecr: {} }` runs the registry). */
      initial?: ScenarioLike['initial'];
    } = {},
  ): World {
    return worldOf(
      coreWorld(
        options.scenarioId ?? 'empty',
        options.seed ?? 1,
        options.region ?? 'eu-west-3',
        options.orchestrator ?? 'ecs',
        options.initial ? { initial: options.initial } : null,
      ),
      null,
    );
  }

  /** Builds the initial world, or explains which part of the scenario cannot be built. */
  function buildWorld(
    scenario: Scenario,
    options: { seed?: number } = {},
  ): Result<World, ScenarioError[]> {
    const seed = options.seed ?? scenario.seed;
    const world = worldOf(
      coreWorld(scenario.id, seed, scenario.region, scenario.orchestrator, scenario),
      scenario,
    );
    world.allowedActions = [...scenario.allowedActions];
    const errors: ScenarioError[] = [];
    const ctx = context(world, 'scenario');
    // The world's own modules build it, in composition order (a module that does not run here has nothing to build).
    for (const m of activeModules(world)) {
      const build = m.behaviour.build;
      if (!build) continue;
      const outcome = withCause(world, { kind: 'scenario' }, () => build(ctx, scenario, errors));
      if (outcome === 'stop') return { ok: false, error: errors };
    }
    if (errors.length > 0) return { ok: false, error: errors };
    world.script = scenario.script.map((s) => ({
      at: s.at,
      by: 'scenario' as const,
      action: s.action,
    }));
    world.script.sort((a, b) => a.at - b.at);
    // The initial state is the scenario's, not a log of actions.
    world.log = [];
    // The meter shows what the starting capacity costs before the first second is billed.
    world.cost.perHour = ratePerHour(world);
    world.metrics.push(sampleMetrics(world));
    return { ok: true, value: world };
  }

  /** The world at time 0. Throws only for a scenario parseScenario would have refused. */
  function createWorld(scenario: Scenario, options: { seed?: number } = {}): World {
    const built = buildWorld(scenario, options);
    if (!built.ok)
      throw new Error(
        `scenario ${scenario.id} cannot be built: ${built.error.map((e) => `${e.path}: ${e.message}`).join('; ')}`,
      );
    return built.value;
  }

  // ── Actions ────────────────────────────────────────────────────────────────────────

  /** Whether the input names an action type of a module whose static part is not loaded yet. */
  function schemasNotLoaded(input: unknown): boolean {
    if (typeof input !== 'object' || input === null || !Object.hasOwn(input, 'type')) return false;
    const type: unknown = (input as { type: unknown }).type;
    if (typeof type !== 'string') return false;
    const found = owner.get(type as ActionType);
    return found !== undefined && !statics.has(found.module.name);
  }

  /** Shape-checks an unknown value as an Action; errors name the field. */
  function validateAction(input: unknown): Result<Action, { field: string; error: string }> {
    const parsed = actionSchema.safeParse(input);
    if (parsed.success) return { ok: true, value: parsed.data };
    if (schemasNotLoaded(input)) {
      const type = (input as { type: ActionType }).type;
      const name = owner.get(type)!.module.name;
      return {
        ok: false,
        error: {
          field: 'type',
          error: `type: ${notLoaded([name], `that handles ${type}`).message}`,
        },
      };
    }
    const issue = parsed.error.issues[0]!;
    const field = issue.path.map(String).join('.') || 'type';
    return { ok: false, error: { field, error: `${field}: ${issue.message}` } };
  }

  function applyAction(
    world: World,
    action: Action,
    by: Actor = 'learner',
  ): { world: World; result: ActionResult } {
    const valid = validateAction(action);
    // An action of a service whose schemas are not loaded is one this world does not run:
    // it gets the same refusal as any action of a service the world does not run (below).
    if (!valid.ok && !schemasNotLoaded(action))
      return { world, result: { ok: false, field: valid.error.field, error: valid.error.error } };
    if (
      by === 'learner' &&
      world.allowedActions.length > 0 &&
      !world.allowedActions.includes(action.type)
    ) {
      return {
        world,
        result: { ok: false, field: 'type', error: `This scenario does not offer ${action.type}.` },
      };
    }
    const draft = takeWorkingCopy(world);
    const result = applyActionInPlace(draft, valid.ok ? valid.value : action, by);
    if (result.ok) return { world: publish(world, draft), result };
    // A refusal usually changes nothing: then the working copy still matches the world.
    if (unchanged(world, draft)) returnWorkingCopy(world, draft);
    return { world, result };
  }

  function definitionFor<T extends ActionType>(
    world: World,
    type: T,
  ): { def: ActionDef<T> } | { error: string } {
    const own = owner.get(type);
    if (own && (own.everywhere || world.modules.includes(own.module.name))) {
      const behaviour = behaviours.get(own.module.name);
      if (!behaviour)
        return { error: notLoaded([own.module.name], `that handles ${type}`).message };
      const def = actionDef(behaviour.actions, type);
      if (def) return { def };
    }
    if (type === 'fault.crash') return { error: '' };
    return {
      error:
        world.orchestrator === 'none'
          ? `${type} needs an orchestrator; this scenario runs plain Docker hosts (orchestrator none).`
          : `${type} is not available with orchestrator ${world.orchestrator}.`,
    };
  }

  function run<T extends ActionType>(
    world: World,
    def: ActionDef<T>,
    action: ActionOf<T>,
    by: Actor,
  ): ActionResult {
    const command = def.command(action, world);
    const cause: Cause = {
      kind: action.type.startsWith('fault.') ? 'fault' : 'action',
      logIndex: world.log.length,
      actionType: action.type,
      by,
    };
    const ctx = context(world, by);
    let result: ActionResult;
    try {
      result = withCause(world, cause, () => def.handle(ctx, action));
    } catch {
      return {
        ok: false,
        field: 'type',
        error: `The sandbox hit a bug in ${action.type}; nothing changed. (This is the sandbox's fault, not yours.)`,
      };
    }
    if (!result.ok) return result;
    world.log.push({ at: world.time, by, action });
    emit(world, by === 'scenario' ? 'scenario' : by, 'info', result.message, { command, cause });
    return { ...result, command };
  }

  /** Applies an action to a draft world the caller owns. On failure the draft may be partly changed. */
  function applyActionInPlace(world: World, action: Action, by: Actor): ActionResult {
    if (!servicesLoaded(world.modules))
      return { ok: false, field: 'type', error: notLoaded(world.modules).message };
    if (action.type === 'fault.crash') return run(world, crashDef, action, by);
    const found = definitionFor(world, action.type);
    if ('error' in found) return { ok: false, field: 'type', error: found.error };
    return runAny(world, found.def, action, by);
  }

  /** The one place an action meets its definition: both are keyed by the same type. */
  function runAny<T extends ActionType>(
    world: World,
    def: ActionDef<T>,
    action: Action & { type: T },
    by: Actor,
  ): ActionResult {
    return run(world, def, action as ActionOf<T>, by);
  }

  /** `fault.crash` belongs to no module: every module is asked whether the target is one of its workloads. */
  const crashDef: ActionDef<'fault.crash'> = {
    command: (action) =>
      `# fault: crash ${action.service ? `a task of service ${action.service}` : action.targetId} (${action.oom ? 'out of memory, exit 137' : `exit code ${action.exitCode ?? 1}`})`,
    handle: (ctx, action) => {
      const oom = action.oom ?? false;
      const exitCode = oom ? OOM_EXIT_CODE : (action.exitCode ?? 1);
      if (action.service === undefined && action.targetId === undefined)
        return {
          ok: false,
          field: 'targetId',
          error: 'Name a container, a task or a service to crash.',
        };
      // Every loaded module is asked, in composition order (one that is not loaded has no workloads here).
      for (const m of modules) {
        const answer = behaviours.get(m.name)?.crash?.(ctx, {
          targetId: action.targetId,
          service: action.service,
          exitCode,
          oom,
        });
        if (answer) return answer;
      }
      return action.service !== undefined
        ? {
            ok: false,
            field: 'service',
            error: `No running task of service ${action.service} to crash.`,
          }
        : { ok: false, field: 'targetId', error: `No container or task ${action.targetId}.` };
    },
  };

  /** The real command behind an action (call before applying it). */
  function commandFor(action: Action, world: World): string {
    if (action.type === 'fault.crash') return crashDef.command(action, world);
    const own = owner.get(action.type);
    if (!own) return '';
    const behaviour = behaviours.get(own.module.name);
    if (!behaviour) throw notLoaded([own.module.name], `that handles ${action.type}`);
    const def = actionDef(behaviour.actions, action.type);
    return def ? commandOf(def, action, world) : '';
  }
  function commandOf<T extends ActionType>(
    def: ActionDef<T>,
    action: Action & { type: T },
    world: World,
  ): string {
    return def.command(action as ActionOf<T>, world);
  }

  // ── The clock ──────────────────────────────────────────────────────────────────────

  function tick(world: World, controllers: Controller[]): void {
    world.time += 1;
    const ctx = context(world, 'scenario');
    for (const c of controllers)
      withCause(world, { kind: 'controller', controller: c.name }, () => c.run(ctx));
  }

  /** Advances a draft world the caller owns by one second, in place. */
  function stepInPlace(world: World): void {
    tick(world, controllersFor(world));
  }

  /** Returns a new world `seconds` later. The input world is not changed. */
  function advance(world: World, seconds: number): World {
    if (!Number.isFinite(seconds) || seconds <= 0) return world;
    const n = Math.min(Math.floor(seconds), LIMITS.advanceSeconds);
    if (n === 0) return world;
    const draft = takeWorkingCopy(world);
    const controllers = controllersFor(draft);
    for (let k = 0; k < n; k++) tick(draft, controllers);
    return publish(world, draft);
  }

  /** Advances a draft in place up to (and including) time `until`. */
  function advanceInPlaceTo(world: World, until: number): void {
    const controllers = controllersFor(world);
    while (world.time < until) tick(world, controllers);
  }

  /**
   * Replays learner and instructor actions (entries `by: 'scenario'` are skipped: the script
   * fires them itself). Returns the world and each action's result, in order.
   */
  function replay(
    scenario: Scenario,
    log: readonly TimedAction[],
    options: ReplayOptions = {},
  ): { world: World; results: ActionResult[] } {
    // `world` is the last published world, `draft` its working copy, run on in place.
    let world: World | null = options.from ?? null;
    let draft = options.from
      ? takeWorkingCopy(options.from)
      : createWorld(scenario, { seed: options.seed });
    const results: ActionResult[] = [];
    for (const entry of log) {
      if (entry.by === 'scenario') continue;
      if (entry.at > draft.time) advanceInPlaceTo(draft, entry.at);
      world = publish(world, draft);
      const applied = applyAction(world, entry.action, entry.by);
      world = applied.world;
      draft = takeWorkingCopy(world);
      results.push(applied.result);
    }
    if (options.until !== undefined) advanceInPlaceTo(draft, options.until);
    return { world: options.detached ? seal(draft) : publish(world, draft), results };
  }

  // ── Billing, metrics, snapshots ────────────────────────────────────────────────────

  /** The bill's current rate in $/hour, as the cost meter shows it. */
  function ratePerHour(world: World): number {
    let perHour = 0;
    for (const m of activeModules(world))
      if (m.behaviour.billing) perHour += m.behaviour.billing.ratePerHour(world);
    return perHour;
  }

  /** A metrics sample of the world as it is now. */
  function sampleMetrics(world: World): MetricSample {
    const sample: MetricSample = {
      time: world.time,
      services: {},
      instances: {},
      pendingTasks: 0,
      costPerHour: 0,
      costTotal: 0,
    };
    for (const m of activeModules(world)) m.behaviour.metrics?.(world, sample);
    sample.costPerHour = round6(world.cost.perHour);
    sample.costTotal = round6(world.cost.total);
    return sample;
  }

  /** Parses a snapshot; never throws. Checks the core's shape and every module's slice. */
  function deserializeWorld(text: string): Result<World, string> {
    const core = checkCoreSnapshot(text);
    if (!core.ok) return core;
    const value = core.value;
    const listed = own(value, 'modules');
    for (const m of modules) {
      const slice = own(value, m.name);
      if (
        m.sliceOnlyWhenActive &&
        slice === undefined &&
        !(Array.isArray(listed) && listed.includes(m.name))
      )
        continue;
      if (typeof slice !== 'object' || slice === null || Array.isArray(slice))
        return { ok: false, error: `snapshot field ${m.name} must be an object` };
      const problem = m.checkSnapshot?.(slice);
      if (problem) return { ok: false, error: `snapshot field ${m.name}: ${problem}` };
    }
    const modulesField = own(value, 'modules');
    if (
      !Array.isArray(modulesField) ||
      !modulesField.every((n) => modules.some((m) => m.name === n))
    )
      return { ok: false, error: 'snapshot field modules must list known service modules' };
    return { ok: true, value: core.world };
  }

  return {
    modules,
    tickOrder: tickOrder.map((c) => c.name),
    loadServices,
    loadServicesFor,
    servicesFor,
    servicesLoaded,
    emptyWorld,
    buildWorld,
    createWorld,
    validateAction,
    applyAction,
    applyActionInPlace,
    commandFor,
    stepInPlace,
    advance,
    advanceInPlaceTo,
    replay,
    ratePerHour,
    sampleMetrics,
    deserializeWorld,
  };
}

const round6 = (n: number) => Math.round(n * 1e6) / 1e6;

export type Engine = ReturnType<typeof createEngine>;
