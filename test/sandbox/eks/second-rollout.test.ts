/**
 * A second release while a rollout is stalled (maxUnavailable: 0): the Deployment controller
 * scales away the stalled ReplicaSet's unavailable pods first, never the available pods of the
 * last good one, so the service keeps all its capacity (the pipeline lesson's detour: a push
 * while an image that cannot be pulled is stuck).
 */
import { describe, expect, it } from 'vitest';
import { advance, applyAction, createWorld, type World } from '../../../sandbox/index.ts';
import { DEPLOY_WORKFLOW, scenario } from '../../pipeline/worlds.ts';

function setImage(w: World, image: string): World {
  const r = applyAction(w, {
    type: 'k8s.deployment.set-image',
    name: 'web',
    container: 'web',
    image,
  });
  if (!r.result.ok) throw new Error(r.result.error);
  return r.world;
}

const sets = (w: World) =>
  Object.values(w.eks!.kube['demo']!.replicaSets)
    .map(
      (rs) =>
        `${rs.spec.template.spec.containers[0]!.image} ${rs.spec.replicas}/${rs.status.readyReplicas}`,
    )
    .sort();

describe('a second release during a stalled rollout', () => {
  it('keeps the three good pods and replaces only the stalled pod', () => {
    let w = advance(createWorld(scenario(DEPLOY_WORKFLOW)), 120);
    expect(sets(w)).toEqual(['nginx:1.26 3/3']);
    w = advance(setImage(w, 'nginx:1.998'), 200);
    expect(sets(w)).toEqual(['nginx:1.26 3/3', 'nginx:1.998 1/0']);
    w = advance(setImage(w, 'nginx:1.999'), 60);
    expect(sets(w)).toEqual(['nginx:1.26 3/3', 'nginx:1.998 0/0', 'nginx:1.999 1/0']);
    w = advance(w, 600);
    expect(sets(w)).toEqual(['nginx:1.26 3/3', 'nginx:1.998 0/0', 'nginx:1.999 1/0']);
  });
});
