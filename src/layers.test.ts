/**
 * The tree's shape (../shared/design/layers.md): the data goes one way, so a module never imports
 * one of a higher layer, and no module reaches itself again through its imports (type imports
 * count: they tie the files' meanings together just as much). Tests and test helpers
 * (`*.test.ts`, `testing.ts`, `test-support/`) may reach anywhere.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('.', import.meta.url));

/** Each top folder's (or top file's) layer, lowest first: the table the lint rule reads too (eslint/layers.js). */
const LAYERS = (JSON.parse(readFileSync(new URL('../eslint/layers.json', import.meta.url), 'utf8')) as { layers: string[][] }).layers;
const LAYER = new Map(LAYERS.flatMap((names, layer) => names.map((name) => [name, layer] as const)));

const isTestCode = (path: string) => path.endsWith('.test.ts') || path.endsWith('/testing.ts') || path.startsWith('test-support/');

function sources(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') ? [relative(SRC, path)] : [];
  });
}

/** The project files a module imports (static `import … from` and `export … from`, relative paths). */
function importsOf(path: string): string[] {
  const text = readFileSync(join(SRC, path), 'utf8');
  const targets: string[] = [];
  for (const match of text.matchAll(/^(?:import|export)\s[^;]*?\sfrom\s+'(\.{1,2}\/[^']+)'/gms)) {
    targets.push(relative(SRC, resolve(SRC, dirname(path), match[1]!.replace(/\.js$/, '.ts'))));
  }
  return targets;
}

function layerOf(path: string): number {
  const top = path.split('/')[0]!.replace(/\.ts$/, '');
  const layer = LAYER.get(top);
  if (layer === undefined) throw new Error(`src/${path}: "${top}" has no layer in eslint/layers.json`);
  return layer;
}

const modules = sources(SRC).filter((path) => !isTestCode(path));
const graph = new Map(modules.map((path) => [path, importsOf(path)]));

describe('layers', () => {
  it('finds the imports it checks', () => {
    expect(modules.length).toBeGreaterThan(200);
    expect(graph.get('web/app.ts')).toContain('web/page.ts');
    expect(graph.get('cli/commands/serve.ts')).toContain('config.ts');
  });

  it('never imports a higher layer', () => {
    const climbing = [...graph].flatMap(([from, targets]) =>
      targets.filter((to) => !isTestCode(to) && layerOf(to) > layerOf(from)).map((to) => `src/${from} imports src/${to}`),
    );
    expect(climbing).toEqual([]);
  });

  it('is enforced by lint too: the rule refuses an import that climbs, and lets the same import down', async () => {
    const eslint = new ESLint({ cwd: join(SRC, '..') });
    const lint = async (file: string, text: string) => (await eslint.lintText(text, { filePath: join(SRC, file) }))[0]!.messages.map((m) => m.ruleId);
    expect(await lint('model/climbing.ts', "export { buildApp } from '../web/app.js';\n")).toContain('layers/no-climbing-import');
    expect(await lint('web/descending.ts', "export { RepertoireDocument } from '../model/schema.js';\n")).not.toContain('layers/no-climbing-import');
    expect(await lint('model/climbing.test.ts', "export { buildApp } from '../web/app.js';\n")).not.toContain('layers/no-climbing-import');
  }, 60_000);

  it('has no module that imports itself in a circle', () => {
    // Tarjan's strongly connected components: any with two modules or more is a circle.
    const index = new Map<string, number>();
    const low = new Map<string, number>();
    const stack: string[] = [];
    const onStack = new Set<string>();
    const circles: string[][] = [];
    const visit = (module: string) => {
      index.set(module, index.size);
      low.set(module, index.get(module)!);
      stack.push(module);
      onStack.add(module);
      for (const next of graph.get(module) ?? []) {
        if (!graph.has(next)) continue;
        if (!index.has(next)) {
          visit(next);
          low.set(module, Math.min(low.get(module)!, low.get(next)!));
        } else if (onStack.has(next)) {
          low.set(module, Math.min(low.get(module)!, index.get(next)!));
        }
      }
      if (low.get(module) === index.get(module)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== module);
        if (component.length > 1) circles.push(component.sort());
      }
    };
    for (const module of graph.keys()) if (!index.has(module)) visit(module);
    expect(circles).toEqual([]);
  });
});
