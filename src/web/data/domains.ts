/** Partnerships and projects in a domain, counting its sub-domains. */
import type { Directory, PlacedProject, PublicPartnership } from './directory.js';

export function codesUnder(dir: Directory, code: string): Set<string> {
  return new Set([code, ...(dir.childDomains.get(code) ?? []).map((d) => d.code)]);
}

export function partnershipsIn(dir: Directory, code: string): PublicPartnership[] {
  const codes = codesUnder(dir, code);
  return dir.partnerships.filter((p) => (p.domains ?? []).some((c) => codes.has(c)));
}

export function projectsIn(dir: Directory, code: string): PlacedProject[] {
  const codes = codesUnder(dir, code);
  return dir.projects.filter((p) => (p.domains ?? []).some((c) => codes.has(c)));
}
