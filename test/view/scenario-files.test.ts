import { describe, expect, it } from 'vitest';
import { findScenarioFile, scenarioIdFromPath } from '../../src/lib/sandbox-view/scenario-files.ts';
import { isAllowed, isFault } from '../../src/lib/sandbox-view/allowed-actions.ts';

const files = {
  '/sandbox/scenarios/ecs-no-agent.yaml': 'id: ecs-no-agent',
  '/sandbox/scenarios/fargate-service.yaml': 'id: fargate-service',
};

describe('finding a scenario file at build time', () => {
  it('finds a file by id', () => {
    expect(findScenarioFile(files, 'ecs-no-agent')).toEqual({
      ok: true,
      fileName: 'sandbox/scenarios/ecs-no-agent.yaml',
      text: 'id: ecs-no-agent',
    });
    expect(scenarioIdFromPath('/a/b/c.yml')).toBe('c');
  });

  it('names the missing id and lists the available ones', () => {
    expect(findScenarioFile(files, 'ecs-typo')).toEqual({
      ok: false,
      message:
        '<Sandbox scenario="ecs-typo">: there is no scenario "ecs-typo" (expected sandbox/scenarios/ecs-typo.yaml). Available: ecs-no-agent, fargate-service.',
    });
    expect(findScenarioFile({}, 'x')).toMatchObject({ ok: false });
  });
});

describe('allowed actions', () => {
  it('treats an empty list as everything and otherwise checks membership', () => {
    expect(isAllowed({ allowedActions: [] }, 'fault.crash')).toBe(true);
    expect(
      isAllowed({ allowedActions: ['docker.container.place'] }, 'docker.container.place'),
    ).toBe(true);
    expect(isAllowed({ allowedActions: ['docker.container.place'] }, 'ec2.instance.launch')).toBe(
      false,
    );
    expect(isFault('fault.az-outage')).toBe(true);
    expect(isFault('ec2.instance.terminate')).toBe(false);
  });
});
