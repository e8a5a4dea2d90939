/**
 * A large table: a generated CSV of TABLE_BENCH_ROWS rows (default 1 000 000; commas, every text
 * cell quoted, its dialect detected; the Czech register's columns, 6 000 home municipalities, a
 * new partner per row) read with the shipped mapping, then imported into a new SQLite store
 * (written a chunk at a time); then (`merge`) a second table of as many rows, as the register's
 * TSV, merged into that directory: its first half the first table's second half, dated a year
 * later (updated), its second half new partners (created). Prints rows per second and the peak
 * RSS (VmHWM) of each step, each in a child process of its own so that one step's memory does not
 * hide the next's. Goal: a 1 000 000-row table imports, and merges, within 300 MB of RSS.
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const COUNTRIES: [string, number, number][] = [
  ['Německo', 51, 10],
  ['Polsko', 52, 19],
  ['Slovensko', 48.7, 19.5],
  ['Francie', 46.5, 2.5],
  ['Itálie', 43, 12.5],
  ['Rakousko', 47.5, 14.5],
];
const MAPPING = fileURLToPath(new URL('../data/mappings/twinnings-cz.json', import.meta.url));
const CHILD = fileURLToPath(new URL('table-import-child.ts', import.meta.url));
const GOAL_MB = 300;
const CLI_NODE_FLAGS = ['--max-semi-space-size=1', '--v8-pool-size=1', '--expose-gc'];

/**
 * Rows `from` to `from + rows`; `yearShift` dates each partnership that many years later. As TSV
 * (the register's own form), or as CSV: commas, every text cell quoted.
 */
export async function writeTable(path: string, rows: number, from = 0, yearShift = 0, format: 'tsv' | 'csv' = 'tsv'): Promise<void> {
  const out = createWriteStream(path);
  const separator = format === 'csv' ? ',' : '\t';
  const text = (cell: string) => (format === 'csv' ? `"${cell}"` : cell);
  out.write(`${['kod1', 'lat1', 'lon1', 'obec1', 'stat1', 'kod2', 'lat2', 'lon2', 'obec2', 'stat2', 'rok'].join(separator)}\n`);
  for (let i = from; i < from + rows; i += 1) {
    const home = i % 6000;
    const [country, lat, lon] = COUNTRIES[i % COUNTRIES.length]!;
    const cells = [
      text(`S-${home}`),
      (49.8 + (home % 100) / 1000).toFixed(6),
      (15 + (home % 50) / 1000).toFixed(6),
      text(`Obec ${home}`),
      text('Česká republika'),
      text(`F-${i}`),
      (lat + (i % 10) / 100).toFixed(6),
      (lon + (i % 10) / 100).toFixed(6),
      text(`Město ${i}`),
      text(country),
      String(1990 + ((i + yearShift) % 30)),
    ];
    if (!out.write(`${cells.join(separator)}\n`)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
  await new Promise<void>((resolve) => out.end(() => resolve()));
}

export async function run(): Promise<void> {
  const rows = Number(process.env.TABLE_BENCH_ROWS ?? 1_000_000);
  const dir = mkdtempSync(join(tmpdir(), 'repertoire-bench-table-'));
  try {
    // The first table as CSV, read with the shipped mapping less its separator (the dialect detected);
    // the second as the register's TSV.
    const table = join(dir, 'table.csv');
    const csvMapping = join(dir, 'mapping-csv.json');
    const shipped = JSON.parse(readFileSync(MAPPING, 'utf8')) as { $schema?: string; table: { separator?: string } };
    delete shipped.$schema;
    delete shipped.table.separator;
    writeFileSync(csvMapping, JSON.stringify(shipped));
    let started = performance.now();
    await writeTable(table, rows, 0, 0, 'csv');
    console.log(`table: ${rows} rows, ${(statSync(table).size / 2 ** 20).toFixed(0)} MB, written in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    const steps = (process.env.TABLE_BENCH_STEPS ?? 'import,merge').split(',');
    const update = join(dir, 'update.tsv');
    if (steps.includes('merge')) await writeTable(update, rows, Math.floor(rows / 2), 1);
    // `import` times its reading and its writing; `read` alone (TABLE_BENCH_STEPS=read,import) shows the reader's own peak; `merge` follows `import`.
    for (const step of steps) {
      started = performance.now();
      // With the memory flags of the command's first line (src/cli/main.ts): what `repertoire import` runs with.
      const child = spawnSync(process.execPath, [...CLI_NODE_FLAGS, '--import', 'tsx', CHILD, step, ...(step === 'merge' ? [update, MAPPING] : [table, csvMapping]), join(dir, 'store.db')], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'inherit'],
        env: { ...process.env, GLIBC_TUNABLES: 'glibc.malloc.mmap_threshold=262144' },
      });
      const seconds = (performance.now() - started) / 1000;
      if (child.status !== 0) {
        console.log(`${step}: failed (exit ${child.status ?? child.signal}) after ${seconds.toFixed(1)} s`);
        continue;
      }
      const { peakMb, rowsRead, readSeconds, writeSeconds, rows: outcomes } = JSON.parse(child.stdout.trim().split('\n').at(-1)!) as { peakMb: number; rowsRead: number; readSeconds: number; writeSeconds: number; rows?: Record<string, number> };
      const verdict = peakMb <= GOAL_MB ? 'met' : 'NOT met';
      const counted = outcomes ? `; rows ${Object.entries(outcomes).map(([k, n]) => `${k} ${n}`).join(', ')}` : '';
      const phases = step === 'read' ? '' : ` (reading ${readSeconds.toFixed(1)} s, ${step === 'merge' ? 'merging' : 'writing'} ${writeSeconds.toFixed(1)} s${counted})`;
      console.log(`${step}: ${rowsRead} rows in ${seconds.toFixed(1)} s${phases}, ${Math.round(rowsRead / seconds)} rows/s, peak RSS ${peakMb.toFixed(0)} MB — goal ≤ ${GOAL_MB} MB: ${verdict}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
