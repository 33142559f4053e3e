/** Lookups by a user-supplied key that never reach Object.prototype ('constructor', 'toString'…). */
export function own<T>(record: Record<string, T>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}
