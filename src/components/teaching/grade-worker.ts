/**
 * Grades a share of the result files off the main thread, so the page stays responsive while
 * logs replay; the gradebook runs one of these per core (up to four).
 */
import { gradeFiles, type FileInput } from '@lib/gradebook/grade-files.ts';
import type { Catalog } from '@lib/assignments/catalog.ts';
import type { PublicKeyJwk } from '@lib/assignments/payload.ts';

export interface GradeRequest {
  files: FileInput[];
  catalog: Catalog;
  key: PublicKeyJwk | null;
}

self.onmessage = async (event: MessageEvent<GradeRequest>) => {
  const { files, catalog, key } = event.data;
  try {
    const { outcomes } = await gradeFiles(files, catalog, key);
    self.postMessage({ ok: true, outcomes });
  } catch (error) {
    self.postMessage({
      ok: false,
      message: error instanceof Error ? error.message : String(error),
    });
  }
};
