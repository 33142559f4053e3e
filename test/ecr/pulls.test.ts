/**
 * Pulls go through the registry: an ECS task whose image tag is missing, or whose execution
 * role has lost pull permission, stops with CannotPullContainerError (TaskFailedToStart); an
 * EKS pod goes ErrImagePull then ImagePullBackOff with containerd's text, and starts once the
 * tag is pushed. Running containers keep running when the permission goes.
 */
import { describe, expect, it } from 'vitest';
import { advance, applyAction, createWorld, type Action, type World } from '../../sandbox/index.ts';
import { loadScenario } from '../sandbox/helpers.ts';

const REGISTRY = '123456789012.dkr.ecr.eu-west-3.amazonaws.com';
const act = (w: World, a: Action, by: 'learner' | 'scenario' = 'scenario') => {
  const r = applyAction(w, a, by);
  if (!r.result.ok) throw new Error(r.result.error);
  return r.world;
};

describe('ECS tasks pull through the registry', () => {
  const base = () => createWorld(loadScenario('ecr-push-rollout.yaml'));
  const register = (w: World, image: string) =>
    act(w, {
      type: 'ecs.taskdef.register',
      taskDefinition: {
        family: 'job',
        requiresCompatibilities: ['FARGATE'],
        networkMode: 'awsvpc',
        cpu: '256',
        memory: '512',
        executionRoleArn: 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole',
        containerDefinitions: [{ name: 'job', image, essential: true }],
      },
    });

  it('stops a task whose tag is missing with Fargate’s CannotPullContainerError', () => {
    let w = register(base(), `${REGISTRY}/web:9.9`);
    w = act(w, { type: 'ecs.task.run', taskDefinition: 'job:1', launchType: 'FARGATE' });
    w = advance(w, 120);
    const task = Object.values(w.ecs.tasks).find((t) => t.taskDefinition === 'job:1')!;
    const reason = `CannotPullContainerError: pull image manifest has been retried 5 time(s): failed to resolve ref ${REGISTRY}/web:9.9: ${REGISTRY}/web:9.9: not found`;
    expect([
      task.lastStatus,
      task.stopCode,
      task.stoppedReason,
      task.containers[0]!.reason,
    ]).toEqual(['STOPPED', 'TaskFailedToStart', reason, reason]);
    expect(task.startedAt).toBeNull();
  });

  it('stops a task whose execution role cannot pull (403 Forbidden), while running tasks run on', () => {
    let w = act(base(), {
      type: 'fault.ecr-pull-denied',
      role: 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole',
    });
    const running = Object.values(w.ecs.tasks)
      .filter((t) => t.lastStatus === 'RUNNING')
      .map((t) => t.id);
    expect(running).toHaveLength(2);
    w = register(w, `${REGISTRY}/web:latest`);
    w = act(w, { type: 'ecs.task.run', taskDefinition: 'job:1', launchType: 'FARGATE' });
    w = advance(w, 120);
    const task = Object.values(w.ecs.tasks).find((t) => t.taskDefinition === 'job:1')!;
    expect(task.stoppedReason).toBe(
      `CannotPullContainerError: pull image manifest has been retried 5 time(s): failed to resolve ref ${REGISTRY}/web:latest: pulling from host ${REGISTRY} failed with status code [manifests latest]: 403 Forbidden`,
    );
    expect(running.map((id) => w.ecs.tasks[id]!.lastStatus)).toEqual(['RUNNING', 'RUNNING']);
  });
});

describe('EKS pods pull through the registry', () => {
  it('goes ErrImagePull then ImagePullBackOff for a missing tag, then starts once it is pushed', () => {
    let w = createWorld(loadScenario('ecr-missing-tag.yaml'));
    w = advance(w, 70);
    const pod = () =>
      Object.values(w.eks!.kube['demo']!.pods).find((p) =>
        p.spec.containers[0]!.image.endsWith(':1.1'),
      )!;
    const failed = w.events.filter((e) => e.message.includes('Failed: Failed to pull image'));
    expect(failed[0]!.message).toBe(
      `default/pod/${pod().metadata.name} Failed: Failed to pull image "${REGISTRY}/web:1.1": rpc error: code = NotFound desc = failed to pull and unpack image "${REGISTRY}/web:1.1": failed to resolve reference "${REGISTRY}/web:1.1": ${REGISTRY}/web:1.1: not found`,
    );
    expect(pod().runtime.state).toBe('ImagePullBackOff');
    w = act(w, { type: 'docker.login', registry: REGISTRY }, 'learner');
    w = act(w, { type: 'docker.image.build', tags: [`${REGISTRY}/web:1.1`] }, 'learner');
    w = act(w, { type: 'docker.image.push', image: `${REGISTRY}/web:1.1` }, 'learner');
    w = advance(w, 300);
    expect(pod().runtime.state).toBe('Running');
  });

  it('answers a node role without pull permission with the registry’s 403', () => {
    let w = createWorld(loadScenario('ecr-pull-permission.yaml'));
    w = advance(w, 200);
    const failed = w.events.find((e) => e.message.includes('Failed: Failed to pull image'))!;
    expect(failed.message.slice(failed.message.indexOf('Failed: '))).toBe(
      `Failed: Failed to pull image "${REGISTRY}/web:1.0": rpc error: code = Unknown desc = failed to pull and unpack image "${REGISTRY}/web:1.0": failed to resolve reference "${REGISTRY}/web:1.0": unexpected status from HEAD request to https://${REGISTRY}/v2/web/manifests/1.0: 403 Forbidden`,
    );
  });
});
