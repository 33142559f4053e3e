/**
 * The workflow parser. Real workflow files from public repositories are fixtures:
 * - simplebank-deploy.yml: techschool/simplebank, .github/workflows/deploy.yml
 * - bishoy-samwel-cd.yml: Bishoy-Samwel/eks-github-actions, .github/workflows/cd.yml (first job)
 * - ecr-login-readme.yml: the steps of aws-actions/amazon-ecr-login's README ("Building and
 *   pushing an image"), inside a minimal job header.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseWorkflow, resolveAction } from '../../sandbox/services/pipeline/workflow.ts';

const fixture = (name: string) =>
  readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const PATH = '.github/workflows/deploy.yml';

describe('real workflows', () => {
  it('reads techschool/simplebank deploy.yml: one job, eight steps, push to master', () => {
    const r = parseWorkflow(fixture('simplebank-deploy.yml'));
    if (!r.ok) throw new Error(r.text);
    const wf = r.workflow;
    expect(wf.name).toBe('Deploy to production');
    expect(wf.pushBranches).toEqual(['master']);
    expect(wf.permissions).toBeNull();
    expect(wf.jobs.map((j) => [j.id, j.name, j.runsOn])).toEqual([
      ['deploy', 'Build image', 'ubuntu-latest'],
    ]);
    const steps = wf.jobs[0]!.steps;
    expect(steps.map((s) => s.name)).toEqual([
      'Check out code',
      'Install kubectl',
      'Configure AWS credentials',
      'Login to Amazon ECR',
      'Load secrets and save to app.env',
      'Build, tag, and push image to Amazon ECR',
      'Update kube config',
      'Deploy image to Amazon EKS',
    ]);
    expect(steps[3]).toMatchObject({ id: 'login-ecr', uses: 'aws-actions/amazon-ecr-login@v1' });
    expect(steps[5]!.env).toEqual({
      ECR_REGISTRY: '${{ steps.login-ecr.outputs.registry }}',
      ECR_REPOSITORY: 'simplebank',
      IMAGE_TAG: '${{ github.sha }}',
    });
    expect(steps[5]!.run).toBe(
      'docker build -t $ECR_REGISTRY/$ECR_REPOSITORY:$IMAGE_TAG -t $ECR_REGISTRY/$ECR_REPOSITORY:latest .\ndocker push -a $ECR_REGISTRY/$ECR_REPOSITORY\n',
    );
    // Its one action outside the sandbox's catalogue is named when the job sets up.
    expect(
      steps.filter((s) => s.uses !== null).map((s) => [s.uses, resolveAction(s.uses!).ok]),
    ).toEqual([
      ['actions/checkout@v2', true],
      ['azure/setup-kubectl@v1', false],
      ['aws-actions/configure-aws-credentials@v1', true],
      ['aws-actions/amazon-ecr-login@v1', true],
    ]);
  });

  it('reads the amazon-ecr-login README steps: OIDC role, login output, build and push', () => {
    const r = parseWorkflow(fixture('ecr-login-readme.yml'));
    if (!r.ok) throw new Error(r.text);
    const steps = r.workflow.jobs[0]!.steps;
    expect(steps.map((s) => s.uses ?? 'run')).toEqual([
      'actions/checkout@v3',
      'aws-actions/configure-aws-credentials@v2',
      'aws-actions/amazon-ecr-login@v1',
      'run',
    ]);
    expect(steps[1]!.with).toEqual({
      'role-to-assume': 'arn:aws:iam::123456789012:role/my-github-actions-role',
      'aws-region': 'aws-region-1',
    });
    expect(steps[2]!.with).toEqual({ 'mask-password': 'true' });
  });

  it('refuses Bishoy-Samwel cd.yml where it leaves the subset, naming line, column and key', () => {
    const r = parseWorkflow(fixture('bishoy-samwel-cd.yml'));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const note =
      "(the sandbox's own note: this key is valid on GitHub but outside the workflow subset the sandbox runs)";
    expect(r.errors).toEqual([
      { line: 10, column: 1, message: `Unexpected value 'concurrency' ${note}` },
      { line: 19, column: 5, message: `Unexpected value 'environment' ${note}` },
    ]);
    expect(r.text.split('\n')[0]).toBe(`Invalid workflow file: ${PATH}#L10`);
  });
});

const minimal = (extra = '', steps = '      - run: echo hi\n') =>
  `on:\n  push:\n    branches: [main]\n${extra}jobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n${steps}`;

describe("GitHub's messages", () => {
  it('an unknown key: Unexpected value, with line and column', () => {
    const r = parseWorkflow(minimal('', '      - run: echo hi\n        foo: bar\n'));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.text).toBe(
      `Invalid workflow file: ${PATH}#L9\nThe workflow is not valid. ${PATH} (Line: 9, Col: 9): Unexpected value 'foo'`,
    );
  });

  it("a misspelt runs-on: both of GitHub's errors, joined", () => {
    const r = parseWorkflow(
      'on: push\njobs:\n  build:\n    runs_on: ubuntu-latest\n    steps:\n      - run: echo\n',
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.text).toBe(
      `Invalid workflow file: ${PATH}#L4\nThe workflow is not valid. ${PATH} (Line: 4, Col: 5): Unexpected value 'runs_on' ${PATH} (Line: 4, Col: 5): Required property is missing: runs-on`,
    );
  });

  it('needs an unknown job: at the needs entry, in the job id', () => {
    const r = parseWorkflow(
      'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo\n  deploy:\n    name: Deploy to EKS\n    needs: biuld\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo\n',
    );
    expect(r.ok ? '' : r.text).toBe(
      `Invalid workflow file: ${PATH}#L9\nThe workflow is not valid. ${PATH} (Line: 9, Col: 12): Job 'deploy' depends on unknown job 'biuld'.`,
    );
  });

  it('needs as a list: each entry at its own column; a job waiting on a job that can never start reads as a cycle, as on GitHub', () => {
    const r = parseWorkflow(
      'on: push\njobs:\n  build:\n    runs-on: x\n    steps:\n      - run: echo\n  deploy:\n    needs: [build, biuld]\n    runs-on: x\n    steps:\n      - run: echo\n  notify:\n    needs:\n      - deploy\n      - tset\n    runs-on: x\n    steps:\n      - run: echo\n',
    );
    expect(r.ok ? [] : r.errors).toEqual([
      { line: 8, column: 20, message: "Job 'deploy' depends on unknown job 'biuld'." },
      {
        line: 14,
        column: 9,
        message:
          "Job 'notify' depends on job 'deploy' which creates a cycle in the dependency graph.",
      },
      { line: 15, column: 9, message: "Job 'notify' depends on unknown job 'tset'." },
    ]);
  });

  it("an unknown job and a cycle together, as GitHub's workflow parser reports them", () => {
    const r = parseWorkflow(
      [
        'on: push',
        'jobs:',
        '  job1:',
        '    needs: [unknown-job, job3]',
        '    runs-on: ubuntu-latest',
        '    steps: [{ run: echo }]',
        '  job2: { runs-on: ubuntu-latest, steps: [{ run: echo }] }',
        '  job3:',
        '    needs: job1',
        '    runs-on: ubuntu-latest',
        '    steps: [{ run: echo }]',
        '',
      ].join('\n'),
    );
    expect(r.ok ? [] : r.errors).toEqual([
      { line: 4, column: 13, message: "Job 'job1' depends on unknown job 'unknown-job'." },
      {
        line: 4,
        column: 26,
        message: "Job 'job1' depends on job 'job3' which creates a cycle in the dependency graph.",
      },
      {
        line: 9,
        column: 12,
        message: "Job 'job3' depends on job 'job1' which creates a cycle in the dependency graph.",
      },
    ]);
  });

  it('a cycle: every edge left waiting, and a job that waits on the cycle, at their entries', () => {
    const r = parseWorkflow(
      'on: push\njobs:\n  build:\n    runs-on: x\n    steps:\n      - run: echo\n  a:\n    needs: [build, b]\n    runs-on: x\n    steps:\n      - run: echo\n  b:\n    needs: a\n    runs-on: x\n    steps:\n      - run: echo\n  c:\n    needs: b\n    runs-on: x\n    steps:\n      - run: echo\n  d:\n    needs: d\n    runs-on: x\n    steps:\n      - run: echo\n',
    );
    expect(r.ok ? '' : r.text).toBe(
      [
        `Invalid workflow file: ${PATH}#L8`,
        `The workflow is not valid. ${PATH} (Line: 8, Col: 20): Job 'a' depends on job 'b' which creates a cycle in the dependency graph.` +
          ` ${PATH} (Line: 13, Col: 12): Job 'b' depends on job 'a' which creates a cycle in the dependency graph.` +
          ` ${PATH} (Line: 18, Col: 12): Job 'c' depends on job 'b' which creates a cycle in the dependency graph.` +
          ` ${PATH} (Line: 23, Col: 12): Job 'd' depends on job 'd' which creates a cycle in the dependency graph.`,
      ].join('\n'),
    );
  });

  it('every job needs another: one error, at the jobs mapping', () => {
    const r = parseWorkflow(
      'on: push\njobs:\n  a:\n    needs: b\n    runs-on: x\n    steps:\n      - run: echo\n  b:\n    needs: a\n    runs-on: x\n    steps:\n      - run: echo\n',
    );
    expect(r.ok ? '' : r.text).toBe(
      `Invalid workflow file: ${PATH}#L3\nThe workflow is not valid. ${PATH} (Line: 3, Col: 3): The workflow must contain at least one job with no dependencies.`,
    );
  });

  it('needs that resolve in any order parse, the list kept as written', () => {
    const r = parseWorkflow(
      'on: push\njobs:\n  deploy:\n    needs: [test, build]\n    runs-on: x\n    steps:\n      - run: echo\n  test:\n    needs: build\n    runs-on: x\n    steps:\n      - run: echo\n  build:\n    runs-on: x\n    steps:\n      - run: echo\n',
    );
    if (!r.ok) throw new Error(r.text);
    expect(r.workflow.jobs.map((j) => [j.id, j.needs])).toEqual([
      ['deploy', ['test', 'build']],
      ['test', ['build']],
      ['build', []],
    ]);
  });

  it('an unknown named-value in an expression', () => {
    const r = parseWorkflow(minimal('', '      - run: echo ${{ secret.TOKEN }}\n'));
    expect(r.ok ? [] : r.errors).toEqual([
      {
        line: 8,
        column: 14,
        message:
          "Unrecognized named-value: 'secret'. Located at position 1 within expression: secret.TOKEN",
      },
    ]);
  });

  it('a step with neither run nor uses, and one with both', () => {
    const r = parseWorkflow(
      minimal('', '      - name: nothing\n      - run: echo\n        uses: actions/checkout@v4\n'),
    );
    expect(r.ok ? [] : r.errors).toEqual([
      { line: 8, column: 9, message: 'Required property is missing: run' },
      { line: 9, column: 9, message: "Unexpected value 'run'" },
    ]);
  });

  it('permissions: id-token write and contents read; unknown scopes and levels refused', () => {
    const ok = parseWorkflow(minimal('permissions:\n  id-token: write\n  contents: read\n'));
    expect(ok.ok && ok.workflow.permissions).toEqual({ 'id-token': 'write', contents: 'read' });
    const bad = parseWorkflow(minimal('permissions:\n  id_token: write\n  contents: admin\n'));
    expect(bad.ok ? [] : bad.errors).toEqual([
      { line: 5, column: 3, message: "Unexpected value 'id_token'" },
      { line: 6, column: 13, message: "Unexpected value 'admin'" },
    ]);
  });

  it('YAML syntax errors keep the line', () => {
    const r = parseWorkflow('on: push\njobs:\n  build:\n    runs-on: [ubuntu\n');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors[0]!.line).toBeGreaterThanOrEqual(4);
  });

  it('unknown action versions read as the runner says', () => {
    expect(resolveAction('actions/checkout@v9')).toEqual({
      ok: false,
      error: 'Error: Unable to resolve action `actions/checkout@v9`, unable to find version `v9`',
    });
  });
});

describe('hostile files are refused fast, with a message', () => {
  // Warm the YAML library once, so the budgets measure the parse, not the first JIT.
  parseWorkflow('on: push\njobs:\n  b:\n    runs-on: x\n    steps:\n      - run: echo\n');
  // CPU time of this process (the machine is shared: wall time measures the neighbours' load).
  const timed = (text: string) => {
    const start = process.cpuUsage();
    const r = parseWorkflow(text);
    const used = process.cpuUsage(start);
    return { r, ms: (used.user + used.system) / 1000 };
  };

  it('huge', () => {
    const { r, ms } = timed('on: push\n' + '#'.repeat(5_000_000));
    expect(ms).toBeLessThan(200);
    expect(r.ok ? '' : r.errors[0]!.message).toBe(
      'the file is 5000009 characters; the sandbox reads workflow files of at most 100000 (sandbox limit)',
    );
  });

  it('deeply nested flow collections', () => {
    const { r, ms } = timed('on: push\njobs: ' + '['.repeat(10_000) + ']'.repeat(10_000));
    expect(ms).toBeLessThan(200);
    expect(r.ok ? null : r.errors[0]).toEqual({
      line: 2,
      column: 23,
      message: 'the value nests deeper than 16 levels (sandbox limit)',
    });
  });

  it('deeply nested block mappings', () => {
    let text = 'on: push\njobs:\n';
    for (let d = 1; d <= 40; d++) text += `${'  '.repeat(d)}k${d}:\n`;
    const { r, ms } = timed(text);
    expect(ms).toBeLessThan(200);
    expect(r.ok ? '' : r.errors[0]!.message).toBe(
      'the value nests deeper than 16 levels (sandbox limit)',
    );
  });

  it('an alias bomb', () => {
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 0; i < 9; i++) {
      const prev = String.fromCharCode(97 + i);
      const name = String.fromCharCode(98 + i);
      lines.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    const { r, ms } = timed(lines.join('\n') + '\non: push\n');
    expect(ms).toBeLessThan(200);
    expect(r.ok ? null : r.errors[0]).toEqual({
      line: 1,
      column: 7,
      message:
        "YAML anchors and aliases are refused (the sandbox's own rule: its workflow subset has no use for them, and an alias bomb cannot hang it)",
    });
  });

  it('thousands of unknown keys: refused, each named', () => {
    const keys = Array.from({ length: 990 }, (_, i) => `k${i}: 1`).join('\n');
    const { r, ms } = timed(
      keys + '\non: push\njobs:\n  b:\n    runs-on: x\n    steps:\n      - run: echo\n',
    );
    // 1000 lines is the cap: about 80 ms of CPU.
    expect(ms).toBeLessThan(500);
    expect(r.ok ? [] : r.errors.map((e) => e.message)).toEqual([
      ...Array.from({ length: 20 }, (_, i) => `Unexpected value 'k${i}'`),
      '… and 970 more errors (the sandbox shows the first 20)',
    ]);
  });

  it('too many lines', () => {
    const { r, ms } = timed('on: push\n' + 'k: 1\n'.repeat(2000));
    expect(ms).toBeLessThan(200);
    expect(r.ok ? null : r.errors[0]).toEqual({
      line: 1001,
      column: 1,
      message: 'the file has more than 1000 lines (sandbox limit)',
    });
  });

  it('a duplicate key', () => {
    const r = parseWorkflow('on: push\non: push\njobs: {}\n');
    expect(r.ok ? [] : r.errors).toEqual([
      { line: 2, column: 1, message: "'on' is already defined" },
    ]);
  });

  it('a __proto__ env name changes no prototype', () => {
    const r = parseWorkflow(minimal('env:\n  __proto__: x\n'));
    expect(r.ok ? [] : r.errors).toEqual([
      { line: 5, column: 3, message: "Unexpected value '__proto__'" },
    ]);
    expect(({} as Record<string, unknown>)['x']).toBeUndefined();
  });
});
