/**
 * Funders' names as the book prints them, grouped: "Cofinancement PAD", "PAD Maroc",
 * "Cofinancement du PAD Maroc (demande en cours)" → PAD; "Cofinancement MAE en 2006" → MAE;
 * a funder that is a collectivity of the census → that collectivity (by id, whatever the
 * spelling: "Région Midi Pyrénées", "Aquitaine", "Cofinancement PACA"); otherwise the name
 * without "Cofinancement"/"Financement"/"Subvention", its parentheses and its year.
 *
 * The programmes are recognised by the search facet's own rule (`funderName`, src/search/facets.ts),
 * so that the statistics and the "Financeur" facet group funders alike; the statistics add the
 * collectivities a funder's text names.
 *
 * A line the reader resolved (issue 17) is grouped by its entity: the funder registry's
 * (`funderId`: "MAE", "Cofinancement MAE en 2006" are one ministry) or its collectivity. Each group
 * has a kind (ministry, programme, collectivity…; `unresolved` for a name nothing resolved) so
 * that the statistics also total by kind. The text rules above serve stores imported before.
 */
import { defaultFunders, type FunderRegistry } from '../profiles/funders.js';
import { defaultProfiles, type Profiles } from '../profiles/profiles.js';
import { funderName } from '../search/facets.js';
import { foldKey as fold } from '../text/fold.js';

export interface FunderGroup {
  /** a stable key: `c:<collectivity id>`, `p:<programme>` or `n:<folded name>` */
  key: string;
  label: string;
  collectivityId: string | null;
  /** the registry's kind, `collectivity`, or `unresolved` */
  kind: string;
  /** the PAD's own lines (the PAD table totals them) */
  pad: boolean;
}

/** The big programmes and institutions, as `funderName` names them. */
const PROGRAMMES: ReadonlySet<string> = new Set(['PAD', 'MAE', 'AFD', 'Union européenne', 'INDH', 'Caisse des Dépôts']);

export interface FunderCollectivity {
  id: string;
  name: string;
  shortName?: string | null | undefined;
  country: string;
  kind: string;
}

/** Groups funders; built once per statistics run with the census's collectivities. */
export class FunderNames {
  private readonly byKey = new Map<string, FunderCollectivity>();
  private readonly names = new Map<string, string>();
  private readonly memo = new Map<string, FunderGroup>();

  constructor(
    collectivities: Iterable<FunderCollectivity>,
    profiles: Profiles = defaultProfiles(),
    private readonly registry: FunderRegistry = defaultFunders(),
  ) {
    const regionOf = (country: string, place: string) => profiles.regionOf(country, place);
    const municipal = (c: FunderCollectivity) => profiles.kind(c.country, c.kind)?.level === 'municipal';
    for (const c of collectivities) {
      this.names.set(c.id, c.name);
      // how a collectivity may be named as a funder: its short name, its name; a région by its région's names
      const keys = [c.shortName, c.name].filter((x): x is string => !!x).map(fold);
      if (profiles.kind(c.country, c.kind)?.level === 'regional') {
        const region = regionOf(c.country, c.shortName ?? c.name);
        if (region) keys.push(fold(region), `region ${fold(region)}`, `conseil regional ${fold(region)}`);
        for (const k of [...keys]) keys.push(`region ${k}`, `conseil regional ${k}`, `conseil regional de ${k}`);
      }
      if (municipal(c)) for (const k of [...keys]) keys.push(`ville de ${k}`, `mairie de ${k}`, `ville ${k}`);
      for (const k of keys) if (!this.byKey.has(k)) this.byKey.set(k, c);
    }
    // the book's abbreviation
    const paca = this.byKey.get(fold("provence alpes cote d azur")) ?? [...this.byKey.values()].find((c) => regionOf(c.country, c.shortName ?? c.name) === "Provence-Alpes-Côte d'Azur" && profiles.kind(c.country, c.kind)?.level === 'regional');
    if (paca && !this.byKey.has('paca')) this.byKey.set('paca', paca);
  }

  group(funder: string, collectivityId?: string | null, funderId?: string | null): FunderGroup {
    const memoKey = `${collectivityId ?? ''}\u0000${funderId ?? ''}\u0000${funder}`;
    const hit = this.memo.get(memoKey);
    if (hit) return hit;
    const pad = funderName(funder) === 'PAD';
    const entity = funderId ? this.registry.get(funderId) : undefined;
    const result: FunderGroup = entity
      ? { key: `f:${entity.id}`, label: entity.name, collectivityId: null, kind: entity.kind, pad: pad || funderName(entity.name) === 'PAD' }
      : { ...this.compute(funder, collectivityId), pad };
    this.memo.set(memoKey, result);
    return result;
  }

  private compute(funder: string, collectivityId?: string | null): Omit<FunderGroup, 'pad'> {
    if (collectivityId) return { key: `c:${collectivityId}`, label: this.names.get(collectivityId) ?? funder, collectivityId, kind: 'collectivity' };
    const programme = funderName(funder);
    if (programme !== undefined && PROGRAMMES.has(programme)) return { key: `p:${programme}`, label: programme, collectivityId: null, kind: 'programme' };
    const bare = funder
      .replace(/^\s*(co-?)?financements?\s+|^\s*subventions?\s+/i, '')
      .replace(/^(du|de la|de l'|de l’|des|de|d'|d’)\s*/i, '')
      .replace(/\s*\([^)]*\)\s*/g, ' ')
      .replace(/\s+en\s+\d{4}\s*$/i, '')
      .replace(/^conseil r[ée]gional\s+(de la |de l'|de l’|du |de |d'|d’)?/i, 'Région ')
      .replace(/\s+/g, ' ')
      .trim();
    const c = this.byKey.get(fold(bare));
    if (c) return { key: `c:${c.id}`, label: c.name, collectivityId: c.id, kind: 'collectivity' };
    // "Subvention de la commune à l'APRE", "opérateur": a phrase rather than a name, kept as printed
    const label = /^[\p{Lu}\d]/u.test(bare) ? bare : funder.trim();
    return { key: `n:${fold(label)}`, label, collectivityId: null, kind: 'unresolved' };
  }
}
