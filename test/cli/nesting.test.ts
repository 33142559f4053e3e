import { describe, expect, it } from 'vitest';
import { runCommandLine } from '../../sandbox/cli/index.ts';
import { nestingDepth } from '../../sandbox/model/nesting.ts';
import { parseActionsFile } from '../../sandbox/scenarios/load.ts';
import { ecsWorld } from './worlds.ts';

const world = ecsWorld();
const run = (line: string) =>
  runCommandLine(line, { world, files: {}, session: { dockerContext: null } }).output;
const deep = '['.repeat(20_000) + ']'.repeat(20_000);

describe('input nested too deep says what the limit is', () => {
  it('counts brackets outside strings only', () => {
    expect(nestingDepth('{"a": [[1], {"b": "[[[["}]}')).toBe(3);
  });

  it('--cli-input-json', () => {
    expect(run(`aws ecs register-task-definition --cli-input-json '${deep}'`)).toEqual({
      stdout: '',
      stderr:
        "\nError parsing parameter 'cli-input-json': Invalid JSON: nested 20000 levels deep; the limit is 100 levels of [ ] and { }",
      exitCode: 252,
    });
  });

  it('a JSON structure parameter', () => {
    const out = run(
      `aws ecs update-service --cluster demo --service web --placement-strategy '${deep}'`,
    );
    expect(out.exitCode).toBe(252);
    expect(out.stderr).toContain(
      "Error parsing parameter '--placement-strategy': Invalid JSON: nested 20000 levels deep; the limit is 100 levels of [ ] and { }",
    );
  });

  it('an actions file', () => {
    expect(parseActionsFile(deep)).toEqual({
      ok: false,
      error: [
        {
          path: '',
          message: 'actions file nested 20000 levels deep; the limit is 100 levels of [ ] and { }',
        },
      ],
    });
  });
});
