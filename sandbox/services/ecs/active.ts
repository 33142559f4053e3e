/**
 * ECS runs in an ECS world. Imports no engine, so the view can ask it too (sandbox/view.ts: serviceActiveFor).
 */
import type { ServiceModule } from '../../engine/module.ts';

export const ecsActiveFor: ServiceModule['activeFor'] = (orchestrator) => orchestrator === 'ecs';
