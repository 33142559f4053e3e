/**
 * The ECR module (light part, always loaded): the account's private registry in the world's
 * Region, the workstation's docker against it, and the pull permission of IAM roles. It runs in
 * a world whose scenario has an `initial.ecr` part; its behaviour (ecr-behaviour.ts) loads on
 * demand, a chunk of its own in the browser.
 */
import type { ServiceModule } from '../../engine/module.ts';
import { recordsProblem } from '../../engine/serialize.ts';
import { emptyEcrSlice } from './world.ts';
import { ecrActiveFor } from './active.ts';

export const ecr: ServiceModule<'ecr'> = {
  name: 'ecr',
  activeFor: ecrActiveFor,
  sliceOnlyWhenActive: true,
  initial: () => emptyEcrSlice(),
  handles: [
    'ecr.repository.create',
    'ecr.image-tag-mutability.put',
    'ecr.lifecycle-policy.put',
    'ecr.lifecycle-policy-preview.start',
    'ecr.image.batch-delete',
    'ecr.image-scan.start',
    'docker.login',
    'docker.image.build',
    'docker.image.tag',
    'docker.image.push',
    'docker.image.pull',
    'docker.image.remove',
    'iam.role-policy.attach',
    'fault.ecr-pull-denied',
  ],
  controllers: [{ name: 'ecr-registry', after: ['scenario-script'] }],
  checkSnapshot: (slice) => recordsProblem(slice, ['repositories', 'workstation', 'files']),
  eventSources: ['ecr'],
  loadStatic: () => import('./static.ts').then((m) => m.ecrStatic),
  load: () => import('./ecr-behaviour.ts').then((m) => m.ecrBehaviour),
};
