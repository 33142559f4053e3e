import type { CliEnv } from './types.ts';

/**
 * The files of the terminal's working directory: the workstation's build context (the
 * Dockerfile and sources of `initial.ecr.files`) under the editor's documents, which hold the
 * learner's edits of those same files. `docker build .` reads the same union.
 */
export function workingFiles(env: CliEnv): Readonly<Record<string, string>> {
  const context = env.world.ecr?.files;
  return context ? { ...context, ...env.files } : env.files;
}
