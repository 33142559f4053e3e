/**
 * Extra panels (tabs) for the sandbox island — the extension point for the terminal and
 * the task-definition editor.
 *
 * To add one, put an entry in EXTRA_PANELS. `load` is called only when the learner first
 * opens the tab, so a heavy panel (Monaco) stays out of the lesson page's initial JS: keep
 * the import dynamic. The component receives the island's actor (read it with
 * `useSelector`) and `act`, which sends a learner action, announces the outcome and
 * returns the engine's ActionResult. A lesson can choose which extra panels a block shows:
 * `<Sandbox scenario="…" panels={['terminal']} />`; without `panels`, every registered
 * panel is shown.
 */
import type { ComponentType } from 'react';
import type { Action, ActionResult, SandboxActor, Scenario } from '@sandbox';
import { serviceActiveFor } from '@sandbox/view.ts';

export interface SandboxPanelProps {
  actor: SandboxActor;
  scenario: Scenario;
  act: (action: Action) => ActionResult | null;
}

export interface ExtraPanel {
  /** Stable id, used in `panels={[…]}` and in element ids. Lowercase, digits, hyphens. */
  id: string;
  /** The tab's visible name. */
  label: string;
  load: () => Promise<{ default: ComponentType<SandboxPanelProps> }>;
  /** Whether the panel applies to a scenario (default: every scenario), e.g. where its service runs. */
  availableFor?: (scenario: Pick<Scenario, 'orchestrator' | 'initial'>) => boolean;
}

export const EXTRA_PANELS: readonly ExtraPanel[] = [
  {
    id: 'registry',
    label: 'Registry',
    load: () => import('../ecr/RegistryPanel.tsx'),
    availableFor: (scenario) => serviceActiveFor('ecr', scenario),
  },
  {
    id: 'terminal',
    label: 'Terminal',
    load: () => import('@components/terminal/TerminalPanel.tsx'),
  },
  { id: 'editor', label: 'Editor', load: () => import('@components/editor/EditorPanel.tsx') },
  {
    id: 'runs',
    label: 'Workflow runs',
    load: () => import('@components/sandbox/pipeline/RunsPanel.tsx'),
    availableFor: (scenario) => serviceActiveFor('pipeline', scenario),
  },
];

/**
 * The extra panels a block shows: those named in `ids` (in that order), or all; with a scenario,
 * only those available for it.
 */
export function selectPanels(
  ids: readonly string[] | undefined,
  registry: readonly ExtraPanel[] = EXTRA_PANELS,
  scenario?: Pick<Scenario, 'orchestrator' | 'initial'>,
): ExtraPanel[] {
  const available = scenario
    ? registry.filter((panel) => panel.availableFor?.(scenario) ?? true)
    : registry;
  if (!ids) return [...available];
  return ids.flatMap((id) => available.filter((panel) => panel.id === id));
}
