/**
 * A realistic synthetic directory, generated row by row (deterministic for a seed): the
 * collectivities of a home country and of one or more partner countries with real place names
 * (`countries.ts`; placed with the gazetteer: `locations.ts`), partnerships signed 1980–2008,
 * projects with French titles from domain vocabularies, statuses, a partner's programme flags
 * (the PAD Maroc, ~5 %), funding lines in euros and in the partner's currency.
 * Rows are handed to `emit` in foreign-key order, table by table within each partnership.
 */
import { RepertoireError } from '../errors.js';
import type { Gazetteer } from '../geo/gazetteer.js';
import { defaultProfiles, type Profiles } from '../profiles/profiles.js';
import { histories, of, slug, synthSide, wordsFor, type SynthCollectivity, type SynthSide } from './countries.js';
import { synthLocator } from './locations.js';
import { Random } from './random.js';
import { DOMAINS, FRAMEWORKS, MONTHS, OTHER_FUNDERS, THEMES, type Theme } from './vocabulary.js';

export interface SynthOptions {
  partnerships: number;
  seed?: number;
  /** mean projects per partnership (default 10: 100 000 partnerships give about 1 000 000 projects) */
  projectsPerPartnership?: number;
  /** the home country, then one or more partner countries (ISO 3166-1 alpha-2; default FR, MA) */
  countries?: readonly string[];
  /** the country profiles (default: the packaged ones) */
  profiles?: Profiles;
  /** the gazetteer collectivities are placed with (default: the packaged one) */
  gazetteer?: Gazetteer;
}

export const DEFAULT_COUNTRIES: readonly string[] = ['FR', 'MA'];
export const DEFAULT_SEED = 1;
export const DEFAULT_PROJECTS_PER_PARTNERSHIP = 10;

export type Row = Record<string, string | number | null>;
export type Emit = (table: SynthTable, row: Row) => void;
export type SynthTable =
  | 'directories'
  | 'domains'
  | 'collectivities'
  | 'partnerships'
  | 'partnership_parties'
  | 'partnership_domains'
  | 'projects'
  | 'project_domains'
  | 'project_partners'
  | 'funding_lines';

const isDefaultPair = (countries: readonly string[]) => countries.length === DEFAULT_COUNTRIES.length && countries.every((c, i) => c === DEFAULT_COUNTRIES[i]);

/** `synthetique-1000-s1` for the default pair (the ids of stores written before countries were chosen), `synthetique-fr-sn-1000-s1` for another. */
export function synthDirectoryId(options: Pick<SynthOptions, 'partnerships' | 'seed' | 'countries'>): string {
  const countries = options.countries ?? DEFAULT_COUNTRIES;
  const pair = isDefaultPair(countries) ? '' : `${countries.map((c) => c.toLowerCase()).join('-')}-`;
  return `synthetique-${pair}${options.partnerships}-s${options.seed ?? DEFAULT_SEED}`;
}

/** "franco-marocains" when both countries have an adjective, else "France – Sénégal", "France – Tunisie, Sénégal". */
function partnershipsOf(home: SynthSide, partners: readonly SynthSide[]): string {
  const [only] = partners;
  if (partners.length === 1 && home.adjective && only!.adjective) return `partenariats ${home.adjective.prefix}-${only!.adjective.plural}`;
  return `partenariats ${home.profile.names.fr} – ${partners.map((p) => p.profile.names.fr).join(', ')}`;
}

type Collectivity = SynthCollectivity;

/** The themes in a pair's words ("en France", "au Sénégal", "des douars"). */
function themesFor(fill: (text: string) => string): readonly Theme[] {
  return THEMES.map((t) => ({ ...t, actions: t.actions.map(fill), objects: t.objects.map(fill), places: t.places.map(fill), results: t.results.map(fill) }));
}

/** Generates the whole directory through `emit`; `onProgress` after each partnership. */
export function synthesize(options: SynthOptions, emit: Emit, onProgress?: (done: number, total: number) => void): { directoryId: string; counts: Record<string, number> } {
  const total = Math.max(1, Math.trunc(options.partnerships));
  const seed = options.seed ?? DEFAULT_SEED;
  const perPartnership = Math.max(0, options.projectsPerPartnership ?? DEFAULT_PROJECTS_PER_PARTNERSHIP);
  const random = new Random(seed);
  const countries = options.countries ?? DEFAULT_COUNTRIES;
  if (countries.length < 2 || new Set(countries).size !== countries.length) {
    throw new RepertoireError('usage', `synth: a home country and at least one other partner country, each once (got ${countries.join(',')})`);
  }
  const profiles = options.profiles ?? defaultProfiles();
  const [home, ...partners] = countries.map((code) => synthSide(code, profiles));
  const directoryId = synthDirectoryId({ partnerships: total, seed, countries });
  const counts: Record<string, number> = {};
  const out: Emit = (table, row) => {
    counts[table] = (counts[table] ?? 0) + 1;
    emit(table, row);
  };

  out('directories', {
    id: directoryId,
    explicit_id: 1,
    title: `Répertoire synthétique des ${partnershipsOf(home!, partners)} (${total} partenariats, graine ${seed})`,
    countries: JSON.stringify(countries),
    edition: '2008-07',
    publishers: '["Répertoire (données synthétiques)"]',
    language: 'fr',
    source: null,
  });
  DOMAINS.forEach((d, position) => out('domains', { directory_id: directoryId, code: d.code, label: d.label, parent: d.parent ?? null, position }));

  const ids = new Set<string>();
  const uniqueId = (base: string) => {
    let id = base;
    for (let n = 2; ids.has(id); n += 1) id = `${base}-${n}`;
    ids.add(id);
    return id;
  };
  // home communes are many (one for 20 partnerships), partners' fewer (one for 60, shared among the partner countries)
  const homeCollectivities = home!.collectivities(random, Math.max(20, Math.ceil(total / 20)), uniqueId);
  const partnerCollectivities = partners.map((side) => side.collectivities(random, Math.max(40, Math.ceil(total / (60 * partners.length))), uniqueId));
  [homeCollectivities, ...partnerCollectivities].forEach((list, i) => {
    const side = i === 0 ? home! : partners[i - 1]!;
    if (!side.pools.some(([, kinds]) => list.some((c) => kinds.includes(c.kind)))) {
      throw new RepertoireError('not-supported', `synth: no collectivities of ${side.code} (${side.profile.names.fr}) to draw: the gazetteer has no place of it in a division of its profile`);
    }
  });
  const sideOf = new Map(countries.map((code, i) => [code, i === 0 ? home! : partners[i - 1]!]));
  const locator = synthLocator(profiles, options.gazetteer);
  [...homeCollectivities, ...partnerCollectivities.flat()].forEach((c, position) => {
    const at = locator.locate(c);
    const side = sideOf.get(c.country)!;
    out('collectivities', {
      directory_id: directoryId,
      id: c.id,
      position,
      name: c.name,
      short_name: c.short,
      country: c.country,
      kind: c.kind,
      population: c.population,
      population_year: side.populationYear,
      executive_name: `${random.pick(side.people.first)} ${random.pick(side.people.last)}`,
      executive_title: side.executives[c.kind] ?? null,
      address: side.townHallKinds.includes(c.kind) ? `Hôtel de Ville, ${c.short}` : null,
      phones: null,
      faxes: null,
      emails: null,
      websites: side.website && c.kind === side.website.kind && c.population > side.website.minPopulation ? JSON.stringify([side.website.url(slug(c.short))]) : null,
      lat: at?.lat ?? null,
      lon: at?.lon ?? null,
      region: c.region,
      aliases: null,
    });
  });
  const poolsOf = (side: SynthSide, list: readonly Collectivity[]): [number, Collectivity[]][] =>
    side.pools.map(([weight, kinds]) => [weight, kinds.flatMap((kind) => list.filter((c) => c.kind === kind))]);
  const homePools = poolsOf(home!, homeCollectivities);
  const partnerSides = partners.map((side, i) => {
    const fill = wordsFor(home!, side);
    return { side, pools: poolsOf(side, partnerCollectivities[i]!), themes: themesFor(fill), funders: OTHER_FUNDERS.map(fill), histories: side.histories ?? histories(home!.profile, side.profile) };
  });
  const choose = (pools: [number, Collectivity[]][]) => {
    let u = random.next();
    for (const [weight, pool] of pools) {
      if (u < weight && pool.length > 0) return pool[random.skewed(pool.length)]!;
      u -= weight;
    }
    const pool = pools.find(([, p]) => p.length > 0)![1];
    return pool[random.skewed(pool.length)]!;
  };

  const domainLabel = new Map(DOMAINS.map((d) => [d.code, d.label]));
  const partnershipIds = new Set<string>();

  for (let i = 0; i < total; i += 1) {
    const ours = choose(homePools);
    // one partner country: no draw (the default pair's sequence is the one it always was)
    const with_ = partnerSides.length === 1 ? partnerSides[0]! : random.pick(partnerSides);
    const theirs = choose(with_.pools);
    const third = random.chance(0.05) ? choose(with_.pools) : undefined;
    let id = `${slug(ours.short)}-${slug(theirs.short)}`;
    if (partnershipIds.has(id)) id = `${id}-${(i + 1).toString(36)}`;
    partnershipIds.add(id);
    const [framework, frameworkKind] = random.pick(FRAMEWORKS);
    // more partnerships every year: the 2000s hold most of them
    const year = 1980 + Math.min(28, Math.floor(29 * random.next() ** 0.55));
    const month = random.int(1, 12);
    const day = random.int(1, 28);
    const dated = frameworkKind !== 'none' && random.chance(0.93);
    const precise = random.chance(0.6);
    const signedDate = !dated ? null : precise ? `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` : String(year);
    const dateText = !dated ? null : precise ? `Signée le ${day} ${MONTHS[month - 1]} ${year}` : String(year);
    const partnershipDomains = random.some(DOMAINS, random.int(1, 4)).map((d) => d.code);
    out('partnerships', {
      directory_id: directoryId,
      id,
      position: i,
      tier: random.chance(0.85) ? 'full' : 'brief',
      section: home!.section(ours.kind),
      legal_framework: framework,
      framework_kind: frameworkKind,
      date_text: dateText,
      signed_date: signedDate,
      history: `${random.pick(with_.histories)} ${random.chance(0.5) ? `Coopération entre ${ours.short} et ${theirs.short} depuis ${year}.` : ''}`.trim(),
      domains_text: `${partnershipDomains.map((code) => domainLabel.get(code)).join(' ; ')}.`,
      human_resources: null,
      other_partnerships: null,
      notes: null,
      source_document: null,
      source_first_line: null,
      source_last_line: null,
      source_page: null,
    });
    [ours, theirs, ...(third === undefined || third.id === theirs.id ? [] : [third])].forEach((c, position) =>
      out('partnership_parties', { directory_id: directoryId, partnership_id: id, position, collectivity_id: c.id, country: c.country, executive_name: null, executive_title: null }),
    );
    partnershipDomains.forEach((code, position) => out('partnership_domains', { directory_id: directoryId, partnership_id: id, position, domain_code: code }));

    const projects = perPartnership === 0 ? 0 : Math.floor(perPartnership * (0.2 + 1.6 * random.next()) + 0.5);
    const sides = { home: home!, partner: with_.side, themes: with_.themes, funders: with_.funders };
    for (let k = 0; k < projects; k += 1) project(random, out, directoryId, id, k, year, sides, ours, theirs, partnershipDomains);
    onProgress?.(i + 1, total);
  }
  return { directoryId, counts };
}

const STATUSES = [
  [0.45, 'ongoing'],
  [0.4, 'completed'],
  [0.1, 'planned'],
  [1, 'other'],
] as const;

interface ProjectSides {
  home: SynthSide;
  partner: SynthSide;
  /** the themes and the other funders in the pair's words */
  themes: readonly Theme[];
  funders: readonly string[];
}

function project(random: Random, out: Emit, directoryId: string, partnershipId: string, k: number, signedYear: number, sides: ProjectSides, ours: Collectivity, theirs: Collectivity, domains: readonly string[]): void {
  const { home, partner, themes, funders } = sides;
  const related = themes.filter((t) => t.domains.some((d) => domains.includes(d) || domains.some((p) => d.startsWith(`${p}-`))));
  const theme: Theme = related.length > 0 && random.chance(0.7) ? random.pick(related) : random.pick(themes);
  const where = random.chance(0.35) ? ` ${of(theirs.short)}` : ` ${random.pick(theme.places)}`;
  const title = `${random.pick(theme.actions)} ${random.pick(theme.objects)}${where}`;
  const id = `${partnershipId}-${k + 1}`;
  let u = random.next();
  let status = 'other';
  for (const [p, s] of STATUSES) {
    if (u < p) {
      status = s;
      break;
    }
    u -= p;
  }
  const startYear = Math.min(2008, Math.max(signedYear, 1985) + random.int(0, 6));
  const start = random.chance(0.75) ? (random.chance(0.5) ? `${startYear}-${String(random.int(1, 12)).padStart(2, '0')}` : String(startYear)) : null;
  const months = random.pick([6, 12, 18, 24, 36, 48]);
  // a co-financing programme of the partner country (the PAD Maroc); none for a country without one
  const pad = random.chance(0.05) && partner.programme !== undefined;
  const cost = random.int(5, 900) * 1000;
  const inTheirs = random.chance(0.4);
  const rate = partner.currency.perEur;
  const objective = `${random.pick(['Renforcer', 'Améliorer', 'Développer', 'Accompagner', 'Structurer'])} ${random.pick(theme.objects)} ${random.pick(theme.places)}`;
  const description =
    `Projet ${theme.subject} mené par ${theirs.name} avec l'appui ${of(ours.short)}. ` +
    `${random.pick(theme.actions)} ${random.pick(theme.objects)} ${random.pick(theme.places)}, ` +
    `dans le cadre de la coopération décentralisée et du développement local. ${random.chance(0.5) ? `Résultat attendu : ${random.pick(theme.results)}.` : ''}`;
  out('projects', {
    directory_id: directoryId,
    id,
    partnership_id: partnershipId,
    position: k,
    title,
    status,
    themes: JSON.stringify([theme.heading]),
    period_text: start === null ? null : `${start.slice(0, 4)} - ${months} mois`,
    start_date: start,
    end_date: null,
    duration_months: start === null ? null : months,
    pad_cofinanced: pad ? 1 : partner.programme !== undefined && random.chance(0.5) ? 0 : null,
    objectives: JSON.stringify([objective]),
    description: description.trim(),
    total_cost_amount: inTheirs ? Math.round(cost * rate) : cost,
    total_cost_currency: inTheirs ? partner.currency.code : 'EUR',
    total_cost_approximate: null,
    total_cost_text: null,
    funding_text: null,
    expected_results: JSON.stringify([random.pick(theme.results)]),
    obtained_results: status === 'completed' ? JSON.stringify([random.pick(theme.results)]) : null,
    beneficiaries: random.chance(0.3) ? JSON.stringify([`Population ${of(theirs.short)}`]) : null,
    observations: null,
    source_document: null,
    source_first_line: null,
    source_last_line: null,
    source_page: null,
  });
  const codes = [random.pick(theme.domains), ...(random.chance(0.25) ? [random.pick(domains)] : [])];
  [...new Set(codes)].forEach((code, position) => out('project_domains', { directory_id: directoryId, project_id: id, position, domain_code: code }));
  out('project_partners', { directory_id: directoryId, project_id: id, position: 0, name: theirs.name, role: 'maitre-ouvrage', country: theirs.country, collectivity_id: theirs.id, contact: null });
  out('project_partners', { directory_id: directoryId, project_id: id, position: 1, name: ours.name, role: 'assistant-maitre-ouvrage', country: ours.country, collectivity_id: ours.id, contact: null });
  const lines: Row[] = [];
  const ourShare = random.int(30, 70) / 100;
  lines.push({ funder: ours.short, funder_collectivity_id: ours.id, amount: Math.round(cost * ourShare * home.currency.perEur), currency: home.currency.code });
  if (random.chance(0.6)) lines.push({ funder: theirs.short, funder_collectivity_id: theirs.id, amount: Math.round(cost * 0.2 * rate), currency: partner.currency.code });
  if (pad) lines.push({ funder: random.pick(partner.programme!.funders), funder_collectivity_id: null, amount: Math.round(cost * 0.3 * rate), currency: partner.currency.code });
  if (random.chance(0.35)) lines.push({ funder: random.pick(funders), funder_collectivity_id: null, amount: Math.round(cost * 0.15), currency: 'EUR' });
  lines.forEach((line, position) =>
    out('funding_lines', {
      directory_id: directoryId,
      project_id: id,
      position,
      amount: line.amount!,
      currency: line.currency!,
      approximate: null,
      amount_text: null,
      funder: line.funder!,
      funder_collectivity_id: line.funder_collectivity_id ?? null,
      share: null,
      contribution: 'financial',
      text: null,
    }),
  );
}
