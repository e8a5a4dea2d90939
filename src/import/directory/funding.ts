/**
 * A project's money: its total cost and its funding lines, read from the "Financement" /
 * "Budget & financement" / "Budget" parts. A line may hold several funders
 * ("Cofinancement PAD : 200 249€ - Communauté urbaine de Lyon : 81 270€, Rabat : 38 747€ &
 * opérateur : 161 502€") or a breakdown of the one before it ("dont Rabat : 47 081€"), which is
 * kept in the text and not counted twice.
 */
import type { Funding, Money } from '../../model/schema.js';
import { findAmounts, findShares, readAmount } from './parse/money.js';
import { matchParty } from './parties.js';
import { splitLabel, trimPunctuation } from './text.js';
import type { PartyRef, SourceLine } from './types.js';

export interface ProjectMoney {
  totalCost?: Money;
  funding: Funding[];
  fundingText: string[];
}

const TOTAL = /^(?:le\s+)?(?:co[uû]t\s+total|budget|montant)\b/i;
// `\b` knows only ASCII letters: "Comité" must end the word by a lookahead on any letter.
const FUNDER_WORD = /^(co-?financements?|r[ée]gion|conseil|ville|minist[èe]re|mae|afd|pad|union|commission|ambassade|[ée]tat|agence|fondation|association|comit[ée]|mairie|caisse|programme|rotary|cg|cr|collectivit[ée]|indh|communaut[ée])(?!\p{L})/iu;
const FUNDER_STRIP = /^(financement|participation)\s+(?=\p{Lu})/u;

/** Splits a line into sentences, outside parentheses. */
function sentences(text: string): string[] {
  return splitOutsideParens(text, /\.\s+(?=\p{Lu})/u);
}

function splitOutsideParens(text: string, separator: RegExp): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '(') depth++;
    else if (c === ')') depth = Math.max(0, depth - 1);
    else if (depth === 0) {
      const m = separator.exec(text.slice(i, i + 4));
      if (m && m.index === 0 && m[0].length > 0) {
        parts.push(text.slice(start, i));
        start = i + m[0].length;
        i = start - 1;
      }
    }
  }
  parts.push(text.slice(start));
  return parts.map((p) => p.trim()).filter(Boolean);
}

/**
 * Funders of one sentence. "&" and "+" join funders ("Cofinancement MAE (30%) & Région
 * Poitou-Charentes (30%)"); commas, dashes, slashes and semicolons separate them only where each
 * part carries its own figure. A part starting with a small letter continues the one before,
 * unless it has its own "label : amount" ("& opérateur : 161 502€").
 */
function segments(sentence: string, figures: number): string[] {
  const separators = figures >= 2 ? /^(\s+[&+]\s+|\s+\/\s+|\s+[-–]\s+|,\s+|\s*;\s+)/ : /^(\s+[&+]\s+)/;
  const out: string[] = [];
  for (const part of splitOutsideParens(sentence, separators)) {
    const continues = !/^[\p{Lu}(]/u.test(part) && !/^dont\b/i.test(part) && !(splitLabel(part) && findAmounts(part).length);
    if (out.length && continues) out[out.length - 1] += `, ${part}`;
    else out.push(part);
  }
  const breakdown = out.findIndex((p) => /^dont\b/i.test(p));
  return breakdown < 0 ? out : out.slice(0, breakdown);
}

function contribution(text: string, money: Money | undefined): Funding['contribution'] {
  const k = text.toLowerCase().replace(/hors valoris\p{L}*/gu, '');
  if (/valoris/.test(k) && (/financi/.test(k) || /dont valoris/.test(k))) return 'mixed';
  if (/valoris|en nature/.test(k)) return 'in-kind';
  return money ? 'financial' : 'unknown';
}

function funderOf(segment: string): { funder: string; rest: string } {
  const paren = /^\(([^)]+)\)\s*(.*)$/.exec(segment);
  if (paren) return { funder: paren[1]!, rest: paren[2]! };
  const label = splitLabel(segment, 90);
  if (label && !/^\d/.test(label[0])) return { funder: label[0], rest: label[1] };
  const amount = findAmounts(segment)[0] ?? findShares(segment).map((s) => ({ index: s.index }))[0];
  if (amount && amount.index > 0) return { funder: segment.slice(0, amount.index), rest: segment.slice(amount.index) };
  return { funder: segment, rest: '' };
}

function readFundingSegment(segment: string, parties: readonly PartyRef[], currency: string | undefined): Funding | undefined {
  const { funder: rawFunder, rest } = funderOf(segment);
  const funder = trimPunctuation(rawFunder.replace(FUNDER_STRIP, '').replace(/\s*\($/, ''));
  // "Cofinancement Région Nord-Pas de Calais : 6 000 .": a bare figure after a colon takes the project's currency.
  const money = readAmount(rest || segment) ?? (currency ? readAmount(segment, { defaultCurrency: currency }) : undefined);
  const share = money ? undefined : findShares(rest || segment)[0]?.share;
  if (!funder) return undefined;
  const party = matchParty(funder, parties);
  return {
    funder,
    ...(party ? { funderCollectivityId: party.collectivityId } : {}),
    ...(money ? { amount: money } : {}),
    ...(share !== undefined ? { share } : {}),
    contribution: contribution(segment, money),
    text: segment,
  };
}

/** Is a line without amounts a list of funders ("Conseil général, Comité des Échanges, Mairie de …")? */
function namesFunders(sentence: string): boolean {
  if (splitLabel(sentence, 90) || /^\(/.test(sentence)) return true;
  if (/^co-?financement/i.test(sentence)) return true;
  const parts = sentence.replace(/\.$/, '').split(/,\s+/);
  return FUNDER_WORD.test(sentence) && parts.every((p) => /^\p{Lu}/u.test(p) && p.split(/\s+/).length <= 8);
}

export function readProjectMoney(funding: readonly SourceLine[], budget: readonly SourceLine[], parties: readonly PartyRef[]): ProjectMoney {
  const out: ProjectMoney = { funding: [], fundingText: [] };
  const currency = () => out.totalCost?.currency ?? out.funding.find((f) => f.amount)?.amount?.currency;
  for (const line of budget) {
    const amounts = findAmounts(line.text);
    if (!out.totalCost && amounts.length) out.totalCost = totalOf(line.text);
    else if (/^co-?financement/i.test(line.text) && amounts.length) readFundingLine(line.text, out, parties, currency());
    else out.fundingText.push(line.text);
  }
  for (const line of funding) readFundingLine(line.text.replace(/^[\s\-–→➤•]+/, ''), out, parties, currency());
  return out;
}

function totalOf(text: string): Money | undefined {
  // "543 000€ en numéraire + 145 000€ en valorisé = 688 000 €": the total follows "=".
  const afterEquals = text.includes('=') ? readAmount(text.slice(text.lastIndexOf('=') + 1)) : undefined;
  const money = afterEquals ?? readAmount(text);
  if (!money) return undefined;
  return /estim|environ|indicatif/i.test(text) ? { ...money, approximate: true } : money;
}

/** "Cofinancement PAD de 187 083 € dont : Romans …": the breakdown after "dont" is not another funder. */
function cutBreakdown(sentence: string): string {
  let depth = 0;
  for (let i = 0; i < sentence.length; i++) {
    const c = sentence[i];
    if (c === '(') depth++;
    else if (c === ')') depth = Math.max(0, depth - 1);
    else if (depth === 0 && /^[\s,]+dont\b/.test(sentence.slice(i, i + 7)) && findAmounts(sentence.slice(0, i)).length) return sentence.slice(0, i);
  }
  return sentence;
}

/** "… : 40% Romans, 10% Taroudannt, 50% PAD.": shares listed after a label, one funder each. */
function readShareList(sentence: string, parties: readonly PartyRef[]): Funding[] | undefined {
  const rest = splitLabel(sentence, 300)?.[1];
  const items = rest?.replace(/\.$/, '').split(/\s*,\s*/);
  if (!items || items.length < 2 || !items.every((i) => /^\d+(?:,\d+)?\s*%\s+\S/.test(i))) return undefined;
  return items.map((item) => {
    const [, share, name] = /^(\d+(?:,\d+)?)\s*%\s+(.+)$/.exec(item)!;
    const party = matchParty(name!, parties);
    return { funder: name!, ...(party ? { funderCollectivityId: party.collectivityId } : {}), share: Number(share!.replace(',', '.')) / 100, contribution: 'unknown' as const, text: sentence };
  });
}

function readFundingLine(text: string, out: ProjectMoney, parties: readonly PartyRef[], currency: string | undefined): void {
  for (const whole of sentences(text)) {
    const shares = readShareList(whole, parties);
    if (shares) {
      out.funding.push(...shares);
      continue;
    }
    const sentence = cutBreakdown(whole);
    if (TOTAL.test(sentence) && findAmounts(sentence).length) {
      if (!out.totalCost) out.totalCost = totalOf(sentence);
      else out.fundingText.push(sentence);
      continue;
    }
    const figures = findAmounts(sentence).length + findShares(sentence).length;
    if (!figures && !namesFunders(sentence)) {
      out.fundingText.push(sentence);
      continue;
    }
    // "Cofinancement : MAE & Ministère marocain de la Culture": a label naming only the kind of money.
    const generic = /^co-?financements?\s*:\s*(.+)$/i.exec(sentence);
    const list = generic ? generic[1]! : sentence;
    const parts = !figures && !splitLabel(list, 90) ? list.replace(/\.$/, '').split(/\s*,\s+|\s+&\s+/) : segments(list, figures);
    for (const segment of parts) {
      const line = readFundingSegment(segment, parties, currency);
      if (line) out.funding.push(line);
    }
  }
}
