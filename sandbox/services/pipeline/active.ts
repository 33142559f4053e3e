/**
 * The pipeline runs only where an EKS scenario brings a repository (`initial.pipeline`): other EKS pages never load the pipeline or its terminal. Imports no engine, so the view can ask it too (sandbox/view.ts: serviceActiveFor).
 */
import type { ServiceModule } from '../../engine/module.ts';

export const pipelineActiveFor: ServiceModule['activeFor'] = (orchestrator, scenario) =>
  orchestrator === 'eks' && !!scenario?.initial?.pipeline;
