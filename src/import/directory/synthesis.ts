/**
 * "Synthèse des coopérations par domaines d'intervention": the book's two-level domain taxonomy
 * ("Développement urbain" > "➤ Transports") with, under each domain, the partnerships working in it
 * as "home collectivity/partner collectivity" lines.
 */
import { unifyDomains } from '../../model/domain-labels.js';
import { looksLikeCollectivityName } from './names.js';
import { slug } from './text.js';
import type { SourceLine } from './types.js';

export interface SynthesisDomain {
  readonly code: string;
  readonly label: string;
  readonly parent?: string;
  /** codes of the domains of the same label merged into this one ("Eau & assainissement" under Environnement) */
  readonly aliases?: string[];
  readonly line: number;
}

export interface SynthesisPair {
  readonly domain: string;
  readonly home: string;
  readonly partner?: string;
  readonly line: SourceLine;
}

export interface Synthesis {
  readonly domains: SynthesisDomain[];
  readonly pairs: SynthesisPair[];
}

export function readSynthesis(lines: readonly SourceLine[]): Synthesis {
  const domains: SynthesisDomain[] = [];
  const pairs: SynthesisPair[] = [];
  let top: SynthesisDomain | undefined;
  let current: SynthesisDomain | undefined;
  const add = (label: string, line: number, parent?: SynthesisDomain): SynthesisDomain => {
    const code = parent ? `${parent.code}-${slug(label, 60)}` : slug(label, 60);
    // "Eau & assainissement" is printed twice under "Développement urbain": one domain.
    const known = domains.find((d) => d.code === code);
    if (known) return known;
    const domain = { code, label, ...(parent ? { parent: parent.code } : {}), line };
    domains.push(domain);
    return domain;
  };
  for (const line of lines) {
    const text = line.text;
    const sub = /^➤\s*(.+)$/.exec(text);
    if (sub && top) {
      current = add(sub[1]!.trim(), line.n, top);
    } else if (text.includes('/') || looksLikeCollectivityName(text)) {
      if (!current) continue;
      const [home, partner] = text.split('/').map((s) => s.trim());
      pairs.push({ domain: current.code, home: home!, ...(partner ? { partner } : {}), line });
    } else {
      top = add(text, line.n);
      current = top;
    }
  }
  // one label, one domain: water printed under Environnement too is the urban water domain, and
  // each "Autres" takes its parent's name (model/domain-labels.ts)
  const unified = unifyDomains(domains);
  return { domains: unified.domains, pairs: pairs.map((p) => ({ ...p, domain: unified.renamed.get(p.domain) ?? p.domain })) };
}
