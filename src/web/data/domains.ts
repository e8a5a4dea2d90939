/** A domain and its sub-domains: what "in this domain" means on the pages. */
import type { Directory } from './directory.js';

export function codesUnder(dir: Pick<Directory, 'childDomains'>, code: string): string[] {
  return [code, ...(dir.childDomains.get(code) ?? []).map((d) => d.code)];
}
