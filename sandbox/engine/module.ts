/**
 * The service-module interface. Each folder under services/ exports one `ServiceModule`;
 * the composition file (sandbox/composition.ts) lists them and the engine (engine.ts) derives
 * everything else from that list: the tick order, the action table, billing, metrics,
 * snapshot checks and who answers which domain event. A module never imports another module
 * nor the composition: it gets an `EngineContext` instead.
 */
import type { z } from 'zod';
import type { ActionOf, ActionResult, ActionType, Action } from '../model/actions.ts';
import type {
  Actor,
  Cause,
  CoreWorld,
  DomainEvent,
  EventLevel,
  EventSource,
  MetricSample,
  ModuleName,
  Orchestrator,
  World,
} from '../model/types.ts';
import type { Scenario, ScenarioError } from '../scenarios/schema.ts';
import type { GoalName } from '../goals/registry-names.ts';

/** What a handler or a controller may use besides the world it is given. */
export interface EngineContext {
  /** The draft world of this action or tick (a private copy: mutate it). */
  readonly world: World;
  /** Who acted, for action handlers; 'scenario' inside controllers. */
  readonly by: Actor;
  /** The cause every event emitted now records (see README "Causes"). */
  readonly cause: Cause;
  /** A whole number in [min, max] from the world's PRNG. */
  randomInt(min: number, max: number): number;
  /** Appends a learner-visible event; returns its id. */
  emit(
    source: EventSource,
    level: EventLevel,
    message: string,
    extra?: { command?: string; subject?: string; cause?: Cause },
  ): number;
  /** Announces a domain event; every active module that answers it does so now, in composition order. */
  raise(event: DomainEvent): void;
  /** Applies an action as `by` would (scenario scripts, faults a controller fires). */
  dispatch(action: Action, by: Actor): ActionResult;
  /** Runs `fn` with another cause for the events it emits. */
  withCause<T>(cause: Cause, fn: () => T): T;
}

export interface ActionDef<T extends ActionType> {
  /** Validates against the world, then mutates the draft; a refusal changes nothing that matters. */
  handle(ctx: EngineContext, action: ActionOf<T>): ActionResult;
  /** The real aws/docker command, computed before the action is applied. */
  command(action: ActionOf<T>, world: World): string;
  /** Available in every world, not only where the module is active (faults about its resources). */
  always?: boolean;
}

export type ActionTable = { [T in ActionType]?: ActionDef<T> };

export interface ControllerDef {
  /** Unique over all modules (`ecs-placement`). */
  name: string;
  /** Controllers this one runs after / before, by name; the engine derives one order at load. */
  after?: readonly string[];
  before?: readonly string[];
  run(ctx: EngineContext): void;
}

/** A crash the core `fault.crash` asks every module about; null = not one of mine. */
export interface CrashRequest {
  targetId?: string | undefined;
  service?: string | undefined;
  exitCode: number;
  oom: boolean;
}

export interface ServiceModule<K extends ModuleName = ModuleName> {
  name: K;
  /** Whether the module runs (controllers, actions) in a world of this orchestrator. */
  activeFor(orchestrator: Orchestrator): boolean;
  /**
   * The slice exists only in worlds where the module is active (a later module whose slice
   * older worlds, snapshots and hashes never had).
   */
  sliceOnlyWhenActive?: boolean;
  /** The slice's value in a new world. */
  initial(core: CoreWorld, scenario: Scenario | null): World[K];
  /** The scenario `initial` keys this module builds from, with their schemas. */
  initialSchema?: Partial<Record<keyof Scenario['initial'], z.ZodType>>;
  /** Builds the scenario's initial state of this slice (time 0); pushes what cannot be built. */
  build?(ctx: EngineContext, scenario: Scenario, errors: ScenarioError[]): 'stop' | void;
  actions: ActionTable;
  controllers: readonly ControllerDef[];
  /** What the module does for its own workloads when infrastructure announces something. */
  on?(ctx: EngineContext, event: DomainEvent): void;
  crash?(ctx: EngineContext, request: CrashRequest): ActionResult | null;
  /** Billing: the current rate of this module's resources, and charging one second of it. */
  billing?: {
    ratePerHour(world: World): number;
    /** Charges the second that ended; returns the $/hour it charged at. */
    chargeSecond(ctx: EngineContext): number;
  };
  /** Adds this module's part to a metrics sample. */
  metrics?(world: World, sample: MetricSample): void;
  /** Checks a snapshot's slice; returns what is wrong, or null. */
  checkSnapshot?(slice: unknown): string | null;
  /** The event sources this module emits. */
  eventSources: readonly EventSource[];
  /** Goals that read this module's slice. */
  goals?: readonly GoalName[];
}

/** Typed lookup in a module's action table (the key ties the definition to its action type). */
export function actionDef<T extends ActionType>(
  table: ActionTable,
  type: T,
): ActionDef<T> | undefined {
  return table[type];
}
