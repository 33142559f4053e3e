/**
 * The registry panel's text, worked out from real scenario worlds: repositories sorted by name,
 * images newest push first with their tags, short digests, ages, sizes and scans, the
 * workstation's login, the lifecycle policy's state and the roles the registry refuses.
 */
import { describe, expect, it } from 'vitest';
import { advance, applyAction, createWorld, type Action, type World } from '../../sandbox/index.ts';
import { loadScenario } from '../sandbox/helpers.ts';
import {
  ago,
  clock,
  megabytes,
  registryRows,
  shortDigest,
} from '../../src/components/sandbox/ecr/registry-view.ts';
import { EXTRA_PANELS, selectPanels } from '../../src/components/sandbox/panels/registry.ts';

const REGISTRY = '123456789012.dkr.ecr.eu-west-3.amazonaws.com';

function act(w: World, action: Action): World {
  const r = applyAction(w, action);
  if (!r.result.ok) throw new Error(`${action.type}: ${r.result.error}`);
  return r.world;
}

describe('the registry panel', () => {
  it('has nothing to show in a world without a registry', () => {
    expect(registryRows(createWorld(loadScenario('eks-no-nodes.yaml')))).toBeNull();
  });

  it('starts empty and logged out in the first-push challenge, then shows the pushed, scanned image', () => {
    let w = createWorld(loadScenario('ecr-first-push.yaml'));
    expect(registryRows(w)).toEqual({
      host: REGISTRY,
      login: 'Docker on the workstation is not logged in to this registry.',
      repositories: [],
      denied: [],
    });
    w = act(advance(w, 10), { type: 'docker.image.build', tags: [`${REGISTRY}/web:1.0`] });
    w = act(w, { type: 'docker.login', registry: REGISTRY });
    w = act(w, { type: 'ecr.repository.create', name: 'web', scanOnPush: true });
    w = act(w, { type: 'docker.image.push', image: `${REGISTRY}/web:1.0` });
    const pushed = registryRows(w)!;
    expect(pushed.login).toBe(
      'Docker on the workstation is logged in to this registry (token valid 12 h 0 min more).',
    );
    const repo = pushed.repositories[0]!;
    expect({ ...repo, images: undefined }).toEqual({
      name: 'web',
      uri: `${REGISTRY}/web`,
      mutability: 'MUTABLE',
      scanOnPush: true,
      lifecycle: 'none',
      images: undefined,
      expired: [],
    });
    const digest = Object.keys(w.ecr!.repositories['web']!.images)[0]!;
    expect(repo.images).toEqual([
      {
        digest,
        shortDigest: shortDigest(digest),
        tags: ['1.0'],
        pushed: 'just now',
        size: megabytes(w.ecr!.repositories['web']!.images[digest]!.sizeInBytes),
        scan: 'in progress',
      },
    ]);
    w = advance(w, 60);
    expect(registryRows(w)!.repositories[0]!.images[0]!.scan).toBe('complete: 1 HIGH, 1 LOW');
    expect(registryRows(w)!.repositories[0]!.images[0]!.pushed).toBe('1 min ago');
    // Only the clock matters to the login line: the same world twelve hours on.
    expect(registryRows({ ...w, time: w.time + 12 * 3600 })!.login).toBe(
      'Docker’s login to this registry has expired (a token lasts 12 hours): log in again.',
    );
  });

  it('lists the lifecycle challenge’s twelve images newest first, untagged ones included', () => {
    const rows = registryRows(createWorld(loadScenario('ecr-lifecycle-preview.yaml')))!;
    expect(rows.repositories[0]!.images.map((i) => [i.tags.join(','), i.pushed, i.size])).toEqual([
      ['v8', '1 day ago', '59.0 MB'],
      ['v7', '5 days ago', '58.0 MB'],
      ['', '10 days ago', '58.0 MB'],
      ['v6', '15 days ago', '58.0 MB'],
      ['', '16 days ago', '57.0 MB'],
      ['v5', '20 days ago', '57.0 MB'],
      ['v4', '25 days ago', '57.0 MB'],
      ['', '28 days ago', '56.0 MB'],
      ['v3,prod-2', '30 days ago', '56.0 MB'],
      ['v2', '35 days ago', '56.0 MB'],
      ['v1', '40 days ago', '55.0 MB'],
      ['prod-1', '60 days ago', '55.0 MB'],
    ]);
    expect(
      rows.repositories[0]!.images.every((i) => /^sha256:[0-9a-f]{12}$/.test(i.shortDigest)),
    ).toBe(true);
  });

  it('shows a put policy waiting for its first pass, then what it expired', () => {
    const scenario = loadScenario('ecr-lifecycle-preview.yaml');
    const put = scenario.solution.find((s) => s.action.type === 'ecr.lifecycle-policy.put')!.action;
    let w = act(advance(createWorld(scenario), 60), put);
    expect(registryRows(w)!.repositories[0]!.lifecycle).toBe(
      "3 rules, put at 00:01:00; the registry's next pass at 00:31:00",
    );
    w = advance(w, 1900);
    const repo = registryRows(w)!.repositories[0]!;
    expect(repo.lifecycle).toBe("3 rules, put at 00:01:00; the registry's next pass at 24:31:00");
    expect(repo.expired.map((e) => e.tags.join(',') || 'untagged')).toEqual([
      'v1',
      'v2',
      'untagged',
      'untagged',
    ]);
    expect(repo.images.map((i) => i.tags.join(',') || 'untagged')).toEqual([
      'v8',
      'v7',
      'untagged',
      'v6',
      'v5',
      'v4',
      'v3,prod-2',
      'prod-1',
    ]);
  });

  it('names the node role the registry refuses once its read policy is detached', () => {
    const w = advance(createWorld(loadScenario('ecr-pull-permission.yaml')), 61);
    expect(registryRows(w)!.denied).toEqual(['arn:aws:iam::123456789012:role/eks-nodegroup-role']);
  });

  it('words ages and sizes', () => {
    expect([
      ago(0),
      ago(59),
      ago(60),
      ago(3599),
      ago(3600),
      ago(86_399),
      ago(86_400),
      ago(2 * 86_400),
    ]).toEqual([
      'just now',
      'just now',
      '1 min ago',
      '59 min ago',
      '1 h ago',
      '23 h ago',
      '1 day ago',
      '2 days ago',
    ]);
    expect(megabytes(65_172_040)).toBe('65.2 MB');
    expect([clock(0), clock(1860), clock(88_260)]).toEqual(['00:00:00', '00:31:00', '24:31:00']);
    expect(shortDigest(`sha256:${'a'.repeat(64)}`)).toBe('sha256:aaaaaaaaaaaa');
  });
});

describe('the Registry tab', () => {
  const ids = (scenario: Parameters<typeof selectPanels>[2]) =>
    selectPanels(undefined, EXTRA_PANELS, scenario).map((panel) => panel.id);

  it('is there only where the ECR service runs: a scenario with a registry', () => {
    expect(ids({ orchestrator: 'eks', initial: { ecr: {} } as never })).toEqual([
      'registry',
      'terminal',
      'editor',
    ]);
    expect(ids({ orchestrator: 'ecs', initial: { ecr: {} } as never })).toEqual([
      'registry',
      'terminal',
      'editor',
    ]);
    expect(ids({ orchestrator: 'ecs', initial: {} as never })).toEqual(['terminal', 'editor']);
    expect(ids({ orchestrator: 'none', initial: { ecr: {} } as never })).toEqual([
      'terminal',
      'editor',
    ]);
  });
});
