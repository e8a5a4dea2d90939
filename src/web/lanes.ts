/**
 * Two lanes on the serving thread: pages that read a few records (the foreground) go before the
 * work that follows a search (building and drawing a results page: milliseconds of JavaScript
 * and SQL each). better-sqlite3 is synchronous and the thread cannot be interrupted, so a record
 * page that arrives while four clients' results pages are being drawn would wait for all of them;
 * with the lanes it waits for the one piece under way at most.
 *
 * A request is in the foreground from its start until it searches; `searched` moves it to the
 * background. Background work asks for its `turn()` before each long piece: turns are given one
 * per turn of the event loop (`setImmediate`, after the requests that arrived meanwhile have
 * started), when no foreground request is under way, or after `maxWaitMs` whatever the
 * foreground (so that results pages are never starved).
 */

export interface Lanes {
  /** a foreground request starts; call the returned function once when it ends or searches */
  foreground(): () => void;
  /** resolves when background work may run its next piece */
  turn(): Promise<void>;
}

export function createLanes(options: { maxWaitMs?: number } = {}): Lanes {
  const maxWaitMs = options.maxWaitMs ?? 100;
  let inForeground = 0;
  const waiting: { resolve: () => void; since: number }[] = [];
  let scheduled = false;

  const pump = () => {
    scheduled = false;
    const next = waiting[0];
    if (next === undefined) return;
    if (inForeground > 0 && performance.now() - next.since < maxWaitMs) {
      // the foreground's end pumps again; the timer bounds the wait
      setTimeout(schedule, Math.max(1, maxWaitMs - (performance.now() - next.since))).unref();
      return;
    }
    waiting.shift();
    next.resolve();
    if (waiting.length > 0) schedule(); // one piece per turn of the loop: new requests get in between
  };
  function schedule(): void {
    if (scheduled) return;
    scheduled = true;
    setImmediate(pump);
  }

  return {
    foreground() {
      inForeground += 1;
      let ended = false;
      return () => {
        if (ended) return;
        ended = true;
        inForeground -= 1;
        if (inForeground === 0 && waiting.length > 0) schedule();
      };
    },
    turn() {
      return new Promise<void>((resolve) => {
        waiting.push({ resolve, since: performance.now() });
        schedule();
      });
    },
  };
}
