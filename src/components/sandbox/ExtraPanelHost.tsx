/** Loads an extra panel on first open and renders it with the island's actor. */
import { lazy, Suspense, useMemo } from 'react';
import type { ExtraPanel, SandboxPanelProps } from './panels/registry.ts';

export function ExtraPanelHost({ panel, ...props }: { panel: ExtraPanel } & SandboxPanelProps) {
  const Panel = useMemo(() => lazy(panel.load), [panel]);
  return (
    <Suspense fallback={<p className="sbx-muted">Loading {panel.label}…</p>}>
      <Panel {...props} />
    </Suspense>
  );
}
