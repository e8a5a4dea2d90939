/**
 * /openapi.json against the rules of a standard linter's recommended set — redocly's `recommended`
 * (https://redocly.com/docs/cli/rules/recommended), which `redocly lint` applies; the CLI cannot
 * be installed here (no network), so its rules that bear on this document are written out below,
 * each under its redocly name. The document as served over real HTTP breaks none; a document with
 * the faults redocly found in the former one (no security, no servers, no licence…) breaks each.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestSite, type TestSite } from './testing.js';

type Json = Record<string, unknown>;
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Every problem found, as `rule: where`. */
export function lintOpenApi(doc: Json): string[] {
  const problems: string[] = [];
  const report = (rule: string, where: string) => problems.push(`${rule}: ${where}`);

  // struct (the parts every rule below reads)
  if (typeof doc.openapi !== 'string' || !/^3\.1\.\d+$/.test(doc.openapi)) report('struct', 'openapi is not 3.1.x');
  const info = isObject(doc.info) ? doc.info : {};
  if (typeof info.title !== 'string' || typeof info.version !== 'string') report('struct', 'info.title and info.version');
  const paths = isObject(doc.paths) ? doc.paths : {};

  // info-license, info-license-strict
  const license = info.license;
  if (!isObject(license)) report('info-license', 'info.license');
  else if (typeof license.url !== 'string' && typeof license.identifier !== 'string') report('info-license-strict', 'info.license has neither url nor identifier');

  // no-empty-servers, no-server-trailing-slash, no-server-example.com
  const servers = Array.isArray(doc.servers) ? (doc.servers as Json[]) : [];
  if (servers.length === 0) report('no-empty-servers', 'servers');
  for (const server of servers) {
    const url = String(server.url ?? '');
    if (url.endsWith('/') && url !== '/') report('no-server-trailing-slash', url);
    if (/example\.com/.test(url)) report('no-server-example.com', url);
  }

  // tags: no-duplicated-tag-names, tag-description, operation-tag-defined
  const tags = Array.isArray(doc.tags) ? (doc.tags as Json[]) : [];
  const tagNames = tags.map((tag) => String(tag.name));
  for (const name of tagNames.filter((name, i) => tagNames.indexOf(name) !== i)) report('no-duplicated-tag-names', name);
  for (const tag of tags) if (typeof tag.description !== 'string' || tag.description === '') report('tag-description', String(tag.name));

  const operationIds: string[] = [];
  const shapes = new Map<string, string>();
  for (const [path, item] of Object.entries(paths)) {
    // no-path-trailing-slash, path-not-include-query, path-declaration-must-exist, no-identical-paths, no-ambiguous-paths
    if (path.length > 1 && path.endsWith('/')) report('no-path-trailing-slash', path);
    if (path.includes('?')) report('path-not-include-query', path);
    if (path.includes('{}')) report('path-declaration-must-exist', path);
    const shape = path.replace(/\{[^}]+\}/g, '{}');
    if (shapes.has(shape)) report('no-identical-paths', `${path} and ${shapes.get(shape)}`);
    shapes.set(shape, path);
    for (const other of shapes.values()) if (other !== path && ambiguous(path, other)) report('no-ambiguous-paths', `${path} and ${other}`);
    if (!isObject(item)) continue;
    const templated = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
    for (const method of METHODS) {
      const operation = item[method];
      if (!isObject(operation)) continue;
      const where = `${method.toUpperCase()} ${path}`;
      // security-defined: globally or per operation (`[]`: public, said explicitly)
      if (!Array.isArray(operation.security) && !Array.isArray(doc.security)) report('security-defined', where);
      // operation-summary, operation-operationId(-unique, -url-safe)
      if (typeof operation.summary !== 'string' || operation.summary.trim() === '') report('operation-summary', where);
      if (typeof operation.operationId !== 'string') report('operation-operationId', where);
      else {
        if (operationIds.includes(operation.operationId)) report('operation-operationId-unique', operation.operationId);
        if (!/^[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=]*$/.test(operation.operationId)) report('operation-operationId-url-safe', operation.operationId);
        operationIds.push(operation.operationId);
      }
      // operation-tag-defined
      for (const tag of (operation.tags as string[] | undefined) ?? []) if (!tagNames.includes(tag)) report('operation-tag-defined', `${where}: ${tag}`);
      // operation-2xx-response, operation-4xx-response
      const codes = Object.keys(isObject(operation.responses) ? operation.responses : {});
      if (!codes.some((code) => /^2(\d\d|XX)$/.test(code))) report('operation-2xx-response', where);
      if (!codes.some((code) => /^4(\d\d|XX)$/.test(code))) report('operation-4xx-response', where);
      // operation-parameters-unique, path-parameters-defined
      const parameters = [...((item.parameters as Json[] | undefined) ?? []), ...((operation.parameters as Json[] | undefined) ?? [])];
      const keys = parameters.map((p) => `${String(p.in)}:${String(p.name)}`);
      for (const key of keys.filter((key, i) => keys.indexOf(key) !== i)) report('operation-parameters-unique', `${where}: ${key}`);
      const inPath = parameters.filter((p) => p.in === 'path').map((p) => String(p.name));
      for (const name of templated) if (!inPath.includes(name)) report('path-parameters-defined', `${where}: {${name}} not declared`);
      for (const name of inPath) if (!templated.includes(name)) report('path-parameters-defined', `${where}: ${name} not in the path`);
    }
  }

  // no-unresolved-refs, no-unused-components, no-enum-type-mismatch, no-required-schema-properties-undefined
  const used = new Set<string>();
  walk(doc, '#', (node, where) => {
    if (typeof node.$ref === 'string') {
      if (resolve(doc, node.$ref) === undefined) report('no-unresolved-refs', `${where}: ${node.$ref}`);
      used.add(node.$ref);
    }
    if (Array.isArray(node.enum) && typeof node.type === 'string') {
      for (const value of node.enum) if (!ofType(value, node.type)) report('no-enum-type-mismatch', `${where}: ${JSON.stringify(value)} is not ${node.type}`);
    }
    if (Array.isArray(node.required) && isObject(node.properties)) {
      for (const name of node.required as string[]) if (!(name in node.properties)) report('no-required-schema-properties-undefined', `${where}: ${name}`);
    }
  });
  const components = isObject(doc.components) ? doc.components : {};
  for (const [kind, entries] of Object.entries(components)) {
    if (kind === 'securitySchemes' || !isObject(entries)) continue;
    for (const name of Object.keys(entries)) if (!used.has(`#/components/${kind}/${name}`)) report('no-unused-components', `#/components/${kind}/${name}`);
  }
  return problems;
}

/**
 * Two paths one URL could match, as redocly's no-ambiguous-paths sees them: as many segments, the
 * same literal segments, as many whole-segment variables (`{id}`; `{id}.json` is a literal to it).
 */
function ambiguous(a: string, b: string): boolean {
  const sa = a.split('/');
  const sb = b.split('/');
  if (sa.length !== sb.length) return false;
  const variable = (segment: string) => /^\{.+?\}$/.test(segment);
  let va = 0;
  let vb = 0;
  for (let i = 0; i < sa.length; i++) {
    const xa = variable(sa[i]!);
    const xb = variable(sb[i]!);
    if (xa) va += 1;
    if (xb) vb += 1;
    if (!xa && !xb && sa[i] !== sb[i]) return false;
  }
  return va === vb && va > 0;
}

function ofType(value: unknown, type: string): boolean {
  if (value === null) return type === 'null';
  if (type === 'integer') return Number.isInteger(value);
  if (type === 'array') return Array.isArray(value);
  if (type === 'object') return isObject(value);
  return typeof value === type;
}

function resolve(doc: Json, ref: string): unknown {
  if (!ref.startsWith('#/')) return undefined;
  let node: unknown = doc;
  for (const part of ref.slice(2).split('/').map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))) {
    if (!isObject(node)) return undefined;
    node = node[part];
  }
  return node;
}

function walk(node: unknown, where: string, visit: (node: Json, where: string) => void): void {
  if (Array.isArray(node)) node.forEach((child, i) => walk(child, `${where}/${i}`, visit));
  else if (isObject(node)) {
    visit(node, where);
    for (const [key, child] of Object.entries(node)) walk(child, `${where}/${key}`, visit);
  }
}

let site: TestSite;
let base: string;

beforeAll(async () => {
  site = await openTestSite();
  base = await site.app.listen({ port: 0, host: '127.0.0.1' });
}, 60_000);

afterAll(async () => site?.dispose());

describe("the OpenAPI document and redocly's recommended rules", () => {
  it('breaks none, and describes /export', async () => {
    const doc = (await (await fetch(`${base}/openapi.json`)).json()) as Json;
    expect(lintOpenApi(doc)).toEqual([]);
    expect((doc.servers as Json[])[0]!.url).toBe(base);
    const exported = (doc.paths as Record<string, { get: Json }>)['/export']!.get;
    expect(exported.operationId).toBe('export');
    const names = (exported.parameters as Json[]).map((p) => p.name);
    for (const name of ['format', 'scope', 'labels', 'content', 'columns', 'q', 'domain', 'status']) expect(names, name).toContain(name);
  });

  it('finds the faults redocly found in the former document', () => {
      const faulty: Json = {
      openapi: '3.1.0',
      info: { title: 'x', version: '1' },
      servers: [],
      tags: [{ name: 'pages' }, { name: 'pages' }],
      paths: {
        '/a/{id}.json': { get: { operationId: 'a', tags: ['nowhere'], responses: { '404': { description: 'no' } }, parameters: [{ name: 'x', in: 'query' }, { name: 'x', in: 'query' }] } },
        '/b/{code}.json': { get: { operationId: 'a b', summary: 'b', security: [], parameters: [{ name: 'code', in: 'path', schema: { type: 'string', enum: ['x', 1] } }], responses: { '200': { $ref: '#/components/responses/Nope' } } } },
        '/a/{key}.json': { get: { summary: 'd', operationId: 'd', security: [], parameters: [{ name: 'key', in: 'path' }], responses: { '200': { description: 'ok' }, '404': { description: 'no' } } } },
        '/c/': { get: { summary: 'c', operationId: 'a', security: [], responses: { '200': { description: 'ok' }, '400': { description: 'no' } } } },
      },
      components: { schemas: { Unused: { type: 'object', required: ['gone'], properties: {} } } },
    };
    const rules = new Set(lintOpenApi(faulty).map((problem) => problem.split(':')[0]));
    expect([...rules].sort()).toEqual(
      [
        'info-license', 'no-empty-servers', 'no-duplicated-tag-names', 'tag-description', 'security-defined', 'operation-summary', 'operation-tag-defined',
        'operation-2xx-response', 'operation-4xx-response', 'operation-parameters-unique', 'path-parameters-defined', 'operation-operationId-url-safe',
        'no-enum-type-mismatch', 'no-unresolved-refs', 'no-path-trailing-slash', 'operation-operationId-unique', 'no-unused-components',
        'no-required-schema-properties-undefined', 'no-identical-paths',
      ].sort(),
    );
  });
});
