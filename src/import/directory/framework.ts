/**
 * The kind of a partnership's legal framework, from its "Cadre juridique" as written:
 * "Accord de jumelage" and "Charte de jumelage" are twinnings; "Convention cadre de coopération"
 * is a convention; "Échanges informels" and "Aucun accord … signé" are none.
 */
import type { Partnership } from '../../model/schema.js';
import { key } from './text.js';

type FrameworkKind = NonNullable<Partnership['frameworkKind']>;

const KINDS: readonly [RegExp, FrameworkKind][] = [
  [/\bconvention/, 'convention'],
  [/\baccord/, 'accord'],
  [/\bprotocole/, 'protocole'],
  [/\bdeclaration/, 'declaration'],
  [/\bjumelage/, 'jumelage'],
];

export function frameworkKind(text: string | undefined): FrameworkKind | undefined {
  if (!text) return undefined;
  const k = key(text);
  if (/^(aucun|echanges informels|relations d amitie|pas d)/.test(k)) return 'none';
  // A twinning deed or charter is a twinning whatever the noun: "Accord de jumelage", "Acte de jumelage".
  if (/^(jumelage|(accord|acte|charte|serment) (cadre )?de jumelage)/.test(k)) return 'jumelage';
  let best: [number, FrameworkKind] | undefined;
  for (const [pattern, kind] of KINDS) {
    const at = k.search(pattern);
    if (at >= 0 && (!best || at < best[0])) best = [at, kind];
  }
  return best?.[1] ?? 'other';
}
