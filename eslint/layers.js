// @ts-check
/**
 * The lint rule `layers/no-climbing-import`: a module of src/ never imports one of a higher layer
 * (the table is eslint/layers.json, shared with src/layers.test.ts, which also finds circles).
 * Tests and test helpers (`*.test.ts`, `testing.ts`, `test-support/`) may reach anywhere.
 */
import { readFileSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SRC = resolve(ROOT, 'src');
/** @type {{ layers: string[][] }} */
const TABLE = JSON.parse(readFileSync(new URL('./layers.json', import.meta.url), 'utf8'));
const LAYER = new Map(TABLE.layers.flatMap((names, layer) => names.map((name) => /** @type {const} */ ([name, layer]))));

/** @param {string} path relative to src/, with forward slashes */
const isTestCode = (path) => path.endsWith('.test.ts') || path.endsWith('/testing.ts') || path === 'testing.ts' || path.startsWith('test-support/');

/** @param {string} path relative to src/ */
const layerOf = (path) => LAYER.get(path.split('/')[0].replace(/\.ts$/, ''));

/** @type {import('eslint').Rule.RuleModule} */
const noClimbingImport = {
  meta: {
    type: 'problem',
    docs: { description: 'a module never imports one of a higher layer (eslint/layers.json)' },
    messages: {
      climbing: '{{from}} (layer {{fromLayer}}: {{fromTop}}) imports {{to}} (layer {{toLayer}}: {{toTop}}): lower layers never import higher ones',
      unknown: '"{{top}}" has no layer in eslint/layers.json',
    },
    schema: [],
  },
  create(context) {
    const file = relative(SRC, context.filename).split(sep).join('/');
    if (file.startsWith('..') || isTestCode(file)) return {};
    const fromLayer = layerOf(file);
    /** @param {any} node */
    const check = (node) => {
      const source = node.source?.value;
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const to = relative(SRC, resolve(dirname(context.filename), source.replace(/\.js$/, '.ts'))).split(sep).join('/');
      if (to.startsWith('..') || isTestCode(to)) return;
      const toLayer = layerOf(to);
      if (fromLayer === undefined) return context.report({ node, messageId: 'unknown', data: { top: file.split('/')[0] } });
      if (toLayer === undefined) return context.report({ node, messageId: 'unknown', data: { top: to.split('/')[0] } });
      if (toLayer > fromLayer) {
        context.report({ node, messageId: 'climbing', data: { from: `src/${file}`, to: `src/${to}`, fromLayer: String(fromLayer), toLayer: String(toLayer), fromTop: file.split('/')[0], toTop: to.split('/')[0] } });
      }
    };
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check };
  },
};

export default { rules: { 'no-climbing-import': noClimbingImport } };
