/**
 * Finding which party a free label names: "Aix-en-Provence :", "Montereau :", "PACA :",
 * "Région Midi-Pyrénées :", "Communauté urbaine de Lyon :", "Lyon (2007) :". Used by the funding,
 * budget and partner readers, which meet parties under their short and informal names.
 */
import { placeKey } from './names.js';
import { key } from './text.js';
import type { PartyRef } from './types.js';

const PREFIX = /^(ville et grand|ville et communaute urbaine|ville|commune urbaine|commune rurale|communaute urbaine|conseil general|conseil regional|conseil provincial|region|province|prefecture|cercle|cg|cr|cu|mairie|municipalite)( de la| de l| du| des| de| d)?\s+/;

export function labelKey(label: string): string {
  return placeKey(key(label.replace(/\([^)]*\)/g, ' ')).replace(PREFIX, ''));
}

export function matchParty(label: string, parties: readonly PartyRef[]): PartyRef | undefined {
  const wanted = labelKey(label);
  if (wanted.length < 3) return undefined;
  const keys = (p: PartyRef) => [p.shortName, ...p.aliases].map((s) => placeKey(s));
  const hits = parties.filter((p) =>
    keys(p).some((k) => k === wanted || (wanted.length >= 5 && (k.startsWith(`${wanted} `) || wanted.startsWith(`${k} `)))),
  );
  if (hits.length <= 1) return hits[0];
  // Lyon's two parties share a place: the label's kind words decide, the commune by default.
  const k = key(label);
  const byKind = /communaute urbaine|^cu |grand lyon|metropole/.test(k) ? hits.find((p) => /communaute-urbaine/.test(p.collectivityId)) : undefined;
  return byKind ?? hits[0];
}
