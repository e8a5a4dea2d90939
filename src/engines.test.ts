/**
 * The Node versions the project declares (package.json `engines`) are ones that every installed
 * package supports. `npm ci` refuses a mismatch on the machine it runs on (`engine-strict` in
 * .npmrc); this test also catches a dependency that drops the oldest declared version while the
 * developer runs a newer one, before it reaches a Node 20 machine.
 */
import { readFileSync } from 'node:fs';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

const read = (name: string) => JSON.parse(readFileSync(new URL(`../${name}`, import.meta.url), 'utf8')) as unknown;

const manifest = read('package.json') as { engines: { node: string } };
const lock = read('package-lock.json') as { packages: Record<string, { engines?: { node?: string } | string[] }> };

/** The oldest version of each range the project declares: 20.19.0 and 22.13.0 for "^20.19.0 || >=22.13.0". */
function oldestOfEachRange(range: string): string[] {
  return new semver.Range(range).set.map((comparators) => semver.minVersion(new semver.Range(comparators.map((c) => c.value).join(' ')))!.version);
}

describe('engines', () => {
  const declared = manifest.engines.node;

  it('declares the Node it runs on', () => {
    expect(semver.satisfies(process.versions.node, declared), `Node ${process.versions.node} is outside "${declared}"`).toBe(true);
  });

  it('holds every locked package to the oldest Node of each declared range', () => {
    const refused: string[] = [];
    for (const node of oldestOfEachRange(declared)) {
      for (const [path, entry] of Object.entries(lock.packages)) {
        // Old packages may list engines as an array of strings: not an npm constraint.
        const range = entry.engines !== undefined && !Array.isArray(entry.engines) ? entry.engines.node : undefined;
        if (path === '' || range === undefined) continue;
        if (!semver.satisfies(node, range)) refused.push(`${path.replace(/^.*node_modules\//, '')} needs Node ${range}, not ${node}`);
      }
    }
    expect(refused).toEqual([]);
  });
});
