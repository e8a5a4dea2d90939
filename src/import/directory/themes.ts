/**
 * Project domains from the theme headings they stand under ("EAU ET ASSAINISSEMENT",
 * "RENFORCEMENT DES CAPACITÉS, CULTURE"), in the book's own taxonomy (the Synthèse). So the
 * question "who else works on water in the Souss?" has an answer at the level of projects.
 */
import type { Domain } from '../../model/schema.js';
import { key } from './text.js';

/** Words of a theme → the label of the domain they belong to, most specific first. */
const THEME_TO_DOMAIN: readonly [RegExp, string][] = [
  [/\beau\b|assainissement/, 'eau assainissement'],
  [/transports?|deplacements?|circulation/, 'transports'],
  [/amenagement|urbanisme|planification/, 'amenagement'],
  [/proprete|dechets/, 'proprete'],
  [/tourisme|ecotourisme/, 'tourisme'],
  [/artisanat/, 'artisanat'],
  [/commerce equitable/, 'commerce equitable'],
  [/energie|eclairage/, 'maitrise de l energie'],
  [/circulations douces/, 'circulations douces'],
  [/societe civile|associations/, 'renforcement de la societe civile'],
  [/sante/, 'sante'],
  [/insertion des jeunes/, 'insertion des jeunes par l economie'],
  [/femmes/, 'insertion des femmes'],
  [/universit|enseignement superieur|recherche/, 'cooperation universitaire'],
  [/jeunesse|jeunes/, 'chantiers et echanges de jeunes'],
  [/education|enseignement|scolaire/, 'education'],
  [/lecture|bibliotheque/, 'lecture'],
  [/echanges culturels/, 'echanges culturels'],
  [/patrimoine/, 'patrimoine'],
  [/sport/, 'sport'],
  [/culture/, 'culture'],
  [/developpement rural|agriculture|rural/, 'developpement rural'],
  [/developpement economique|economi/, 'developpement economique'],
  [/developpement social|action sociale|social/, 'developpement social'],
  [/environnement|developpement durable/, 'environnement'],
  [/developpement urbain|urbain/, 'developpement urbain'],
];

export function themeDomains(themes: readonly string[], domains: readonly Domain[]): string[] {
  // one label, one domain (the synthesis unified them); the first of a label all the same, for a taxonomy read otherwise
  const byLabel = new Map<string, string>();
  for (const d of domains) if (!byLabel.has(key(d.label))) byLabel.set(key(d.label), d.code);
  const codes: string[] = [];
  for (const theme of themes.map(key)) {
    for (const [pattern, label] of THEME_TO_DOMAIN) {
      const code = byLabel.get(label);
      if (code && pattern.test(theme) && !codes.includes(code)) codes.push(code);
    }
  }
  return codes;
}
