import { describe, expect, it, vi } from 'vitest';
import type * as Yaml from 'yaml';

const yamlCalls = vi.hoisted(() => ({ count: 0 }));
vi.mock('yaml', async (importOriginal) => {
  const yaml = await importOriginal<typeof Yaml>();
  return {
    ...yaml,
    parseDocument: (...args: Parameters<typeof yaml.parseDocument>) => {
      yamlCalls.count++;
      return yaml.parseDocument(...args);
    },
  };
});

// The setup file's loadServices() loads the pipeline's runner, which brings the terminal and with
// it sandbox/index.ts: load the actions-file parser afresh, so it imports the mocked yaml.
vi.resetModules();
const { parseActionsFile } = await import('../../sandbox/scenarios/load.ts');

describe('a JSON actions file', () => {
  it('of 4.7 MB takes the JSON path, not the YAML parser', () => {
    const entry = (i: number) => ({
      at: i,
      action: {
        type: 'ecs.service.update',
        service: `web-${'x'.repeat(240)}`,
        desiredCount: i % 7,
      },
    });
    const text = JSON.stringify(
      Array.from({ length: 10000 }, (_, i) => entry(i)),
      null,
      8,
    );
    expect(text.length).toBeGreaterThan(4_700_000);
    yamlCalls.count = 0;
    const r = parseActionsFile(text);
    expect(r.ok && r.value.length).toBe(10000);
    expect(yamlCalls.count).toBe(0);
  });

  it('with a mistake still names its line and column (through the YAML parser)', () => {
    yamlCalls.count = 0;
    const r = parseActionsFile(
      '[\n  {"at": 0, "action": {"type": "ecs.service.update", "service": 7}}\n]',
    );
    expect(yamlCalls.count).toBe(1);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error[0]).toMatchObject({ path: '[0].action.service', line: 2 });
  });
});
