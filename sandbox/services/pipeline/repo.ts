/**
 * The simulated repository: its first commit from the scenario, the working tree the editor and
 * the form change, `git commit -a` and `git push`, and the line counts git prints.
 */
import type { World } from '../../model/types.ts';
import { sha256Hex, utf8 } from '../../engine/sha256.ts';
import { APP_FILES, dockerfile, packageJson, serverFile, testFile } from './app.ts';
import type { PipelineInitial } from './scenario-schema.ts';
import { STARTER_WORKFLOW, deploymentManifest } from './templates.ts';
import type { Commit, Repo } from './world.ts';
import { WORKFLOW_PATH } from './world.ts';

export function defaultFiles(version: string, region: string): Record<string, string> {
  return {
    [WORKFLOW_PATH]: STARTER_WORKFLOW(region),
    [APP_FILES.dockerfile]: dockerfile(true),
    [APP_FILES.manifest]: deploymentManifest('nginx:1.27'),
    [APP_FILES.packageJson]: packageJson(version),
    [APP_FILES.server]: serverFile(version),
    [APP_FILES.test]: testFile(true),
  };
}

/** The tree's hash: every file's path and the hash of its content, sorted by path as git sorts. */
export function treeSha(files: Record<string, string>): string {
  const entries = Object.keys(files)
    .sort()
    .map((path) => `100644 blob ${sha256Hex(files[path]!)}\t${path}\n`);
  return sha256Hex(entries.join(''));
}

/**
 * A commit's SHA, derived from its content as git derives it: the tree, the parent, the author
 * time and the message. The same content, parent, time and message give the same SHA, and no
 * draw is taken from the world's PRNG, so adding a repository to a scenario moves no other
 * random value. Git hashes the commit object with SHA-1 (or SHA-256 in a SHA-256 repository);
 * this keeps the first 40 hex digits of the SHA-256, the length of a SHA-1 commit id.
 */
export function commitSha(c: {
  files: Record<string, string>;
  parent: string | null;
  at: number;
  message: string;
}): string {
  const object = [
    `tree ${treeSha(c.files)}`,
    ...(c.parent === null ? [] : [`parent ${c.parent}`]),
    `author ${c.at} +0000`,
    `committer ${c.at} +0000`,
    '',
    c.message,
    '',
  ].join('\n');
  return sha256Hex(`commit ${utf8(object).length}\0${object}`).slice(0, 40);
}

/** A new commit on top of `parent` (null for a root commit). */
export function newCommit(
  files: Record<string, string>,
  parent: string | null,
  at: number,
  message: string,
): Commit {
  return { sha: commitSha({ files, parent, at, message }), message, at, files };
}

export function initialRepo(world: World, init: PipelineInitial): Repo {
  const files = { ...defaultFiles(init.version, world.region), ...init.files };
  const first = newCommit(files, null, 0, 'Initial commit');
  return {
    name: init.repo,
    branch: init.branch,
    files: { ...files },
    commits: [first],
    pushed: first.sha,
  };
}

export function head(repo: Repo): Commit {
  return repo.commits[repo.commits.length - 1]!;
}

/** Files that differ between the working tree and HEAD, sorted. */
export function changedFiles(repo: Repo): string[] {
  const h = head(repo).files;
  const out = new Set<string>();
  for (const p of Object.keys(repo.files)) if (h[p] !== repo.files[p]) out.add(p);
  for (const p of Object.keys(h)) if (!(p in repo.files)) out.add(p);
  return [...out].sort();
}

/** Lines added and removed between two texts (a multiset difference, as a diffstat approximates). */
export function lineChanges(
  before: string | undefined,
  after: string | undefined,
): { added: number; removed: number } {
  const a = (before ?? '').split('\n');
  const b = (after ?? '').split('\n');
  const count = new Map<string, number>();
  for (const l of a) count.set(l, (count.get(l) ?? 0) + 1);
  let added = 0;
  for (const l of b) {
    const n = count.get(l) ?? 0;
    if (n > 0) count.set(l, n - 1);
    else added++;
  }
  let removed = 0;
  for (const n of count.values()) removed += n;
  return { added, removed };
}

/** git's summary line: ` 1 file changed, 1 insertion(+), 1 deletion(-)`. */
export function diffstat(
  before: Record<string, string>,
  after: Record<string, string>,
  paths: readonly string[],
): string {
  let added = 0;
  let removed = 0;
  for (const p of paths) {
    const c = lineChanges(before[p], after[p]);
    added += c.added;
    removed += c.removed;
  }
  const parts = [`${paths.length} file${paths.length === 1 ? '' : 's'} changed`];
  if (added > 0) parts.push(`${added} insertion${added === 1 ? '' : 's'}(+)`);
  if (removed > 0) parts.push(`${removed} deletion${removed === 1 ? '' : 's'}(-)`);
  return ` ${parts.join(', ')}`;
}
