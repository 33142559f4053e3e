/**
 * The EKS side of a sandbox, behind a dynamic-import boundary: the Kubernetes view
 * (./eks/EksView.tsx, its view models and forms) is a chunk of its own that only an EKS
 * scenario's island loads. The server still renders it in full: React streams the finished
 * view in place of the fallback (its small completion script is hashed into the page's CSP
 * like Astro's own), and on the client hydration keeps that HTML until the chunk has arrived.
 */
import { memo, Suspense } from 'react';
import { LoadBoundary, retryableLazy } from './load-boundary.tsx';

const EksView = retryableLazy(() => import('./eks/EksView.tsx'));

export const EksPlane = memo(function EksPlane() {
  return (
    <LoadBoundary what="The Kubernetes view">
      <Suspense
        fallback={
          <div className="sbx-plane">
            <p className="sbx-muted">Loading the Kubernetes view…</p>
          </div>
        }
      >
        <EksView />
      </Suspense>
    </LoadBoundary>
  );
});
