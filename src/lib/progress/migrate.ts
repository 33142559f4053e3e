import { PROGRESS_VERSION } from './shape.ts';

/** Turns version N data into version N+1 data. Keyed by N. */
export type Migration = (data: Record<string, unknown>) => Record<string, unknown>;

/**
 * Migrations between stored progress versions. Version 1 is the first published shape, so
 * there are none yet; when version 2 arrives, add `1: (v1) => ({ ...v2 shape, version: 2 })`.
 */
export const MIGRATIONS: Readonly<Record<number, Migration>> = {};

export type MigrateResult =
  { ok: true; value: Record<string, unknown>; from: number } | { ok: false; message: string };

/** Brings stored or imported data to the current version, or says why it cannot. */
export function migrate(
  data: unknown,
  migrations: Readonly<Record<number, Migration>> = MIGRATIONS,
  current: number = PROGRESS_VERSION,
): MigrateResult {
  if (data === null || typeof data !== 'object' || Array.isArray(data))
    return { ok: false, message: 'expected an object with a "version" field' };
  const version = (data as { version?: unknown }).version;
  if (version === undefined) return { ok: false, message: 'the field "version" is missing' };
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
    return {
      ok: false,
      message: `"version" must be a whole number from 1, not ${JSON.stringify(version)}`,
    };
  if (version > current)
    return {
      ok: false,
      message: `it was written by a newer version of Shipyard (schema version ${version}); this site reads versions up to ${current}`,
    };
  let value = data as Record<string, unknown>;
  for (let v = version; v < current; v++) {
    const step = migrations[v];
    if (!step) return { ok: false, message: `no migration from schema version ${v} to ${v + 1}` };
    value = { ...step(value), version: v + 1 };
  }
  return { ok: true, value, from: version };
}
