/**
 * Workflow runs in simulated time: a push queues a run; its jobs start when their `needs` have
 * succeeded; each job's steps run one after another with approximate durations, printing their
 * logs as they go. `uses:` steps are the catalogue's actions (checkout, configure-aws-credentials
 * through OIDC, amazon-ecr-login); `run:` steps run the sandbox's own docker, aws and kubectl
 * through the terminal's command line (StepShell), so they change the same world the learner
 * sees. `kubectl rollout status` waits, as it does on a runner, until the rollout completes,
 * exceeds its progress deadline or hits `--timeout`.
 */
import type { EngineContext } from '../../engine/module.ts';
import { cloneWorld } from '../../engine/serialize.ts';
import { own } from '../../model/record.ts';
import type { World } from '../../model/types.ts';
import { startsOk, testOutput, versionOf } from './app.ts';
import { catalogAction } from './catalog.ts';
import {
  evaluateCondition,
  interpolate,
  type ExpressionContext,
  type Value,
} from './expressions.ts';
import type { StepShell } from './shell.ts';
import { parseWorkflow, resolveAction, type WorkflowJob, type WorkflowStep } from './workflow.ts';
import {
  RUNS_KEPT,
  WORKFLOW_PATH,
  type Commit,
  type Identity,
  type JobRun,
  type LogLine,
  type PipelineRun,
  type PipelineSlice,
  type StepRun,
} from './world.ts';

/** Approximate durations (seconds), for pacing only: the view marks them approximate. */
export const DURATIONS = {
  queued: 3,
  runnerPickup: 2,
  setup: 2,
  checkout: 2,
  credentials: 2,
  ecrLogin: 1,
  complete: 1,
  npmCi: 8,
  npmTest: 4,
  dockerBuild: 25,
  dockerPush: 8,
  updateKubeconfig: 2,
  kubectl: 1,
  other: 1,
} as const;

export const TEXT = {
  oidcAssuming: 'Assuming role with OIDC',
  oidcDenied:
    'Error: Could not assume role with OIDC: Not authorized to perform sts:AssumeRoleWithWebIdentity',
  idTokenHint:
    'It looks like you might be trying to authenticate with OIDC. Did you mean to set the `id-token` permission? If you are not trying to authenticate with OIDC and the action is working successfully, you can ignore this message.',
  noCredentials:
    'Error: Credentials could not be loaded, please check your action inputs: Could not load credentials from any providers',
  exitCode: (n: number) => `Error: Process completed with exit code ${n}.`,
  unauthorized: 'error: You must be logged in to the server (Unauthorized)',
  awsNoCredentials:
    'Unable to locate credentials. You can configure credentials by running "aws configure".',
  kubectlNoConfig:
    'The connection to the server localhost:8080 was refused - did you specify the right host or port?',
  kubectlExecFailed:
    'Unable to connect to the server: getting credentials: exec: executable aws failed with exit code 253',
  cancelled: 'Error: The operation was canceled.',
  noBasicAuth: 'no basic auth credentials',
  timedOut: 'error: timed out waiting for the condition',
} as const;

const RUNNER_HOME = '/home/runner';

export function pipelineOf(world: World): PipelineSlice {
  const slice = world.pipeline;
  if (!slice) throw new Error('this world has no pipeline slice');
  return slice;
}

/** A push to `branch`: a run of the workflow if it runs on pushes to that branch; null otherwise. */
export function startRun(ctx: EngineContext, commit: Commit, branch: string): PipelineRun | null {
  const slice = pipelineOf(ctx.world);
  const repo = slice.repo!;
  const text = own(commit.files, WORKFLOW_PATH);
  if (text === undefined) return null;
  const parsed = parseWorkflow(text, WORKFLOW_PATH);
  const now = ctx.world.time;
  if (parsed.ok) {
    const branches = parsed.workflow.pushBranches;
    if (branches !== null && !branches.some((b) => branchMatches(b, branch))) return null;
  }
  const run: PipelineRun = {
    number: slice.nextRun++,
    sha: commit.sha,
    message: commit.message,
    branch,
    workflowName: parsed.ok ? (parsed.workflow.name ?? WORKFLOW_PATH) : WORKFLOW_PATH,
    path: WORKFLOW_PATH,
    status: parsed.ok ? 'queued' : 'failure',
    createdAt: now,
    startedAt: null,
    completedAt: parsed.ok ? null : now,
    error: parsed.ok ? null : parsed.text,
    workflow: parsed.ok ? parsed.workflow : null,
    jobs: parsed.ok ? parsed.workflow.jobs.map((j) => newJob(j)) : [],
    files: commit.files,
  };
  slice.runs.push(run);
  if (slice.runs.length > RUNS_KEPT) slice.runs.splice(0, slice.runs.length - RUNS_KEPT);
  ctx.emit(
    'pipeline',
    parsed.ok ? 'info' : 'error',
    parsed.ok
      ? `Run #${run.number} of ${run.workflowName} queued for ${commit.sha.slice(0, 7)} "${commit.message}" (push to ${branch} of ${repo.name})`
      : `Run #${run.number} failed: ${parsed.text.replace('\n', ' — ')}`,
    { subject: `run/${run.number}` },
  );
  return run;
}

function branchMatches(pattern: string, branch: string): boolean {
  if (!pattern.includes('*')) return pattern === branch;
  const re = new RegExp(
    `^${pattern
      .split('**')
      .map((p) => p.split('*').map(escapeRe).join('[^/]*'))
      .join('.*')}$`,
  );
  return re.test(branch);
}

const escapeRe = (s: string) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&');

function newJob(j: WorkflowJob): JobRun {
  const step = (kind: StepRun['kind'], index: number, name: string): StepRun => ({
    kind,
    index,
    name,
    status: 'pending',
    startedAt: null,
    completedAt: null,
    log: [],
    script: [],
    nextAt: 0,
    waiting: null,
    outputs: {},
    env: {},
    result: null,
    scriptLine: 0,
  });
  return {
    id: j.id,
    name: j.name ?? j.id,
    status: 'pending',
    startedAt: null,
    completedAt: null,
    steps: [
      step('setup', -1, 'Set up job'),
      ...j.steps.map((s) => step('step', s.index, stepTitle(s))),
      step('complete', j.steps.length, 'Complete job'),
    ],
    outputs: {},
    env: {},
    identity: null,
    dockerLogins: [],
    kubeCluster: null,
  };
}

/** The name GitHub shows for a step without `name:`: `Run <uses>` or `Run <first line>`. */
export function stepTitle(s: WorkflowStep): string {
  if (s.name !== null) return s.name;
  if (s.uses !== null) return `Run ${s.uses}`;
  const first = (s.run ?? '').split('\n').find((l) => l.trim() !== '') ?? '';
  return `Run ${first.trim()}`;
}

/** Cancels a run that has not completed. */
export function cancelRun(ctx: EngineContext, run: PipelineRun): void {
  const now = ctx.world.time;
  for (const job of run.jobs) {
    if (job.status === 'success' || job.status === 'failure' || job.status === 'skipped') continue;
    for (const s of job.steps) {
      if (s.status === 'in_progress') {
        s.log.push({ at: now, text: TEXT.cancelled, level: 'error' });
        s.status = 'cancelled';
        s.completedAt = now;
      } else if (s.status === 'pending') s.status = 'skipped';
    }
    job.status = 'cancelled';
    job.completedAt = now;
  }
  run.status = 'cancelled';
  run.completedAt = now;
  ctx.emit('pipeline', 'warning', `Run #${run.number} cancelled`, { subject: `run/${run.number}` });
}

/** One simulated second of every run that has not completed. */
export function tickRuns(ctx: EngineContext, shell: StepShell | null): void {
  const slice = ctx.world.pipeline;
  if (!slice) return;
  const now = ctx.world.time;
  for (const run of slice.runs) {
    if (run.status === 'success' || run.status === 'failure' || run.status === 'cancelled')
      continue;
    if (run.status === 'queued') {
      if (now < run.createdAt + DURATIONS.queued) continue;
      run.status = 'in_progress';
      run.startedAt = now;
    }
    const wf = run.workflow!;
    for (const job of run.jobs) {
      const spec = wf.jobs.find((j) => j.id === job.id)!;
      if (job.status === 'pending') {
        const needs = spec.needs.map((n) => run.jobs.find((j) => j.id === n)!);
        if (needs.some((n) => !isDone(n.status))) continue;
        const ok = needs.every((n) => n.status === 'success');
        const ctxExpr = exprContext(run, job, spec, null, ctx.world);
        let go = ok;
        if (spec.if !== null) {
          const r = evaluateCondition(spec.if, {
            ...ctxExpr,
            status: { failed: !ok, cancelled: false },
          });
          go = r.ok && r.value === true;
        }
        if (!go) {
          job.status = 'skipped';
          job.completedAt = now;
          for (const s of job.steps) s.status = 'skipped';
          continue;
        }
        job.status = 'queued';
        job.startedAt = now;
        continue;
      }
      if (job.status === 'queued') {
        if (now < (job.startedAt ?? now) + DURATIONS.runnerPickup) continue;
        job.status = 'in_progress';
        job.startedAt = now;
      }
      if (job.status === 'in_progress') advanceJob(ctx, shell, run, job, spec);
    }
    if (run.jobs.every((j) => isDone(j.status))) {
      run.status = run.jobs.some((j) => j.status === 'failure')
        ? 'failure'
        : run.jobs.some((j) => j.status === 'cancelled')
          ? 'cancelled'
          : 'success';
      run.completedAt = now;
      ctx.emit(
        'pipeline',
        run.status === 'success' ? 'info' : 'error',
        `Run #${run.number} of ${run.workflowName} completed: ${run.status} (${run.completedAt - run.createdAt} s, approx)`,
        { subject: `run/${run.number}` },
      );
    }
  }
}

const isDone = (s: string) =>
  s === 'success' || s === 'failure' || s === 'skipped' || s === 'cancelled';

function jobFailed(job: JobRun): boolean {
  return job.steps.some((s) => s.status === 'failure');
}

function advanceJob(
  ctx: EngineContext,
  shell: StepShell | null,
  run: PipelineRun,
  job: JobRun,
  spec: WorkflowJob,
): void {
  const now = ctx.world.time;
  // At most a few steps per second: each takes at least one.
  for (let guard = 0; guard < 4; guard++) {
    const step = job.steps.find((s) => s.status === 'pending' || s.status === 'in_progress');
    if (!step) {
      job.status = jobFailed(job) ? 'failure' : 'success';
      job.completedAt = now;
      finishJobOutputs(run, job, spec, ctx.world);
      return;
    }
    if (step.status === 'pending') {
      if (step.kind === 'step') {
        const ws = spec.steps[step.index]!;
        const failed = jobFailed(job);
        let run_ = !failed;
        if (ws.if !== null) {
          const r = evaluateCondition(ws.if, {
            ...exprContext(run, job, spec, ws, ctx.world),
            status: { failed, cancelled: false },
          });
          if (!r.ok) {
            startStep(step, now);
            log(step, now, `Error: The step's if: cannot be evaluated: ${r.error}`, 'error');
            finishStep(step, now, 'failure');
            continue;
          }
          run_ = r.value === true;
        }
        if (!run_) {
          step.status = 'skipped';
          continue;
        }
      }
      startStep(step, now);
      beginStep(ctx, shell, run, job, spec, step);
    }
    if (step.status === 'in_progress') {
      continueStep(ctx, shell, run, job, step);
      if (step.status === 'in_progress') return;
    }
  }
}

function startStep(step: StepRun, now: number): void {
  step.status = 'in_progress';
  step.startedAt = now;
  step.nextAt = now;
}

function finishStep(step: StepRun, now: number, result: 'success' | 'failure'): void {
  step.status = result;
  step.completedAt = now;
  step.result = result;
}

function log(step: StepRun, at: number, text: string, level?: LogLine['level']): void {
  for (const line of text.split('\n'))
    step.log.push(level ? { at, text: line, level } : { at, text: line });
}

/** The contexts expressions read in this job. */
function exprContext(
  run: PipelineRun,
  job: JobRun,
  spec: WorkflowJob,
  step: WorkflowStep | null,
  world: World,
): ExpressionContext {
  const wf = run.workflow!;
  const steps: Record<string, Value> = {};
  for (const s of job.steps) {
    if (s.kind !== 'step') continue;
    const ws = spec.steps[s.index]!;
    if (ws.id === null) continue;
    steps[ws.id] = {
      outputs: { ...s.outputs },
      outcome: s.status === 'in_progress' || s.status === 'pending' ? null : s.status,
      conclusion: s.status === 'in_progress' || s.status === 'pending' ? null : s.status,
    };
  }
  const needs: Record<string, Value> = {};
  for (const n of spec.needs) {
    const j = run.jobs.find((x) => x.id === n);
    if (j) needs[n] = { outputs: { ...j.outputs }, result: j.status };
  }
  const repo = world.pipeline!.repo!;
  const env: Record<string, Value> = {
    ...wf.env,
    ...spec.env,
    ...job.env,
    ...(step ? step.env : {}),
  };
  return {
    contexts: {
      env,
      secrets: {},
      vars: {},
      steps,
      needs,
      github: {
        sha: run.sha,
        ref: `refs/heads/${run.branch}`,
        ref_name: run.branch,
        repository: repo.name,
        repository_owner: repo.name.split('/')[0]!,
        event_name: 'push',
        workflow: run.workflowName,
        run_number: run.number,
        actor: 'learner',
      },
      runner: { os: 'Linux', arch: 'X64', temp: `${RUNNER_HOME}/work/_temp` },
      job: { status: jobFailed(job) ? 'failure' : 'success' },
    },
  };
}

/** Resolves `env:` values of the workflow, the job and the step (in that order), with expressions. */
function stepEnv(
  run: PipelineRun,
  job: JobRun,
  spec: WorkflowJob,
  ws: WorkflowStep,
  world: World,
): { env: Record<string, string>; error: string | null } {
  const wf = run.workflow!;
  const env: Record<string, string> = {};
  const ctxFor = () => exprContext(run, job, spec, null, world);
  const add = (values: Record<string, string>) => {
    for (const [k, v] of Object.entries(values)) {
      const r = interpolate(v, ctxFor());
      if (!r.ok) return r.error;
      env[k] = String(r.value);
    }
    return null;
  };
  const error = add(wf.env) ?? add(spec.env) ?? add(job.env) ?? add(ws.env);
  return { env, error };
}

function beginStep(
  ctx: EngineContext,
  shell: StepShell | null,
  run: PipelineRun,
  job: JobRun,
  spec: WorkflowJob,
  step: StepRun,
): void {
  const now = ctx.world.time;
  if (step.kind === 'setup') {
    log(step, now, `Current runner version: '2.329.0' (the sandbox's runner)`);
    log(step, now, `Runner Image: ${spec.runsOn}`);
    log(step, now, 'Prepare workflow directory');
    log(step, now, 'Prepare all required actions');
    log(step, now, 'Getting action download info');
    for (const ws of spec.steps) {
      if (ws.uses === null) continue;
      const r = resolveAction(ws.uses);
      if (!r.ok) {
        log(step, now, r.error, 'error');
        step.nextAt = now + DURATIONS.setup;
        step.result = 'failure';
        return;
      }
      log(step, now, `Download action repository '${ws.uses}'`);
    }
    step.nextAt = now + DURATIONS.setup;
    step.result = 'success';
    return;
  }
  if (step.kind === 'complete') {
    log(step, now, 'Cleaning up orphan processes');
    step.nextAt = now + DURATIONS.complete;
    step.result = 'success';
    return;
  }
  const ws = spec.steps[step.index]!;
  const resolved = stepEnv(run, job, spec, ws, ctx.world);
  step.env = resolved.env;
  if (resolved.error !== null) {
    log(step, now, `Error: ${resolved.error}`, 'error');
    step.result = 'failure';
    step.nextAt = now + 1;
    return;
  }
  if (ws.uses !== null) {
    runAction(ctx, run, job, spec, ws, step);
    return;
  }
  // A run: script: interpolate, then split into commands (comments and blank lines dropped).
  const text = interpolate(ws.run ?? '', exprContext(run, job, spec, ws, ctx.world));
  if (!text.ok) {
    log(step, now, `Error: ${text.error}`, 'error');
    step.result = 'failure';
    step.nextAt = now + 1;
    return;
  }
  const script = String(text.value);
  const lines = script.split('\n');
  log(step, now, `Run ${lines.find((l) => l.trim() !== '')?.trim() ?? ''}`, 'group');
  for (const l of lines) if (l.trim() !== '') log(step, now, `  ${l}`, 'command');
  const envShown = Object.keys(step.env).filter((k) => ws.env[k] !== undefined);
  if (envShown.length > 0) {
    log(step, now, '  env:', 'command');
    for (const k of envShown) log(step, now, `    ${k}: ${step.env[k]}`, 'command');
  }
  step.script = joinContinuations(lines);
  step.scriptLine = 0;
  void shell;
}

function joinContinuations(lines: string[]): string[] {
  const out: string[] = [];
  let cur = '';
  for (const raw of lines) {
    const line = raw.replace(/\s+$/, '');
    if (line.endsWith('\\')) {
      cur += line.slice(0, -1) + ' ';
      continue;
    }
    out.push(cur + line);
    cur = '';
  }
  if (cur !== '') out.push(cur);
  return out;
}

function continueStep(
  ctx: EngineContext,
  shell: StepShell | null,
  run: PipelineRun,
  job: JobRun,
  step: StepRun,
): void {
  const now = ctx.world.time;
  for (let guard = 0; guard < 20; guard++) {
    if (now < step.nextAt) return;
    if (step.waiting) {
      pollRollout(ctx, shell, job, step);
      if (step.waiting) {
        step.nextAt = now + 1;
        return;
      }
      if (step.result === 'failure') break;
      continue;
    }
    if (step.kind !== 'step' || step.result !== null) break;
    if (step.script.length === 0) {
      step.result = 'success';
      break;
    }
    const line = step.script.shift()!;
    step.scriptLine++;
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    const r = execLine(ctx, shell, run, job, step, trimmed);
    step.nextAt = now + Math.max(r.seconds, 0);
    if (r.exitCode !== 0) {
      log(step, now, TEXT.exitCode(r.exitCode), 'error');
      step.result = 'failure';
      step.script = [];
      break;
    }
    if (r.seconds > 0 && !step.waiting) return;
  }
  if (step.result !== null && now >= step.nextAt && !step.waiting)
    finishStep(step, now, step.result);
}

// ── uses: actions ─────────────────────────────────────────────────────────────────────────

function runAction(
  ctx: EngineContext,
  run: PipelineRun,
  job: JobRun,
  spec: WorkflowJob,
  ws: WorkflowStep,
  step: StepRun,
): void {
  const now = ctx.world.time;
  const [name, ref] = ws.uses!.split('@') as [string, string];
  const action = catalogAction(name)!;
  const inputs: Record<string, string> = {};
  const ectx = exprContext(run, job, spec, ws, ctx.world);
  for (const [k, v] of Object.entries(ws.with)) {
    const r = interpolate(v, ectx);
    if (!r.ok) {
      log(step, now, `Error: ${r.error}`, 'error');
      step.result = 'failure';
      step.nextAt = now + 1;
      return;
    }
    inputs[k] = String(r.value);
  }
  log(step, now, `Run ${ws.uses}`, 'group');
  if (Object.keys(inputs).length > 0) {
    log(step, now, '  with:', 'command');
    for (const [k, v] of Object.entries(inputs)) log(step, now, `    ${k}: ${v}`, 'command');
  }
  for (const k of Object.keys(inputs))
    if (!action.inputs.some((i) => i.name === k))
      log(
        step,
        now,
        `Warning: Unexpected input(s) '${k}', valid inputs are [${action.inputs.map((i) => `'${i.name}'`).join(', ')}]`,
        'warning',
      );
  for (const input of action.inputs)
    if (input.required && (inputs[input.name] ?? '') === '') {
      log(step, now, `Error: Input required and not supplied: ${input.name}`, 'error');
      step.result = 'failure';
      step.nextAt = now + 1;
      return;
    }
  void ref;
  const world = ctx.world;
  const slice = pipelineOf(world);
  switch (action.name) {
    case 'actions/checkout': {
      const repo = slice.repo!;
      log(step, now, `Syncing repository: ${repo.name}`);
      log(step, now, `HEAD is now at ${run.sha.slice(0, 7)} ${run.message}`);
      step.outputs['commit'] = run.sha;
      step.nextAt = now + DURATIONS.checkout;
      step.result = 'success';
      return;
    }
    case 'aws-actions/configure-aws-credentials': {
      step.nextAt = now + DURATIONS.credentials;
      const region = inputs['aws-region']!;
      const roleArn = inputs['role-to-assume'] ?? '';
      const keys = (inputs['aws-access-key-id'] ?? '') !== '';
      const permissions = spec.permissions ?? run.workflow!.permissions;
      const idToken = permissions !== null && permissions['id-token'] === 'write';
      if (keys) {
        // Static keys: the sandbox's account has no access keys to give (secrets are empty).
        log(step, now, TEXT.noCredentials, 'error');
        step.result = 'failure';
        return;
      }
      if (roleArn === '' || !idToken) {
        if (roleArn !== '') log(step, now, TEXT.idTokenHint);
        log(step, now, TEXT.noCredentials, 'error');
        step.result = 'failure';
        return;
      }
      log(step, now, TEXT.oidcAssuming);
      const role = slice.role;
      const repo = slice.repo!;
      const subject = `repo:${repo.name}:ref:refs/heads/${run.branch}`;
      const audience = inputs['audience'] ?? 'sts.amazonaws.com';
      if (
        !role ||
        role.arn !== roleArn ||
        !subjectMatches(role.trustSubject, subject) ||
        role.audience !== audience
      ) {
        log(step, now, TEXT.oidcDenied, 'error');
        step.result = 'failure';
        return;
      }
      const session = inputs['role-session-name'] ?? 'GitHubActions';
      const identity: Identity = {
        roleArn,
        sessionName: session,
        region,
        account: roleArn.split(':')[4] ?? world.accountId,
      };
      job.identity = identity;
      job.env['AWS_REGION'] = region;
      job.env['AWS_DEFAULT_REGION'] = region;
      log(step, now, `Authenticated as assumedRoleId ${roleId(roleArn)}:${session}`);
      step.outputs['aws-account-id'] = identity.account;
      step.result = 'success';
      return;
    }
    case 'aws-actions/amazon-ecr-login': {
      step.nextAt = now + DURATIONS.ecrLogin;
      const id = job.identity;
      if (!id) {
        log(step, now, 'Error: Could not load credentials from any providers', 'error');
        step.result = 'failure';
        return;
      }
      const registry = `${id.account}.dkr.ecr.${id.region}.amazonaws.com`;
      log(step, now, `Logging into registry ${registry}`);
      if (world.ecr) {
        // GetAuthorizationToken, then docker login on the runner (the sandbox's one docker daemon).
        const r = ctx.dispatch({ type: 'docker.login', registry }, 'scenario');
        if (!r.ok) {
          log(step, now, `Error: Could not login to registry ${registry}: ${r.error}`, 'error');
          step.result = 'failure';
          return;
        }
      }
      job.dockerLogins.push(registry);
      step.outputs['registry'] = registry;
      step.result = 'success';
      return;
    }
  }
}

/** StringLike on the trust policy's `sub`: `*` matches anything. */
function subjectMatches(pattern: string, subject: string): boolean {
  if (!pattern.includes('*')) return pattern === subject;
  return new RegExp(`^${pattern.split('*').map(escapeRe).join('.*')}$`).test(subject);
}

/** A role id (AROA + 17 characters), derived from the ARN so it is stable. */
export function roleId(arn: string): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let h = 2166136261;
  let out = 'AROA';
  for (let i = 0; i < 17; i++) {
    for (const c of arn + i) h = Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0;
    out += alphabet[h % 32];
  }
  return out;
}

// ── run: commands ─────────────────────────────────────────────────────────────────────────

interface LineResult {
  exitCode: number;
  seconds: number;
}

/** `$VAR` and `${VAR}` from the step's env (not inside single quotes); unknown names are empty. */
export function expandVars(line: string, env: Readonly<Record<string, string>>): string {
  let out = '';
  let single = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (c === "'") {
      single = !single;
      out += c;
      continue;
    }
    if (c === '$' && !single) {
      const braced = /^\$\{([A-Za-z_][A-Za-z0-9_]*)\}/.exec(line.slice(i));
      const bare = /^\$([A-Za-z_][A-Za-z0-9_]*)/.exec(line.slice(i));
      const m = braced ?? bare;
      if (m) {
        out += own(env, m[1]!) ?? '';
        i += m[0].length - 1;
        continue;
      }
    }
    out += c;
  }
  return out;
}

function unquote(s: string): string {
  const t = s.trim();
  if ((t.startsWith('"') && t.endsWith('"')) || (t.startsWith("'") && t.endsWith("'")))
    return t.slice(1, -1);
  return t;
}

function runnerEnv(run: PipelineRun, job: JobRun, step: StepRun): Record<string, string> {
  const repo = run.files;
  void repo;
  return {
    GITHUB_SHA: run.sha,
    GITHUB_REF: `refs/heads/${run.branch}`,
    GITHUB_REF_NAME: run.branch,
    GITHUB_WORKSPACE: `${RUNNER_HOME}/work/web/web`,
    GITHUB_OUTPUT: `${RUNNER_HOME}/work/_temp/_runner_file_commands/set_output_${run.number}_${job.id}_${step.index}`,
    HOME: RUNNER_HOME,
    ...job.env,
    ...step.env,
  };
}

function execLine(
  ctx: EngineContext,
  shell: StepShell | null,
  run: PipelineRun,
  job: JobRun,
  step: StepRun,
  raw: string,
): LineResult {
  const now = ctx.world.time;
  const env = runnerEnv(run, job, step);
  // `echo "name=value" >> $GITHUB_OUTPUT` (before expansion, so the target is recognised).
  const output = /^echo\s+(.+?)\s*>>\s*"?\$\{?GITHUB_OUTPUT\}?"?\s*$/.exec(raw);
  if (output) {
    const value = unquote(expandVars(output[1]!, env));
    const eq = value.indexOf('=');
    if (eq > 0) step.outputs[value.slice(0, eq)] = value.slice(eq + 1);
    return { exitCode: 0, seconds: 0 };
  }
  // `NAME=value` and `export NAME=value`: a shell variable for the rest of the script.
  const assign = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)=(\S*)$/.exec(raw);
  if (assign) {
    step.env[assign[1]!] = unquote(expandVars(assign[2]!, env));
    return { exitCode: 0, seconds: 0 };
  }
  const line = expandVars(raw, env);
  const words = line.split(/\s+/);
  const program = words[0]!;
  if (program === 'echo') {
    log(step, now, unquote(line.slice(4)));
    return { exitCode: 0, seconds: 0 };
  }
  if (program === 'true' || line === 'set -e' || line === 'set -euo pipefail')
    return { exitCode: 0, seconds: 0 };
  if (program === 'exit') {
    const n = Number(words[1] ?? '0');
    return { exitCode: Number.isInteger(n) && n >= 0 && n <= 255 ? n : 2, seconds: 0 };
  }
  if (program === 'npm' || program === 'node') return npm(run, step, words, now);
  if (program === 'kubectl' && words[1] === 'rollout' && words[2] === 'status')
    return rolloutStatus(ctx, shell, job, step, words);
  if (program === 'aws' || program === 'docker' || program === 'kubectl' || program === 'eksctl') {
    const denied = identityRefusal(ctx.world, job, program, words);
    if (denied) {
      log(step, now, denied);
      return { exitCode: program === 'aws' ? 253 : 1, seconds: DURATIONS.other };
    }
    if (!shell) {
      log(
        step,
        now,
        `${program}: the sandbox's runner has no terminal loaded (the sandbox's own message)`,
      );
      return { exitCode: 127, seconds: 0 };
    }
    const fresh = job.kubeCluster === null;
    const exit = runInShell(ctx, shell, run, step, line, (text) => runnerPaths(text, fresh));
    if (exit === 0 && program === 'docker' && words[1] === 'build')
      recordBuild(ctx.world, run, words);
    if (exit === 0 && program === 'aws' && words[1] === 'eks' && words[2] === 'update-kubeconfig') {
      const name = flag(words, '--name');
      if (name) job.kubeCluster = name;
    }
    const seconds =
      program === 'docker' && words[1] === 'build'
        ? DURATIONS.dockerBuild
        : program === 'docker' && words[1] === 'push'
          ? DURATIONS.dockerPush
          : program === 'aws' && words[2] === 'update-kubeconfig'
            ? DURATIONS.updateKubeconfig
            : DURATIONS.kubectl;
    return { exitCode: exit, seconds };
  }
  log(
    step,
    now,
    `${RUNNER_HOME}/work/_temp/${run.sha.slice(0, 8)}-${step.index}.sh: line ${step.scriptLine}: ${program}: command not found`,
  );
  return { exitCode: 127, seconds: 0 };
}

function flag(words: readonly string[], name: string): string | null {
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (w === name) return words[i + 1] ?? null;
    if (w.startsWith(`${name}=`)) return w.slice(name.length + 1);
  }
  return null;
}

/** What the runner's own credentials and kubeconfig refuse before the command reaches AWS or the cluster. */
function identityRefusal(
  world: World,
  job: JobRun,
  program: string,
  words: readonly string[],
): string | null {
  if (program === 'aws' && !job.identity) return TEXT.awsNoCredentials;
  if (program === 'docker' && words[1] === 'push') {
    // The runner is a fresh machine: its docker is logged in only where amazon-ecr-login logged it in.
    const ref = words.slice(2).find((w) => !w.startsWith('-')) ?? '';
    const slash = ref.indexOf('/');
    const host = slash > 0 ? ref.slice(0, slash) : 'docker.io';
    const repository = ref.slice(slash + 1).replace(/[:@].*$/, '');
    const header = `The push refers to repository [${host}/${repository}]`;
    if (/\.dkr\.ecr\./.test(host) && !job.dockerLogins.includes(host))
      return `${header}\n${TEXT.noBasicAuth}`;
    const role = world.pipeline?.role;
    if (
      job.identity &&
      role &&
      role.arn === job.identity.roleArn &&
      !role.push &&
      job.dockerLogins.includes(host)
    ) {
      const region = host.split('.')[3] ?? world.region;
      const roleName = role.arn.slice(role.arn.lastIndexOf('/') + 1);
      return `${header}\ndenied: User: arn:aws:sts::${job.identity.account}:assumed-role/${roleName}/${job.identity.sessionName} is not authorized to perform: ecr:InitiateLayerUpload on resource: arn:aws:ecr:${region}:${job.identity.account}:repository/${repository} because no identity-based policy allows the ecr:InitiateLayerUpload action`;
    }
  }
  if (program === 'kubectl' && words[1] !== 'version') {
    if (job.kubeCluster === null) return TEXT.kubectlNoConfig;
    if (!job.identity) return `${TEXT.awsNoCredentials}\n${TEXT.kubectlExecFailed}`;
    const cluster = own(world.eks?.clusters ?? {}, job.kubeCluster);
    if (cluster) {
      const mapped = Object.values(cluster.accessEntries).some(
        (e) => e.principalArn === job.identity!.roleArn,
      );
      if (!mapped) return TEXT.unauthorized;
    }
  }
  return null;
}

/** Runs one command line through the terminal and applies its actions as the runner. */
/**
 * The terminal's answers as a runner prints them: the runner's home, and a kubeconfig that the
 * fresh runner did not have (so `Added new context`, not `Updated context`).
 */
function runnerPaths(text: string, freshKubeconfig: boolean): string {
  let out = text.replace(/\/home\/cloudshell-user\//g, `${RUNNER_HOME}/`);
  if (freshKubeconfig)
    out = out.replace(/^Updated context (\S+) in (\S+)$/m, 'Added new context $1 to $2');
  return out;
}

function runInShell(
  ctx: EngineContext,
  shell: StepShell,
  run: PipelineRun,
  step: StepRun,
  line: string,
  rewrite: (text: string) => string = (t) => t,
): number {
  const now = ctx.world.time;
  // The runner is not the learner: the scenario's list of learner actions does not bind it.
  const view = { ...ctx.world, allowedActions: [] };
  const outcome = shell.run(line, view, run.files);
  if (outcome.kind === 'output') {
    printOutput(step, now, outcome.output, rewrite);
    return outcome.output.exitCode;
  }
  const before = cloneWorld(ctx.world);
  const results = [];
  for (const action of outcome.actions) {
    const r = ctx.dispatch(action, 'scenario');
    if (!r.ok) {
      log(step, now, r.error);
      return 1;
    }
    results.push(r);
  }
  const out = outcome.render(results, before, ctx.world);
  printOutput(step, now, out, rewrite);
  return out.exitCode;
}

function printOutput(
  step: StepRun,
  now: number,
  out: { stdout: string; stderr: string },
  rewrite: (text: string) => string = (t) => t,
): void {
  if (out.stdout !== '') log(step, now, rewrite(out.stdout));
  if (out.stderr !== '') log(step, now, rewrite(out.stderr));
}

/** `docker build -t <ref> …` in a run: the image it builds runs this commit's application. */
function recordBuild(world: World, run: PipelineRun, words: readonly string[]): void {
  const slice = pipelineOf(world);
  const version = versionOf(run.files) ?? 'unknown';
  const starts = startsOk(run.files);
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    let ref: string | null = null;
    if ((w === '-t' || w === '--tag') && words[i + 1]) ref = words[i + 1]!;
    else if (w.startsWith('--tag=')) ref = w.slice(6);
    if (ref !== null) slice.builds[ref] = { version, starts, sha: run.sha };
  }
}

function npm(run: PipelineRun, step: StepRun, words: readonly string[], now: number): LineResult {
  const version = versionOf(run.files) ?? '0.0.0';
  const sub = words.slice(1).join(' ');
  if (words[0] === 'npm' && (sub === 'ci' || sub === 'install')) {
    log(step, now, '\nup to date, audited 1 package in 412ms\n\nfound 0 vulnerabilities');
    return { exitCode: 0, seconds: DURATIONS.npmCi };
  }
  if (
    (words[0] === 'npm' && (sub === 'test' || sub === 'run test' || sub === 't')) ||
    (words[0] === 'node' && sub === '--test')
  ) {
    const out = testOutput(run.files, version);
    for (const l of out.lines) log(step, now, l);
    return { exitCode: out.exitCode, seconds: DURATIONS.npmTest };
  }
  log(step, now, `npm error Missing script: "${words[2] ?? words[1] ?? ''}"`);
  return { exitCode: 1, seconds: DURATIONS.other };
}

// ── kubectl rollout status: a step that waits ─────────────────────────────────────────────

function parseTimeout(text: string | null): number {
  if (text === null) return 0;
  const m = /^(\d+)(s|m|h)?$/.exec(text);
  if (!m) return 0;
  const n = Number(m[1]);
  return m[2] === 'h' ? n * 3600 : m[2] === 'm' ? n * 60 : n;
}

function rolloutStatus(
  ctx: EngineContext,
  shell: StepShell | null,
  job: JobRun,
  step: StepRun,
  words: readonly string[],
): LineResult {
  const now = ctx.world.time;
  const denied = identityRefusal(ctx.world, job, 'kubectl', words);
  if (denied) {
    log(step, now, denied);
    return { exitCode: 1, seconds: DURATIONS.kubectl };
  }
  const target = words.slice(3).find((w) => !w.startsWith('-') && !isFlagValue(words, w));
  if (!target || !shell) {
    log(step, now, 'error: required resource not specified');
    return { exitCode: 1, seconds: 0 };
  }
  step.waiting = {
    deployment: target,
    namespace: flag(words, '-n') ?? flag(words, '--namespace'),
    since: now,
    timeout: parseTimeout(flag(words, '--timeout')),
    last: '',
  };
  pollRollout(ctx, shell, job, step);
  return { exitCode: 0, seconds: 0 };
}

function isFlagValue(words: readonly string[], w: string): boolean {
  const i = words.indexOf(w);
  return (
    i > 0 &&
    (words[i - 1] === '-n' || words[i - 1] === '--namespace' || words[i - 1] === '--timeout')
  );
}

function pollRollout(
  ctx: EngineContext,
  shell: StepShell | null,
  job: JobRun,
  step: StepRun,
): void {
  const w = step.waiting!;
  const now = ctx.world.time;
  if (!shell) return;
  const ns = w.namespace !== null ? ` -n ${w.namespace}` : '';
  const outcome = shell.run(`kubectl rollout status ${w.deployment}${ns}`, ctx.world, {});
  if (outcome.kind !== 'output') return;
  const out = outcome.output;
  const text = out.exitCode === 0 ? out.stdout : out.stderr;
  if (text !== w.last) {
    log(step, now, text);
    w.last = text;
  }
  if (out.exitCode !== 0) {
    step.waiting = null;
    log(step, now, TEXT.exitCode(1), 'error');
    step.result = 'failure';
    step.script = [];
    return;
  }
  if (/successfully rolled out$/.test(out.stdout)) {
    step.waiting = null;
    return;
  }
  if (w.timeout > 0 && now - w.since >= w.timeout) {
    step.waiting = null;
    log(step, now, TEXT.timedOut);
    log(step, now, TEXT.exitCode(1), 'error');
    step.result = 'failure';
    step.script = [];
  }
  void job;
}

// ── outputs ───────────────────────────────────────────────────────────────────────────────

function finishJobOutputs(run: PipelineRun, job: JobRun, spec: WorkflowJob, world: World): void {
  const ectx = exprContext(run, job, spec, null, world);
  for (const [k, v] of Object.entries(spec.outputs)) {
    const r = interpolate(v, ectx);
    job.outputs[k] = r.ok ? String(r.value) : '';
  }
}
