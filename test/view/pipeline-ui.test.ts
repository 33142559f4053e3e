/**
 * The pipeline panels' pure parts: the application read from the repository's files, allowed
 * actions, commit-and-push stopping at the first refusal, the words of a finished run, durations
 * marked approximate; the editor's workflow documents; the run view shown only where the
 * pipeline service runs.
 */
import { describe, expect, it } from 'vitest';
import type { Action, ActionResult, PipelineRun } from '@sandbox';
import {
  allows,
  appState,
  approxDuration,
  newlyFinished,
  nothingToCommit,
  runFinishedText,
  sendInOrder,
} from '@components/sandbox/pipeline/pipeline-ui.ts';
import { EXTRA_PANELS, selectPanels } from '@components/sandbox/panels/registry.ts';
import { templatesFor, workflowDocuments } from '@lib/editor/templates.ts';
import { defaultFiles } from '../../sandbox/services/pipeline/repo.ts';

describe('appState', () => {
  it('reads the version, the test and the start command of the default application', () => {
    expect(appState(defaultFiles('1.0.0', 'eu-west-3'))).toEqual({
      version: '1.0.0',
      test: 'pass',
      start: 'ok',
    });
  });

  it('sees a failing test and a broken start command', () => {
    const files = defaultFiles('2.1.0-rc.1', 'eu-west-3');
    files['test/server.test.js'] = files['test/server.test.js']!.replace(
      'assert.equal(res.status, 200);',
      'assert.equal(res.status, 201);',
    );
    files['Dockerfile'] = files['Dockerfile']!.replace(
      'CMD ["node", "src/server.js"]',
      'CMD ["node", "src/sever.js"]',
    );
    expect(appState(files)).toEqual({ version: '2.1.0-rc.1', test: 'fail', start: 'broken' });
  });

  it('says unknown (null) for files edited out of recognition or missing', () => {
    expect(appState({ 'src/server.js': 'module.exports = 1', 'test/server.test.js': '' })).toEqual({
      version: null,
      test: null,
      start: null,
    });
  });
});

describe('allows', () => {
  it('an empty list allows every action; a list allows only what it names', () => {
    expect(allows([], 'pipeline.commit')).toBe(true);
    expect(allows(['pipeline.push'], 'pipeline.commit')).toBe(false);
    expect(allows(['pipeline.push', 'pipeline.commit'], 'pipeline.commit')).toBe(true);
  });
});

describe('sendInOrder', () => {
  const commit: Action = { type: 'pipeline.commit', message: 'Release 2.0.0' };
  const push: Action = { type: 'pipeline.push' };

  it('sends each action in order while they succeed', () => {
    const sent: string[] = [];
    const results = sendInOrder(
      (a) => {
        sent.push(a.type);
        return { ok: true, message: a.type, command: '' };
      },
      [commit, push],
    );
    expect(sent).toEqual(['pipeline.commit', 'pipeline.push']);
    expect(results.map((r) => r.ok)).toEqual([true, true]);
  });

  it('stops at the first refusal: a refused commit is not pushed', () => {
    const sent: string[] = [];
    const refusal: ActionResult = {
      ok: false,
      field: 'message',
      error: 'On branch main\nnothing to commit, working tree clean',
    };
    const results = sendInOrder(
      (a) => {
        sent.push(a.type);
        return refusal;
      },
      [commit, push],
    );
    expect(sent).toEqual(['pipeline.commit']);
    expect(results).toEqual([refusal]);
    expect(nothingToCommit(refusal)).toBe(true);
    expect(nothingToCommit({ ok: false, error: 'Everything up-to-date' })).toBe(false);
  });

  it('stops when the sandbox cannot act (no engine yet)', () => {
    expect(sendInOrder(() => null, [commit, push])).toEqual([]);
  });
});

describe('finished runs', () => {
  const run = (number: number, status: PipelineRun['status']) =>
    ({ number, status, workflowName: 'deploy', message: `Commit ${number}` }) as PipelineRun;

  it('finds the runs that were open or not there and are now finished, and says how each ended', () => {
    const before = [run(1, 'success'), run(2, 'in_progress'), run(3, 'queued'), run(4, 'queued')];
    const after = [
      run(1, 'success'),
      run(2, 'failure'),
      run(3, 'cancelled'),
      run(4, 'in_progress'),
      run(5, 'success'),
      run(6, 'queued'),
    ];
    const done = newlyFinished(before, after);
    // #5 was queued and finished within one step of the clock (or refused at once).
    expect(done.map((r) => r.number)).toEqual([2, 3, 5]);
    expect(done.map(runFinishedText)).toEqual([
      'Run #2 of deploy (Commit 2) failed.',
      'Run #3 of deploy (Commit 3) was cancelled.',
      'Run #5 of deploy (Commit 5) succeeded.',
    ]);
  });

  it('finds none twice: a run finished before is not finished again', () => {
    const after = [run(1, 'success'), run(2, 'failure')];
    expect(newlyFinished(after, after)).toEqual([]);
    expect(newlyFinished([], [])).toEqual([]);
  });
});

describe('approxDuration', () => {
  it('marks simulated durations approximate, in seconds then minutes', () => {
    expect(approxDuration(null, null, 10)).toBe('');
    expect(approxDuration(5, 7, 100)).toBe('≈ 2 s');
    expect(approxDuration(5, null, 70)).toBe('≈ 1 min 5 s');
    expect(approxDuration(10, null, 5)).toBe('≈ 0 s');
  });
});

describe('the editor’s workflow documents', () => {
  const files = defaultFiles('1.0.0', 'eu-west-3');

  it('lists the repository’s workflow files, nothing else', () => {
    expect(
      workflowDocuments({
        ...files,
        '.github/workflows/ci.yaml': 'name: ci\n',
        '.github/x.yml': '',
      }).map((d) => [d.name, d.workflow, d.language]),
    ).toEqual([
      ['.github/workflows/ci.yaml', true, 'yaml'],
      ['.github/workflows/deploy.yml', true, 'yaml'],
    ]);
  });

  it('a pipeline scenario that does not allow kubectl apply edits its workflow only', () => {
    const docs = templatesFor(
      { id: 'pipeline-first-run', orchestrator: 'eks', allowedActions: ['pipeline.commit'] },
      files,
    );
    expect(docs.map((d) => d.name)).toEqual(['.github/workflows/deploy.yml']);
    expect(docs[0]!.text).toBe(files['.github/workflows/deploy.yml']);
  });

  it('the playground (every action allowed) keeps the manifest first, the workflow after', () => {
    expect(
      templatesFor({ id: 'eks-playground', orchestrator: 'eks' }, files).map((d) => d.name),
    ).toEqual(['web.yaml', '.github/workflows/deploy.yml']);
    expect(templatesFor({ id: 'eks-playground', orchestrator: 'eks' }).map((d) => d.name)).toEqual([
      'web.yaml',
    ]);
  });
});

describe('the Workflow runs tab', () => {
  const ids = (s: Parameters<typeof selectPanels>[2]) =>
    selectPanels(undefined, EXTRA_PANELS, s).map((p) => p.id);

  it('is there only where the pipeline service runs: an EKS scenario with a repository', () => {
    expect(ids({ orchestrator: 'eks', initial: { pipeline: {} } as never })).toEqual([
      'terminal',
      'editor',
      'runs',
    ]);
    expect(ids({ orchestrator: 'eks', initial: {} as never })).toEqual(['terminal', 'editor']);
    expect(ids({ orchestrator: 'ecs', initial: { pipeline: {} } as never })).toEqual([
      'terminal',
      'editor',
    ]);
  });

  it('a block naming its panels gets them, unavailable ones dropped', () => {
    expect(
      selectPanels(['runs', 'terminal'], EXTRA_PANELS, {
        orchestrator: 'eks',
        initial: {} as never,
      }).map((p) => p.id),
    ).toEqual(['terminal']);
    expect(selectPanels(['runs']).map((p) => p.id)).toEqual(['runs']);
  });
});
