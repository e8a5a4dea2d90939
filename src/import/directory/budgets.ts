/**
 * "Budget attribué au partenariat": one line per party ("Aix-en-Provence : 200 000 €",
 * "Oujda : 15 000 € environ", "Tours : 91 889€ en 2006 ; 74 465€ en 2007 (prévisionnel)").
 * A line without an amount is a note; a line without a party label continues the one before.
 */
import type { PartyBudget } from '../../model/schema.js';
import { findAmounts } from './parse/money.js';
import { matchParty } from './parties.js';
import { splitLabel } from './text.js';
import type { PartyRef, SourceLine } from './types.js';

export interface BudgetReading {
  readonly budgets: PartyBudget[];
  readonly notes: string[];
}

function periodOf(text: string, label: string): string | undefined {
  const YEAR = String.raw`((?:19|20)\d{2})\b(?!\s*(?:€|euros?|dhs?|dirhams?))`;
  const year =
    /\(((?:19|20)\d{2})\)/.exec(label)?.[1] ??
    new RegExp(String.raw`\b(?:en|de l'ann[ée]e|ann[ée]e|budget)\s+${YEAR}`, 'i').exec(text)?.[1] ??
    new RegExp(String.raw`^(?:En\s+)?${YEAR}`).exec(text)?.[1];
  if (year) return year;
  if (/\/\s*an\b|par an\b|annuel/i.test(text)) return 'annuel';
  return undefined;
}

export function readBudgets(lines: readonly SourceLine[], parties: readonly PartyRef[]): BudgetReading {
  const budgets: PartyBudget[] = [];
  const notes: string[] = [];
  let party: PartyRef | undefined;
  for (const line of lines) {
    const parts = splitLabel(line.text, 70);
    const labelled = parts ? matchParty(parts[0], parties) : undefined;
    if (labelled) party = labelled;
    else if (parts) party = undefined;
    const body = labelled ? parts![1] : line.text;
    let found = false;
    for (const clause of body.split(/\s+;\s+/)) {
      // "0,65€/habitant" is a rate, not a budget.
      const amount = findAmounts(clause).find((a) => !/^\s*\/\s*habitant/.test(clause.slice(a.end)));
      if (!amount) continue;
      found = true;
      const approximate = amount.money.approximate || /estim|environ|indicatif|avoisin/i.test(clause);
      const period = periodOf(clause, parts?.[0] ?? '');
      budgets.push({
        ...(party ? { collectivityId: party.collectivityId } : {}),
        amount: { ...amount.money, ...(approximate ? { approximate: true } : {}) },
        ...(period ? { period } : {}),
        text: labelled ? `${parts![0]} : ${clause}` : clause,
      });
    }
    if (!found) notes.push(`Budget attribué au partenariat : ${line.text}`);
  }
  return { budgets, notes };
}
