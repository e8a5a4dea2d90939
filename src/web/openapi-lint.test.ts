/**
 * /openapi.json as served over real HTTP passes redocly's `recommended` ruleset
 * (https://redocly.com/docs/cli/rules/recommended) — the rules `redocly lint` applies, run by its
 * own library (@redocly/openapi-core), errors and warnings alike. A document with the faults the
 * linter found in the former one (no security, no servers, no licence) fails it: the check can fail.
 */
import { createConfig, lintFromString } from '@redocly/openapi-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestSite, type TestSite } from './testing.js';

let site: TestSite;
/** The document names the server it was asked from: a site's own host, as in production (the linter warns of localhost). */
const served = () => site.app.inject({ method: 'GET', url: '/openapi.json', headers: { host: 'repertoire.cites-unies-france.org' } });
beforeAll(async () => {
  site = await openTestSite({ search: false });
}, 120_000);
afterAll(async () => {
  await site?.dispose();
});

/** Every problem the recommended ruleset finds, as `severity rule: where`. */
async function lint(document: unknown): Promise<string[]> {
  const config = await createConfig({ extends: ['recommended'] });
  const problems = await lintFromString({ source: JSON.stringify(document), absoluteRef: 'openapi.json', config });
  return problems.map((p) => `${p.severity} ${p.ruleId}: ${p.location[0]?.pointer ?? ''} ${p.message}`);
}

describe('the OpenAPI document under redocly’s recommended rules', () => {
  it('breaks none of them, as served', async () => {
    const response = await served();
    expect(response.statusCode).toBe(200);
    expect(await lint(response.json())).toEqual([]);
  });

  it('fails a document without security, servers or licence', async () => {
    const document = (await served()).json<{ info: { license?: unknown }; servers?: unknown[]; paths: Record<string, Record<string, { security?: unknown }>> }>();
    delete document.info.license;
    document.servers = [];
    for (const operations of Object.values(document.paths)) for (const operation of Object.values(operations)) delete operation.security;
    const problems = await lint(document);
    expect(problems.some((p) => p.startsWith('error no-empty-servers'))).toBe(true);
    expect(problems.some((p) => p.startsWith('error security-defined'))).toBe(true);
    expect(problems.some((p) => p.includes('info-license'))).toBe(true);
  });
});
