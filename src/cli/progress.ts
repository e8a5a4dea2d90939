/**
 * Progress of long work: a bar redrawn in place on a terminal, a line per tenth in logs (where
 * carriage returns would pile up). Written to stderr so stdout stays clean for data.
 */
import type { Output } from './context.js';

export interface Progress {
  update(done: number, total: number): void;
  finish(): void;
}

const WIDTH = 30;

export function createProgress(stream: Output, label: string): Progress {
  let shown = -1; // last percentage (terminal) or tenth (log) shown
  let drawn = false;
  return {
    update(done, total) {
      const ratio = total > 0 ? Math.min(1, done / total) : 1;
      if (stream.isTTY) {
        const percent = Math.floor(ratio * 100);
        if (percent === shown) return;
        shown = percent;
        drawn = true;
        const filled = Math.round(ratio * WIDTH);
        stream.write(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${String(percent).padStart(3)}% (${done}/${total})`);
      } else {
        const tenth = Math.floor(ratio * 10);
        if (tenth === shown) return;
        shown = tenth;
        stream.write(`${label}: ${done}/${total} (${tenth * 10}%)\n`);
      }
    },
    finish() {
      if (drawn) stream.write('\n');
      drawn = false;
    },
  };
}
