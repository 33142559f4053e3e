/**
 * The pipeline module (light part, always loaded): a simulated GitHub repository, the CI role it
 * assumes with OIDC, and GitHub Actions workflow runs whose `run:` steps use the sandbox's own
 * terminal. Its behaviour (pipeline-behaviour.ts) loads on demand, a chunk of its own in the
 * browser, together with the terminal the runner types into (handed in by the composition).
 */
import type { ServiceModule } from '../../engine/module.ts';
import { recordsProblem } from '../../engine/serialize.ts';
import type { StepShell } from './shell.ts';
import { emptyPipelineSlice } from './world.ts';
import { pipelineActiveFor } from './active.ts';

/** The module, given how to load the terminal its runner types into. */
export function pipelineModule(loadShell: () => Promise<StepShell>): ServiceModule<'pipeline'> {
  return {
    name: 'pipeline',
    activeFor: pipelineActiveFor,
    sliceOnlyWhenActive: true,
    initial: () => emptyPipelineSlice(),
    handles: [
      'pipeline.file.write',
      'pipeline.app.edit',
      'pipeline.commit',
      'pipeline.push',
      'pipeline.run.cancel',
      'pipeline.run.rerun',
      'pipeline.role.trust',
      'pipeline.role.allow-push',
    ],
    controllers: [
      // Before the Kubernetes controllers, so a step's kubectl is acted on in the same second.
      { name: 'pipeline-runner', before: ['k8s-workloads'] },
      {
        name: 'pipeline-releases',
        after: ['pipeline-runner', 'k8s-workloads'],
        before: ['kubelet'],
      },
    ],
    checkSnapshot: (slice) => recordsProblem(slice, ['builds', 'current']),
    eventSources: ['pipeline'],
    loadStatic: () => import('./static.ts').then((m) => m.pipelineStatic),
    load: () =>
      Promise.all([import('./pipeline-behaviour.ts'), loadShell()]).then(([m, shell]) =>
        m.pipelineBehaviour(shell),
      ),
  };
}
