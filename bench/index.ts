/**
 * Runs every benchmark: each `bench/*.bench.ts` module exports `run()`, which prints its own
 * figures. `npm run bench` runs them all; `npm run bench -- store` only those whose name matches.
 */
import { readdirSync } from 'node:fs';

interface BenchModule {
  run(): Promise<void> | void;
}

const filter = process.argv[2];
const names = readdirSync(new URL('.', import.meta.url))
  .filter((name) => name.endsWith('.bench.ts'))
  .filter((name) => filter === undefined || name.includes(filter))
  .sort();

for (const name of names) {
  console.log(`\n## ${name}`);
  const bench = (await import(new URL(name, import.meta.url).href)) as BenchModule;
  await bench.run();
}
