/**
 * Spreads result files over a few workers (one per core, at most four) and puts the outcomes
 * back in the files' order. Falls back to grading on the page if workers cannot start.
 */
import type { Catalog } from '@lib/assignments/catalog.ts';
import type { PublicKeyJwk } from '@lib/assignments/payload.ts';
import {
  gradeFiles,
  groupOutcomes,
  type FileInput,
  type FileOutcome,
  type Graded,
} from '@lib/gradebook/grade-files.ts';

type Reply = { ok: true; outcomes: FileOutcome[] } | { ok: false; message: string };

function inWorker(
  files: FileInput[],
  catalog: Catalog,
  key: PublicKeyJwk | null,
): Promise<FileOutcome[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./grade-worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<Reply>) => {
      worker.terminate();
      if (event.data.ok) resolve(event.data.outcomes);
      else reject(new Error(event.data.message));
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message || 'the grading worker failed'));
    };
    worker.postMessage({ files, catalog, key });
  });
}

/** `workers` is 0 when the files were graded on the page instead. */
export async function gradeInParallel(
  files: FileInput[],
  catalog: Catalog,
  key: PublicKeyJwk | null,
): Promise<Graded & { workers: number }> {
  const lanes = Math.max(1, Math.min(4, navigator.hardwareConcurrency || 2, files.length));
  const shares: FileInput[][] = Array.from({ length: lanes }, () => []);
  files.forEach((f, i) => shares[i % lanes]!.push(f));
  let results: FileOutcome[][];
  try {
    results = await Promise.all(shares.map((share) => inWorker(share, catalog, key)));
  } catch {
    return { ...(await gradeFiles(files, catalog, key)), workers: 0 };
  }
  const outcomes = files.map((_, i) => results[i % lanes]![Math.floor(i / lanes)]!);
  return { outcomes, groups: groupOutcomes(outcomes), workers: lanes };
}
