/**
 * The service-module interface. Each folder under services/ exports one `ServiceModule`;
 * the composition file (sandbox/composition.ts) lists them and the engine (engine.ts) derives
 * everything else from that list: the tick order, the action table, billing, metrics,
 * snapshot checks and who answers which domain event. A module never imports another module
 * nor the composition: it gets an `EngineContext` instead.
 *
 * A module comes in two parts, so a page loads only the services its scenarios use:
 * - the `ServiceModule` itself (services/<svc>/index.ts), small and always loaded: its name,
 *   where it runs, its slice's initial value, which actions it owns, its controllers' names
 *   and order, its snapshot check;
 * - its `ServiceBehaviour` (services/<svc>/<svc>-behaviour.ts), loaded by `load()` (a dynamic
 *   import, so a chunk of its own in the browser): builds, action handlers and commands,
 *   controllers, domain-event answers, billing and metrics. The engine refuses to run a world
 *   whose active modules' behaviour is not loaded (`loadServices`, `loadServicesFor`).
 */
import type { ActionOf, ActionResult, ActionType, Action } from '../model/actions.ts';
import type { ImageResolution, PullRequest } from '../model/images.ts';
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
import type { ServiceStatic } from '../scenarios/statics.ts';

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
  /**
   * What the registries answer for a pull (an ECS task or an EKS pod starting): the first
   * active module that knows the reference answers; null = none does (a public image).
   */
  resolveImage(request: PullRequest): ImageResolution | null;
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
}

export type ActionTable = { [T in ActionType]?: ActionDef<T> };

/** Where a controller runs in the tick: declared with the light part, so the order is known before loading. */
export interface ControllerDecl {
  /** Unique over all modules (`ecs-placement`). */
  name: string;
  /** Controllers this one runs after / before, by name; the engine derives one order at load. */
  after?: readonly string[];
  before?: readonly string[];
}

export interface ControllerDef extends ControllerDecl {
  run(ctx: EngineContext): void;
}

/** A crash the core `fault.crash` asks every module about; null = not one of mine. */
export interface CrashRequest {
  targetId?: string | undefined;
  service?: string | undefined;
  exitCode: number;
  oom: boolean;
}

/** What a module's `activeFor` may read of a scenario. */
export interface ScenarioLike {
  initial?: Partial<Record<string, unknown>>;
}

/** A service module's light part: always loaded, enough to create, check and describe its slice. */
export interface ServiceModule<K extends ModuleName = ModuleName> {
  name: K;
  /**
   * Whether the module runs (controllers, actions) in a world of this orchestrator; a module may
   * also ask the scenario (ECR runs where `initial.ecr` is given).
   */
  activeFor(orchestrator: Orchestrator, scenario?: ScenarioLike | null): boolean;
  /**
   * The slice exists only in worlds where the module is active (a later module whose slice
   * older worlds, snapshots and hashes never had).
   */
  sliceOnlyWhenActive?: boolean;
  /** The slice's value in a new world. */
  initial(core: CoreWorld, scenario: Scenario | null): World[K];
  /** The action types its behaviour handles where the module is active. */
  handles: readonly ActionType[];
  /** Action types it handles in every world, not only where it is active (faults about its resources). */
  handlesEverywhere?: readonly ActionType[];
  /** Its controllers' names and places in the tick; the behaviour's `run` implements each. */
  controllers: readonly ControllerDecl[];
  /** Checks a snapshot's slice; returns what is wrong, or null. */
  checkSnapshot?(slice: unknown): string | null;
  /**
   * Keys of the slice's large id → entity collections that publishing compares only where an
   * entity was `touch`ed (engine/cow.ts): its handlers and controllers touch an entity of
   * such a collection before writing into it.
   */
  tracked?: readonly string[];
  /** The event sources this module emits. */
  eventSources: readonly EventSource[];
  /** Loads the behaviour (a dynamic import: a chunk of its own in the browser). */
  load(): Promise<ServiceBehaviour<K>>;
  /**
   * Its static part (services/<svc>/static.ts: action schemas, scenario keys, goals), for a
   * service whose schemas are not in the engine chunk; loaded and registered with its behaviour.
   */
  loadStatic?(): Promise<ServiceStatic>;
}

/** A service module's behaviour: loaded on demand, before a world that runs the module is built or stepped. */
export interface ServiceBehaviour<K extends ModuleName = ModuleName> {
  name: K;
  /** Builds the scenario's initial state of this slice (time 0); pushes what cannot be built. */
  build?(ctx: EngineContext, scenario: Scenario, errors: ScenarioError[]): 'stop' | void;
  /** One definition per type in `handles` and `handlesEverywhere`. */
  actions: ActionTable;
  /** One function per declared controller, by name. */
  run: Readonly<Record<string, (ctx: EngineContext) => void>>;
  /** What the module does for its own workloads when infrastructure announces something. */
  on?(ctx: EngineContext, event: DomainEvent): void;
  crash?(ctx: EngineContext, request: CrashRequest): ActionResult | null;
  /** Billing: the current rate of this module's resources, and charging one second of it. */
  billing?: {
    ratePerHour(world: World): number;
    /** Charges the second that ended; returns the $/hour it charged at. */
    chargeSecond(ctx: EngineContext): number;
  };
  /** Answers a pull for a reference in this module's registry; null = not one of mine. */
  resolveImage?(world: World, request: PullRequest): ImageResolution | null;
  /** Adds this module's part to a metrics sample. */
  metrics?(world: World, sample: MetricSample): void;
}

/** Typed lookup in a module's action table (the key ties the definition to its action type). */
export function actionDef<T extends ActionType>(
  table: ActionTable,
  type: T,
): ActionDef<T> | undefined {
  return table[type];
}
