/** Timing helpers shared by the benchmarks. */
import { performance } from 'node:perf_hooks';

/** Runs `work` `times` times (after one warm-up) and prints the median and the fastest. */
export async function measure<T>(label: string, times: number, work: () => Promise<T> | T): Promise<T> {
  let result = await work();
  const durations: number[] = [];
  for (let i = 0; i < times; i += 1) {
    const start = performance.now();
    result = await work();
    durations.push(performance.now() - start);
  }
  durations.sort((a, b) => a - b);
  const median = durations[Math.floor(durations.length / 2)]!;
  console.log(`${label.padEnd(44)} median ${median.toFixed(1).padStart(8)} ms   min ${durations[0]!.toFixed(1).padStart(8)} ms   (n=${times})`);
  return result;
}
