/**
 * `serviceActiveFor` (sandbox/view.ts) answers as the engine does: for every scenario the
 * sandbox ships and every service, it says a service runs exactly where the composition runs
 * it, so the Registry and Workflow runs tabs appear exactly where ECR and the pipeline run.
 */
import { describe, expect, it } from 'vitest';
import { servicesFor, type Scenario } from '../../sandbox/index.ts';
import { serviceActiveFor } from '../../sandbox/view.ts';
import type { ModuleName } from '../../sandbox/model/types.ts';
import { EXTRA_PANELS, selectPanels } from '../../src/components/sandbox/panels/registry.ts';
import { loadScenario, scenarioFiles } from '../sandbox/helpers.ts';

const MODULES: readonly ModuleName[] = ['ec2', 'elb', 'docker', 'ecs', 'eks', 'ecr', 'pipeline'];
const active = (scenario: Pick<Scenario, 'orchestrator' | 'initial'>) =>
  MODULES.filter((m) => serviceActiveFor(m, scenario));

describe('serviceActiveFor', () => {
  it.each(scenarioFiles())('agrees with the engine for %s', (file) => {
    const scenario = loadScenario(file);
    expect(active(scenario)).toEqual(
      MODULES.filter((m) => servicesFor(scenario.orchestrator, scenario).includes(m)),
    );
  });

  it('runs ECR only in an orchestrated world with a registry, the pipeline only in EKS with a repository', () => {
    const initial = (keys: Record<string, unknown>) => keys as Scenario['initial'];
    expect(active({ orchestrator: 'none', initial: initial({ ecr: {} }) })).toEqual([
      'ec2',
      'elb',
      'docker',
    ]);
    expect(active({ orchestrator: 'ecs', initial: initial({ ecr: {}, pipeline: {} }) })).toEqual([
      'ec2',
      'elb',
      'ecs',
      'ecr',
    ]);
    expect(active({ orchestrator: 'eks', initial: initial({ pipeline: {} }) })).toEqual([
      'ec2',
      'elb',
      'eks',
      'pipeline',
    ]);
    expect(active({ orchestrator: 'eks', initial: initial({}) })).toEqual(['ec2', 'elb', 'eks']);
  });

  it.each(scenarioFiles())(
    'offers the Registry and Workflow runs tabs where their services run in %s',
    (file) => {
      const scenario = loadScenario(file);
      const ids = selectPanels(undefined, EXTRA_PANELS, scenario).map((p) => p.id);
      expect(ids.includes('registry')).toBe(serviceActiveFor('ecr', scenario));
      expect(ids.includes('runs')).toBe(serviceActiveFor('pipeline', scenario));
    },
  );
});
