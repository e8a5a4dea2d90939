/**
 * A full garbage collection every so many records of a long import. Between V8's own major
 * collections the garbage of an import's chunks (records, rows, statements: dropped when the next
 * chunk begins, but promoted first by the command's 1 MB young generation) grows to some 150 MB;
 * collected every 10 000 records the heap stays near what is live, and a table of any length
 * imports within its memory goal (docs/table-import.md). A collection of that heap takes tens of
 * milliseconds: a few seconds over a million rows.
 *
 * Only where Node exposes `gc` (`--expose-gc`, the command's first line); elsewhere (tests run
 * through tsx) it does nothing.
 */
export const COLLECT_EVERY = 10_000;

/** Called with a count that grows (it may start again from 0: a new phase), collects every `every` records. */
export function garbageCollector(every = COLLECT_EVERY, gc = (globalThis as { gc?: () => void }).gc): (done: number) => void {
  if (gc === undefined) return () => undefined;
  let last = 0;
  return (done) => {
    if (done < last) last = 0;
    if (done - last < every) return;
    last = done;
    gc();
  };
}
