/**
 * A project draft becomes an interchange Project: title and period, PAD co-financing, the lists
 * (objectives, results, beneficiaries), partners with roles, total cost and funding lines.
 */
import type { DirectoryCountries } from './countries.js';
import type { Project, ProjectPartner } from '../../model/schema.js';
import type { ProjectDraft, ProjectSection } from './drafts.js';
import { readProjectMoney, type ProjectMoney } from './funding.js';
import { readPartners } from './partners.js';
import { slug } from './text.js';
import type { PartyRef, ReaderNote, SourceLine } from './types.js';

const PAD = /\bPAD\b/;
/** "Cofinancement du PAD Maroc (demande en cours)", "sollicitation PAD-Maroc envisagée": not (yet) co-financed. */
const PAD_NOT_YET = /demande|sollicit|envisag|proposer|[àa] d[ée]finir/i;

function listOf(lines: readonly SourceLine[] | undefined): string[] {
  return (lines ?? []).map((l) => l.text.replace(/^[\s\-–•➤→*]+/, '').replace(/\s*[;,]$/, '').trim()).filter(Boolean);
}

function textOf(lines: readonly SourceLine[] | undefined): string | undefined {
  const text = (lines ?? []).map((l) => l.text).join('\n').trim();
  return text || undefined;
}

function isPad(draft: ProjectDraft, money: ProjectMoney): boolean {
  if (draft.padInTitle) return true;
  if (money.funding.some((f) => PAD.test(f.funder) && !PAD_NOT_YET.test(f.text ?? ''))) return true;
  return money.fundingText.some((t) => /co-?financement (du )?PAD\b/i.test(t) && !PAD_NOT_YET.test(t));
}

/** PAD projects are by design led by the partner party with the home one assisting (see the editorials). */
function withPadRoles(partners: ProjectPartner[], parties: readonly PartyRef[], countries: DirectoryCountries, notes: ReaderNote[], line: number): ProjectPartner[] {
  const out = [...partners];
  const add = (role: 'maitre-ouvrage' | 'assistant-maitre-ouvrage', country: string) => {
    if (out.some((p) => p.role === role)) return;
    const party = parties.find((p) => p.country === country);
    if (!party) return;
    out.unshift({ name: party.name, role, country, collectivityId: party.collectivityId });
    notes.push({ kind: 'inferred-role', message: `PAD project: ${role} not printed, taken to be ${party.name}`, wording: { key: `role-inferred.${role}`, params: { name: party.name } }, line });
  };
  add('assistant-maitre-ouvrage', countries.home);
  add('maitre-ouvrage', countries.partner);
  return out;
}

export function uniqueId(base: string, used: Set<string>): string {
  let id = base;
  for (let k = 2; used.has(id); k++) id = `${base}-${k}`;
  used.add(id);
  return id;
}

/**
 * A project printed under a theme heading with no title of its own ("COOPÉRATION INSTITUTIONNELLE"
 * then "Déroulement des projets") is named by what it does: its first described action or objective
 * up to its first date or clause ("Appui dans l'élaboration de la stratégie … (2003-2004) ;"), or
 * else by the heading in sentence case. The heading stays its theme. The book prints the title
 * under the heading, and it reads back as it.
 */
export function projectTitle(draft: Pick<ProjectDraft, 'title' | 'themes'>, description: readonly string[], objectives: readonly string[]): string {
  const theme = draft.themes[0];
  const headingAlone = theme !== undefined && (draft.title === theme || theme.startsWith(`${draft.title} (`));
  if (!headingAlone) return draft.title;
  for (const text of [...description, ...objectives]) {
    // A numbered list ("1. Égalité des chances") lists axes, none of which names the whole.
    if (/^\d+[.)]\s/.test(text)) break;
    const first = text.replace(/^[\s\-–•➤→*]+/, '').split(/\s+\(|\s*;|\.(?:\s|$)/)[0]!.trim();
    // "Axe 1 : partenariats durables entre établissements hospitaliers,": the words after a short label.
    const [label, rest] = first.split(/\s*:\s*/, 2) as [string, string | undefined];
    const named = (rest && label.split(/\s+/).length <= 2 ? rest : label).replace(/[\s,:]+$/, '');
    if (named.split(/\s+/).length >= 3 && named.length <= 200) return named.charAt(0).toUpperCase() + named.slice(1);
  }
  // Nothing names it: the heading as a title, in sentence case (the heading in capitals stays its theme).
  const lower = draft.title.toLocaleLowerCase('fr');
  return lower.charAt(0).toLocaleUpperCase('fr') + lower.slice(1);
}

export function buildProject(draft: ProjectDraft, partnershipId: string, used: Set<string>, parties: readonly PartyRef[], countries: DirectoryCountries, document: string, notes: ReaderNote[]): Project {
  const section = (s: ProjectSection) => draft.sections.get(s);
  // Roles may be printed in the description ("Maître d'ouvrage : …"), never in the money parts
  // ("opérateur : 161 502€" is a funding line, not a partner).
  const others = [...draft.sections].filter(([s]) => s !== 'partners' && s !== 'funding' && s !== 'budget').flatMap(([, lines]) => lines);
  const money = readProjectMoney(section('funding') ?? [], section('budget') ?? [], parties);
  const pad = isPad(draft, money);
  let partners = readPartners(section('partners') ?? [], others, parties, countries);
  if (pad) partners = withPadRoles(partners, parties, countries, notes, draft.titleLine.n);
  const period = draft.period;
  const title = projectTitle(draft, (section('description') ?? []).map((l) => l.text), listOf(section('objectives')));
  const project: Project = {
    id: uniqueId(`${partnershipId}-${slug(title, 50)}`, used),
    title,
    status: draft.status,
    ...(draft.themes.length ? { themes: draft.themes } : {}),
    ...(period?.periodText ? { periodText: period.periodText } : {}),
    ...(period?.startDate ? { startDate: period.startDate } : {}),
    ...(period?.endDate ? { endDate: period.endDate } : {}),
    ...(period?.durationMonths !== undefined ? { durationMonths: period.durationMonths } : {}),
    padCofinanced: pad,
    ...nonEmpty('objectives', listOf(section('objectives'))),
    ...optional('description', textOf(section('description'))),
    ...nonEmpty('partners', partners),
    ...(money.totalCost ? { totalCost: money.totalCost } : {}),
    ...nonEmpty('funding', money.funding),
    ...optional('fundingText', money.fundingText.join('\n') || undefined),
    ...nonEmpty('expectedResults', listOf(section('expectedResults'))),
    ...nonEmpty('obtainedResults', listOf(section('obtainedResults'))),
    ...nonEmpty('beneficiaries', listOf(section('beneficiaries'))),
    ...optional('observations', textOf(section('observations'))),
    source: { document, lines: [draft.titleLine.n, Math.max(draft.titleLine.n, draft.lastLine)] },
  };
  checkSums(project, notes, draft.titleLine.n);
  return project;
}

function nonEmpty<K extends string, T>(name: K, values: T[]): Partial<Record<K, T[]>> {
  return values.length ? ({ [name]: values } as Record<K, T[]>) : {};
}

function optional<K extends string>(name: K, value: string | undefined): Partial<Record<K, string>> {
  return value ? ({ [name]: value } as Record<K, string>) : {};
}

/** The book's funding lines do not always add up to the total it prints: say where. */
function checkSums(project: Project, notes: ReaderNote[], line: number): void {
  const total = project.totalCost;
  const lines = (project.funding ?? []).filter((f) => f.amount && f.amount.currency === total?.currency);
  if (!total || lines.length < 2) return;
  const sum = lines.reduce((s, f) => s + f.amount!.amount, 0);
  if (total.approximate || lines.some((f) => f.amount!.approximate)) return;
  if (Math.abs(sum - total.amount) >= 1) {
    notes.push({
      kind: 'funding-does-not-add-up',
      message: `“${project.title}”: funding lines add up to ${sum} ${total.currency}, the total cost printed is ${total.amount} ${total.currency}`,
      wording: { key: 'funding-does-not-add-up', params: { title: project.title, sum, total: total.amount, currency: total.currency } },
      line,
    });
  }
}
