/**
 * Funding lines resolved to funders, once the whole directory is read: each line points to a
 * funder of the registry (`funderId`) or to a collectivity (`funderCollectivityId`: a party, or
 * another collectivity of the directory). "Financement du partenaire français" is the partnership's
 * party of that country. Phrases that are not funders — wishes ("Cofinancement souhaité /
 * recherché / à définir", "demande en cours"), conditions ("Elle ne peut excéder…"), contributions
 * told in words ("don de livres", "opérateur") — leave the funding lines for the project's funding
 * notes. A name shaped like an organisation that the registry lacks stays a funding line without
 * a funder: the data-quality desk lists it.
 *
 * Funders inside phrases are split out: a printed funder joining several ("Cofinancement Conseil
 * général et MAE", "Commission Européenne ; Les villes participantes au projet") is one line per
 * funder, and a funding note naming a funder of the registry ("Au Maroc : INDH, associations
 * locales.") gives a line pointing to it, the sentence as its text. A wish ("sollicitation
 * PAD-Maroc envisagée") stays a note.
 */
import type { Collectivity, Funding, Partnership, Project, RepertoireDocument } from '../../model/schema.js';
import type { FunderRegistry } from '../../profiles/funders.js';
import type { Profiles } from '../../profiles/profiles.js';
import { foldKey } from '../../text/fold.js';
import { placeKey } from './names.js';
import { labelKey, matchParty } from './parties.js';
import type { PartyRef } from './types.js';

/** How many distinct funders the print names, and how many entities they are once resolved. */
export interface FunderCounts {
  readonly printed: number;
  readonly resolved: number;
  readonly unresolved: number;
  readonly notes: number;
  /** funding lines made by splitting a printed funder that joined several, or from a funding note naming one */
  readonly split: number;
}

const LEAD = /^(?:co-?financements?|financements?|subventions?|participation|contribution)(?!\p{L})\s*(?:(?:du|de la|de l['’]|des|de|d['’])(?!\p{L})\s*)?/iu;
const WISH = /souhait|recherch|[àa] d[ée]finir|demande en cours|envisag|sollicit/iu;
const CONDITION = /\bne peut\b|peut atteindre|exc[ée]der|plafonn/iu;
const ORGANISATION = /^(association|comit[ée]|fondation|agence|minist[èe]re|conseil|r[ée]gion|mairie|commune|ville|[ée]tat|caisse|programme|union|commission|ambassade|institut|office|soci[ée]t[ée]|groupe|banque|fonds|wilaya|province|pr[ée]fecture|d[ée]partement|universit[ée]|collectivit[ée]|communaut[ée])(?!\p{L})/iu;

/** "Cofinancement du PAD Maroc en 2006 (au titre des NTIC)" → "PAD Maroc". */
export function funderCore(printed: string): string {
  return printed
    .replace(/\([^)]*\)?/g, ' ')
    .replace(LEAD, '')
    .replace(/\s+(?:en|pour|depuis)\s+\d{4}(?!\d).*$/iu, '')
    .replace(/\s+(?:de|du|des|d['’])$/iu, '')
    .replace(/\s+/g, ' ')
    .replace(/^[\s,;:.–-]+|[\s,;:.–-]+$/g, '')
    .trim();
}

/** Is this a name a funder could have ("Comité des Échanges", "CALTO"), rather than a phrase? */
function organisationShaped(core: string): boolean {
  if (!/^\p{Lu}/u.test(core) || core.split(/\s+/).length > 10) return false;
  return ORGANISATION.test(core) || /^\p{Lu}{2,}(?![\p{Ll}])/u.test(core);
}

interface Context {
  readonly registry: FunderRegistry;
  readonly profiles: Profiles;
  readonly parties: readonly PartyRef[];
  readonly partnership: Partnership;
  readonly collectivities: ReadonlyMap<string, Collectivity>;
  readonly byPlace: ReadonlyMap<string, readonly Collectivity[]>;
}

type Resolution = { funderId: string } | { funderCollectivityId: string } | 'unresolved' | 'note';

function resolveLine(f: Funding, ctx: Context): Resolution {
  const whole = `${f.funder} ${f.text ?? ''}`;
  if (WISH.test(whole) || CONDITION.test(whole)) return 'note';
  const core = funderCore(f.funder);
  const country = ctx.registry.partyCountry(core) ?? ctx.registry.partyCountry(f.funder);
  if (country) {
    const party = ctx.partnership.parties.find((p) => p.country === country);
    return party ? { funderCollectivityId: party.collectivityId } : 'unresolved';
  }
  if (f.funderCollectivityId) return { funderCollectivityId: f.funderCollectivityId };
  if (!core) return 'note';
  const known = ctx.registry.resolve(core) ?? ctx.registry.resolve(f.funder);
  if (known) return { funderId: known.id };
  const party = matchParty(core, ctx.parties);
  if (party) return { funderCollectivityId: party.collectivityId };
  const elsewhere = ctx.byPlace.get(labelKey(core)) ?? [];
  if (elsewhere.length === 1) return { funderCollectivityId: elsewhere[0]!.id };
  // "Conseil général": the party of that kind, named by its kind alone.
  const byKind = ctx.partnership.parties.filter((p) => {
    const c = ctx.collectivities.get(p.collectivityId);
    const kind = c ? ctx.profiles.kind(c.country, c.kind) : undefined;
    return kind !== undefined && [kind.namePrefix, kind.labels.fr].some((label) => label !== undefined && foldKey(label) === foldKey(core));
  });
  if (byKind.length === 1) return { funderCollectivityId: byKind[0]!.collectivityId };
  return organisationShaped(core) ? 'unresolved' : 'note';
}

/** "Conseil général et MAE" → ["Conseil général", "MAE"]; one name → itself alone. */
function joinedFunders(printed: string): string[] {
  const core = funderCore(printed);
  return core.split(/\s+(?:et|&|\+)\s+|\s*;\s*/u).map((part) => part.trim()).filter(Boolean);
}

/**
 * A line whose printed funder names several, one line per funder it names (the amount, which the
 * print does not share out, stays with a lone funder only); undefined when it names one.
 */
function splitLine(line: Funding, ctx: Context): { lines: { line: Funding; resolution: Resolution }[]; note: boolean } | undefined {
  const parts = joinedFunders(line.funder);
  if (parts.length < 2) return undefined;
  const resolved = parts.map((part) => ({ part, resolution: resolveLine({ funder: part }, ctx) }));
  const funders = resolved.filter((r) => r.resolution !== 'note');
  if (!funders.some((r) => typeof r.resolution === 'object')) return undefined;
  const { funderCollectivityId: _c, funderId: _f, amount, share, funder: _p, ...rest } = line;
  const whole = { ...rest, text: line.text ?? line.funder };
  const money = funders.length === 1 ? { ...(amount ? { amount } : {}), ...(share !== undefined ? { share } : {}) } : {};
  return {
    lines: funders.map(({ part, resolution }) => ({ line: { funder: part, ...(typeof resolution === 'object' ? resolution : {}), ...money, ...whole }, resolution })),
    note: funders.length < resolved.length,
  };
}

/** Funding lines for the registry's funders a funding note names, beside those the project has. */
function linesFromNote(note: string, registry: FunderRegistry, has: ReadonlySet<string>): Funding[] {
  if (WISH.test(note) || CONDITION.test(note)) return [];
  return registry
    .mentions(note)
    .filter(({ funder }) => !has.has(funder.id))
    .map(({ funder, printed }) => ({ funder: printed, funderId: funder.id, contribution: 'unknown', text: note }));
}

function partyRefs(p: Partnership, collectivities: ReadonlyMap<string, Collectivity>): PartyRef[] {
  return p.parties.map((party) => {
    const c = collectivities.get(party.collectivityId);
    const name = c?.name ?? party.collectivityId;
    return { collectivityId: party.collectivityId, country: party.country, name, shortName: c?.shortName ?? name, aliases: [name, ...(c?.aliases ?? [])] };
  });
}

/** The document with its funding lines resolved; and the counts the import report gives. */
export function resolveFunders(doc: RepertoireDocument, registry: FunderRegistry, profiles: Profiles): { document: RepertoireDocument; counts: FunderCounts } {
  const collectivities = new Map(doc.collectivities.map((c) => [c.id, c]));
  const byPlace = new Map<string, Collectivity[]>();
  for (const c of doc.collectivities) {
    for (const name of new Set([c.shortName, ...(c.aliases ?? [])].filter((n): n is string => !!n).map((n) => placeKey(n)))) {
      byPlace.set(name, [...(byPlace.get(name) ?? []), c]);
    }
  }
  const printed = new Set<string>();
  const resolved = new Set<string>();
  const unresolved = new Set<string>();
  let notes = 0;
  let split = 0;
  const partnerships = doc.partnerships.map((partnership) => {
    const ctx: Context = { registry, profiles, parties: partyRefs(partnership, collectivities), partnership, collectivities, byPlace };
    const projects = partnership.projects?.map((project): Project => {
      if (!project.funding?.length) return project;
      const funding: Funding[] = [];
      const moved: string[] = [];
      for (const line of project.funding) {
        printed.add(foldKey(line.funder));
        const r = resolveLine(line, ctx);
        const parts = r === 'unresolved' ? splitLine(line, ctx) : undefined;
        if (parts) {
          for (const { line: part, resolution } of parts.lines) {
            if (resolution === 'unresolved') unresolved.add(foldKey(funderCore(part.funder)));
            else if (typeof resolution === 'object') resolved.add('funderId' in resolution ? resolution.funderId : `collectivity:${resolution.funderCollectivityId}`);
            funding.push(part);
          }
          split += parts.lines.length;
          if (parts.note) {
            moved.push(line.text ?? line.funder);
            notes++;
          }
          continue;
        }
        if (r === 'note') {
          moved.push(line.text ?? line.funder);
          notes++;
          continue;
        }
        const { funderCollectivityId: _c, funderId: _f, ...rest } = line;
        if (r === 'unresolved') unresolved.add(foldKey(funderCore(line.funder)));
        else resolved.add('funderId' in r ? r.funderId : `collectivity:${r.funderCollectivityId}`);
        funding.push(r === 'unresolved' ? rest : { funder: rest.funder, ...r, ...omitFunder(rest) });
      }
      const { funding: _old, fundingText, ...others } = project;
      // Notes keep the printed order: the lines that were not funders, then the project's own notes.
      const noteLines = [...new Set([...moved, ...(fundingText ? fundingText.split('\n') : [])])];
      const has = new Set(funding.flatMap((f) => (f.funderId ? [f.funderId] : [])));
      const kept: string[] = [];
      for (const note of noteLines) {
        const named = linesFromNote(note, registry, has);
        // a funder named in a note is a line of its own, the sentence its text; the moved phrase was counted as a note already
        for (const f of named) {
          funding.push(f);
          has.add(f.funderId!);
          resolved.add(f.funderId!);
        }
        split += named.length;
        if (named.length === 0) kept.push(note);
        else if (moved.includes(note)) notes--; // a phrase moved to the notes, then found to name a funder
      }
      const text = kept.join('\n');
      return { ...others, ...(funding.length ? { funding } : {}), ...(text ? { fundingText: text } : {}) } as Project;
    });
    return projects ? { ...partnership, projects } : partnership;
  });
  return {
    document: { ...doc, partnerships },
    counts: { printed: printed.size, resolved: resolved.size + unresolved.size, unresolved: unresolved.size, notes, split },
  };
}

function omitFunder(f: Omit<Funding, 'funderCollectivityId' | 'funderId'>): Omit<Funding, 'funder' | 'funderCollectivityId' | 'funderId'> {
  const { funder: _f, ...rest } = f;
  return rest;
}
