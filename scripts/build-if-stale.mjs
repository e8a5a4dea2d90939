// @ts-check
/**
 * Builds dist/ only when its sources changed since the last build, for `npm start` (and `prepare`):
 * a fresh clone built by `npm ci` then started paid for TypeScript twice (issue 20).
 *
 * What was built from is a hash of the inputs' contents (src/ without its tests, the tsconfig
 * files, the lock file), kept in dist/.build-inputs: a content hash and not modification times,
 * which a checkout or a copy changes without changing a byte. Plain JavaScript, run by node
 * itself: tsx would add its own start-up to every `npm start`.
 *
 * The emit skips type checking (`--noCheck`, TypeScript ≥ 5.6): with `isolatedModules` and
 * `verbatimModuleSyntax` each file's JavaScript does not depend on types, so the output is the
 * same byte for byte, in a third of the time. `npm run typecheck` (and `npm run build`) still check.
 *
 *   node scripts/build-if-stale.mjs          build when stale, else say nothing
 *   node scripts/build-if-stale.mjs --check  …with type checking
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const STAMP = join(ROOT, 'dist/.build-inputs');
const MAIN = join(ROOT, 'dist/cli/main.js');
const TSC = join(ROOT, 'node_modules/typescript/bin/tsc');

/** The files the build reads from the project, sorted: src/ without tests and fixtures, the configuration. */
function inputs() {
  const files = ['tsconfig.json', 'tsconfig.build.json', 'package-lock.json'].map((name) => join(ROOT, name)).filter((path) => existsSync(path));
  const walk = (/** @type {string} */ dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.(ts|json)$/.test(entry.name) && !entry.name.endsWith('.test.ts')) files.push(path);
    }
  };
  walk(join(ROOT, 'src'));
  return files.sort();
}

/** One hash over the inputs' names and contents. */
function inputsHash() {
  const hash = createHash('sha256');
  for (const path of inputs()) hash.update(relative(ROOT, path)).update('\0').update(readFileSync(path)).update('\0');
  return hash.digest('hex');
}

const check = process.argv.includes('--check');
const current = inputsHash();
const built = existsSync(STAMP) && existsSync(MAIN) ? readFileSync(STAMP, 'utf8').trim() : undefined;
if (built !== current) {
  const started = performance.now();
  process.stderr.write(`Building dist/ (TypeScript${check ? ', with type checking' : ', no type checking: npm run typecheck does it'})…\n`);
  try {
    execFileSync(process.execPath, [TSC, '-p', 'tsconfig.build.json', ...(check ? [] : ['--noCheck'])], { cwd: ROOT, stdio: 'inherit' });
  } catch {
    process.exit(1);
  }
  chmodSync(MAIN, 0o755);
  writeFileSync(STAMP, `${current}\n`);
  process.stderr.write(`Built in ${((performance.now() - started) / 1000).toFixed(1)} s.\n`);
}
