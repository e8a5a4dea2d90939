/**
 * Keeping a long export's memory low. The writers hold little at a time (a batch of rows, a few
 * compressed pieces), but V8 lets garbage pile up well past that before it collects: on a
 * machine with plenty of memory, an export of a million projects climbs to 300 MB of RSS while
 * holding 30 MB. Where a ceiling is asked for (the CLI asks for one), the process collects its
 * garbage whenever its RSS passes the ceiling, at most once a second (a full collection of such a
 * heap takes some tens of milliseconds). Node has no API for it but the `gc` that the
 * `--expose-gc` flag gives a new V8 context, set here at run time.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let collector: (() => void) | null | undefined;

function collect(): boolean {
  if (collector === undefined) {
    try {
      setFlagsFromString('--expose-gc');
      collector = runInNewContext('gc') as () => void;
    } catch {
      collector = null;
    }
  }
  collector?.();
  return collector !== null;
}

/** Rows between two looks at the RSS. */
const ROWS_PER_LOOK = 1000;

/** A check to call for each row written; a no-op without a ceiling. */
export function memoryCeiling(ceilingMB: number | undefined): () => void {
  if (ceilingMB === undefined) return () => {};
  const ceiling = ceilingMB * 1024 * 1024;
  let rows = 0;
  let last = 0;
  return () => {
    if (++rows % ROWS_PER_LOOK !== 0) return;
    const now = Date.now();
    if (now - last < 1000 || process.memoryUsage.rss() < ceiling) return;
    last = now;
    collect();
  };
}
