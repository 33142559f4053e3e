/**
 * The EKS side of a sandbox, behind a dynamic-import boundary: the Kubernetes view
 * (./eks/EksView.tsx, its view models and forms) is a chunk of its own that only an EKS
 * scenario's island loads.
 *
 * The server starts loading it as soon as this module is evaluated, long before the page's
 * frontmatter has finished and the island renders, and a loaded module is handed to React
 * through a thenable that answers at once: so the page is rendered with the view drawn (no
 * fallback to swap in later). On the client, hydration keeps the server's HTML until the
 * chunk has arrived, then takes it over.
 */
import { lazy, memo, Suspense } from 'react';
import type * as EksViewExports from './eks/EksView.tsx';
import './eks.css';

type EksViewModule = typeof EksViewExports;

let loaded: EksViewModule | null = null;
const load = () => import('./eks/EksView.tsx').then((m) => (loaded = m));
if (import.meta.env.SSR) void load();

/** A thenable that calls back at once: React's lazy() then renders without suspending. */
function settled(module: EksViewModule): Promise<EksViewModule> {
  const thenable = {
    then(resolve: (m: EksViewModule) => void) {
      resolve(module);
      return thenable;
    },
  };
  return thenable as unknown as Promise<EksViewModule>;
}

const EksView = lazy(() => (loaded ? settled(loaded) : load()));

export const EksPlane = memo(function EksPlane() {
  return (
    <Suspense
      fallback={
        <div className="sbx-plane">
          <p className="sbx-muted">Loading the Kubernetes view…</p>
        </div>
      }
    >
      <EksView />
    </Suspense>
  );
});
