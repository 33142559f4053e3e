/** The kubectl commands the sandbox models, by name. */
import type { KubectlCommand } from './command.ts';
import { apply } from './apply.ts';
import { describe } from './describe.ts';
import { get } from './get.ts';
import { config, logs, top, version } from './inspect.ts';
import { cordon, drain, taint, uncordon } from './nodes.ts';
import { rollout } from './rollout.ts';
import { autoscale, create, del, label, scale, set } from './workloads.ts';

export const KUBECTL_COMMANDS: KubectlCommand[] = [
  apply,
  autoscale,
  config,
  cordon,
  create,
  del,
  describe,
  drain,
  get,
  label,
  logs,
  rollout,
  scale,
  set,
  taint,
  top,
  uncordon,
  version,
];
