/** The workflow editor's JSON schema agrees with the parser on real and broken workflows. */
import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { buildWorkflowSchema } from '../../src/lib/workflow-schema/index.ts';
import * as tools from '../../sandbox/services/pipeline/workflow-tools.ts';

const schema = buildWorkflowSchema(tools);
const ajv = new Ajv({ allErrors: true });
const validate = ajv.compile(schema);
const check = (text: string) => {
  const ok = validate(parse(text));
  // ajv 6 names the place as dataPath (".jobs.build.steps[0].uses").
  const errors = (validate.errors ?? []).map(
    (e) => `${(e as { dataPath?: string }).dataPath ?? ''} ${e.message}`,
  );
  return { ok, errors };
};

describe('workflow JSON schema', () => {
  it('accepts the reference workflow and the amazon-ecr-login README steps (both parse too)', () => {
    const reference = tools.REFERENCE_WORKFLOW('eu-west-3');
    expect(check(reference)).toEqual({ ok: true, errors: [] });
    expect(tools.parseWorkflow(reference).ok).toBe(true);
    const readme = readFileSync(
      new URL('./fixtures/ecr-login-readme.yml', import.meta.url),
      'utf8',
    );
    expect(check(readme)).toEqual({ ok: true, errors: [] });
  });

  it('refuses an unknown key, an unknown action and an unknown input, as the parser does', () => {
    const base = tools.REFERENCE_WORKFLOW('eu-west-3');
    expect(check(base.replace('runs-on: ubuntu-latest', 'runs_on: ubuntu-latest')).ok).toBe(false);
    expect(check(base.replace('actions/checkout@v4', 'azure/setup-kubectl@v4')).errors).toContain(
      ".jobs['build'].steps[0].uses should be equal to one of the allowed values",
    );
    expect(check(base.replace('role-to-assume:', 'role-to-asume:')).errors).toContain(
      ".jobs['build'].steps[3].with should NOT have additional properties",
    );
  });

  it('documents every key and every input of every action (hover docs)', () => {
    const text = JSON.stringify(schema);
    for (const a of tools.ACTIONS) for (const i of a.inputs) expect(text).toContain(i.description);
    for (const group of Object.values(tools.WORKFLOW_KEYS))
      for (const d of Object.values(group)) expect(text).toContain(JSON.stringify(d).slice(1, -1));
  });
});
