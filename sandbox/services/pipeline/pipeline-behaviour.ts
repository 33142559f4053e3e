/**
 * The pipeline module's behaviour (loaded on demand): the repository's actions (save a file,
 * the form's edits, git commit and push, gh run cancel and rerun, the role's trust policy), the
 * runner that moves workflow runs through their jobs and steps, and the release watcher that
 * notes every change of a Deployment's image and makes a bad build's containers exit as its
 * broken start command would.
 */
import type { ActionDef, EngineContext, ServiceBehaviour } from '../../engine/module.ts';
import type { ActionOf, ActionResult, ActionType } from '../../model/actions.ts';
import { own } from '../../model/record.ts';
import type { DomainEvent, World } from '../../model/types.ts';
import {
  APP_FILES,
  BROKEN_START,
  FAILING_ASSERTION,
  GOOD_START,
  PASSING_ASSERTION,
  packageJson,
  serverFile,
  testFile,
} from './app.ts';
import { PUSH_POLICY } from './actions.ts';
import { changedFiles, head, initialRepo, newCommit } from './repo.ts';
import { cancelRun, pipelineOf, startRun, tickRuns } from './runner.ts';
import type { StepShell } from './shell.ts';

const ok = (message: string): ActionResult => ({ ok: true, message, command: '' });
const fail = (field: string, error: string): ActionResult => ({ ok: false, field, error });

type Def<T extends ActionType> = ActionDef<T>;

function repoOf(world: World) {
  return pipelineOf(world).repo;
}

const NO_REPO = 'fatal: not a git repository (or any of the parent directories): .git';

const fileWrite: Def<'pipeline.file.write'> = {
  command: (a) => `# edit ${a.path} (saved in the editor)`,
  handle: (ctx, a) => {
    const repo = repoOf(ctx.world);
    if (!repo) return fail('type', NO_REPO);
    if (Object.keys(repo.files).length >= 200 && !Object.hasOwn(repo.files, a.path))
      return fail('path', 'The repository holds at most 200 files (sandbox limit).');
    if (own(repo.files, a.path) === a.content) return fail('content', `${a.path} is unchanged.`);
    repo.files[a.path] = a.content;
    return ok(`Saved ${a.path} (${a.content.split('\n').length} lines)`);
  },
};

const appEdit: Def<'pipeline.app.edit'> = {
  command: (a) =>
    `# edit the application:${a.version !== undefined ? ` VERSION = '${a.version}'` : ''}${a.test !== undefined ? ` test ${a.test === 'pass' ? 'passes' : 'fails'}` : ''}${a.start !== undefined ? ` start command ${a.start}` : ''}`,
  handle: (ctx, a) => {
    const repo = repoOf(ctx.world);
    if (!repo) return fail('type', NO_REPO);
    if (a.version === undefined && a.test === undefined && a.start === undefined)
      return fail('version', 'Change the version, the test or the start command.');
    const done: string[] = [];
    if (a.version !== undefined) {
      repo.files[APP_FILES.server] = serverFile(a.version);
      repo.files[APP_FILES.packageJson] = packageJson(a.version);
      done.push(`version ${a.version}`);
    }
    if (a.test !== undefined) {
      const text = own(repo.files, APP_FILES.test) ?? testFile(true);
      const want = a.test === 'pass' ? PASSING_ASSERTION : FAILING_ASSERTION;
      const other = a.test === 'pass' ? FAILING_ASSERTION : PASSING_ASSERTION;
      repo.files[APP_FILES.test] = text.includes(other)
        ? text.replace(other, want)
        : testFile(a.test === 'pass');
      done.push(a.test === 'pass' ? 'the test passes' : 'the test fails');
    }
    if (a.start !== undefined) {
      const text = own(repo.files, APP_FILES.dockerfile) ?? '';
      const want = a.start === 'ok' ? GOOD_START : BROKEN_START;
      const lines = text.split('\n');
      const i = lines.findIndex((l) => /^\s*CMD\s/i.test(l));
      if (i >= 0) lines[i] = want;
      else lines.push(want);
      repo.files[APP_FILES.dockerfile] = lines.join('\n');
      done.push(
        a.start === 'ok'
          ? 'the start command runs src/server.js'
          : 'the start command runs src/sever.js (a typo)',
      );
    }
    return ok(`Edited the application: ${done.join(', ')}`);
  },
};

const commit: Def<'pipeline.commit'> = {
  command: (a) => `git commit -am ${JSON.stringify(a.message)}`,
  handle: (ctx, a) => {
    const repo = repoOf(ctx.world);
    if (!repo) return fail('type', NO_REPO);
    const changed = changedFiles(repo);
    if (changed.length === 0)
      return fail('message', `On branch ${repo.branch}\nnothing to commit, working tree clean`);
    const c = newCommit({ ...repo.files }, head(repo).sha, ctx.world.time, a.message);
    repo.commits.push(c);
    if (repo.commits.length > 100) repo.commits.splice(1, repo.commits.length - 100);
    return ok(`[${repo.branch} ${c.sha.slice(0, 7)}] ${a.message} (${changed.join(', ')})`);
  },
};

const push: Def<'pipeline.push'> = {
  command: () => 'git push',
  handle: (ctx) => {
    const repo = repoOf(ctx.world);
    if (!repo) return fail('type', NO_REPO);
    const h = head(repo);
    if (repo.pushed === h.sha) return fail('type', 'Everything up-to-date');
    const from = repo.pushed;
    repo.pushed = h.sha;
    const run = startRun(ctx, h, repo.branch);
    return ok(
      `Pushed ${from ? `${from.slice(0, 7)}..` : ''}${h.sha.slice(0, 7)} to ${repo.branch} of ${repo.name}${run ? `: run #${run.number} of ${run.workflowName}` : ': no workflow runs on this push'}`,
    );
  },
};

const cancel: Def<'pipeline.run.cancel'> = {
  command: (a) => `gh run cancel ${a.run}`,
  handle: (ctx, a) => {
    const run = pipelineOf(ctx.world).runs.find((r) => r.number === a.run);
    if (!run) return fail('run', `could not find any workflow run with ID ${a.run}`);
    if (run.status !== 'queued' && run.status !== 'in_progress')
      return fail('run', `Cannot cancel a workflow run that is completed`);
    cancelRun(ctx, run);
    return ok(`✓ Request to cancel workflow ${run.number} submitted.`);
  },
};

const rerun: Def<'pipeline.run.rerun'> = {
  command: (a) => `gh run rerun ${a.run}`,
  handle: (ctx, a) => {
    const slice = pipelineOf(ctx.world);
    const run = slice.runs.find((r) => r.number === a.run);
    if (!run) return fail('run', `could not find any workflow run with ID ${a.run}`);
    if (run.status === 'queued' || run.status === 'in_progress')
      return fail('run', `run ${a.run} cannot be rerun; its workflow file may be broken`);
    const again = startRun(
      ctx,
      { sha: run.sha, message: run.message, at: ctx.world.time, files: run.files },
      run.branch,
    );
    if (!again) return fail('run', `run ${a.run} cannot be rerun; its workflow file may be broken`);
    return ok(
      `✓ Requested rerun of run ${a.run} (as run #${again.number}, the same commit ${run.sha.slice(0, 7)})`,
    );
  },
};

const trust: Def<'pipeline.role.trust'> = {
  command: (_a, world) =>
    `aws iam update-assume-role-policy --role-name ${(world.pipeline?.role?.arn ?? 'arn:aws:iam::123456789012:role/gha-deploy').split('/').pop()} --policy-document file://trust-policy.json`,
  handle: (ctx, a) => {
    const slice = pipelineOf(ctx.world);
    if (!slice.role)
      return fail(
        'type',
        'An error occurred (NoSuchEntity) when calling the UpdateAssumeRolePolicy operation: The role with name gha-deploy cannot be found.',
      );
    slice.role.trustSubject = a.subject;
    if (a.audience !== undefined) slice.role.audience = a.audience;
    return ok(
      `The trust policy of ${slice.role.arn} now accepts token.actions.githubusercontent.com:sub ${a.subject} (aud ${slice.role.audience})`,
    );
  },
};

const allowPush: Def<'pipeline.role.allow-push'> = {
  command: (_a, world) =>
    `aws iam attach-role-policy --role-name ${(world.pipeline?.role?.arn ?? 'gha-deploy').split('/').pop()} --policy-arn ${PUSH_POLICY}`,
  handle: (ctx) => {
    const role = pipelineOf(ctx.world).role;
    if (!role)
      return fail(
        'type',
        'An error occurred (NoSuchEntity) when calling the AttachRolePolicy operation: The role with name gha-deploy cannot be found.',
      );
    if (role.push) return fail('type', `${role.arn} may already push to ECR.`);
    role.push = true;
    return ok(`Attached ${PUSH_POLICY} to ${role.arn}: it may push to ECR`);
  },
};

/** Notes Deployment image changes; a bad build's containers exit as its broken start command makes them. */
function watchReleases(ctx: EngineContext): void {
  const slice = ctx.world.pipeline;
  const eks = ctx.world.eks;
  if (!slice || !slice.repo || !eks) return;
  for (const cluster of Object.keys(eks.kube)) {
    const kube = eks.kube[cluster]!;
    for (const key of Object.keys(kube.deployments)) {
      const d = kube.deployments[key]!;
      const image = d.object.spec.template.spec.containers[0]?.image ?? '';
      const id = `${cluster}/${key}`;
      if (own(slice.current, id) === image) continue;
      const first = own(slice.current, id) === undefined;
      slice.current[id] = image;
      if (!first) slice.releases.push({ deployment: id, image, at: ctx.world.time });
      const build = own(slice.builds, image);
      if (build && !build.starts && !own(eks.crashFaults, id)) {
        const [namespace, name] = key.split('/') as [string, string];
        ctx.dispatch(
          { type: 'fault.k8s-crash', deployment: name, namespace, cluster, exitCode: 1 },
          'scenario',
        );
      }
    }
  }
}

/**
 * An ECR push that matches a rule deploys the pushed image: EventBridge starts the rule's target
 * (a CodePipeline with an ECR source, whose imageDetail.json names the image by digest) and its
 * deploy stage sets the Deployment's image, as `kubectl set image` does. By digest, so a re-push
 * of a moving tag such as latest still rolls out.
 */
function onImagePush(ctx: EngineContext, event: Extract<DomainEvent, { type: 'image.pushed' }>) {
  const rules = ctx.world.pipeline?.pushRules ?? [];
  for (const rule of rules) {
    if (rule.repository !== event.repository) continue;
    if (rule.tag !== null && rule.tag !== event.tag) continue;
    const image = `${event.uri.slice(0, event.uri.lastIndexOf(':'))}@${event.digest}`;
    const matched = ctx.emit(
      'pipeline',
      'info',
      `EventBridge rule ${rule.rule} matched the push of ${event.repository}:${event.tag}: its target deploys ${image} to deployment/${rule.deployment} (sandbox: a CodePipeline with an ECR source and an EKS deploy stage).`,
      // The push event is the cause already (raise() runs this under it).
      { subject: rule.rule },
    );
    const r = ctx.withCause({ kind: 'event', eventId: matched }, () =>
      ctx.dispatch(
        {
          type: 'k8s.deployment.set-image',
          name: rule.deployment,
          container: rule.container ?? rule.deployment,
          image,
          ...(rule.namespace !== null ? { namespace: rule.namespace } : {}),
        },
        'scenario',
      ),
    );
    ctx.emit(
      'pipeline',
      r.ok ? 'info' : 'error',
      r.ok ? `${rule.rule}: ${r.message}` : `${rule.rule} could not deploy ${image}: ${r.error}`,
      { subject: rule.rule, cause: { kind: 'event', eventId: matched } },
    );
  }
}

export function pipelineBehaviour(shell: StepShell): ServiceBehaviour<'pipeline'> {
  return {
    name: 'pipeline',
    build: (ctx, scenario) => {
      const init = scenario.initial.pipeline;
      if (!init) return;
      const slice = pipelineOf(ctx.world);
      slice.repo = initialRepo(ctx.world, init);
      slice.role = init.role
        ? {
            arn: init.role.arn,
            trustSubject: init.role.trustSubject,
            audience: init.role.audience,
            push: init.role.push,
          }
        : null;
      if (init.onImagePush.length > 0)
        slice.pushRules = init.onImagePush.map((r) => ({
          rule: r.rule,
          repository: r.repository,
          tag: r.tag ?? null,
          deployment: r.deployment,
          container: r.container ?? null,
          namespace: r.namespace ?? null,
        }));
    },
    on: (ctx, event) => {
      if (event.type === 'image.pushed') onImagePush(ctx, event);
    },
    actions: {
      'pipeline.file.write': fileWrite,
      'pipeline.app.edit': appEdit,
      'pipeline.commit': commit,
      'pipeline.push': push,
      'pipeline.run.cancel': cancel,
      'pipeline.run.rerun': rerun,
      'pipeline.role.trust': trust,
      'pipeline.role.allow-push': allowPush,
    } satisfies { [T in ActionType]?: ActionDef<T> },
    run: {
      'pipeline-runner': (ctx) => tickRuns(ctx, shell),
      'pipeline-releases': watchReleases,
    },
  };
}

export type { ActionOf };
export { PUSH_POLICY };
