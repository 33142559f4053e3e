/**
 * Code that loads when a learner first opens something (a panel, the Kubernetes view) can fail
 * to arrive: offline before the course was cached, a dropped classroom connection. Without a
 * boundary React would take the whole sandbox down; with one, the part that failed says so and
 * offers to try again (a browser fetches a failed `import()` again when it is asked again).
 */
import {
  Component,
  lazy,
  type ComponentType,
  type LazyExoticComponent,
  type ReactNode,
} from 'react';

/** Lazy components whose load failed, each with a way to make a fresh one. */
const failedLoads = new Set<() => void>();

/** Makes every failed lazy component load again when next rendered ("Try again"). */
function retryFailedLoads(): void {
  for (const renew of failedLoads) renew();
  failedLoads.clear();
}

/**
 * `lazy`, except that a load that failed can be tried again: React keeps a failed lazy
 * component failed, so "Try again" (`LoadBoundary`) swaps it for a fresh one. Only then:
 * swapping at once would have React's own re-render after an error start the next attempt,
 * and again, for as long as the connection is down.
 */
export function retryableLazy<T extends ComponentType<never>>(
  load: () => Promise<{ default: T }>,
): T {
  type Loose = ComponentType<object>;
  const fresh = (): LazyExoticComponent<Loose> =>
    lazy(() =>
      load().then(
        (module) => ({ default: module.default as unknown as Loose }),
        (error: unknown) => {
          failedLoads.add(renew);
          throw error;
        },
      ),
    );
  const renew = () => {
    current = fresh();
  };
  let current = fresh();
  function Retryable(props: object) {
    const Current = current;
    return <Current {...props} />;
  }
  return Retryable as unknown as T;
}

/** How Chromium, Firefox and Safari word an `import()` whose module did not arrive. */
const MODULE_NOT_FETCHED =
  /Failed to fetch dynamically imported module|error loading dynamically imported module|Importing a module script failed/i;

/** Whether an error is code that did not arrive, rather than code that arrived and failed. */
export function isModuleNotFetched(error: Error): boolean {
  return MODULE_NOT_FETCHED.test(error.message);
}

/** The part that failed, why, and a way to try again. */
export function LoadFailure({
  what,
  reason,
  onRetry,
  alert = false,
  crashed = false,
}: {
  /** What did not load, as the start of a sentence: "The Editor panel". */
  what: string;
  reason: string;
  onRetry: () => void;
  /** Announce it (when nothing else tells a screen reader). */
  alert?: boolean;
  /** The code arrived and then failed: not a connection problem. */
  crashed?: boolean;
}) {
  return (
    <div className="sbx-load-failure" role={alert ? 'alert' : undefined}>
      <p>
        <strong>
          <span aria-hidden="true">⚠ </span>
          {crashed ? `${what} stopped with an error.` : `${what} could not load.`}
        </strong>{' '}
        {crashed ? 'Try again, or reload the page.' : 'Check the connection, then try again.'}{' '}
        <span className="sbx-muted">({reason})</span>
      </p>
      <button type="button" className="sbx-btn sbx-btn-small" onClick={onRetry}>
        Try again
      </button>
    </div>
  );
}

interface BoundaryProps {
  what: string;
  children: ReactNode;
}

/**
 * Catches a part's failure to load (or, told apart by its message, to render) and shows
 * `LoadFailure` in its place. React
 * logs the error it caught to the console, for whoever debugs it.
 */
export class LoadBoundary extends Component<BoundaryProps, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: unknown): { error: Error } {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <LoadFailure
        what={this.props.what}
        reason={error.message}
        crashed={!isModuleNotFetched(error)}
        onRetry={() => {
          retryFailedLoads();
          this.setState({ error: null });
        }}
        alert
      />
    );
  }
}
