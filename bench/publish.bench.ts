/**
 * Publishing benchmarks.
 *
 * 1. The whole 2008 directory as a PDF book, maps included (load from the store, compose, print
 *    with Chromium until the Sommaire's pages are stable). Target ≤ 10 s.
 * 2. A store of 1 000 000 projects exported to CSV and to XLSX, each in a child process
 *    (bench/publish-export-child.ts: the writer as `repertoire export` runs it, with its 200 MB
 *    memory ceiling) whose peak RSS is read from /proc (VmHWM) while it runs. Target < 300 MB.
 *    The store: BENCH_STORE, an existing one opened read-only (e.g. the search bench's
 *    /tmp/repertoire-search-bench-100000-s1.db); else one made by `repertoire synth` where that
 *    command exists, else by the small generator below (BENCH_PROJECTS to change its size).
 * 3. The XLSX writer against its baseline, the former exceljs writer (bench/xlsx-exceljs.ts), on the
 *    first BENCH_BASELINE_PARTNERSHIPS partnerships (default 2 000) of the same store, one after
 *    the other in this run: the ratio of their times.
 *
 * `npm run bench -- publish` (BENCH_SYNTH=0: the bench generator even where synth exists).
 */
import { execFile, spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import Sqlite from 'better-sqlite3';
import { loadConfig } from '../src/config.js';
import { writeBookPdf } from '../src/publish/book/index.js';
import { launchBrowser } from '../src/publish/book/pdf.js';
import { importBundled } from '../src/publish/testing/tools.js';
import { openStore } from '../src/store/db.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RSS_LIMIT_MB = 300;

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'repertoire-bench-publish-'));
  try {
    await bookBench(dir);
    await largeExportBench(dir, Number(process.env.BENCH_PROJECTS ?? 1_000_000));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function bookBench(dir: string): Promise<void> {
  const store = await openStore(loadConfig({ DATABASE_URL: join(dir, 'book.db') }));
  try {
    await importBundled(store.db);
    const runs: number[] = [];
    let pages = 0;
    let passes = 0;
    for (let i = 0; i < 3; i++) {
      const start = performance.now();
      const counts = await writeBookPdf(store.db, createWriteStream(join(dir, `book-${i}.pdf`)));
      runs.push(performance.now() - start);
      pages = counts.pages ?? 0;
      passes = counts.passes ?? 0;
    }
    // With a browser already running (as the site would keep one): the printing alone.
    const browser = await launchBrowser();
    const warm: number[] = [];
    try {
      for (let i = 0; i < 3; i++) {
        const start = performance.now();
        await writeBookPdf(store.db, createWriteStream(join(dir, `warm-${i}.pdf`)), { browser });
        warm.push(performance.now() - start);
      }
    } finally {
      await browser.close();
    }
    const fmt = (ms: number[]) => `median ${(median(ms) / 1000).toFixed(2)} s   min ${(Math.min(...ms) / 1000).toFixed(2)} s`;
    console.log(`2008 directory → PDF (${pages} pages, ${passes} prints), Chromium launched each time   ${fmt(runs)}   target ≤ 10 s: ${median(runs) <= 10_000 ? 'ok' : 'MISSED'}`);
    console.log(`2008 directory → PDF, Chromium already running                                  ${fmt(warm)}`);
  } finally {
    await store.close();
  }
}

async function largeExportBench(dir: string, projects: number): Promise<void> {
  let db = process.env.BENCH_STORE;
  if (db === undefined) {
    db = join(dir, 'large.db');
    const start = performance.now();
    const how = (await synthStore(db, projects)) ? 'repertoire synth' : 'the bench generator';
    console.log(`large store made by ${how} in ${((performance.now() - start) / 1000).toFixed(1)} s`);
  }
  const counts = countAll(db);
  console.log(
    `large store ${db}: ${counts.projects} projects, ${counts.partnerships} partnerships, ${counts.funding_lines} funding lines, ${counts.project_partners} project partners, ${counts.contacts} contacts (${(statSync(db).size / 1e6).toFixed(0)} MB)`,
  );
  for (const format of ['csv', 'xlsx']) {
    const out = join(dir, `large.${format}`);
    const result = await child(format, db, out);
    const ok = result.maxRssMB < RSS_LIMIT_MB;
    console.log(
      `${format.padEnd(4)} export of ${counts.projects} projects: ${(result.ms / 1000).toFixed(1)} s, ${(result.rows / (result.ms / 1000) / 1000).toFixed(0)}k rows/s (${result.rows} rows), ${(statSync(out).size / 1e6).toFixed(0)} MB written, peak RSS ${result.maxRSSLabel}   target < ${RSS_LIMIT_MB} MB: ${ok ? 'ok' : 'MISSED'}`,
    );
    rmSync(out, { force: true });
  }
  // The XLSX writer against the former one (exceljs), on the same selection, in this run.
  const partnerships = process.env.BENCH_BASELINE_PARTNERSHIPS ?? '2000';
  const results: Record<string, ChildResult> = {};
  for (const writer of ['xlsx-exceljs', 'xlsx', 'csv']) {
    const out = join(dir, `part.${writer}`);
    results[writer] = await child(writer, db, out, partnerships);
    rmSync(out, { force: true });
    const r = results[writer];
    console.log(`${writer.padEnd(12)} first ${partnerships} partnerships: ${(r.ms / 1000).toFixed(1)} s (${r.rows} rows), peak RSS ${r.maxRSSLabel}`);
  }
  const base = results['xlsx-exceljs']!;
  console.log(`xlsx / xlsx-exceljs (baseline) time: ${(results.xlsx!.ms / base.ms).toFixed(2)}   csv / xlsx-exceljs: ${(results.csv!.ms / base.ms).toFixed(2)}`);
}

/** `repertoire synth` when the command exists (another module's); false when it does not. */
async function synthStore(path: string, projects: number): Promise<boolean> {
  const perPartnership = 10;
  try {
    if (process.env.BENCH_SYNTH === '0') throw new Error('the bench generator was asked for');
    await promisify(execFile)(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), 'synth', '--partnerships', String(Math.ceil(projects / perPartnership)), '--projects-per-partnership', String(perPartnership)], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: path },
      maxBuffer: 64 * 1024 * 1024,
      timeout: 30 * 60_000,
    });
    return true;
  } catch {
    rmSync(path, { force: true });
    rmSync(`${path}-wal`, { force: true });
    rmSync(`${path}-shm`, { force: true });
    await generate(path, projects);
    return false;
  }
}

/**
 * A large store written straight into SQLite: 20 projects per partnership, each project with two
 * funding lines (EUR and MAD), one partner and one domain; parties drawn from 20 000 collectivities.
 */
export async function generate(path: string, projects: number): Promise<void> {
  await (await openStore(loadConfig({ DATABASE_URL: path }))).close();
  const db = new Sqlite(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  db.pragma('foreign_keys = OFF');
  const D = 'bench';
  const insert = (table: string, columns: string[]) => {
    const statement = db.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
    return (...values: unknown[]) => statement.run(...values);
  };
  const directory = insert('directories', ['id', 'explicit_id', 'title', 'countries', 'edition', 'language']);
  const domain = insert('domains', ['directory_id', 'code', 'label', 'parent', 'position']);
  const collectivity = insert('collectivities', ['directory_id', 'id', 'position', 'name', 'short_name', 'country', 'kind', 'population', 'region']);
  const partnership = insert('partnerships', ['directory_id', 'id', 'position', 'tier', 'section', 'legal_framework', 'framework_kind', 'date_text', 'signed_date', 'history']);
  const party = insert('partnership_parties', ['directory_id', 'partnership_id', 'position', 'collectivity_id', 'country']);
  const contact = insert('contacts', ['directory_id', 'partnership_id', 'position', 'name', 'role', 'kind', 'collectivity_id', 'phones', 'emails']);
  const project = insert('projects', ['directory_id', 'id', 'partnership_id', 'position', 'title', 'status', 'themes', 'period_text', 'start_date', 'end_date', 'pad_cofinanced', 'objectives', 'description', 'total_cost_amount', 'total_cost_currency', 'total_cost_text']);
  const projectDomain = insert('project_domains', ['directory_id', 'project_id', 'position', 'domain_code']);
  const partner = insert('project_partners', ['directory_id', 'project_id', 'position', 'name', 'role', 'country']);
  const funding = insert('funding_lines', ['directory_id', 'project_id', 'position', 'funder', 'amount', 'currency', 'amount_text', 'contribution', 'text']);
  const perPartnership = 20;
  const partnerships = Math.ceil(projects / perPartnership);
  const collectivities = 20_000;
  const statuses = ['ongoing', 'completed', 'planned'];
  const domains = ['eau-assainissement', 'culture', 'jeunesse', 'tourisme', 'developpement-rural', 'sante', 'transports', 'patrimoine', 'education', 'environnement'];
  let written = 0;
  const batch = db.transaction((from: number, to: number) => {
    for (let p = from; p < to && written < projects; p++) {
      const id = `p${p}`;
      partnership(D, id, p, 'full', p % 2 ? 'Villes' : 'Conseils régionaux', 'Convention de coopération décentralisée', 'convention', `Signée le ${1 + (p % 28)} mars ${1985 + (p % 23)}`, `${1985 + (p % 23)}-03-${String(1 + (p % 28)).padStart(2, '0')}`, 'Une rencontre entre élus des deux villes, à l’occasion d’un festival, est à l’origine du jumelage.');
      party(D, id, 0, `c${(2 * p) % collectivities}`, 'FR');
      party(D, id, 1, `c${(2 * p + 1) % collectivities}`, 'MA');
      contact(D, id, 0, `Élodie MARTIN${p}`, 'Chargée de mission coopération décentralisée', 'staff', `c${(2 * p) % collectivities}`, '["+ 33 (0)4 42 91 99 30"]', `["e.martin${p}@ville.fr"]`);
      for (let k = 0; k < perPartnership && written < projects; k++, written++) {
        const pid = `${id}-${k}`;
        const year = 1995 + ((p + k) % 14);
        project(D, pid, id, k, `Projet d’appui à la maîtrise d’ouvrage communale n° ${written} — équipements et formation`, statuses[(p + k) % 3], '["DÉVELOPPEMENT URBAIN"]', `${year}-${year + 2}`, String(year), String(year + 2), (p + k) % 5 === 0 ? 1 : 0, '["Renforcer les capacités des services techniques","Former les agents municipaux"]', 'Le projet accompagne la commune dans la gestion de ses services publics : diagnostic, formation des agents, échanges techniques entre les services des deux villes et achat de petits équipements.', 100_000 + ((p * 7919 + k * 104729) % 2_000_000) + 0.5, 'MAD', '1 234 567,50 Dhs');
        projectDomain(D, pid, 0, domains[(p + k) % domains.length]);
        partner(D, pid, 0, 'Agence urbaine', 'partner', 'MA');
        funding(D, pid, 0, 'Cofinancement PAD', 50_000 + ((p + k) % 900_000), 'MAD', '50 000 Dhs', 'financial', 'Cofinancement PAD : 50 000 Dhs.');
        funding(D, pid, 1, 'Ville française', 20_000 + ((p * 3 + k) % 90_000) + 0.25, 'EUR', '20 000 €', 'mixed', 'Ville française : 20 000 € (contributions financière et valorisée).');
      }
    }
  });
  db.transaction(() => {
    directory(D, 1, 'Répertoire synthétique (banc d’essai)', '["FR","MA"]', '2026-11', 'fr');
    domains.forEach((code, i) => domain(D, code, code.replace(/-/g, ' '), null, i));
    for (let c = 0; c < collectivities; c++) collectivity(D, `c${c}`, c, `${c % 2 ? 'Commune urbaine' : 'Ville'} de Lieu-${c}`, `Lieu-${c}`, c % 2 ? 'MA' : 'FR', c % 2 ? 'commune-urbaine' : 'commune', 10_000 + c * 13, c % 2 ? 'Oriental' : 'Bretagne');
  })();
  for (let p = 0; p < partnerships; p += 1000) batch(p, p + 1000);
  db.close();
}

function countAll(path: string): Record<string, number> {
  const db = new Sqlite(path, { readonly: true });
  try {
    const count = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    return Object.fromEntries(['projects', 'partnerships', 'funding_lines', 'project_partners', 'contacts'].map((t) => [t, count(t)]));
  } finally {
    db.close();
  }
}

interface ChildResult {
  ms: number;
  rows: number;
  maxRssMB: number;
  maxRSSLabel: string;
}

/**
 * Runs `repertoire export` as users do — the built command, `node dist/cli/main.js` — and reads
 * its memory from /proc while it runs: VmHWM is the kernel's peak RSS of the process so far.
 */
function child(format: string, db: string, out: string, partnerships?: string): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const args = ['--import', 'tsx', join(ROOT, 'bench/publish-export-child.ts'), format, db, out, ...(partnerships ? [partnerships] : [])];
    const proc = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    proc.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    let peak = 0;
    const sample = () => {
      try {
        const status = readFileSync(`/proc/${proc.pid}/status`, 'utf8');
        peak = Math.max(peak, Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0));
      } catch {
        // the process has just ended
      }
    };
    const timer = setInterval(sample, 50);
    proc.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    proc.on('error', reject);
    proc.on('exit', (code) => {
      clearInterval(timer);
      if (code !== 0) return reject(new Error(`${format} export exited ${code}: ${stderr.slice(-2000)}`));
      const maxRssMB = peak / 1024;
      const reported = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as { rows?: number; ms?: number };
      resolve({ ms: reported.ms ?? performance.now() - start, rows: reported.rows ?? 0, maxRssMB, maxRSSLabel: `${maxRssMB.toFixed(0)} MB` });
    });
  });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}
