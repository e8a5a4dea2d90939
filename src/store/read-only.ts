/**
 * Which store handles were opened read-only (a read replica: `Config.readOnly`). The caches kept in
 * the store (stamped-cache.ts, partner-cache.ts) ask here rather than trying a write and catching
 * its refusal: a replica's role may lack the right to create a table, and a hot standby refuses
 * every write, so an instance that tried would fill the server's log with refusals.
 */
const readOnly = new WeakSet<object>();

export function markReadOnly(db: object): void {
  readOnly.add(db);
}

export function isReadOnly(db: object): boolean {
  return readOnly.has(db);
}
