/**
 * A realistic synthetic directory, generated row by row (deterministic for a seed): French and
 * Moroccan collectivities with real place names (placed with the gazetteer: `locations.ts`), partnerships signed 1980–2008, projects with
 * French titles from domain vocabularies, statuses, PAD flags (~5 %), funding lines in EUR and MAD.
 * Rows are handed to `emit` in foreign-key order, table by table within each partnership.
 */
import { DEPARTEMENTS, FRENCH_COMMUNAUTES_URBAINES, FRENCH_COMMUNES, FRENCH_NAME_PARTS, FRENCH_REGIONS, MOROCCAN_COMMUNES, MOROCCAN_NAME_PARTS, MOROCCAN_REGIONS, PEOPLE, PROVINCES } from './places.js';
import { synthLocation } from './locations.js';
import { Random } from './random.js';
import { DOMAINS, FRAMEWORKS, HISTORIES, MONTHS, OTHER_FUNDERS, THEMES, type Theme } from './vocabulary.js';

export interface SynthOptions {
  partnerships: number;
  seed?: number;
  /** mean projects per partnership (default 10: 100 000 partnerships give about 1 000 000 projects) */
  projectsPerPartnership?: number;
}

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

export function synthDirectoryId(options: SynthOptions): string {
  return `synthetique-${options.partnerships}-s${options.seed ?? DEFAULT_SEED}`;
}

interface Collectivity {
  id: string;
  name: string;
  short: string;
  country: 'FR' | 'MA';
  kind: string;
  region: string;
  population: number;
  /** an invented name: the département or province it was drawn in (where it is placed) */
  near?: { kind: string; name: string };
}

const slug = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/œ/g, 'oe')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** "de Lyon", "d'Agadir", "de l'Hérault" */
function of(name: string, article = false): string {
  const vowel = /^[AEIOUYÉÈÊÎÔÂH]/i.test(name);
  if (article) return vowel ? `de l'${name}` : `de ${name}`;
  return vowel ? `d'${name}` : `de ${name}`;
}

function collectivities(random: Random, partnerships: number): { french: Collectivity[]; moroccan: Collectivity[] } {
  const ids = new Set<string>();
  const uniqueId = (base: string) => {
    let id = base;
    for (let n = 2; ids.has(id); n += 1) id = `${base}-${n}`;
    ids.add(id);
    return id;
  };
  const french: Collectivity[] = [];
  const frenchCommunes = Math.max(20, Math.ceil(partnerships / 20));
  const names = new Set<string>();
  for (let i = 0; i < frenchCommunes; i += 1) {
    let name: string;
    let region: string;
    let population: number;
    let near: Collectivity['near'];
    if (i < FRENCH_COMMUNES.length) {
      const c = FRENCH_COMMUNES[i]!;
      ({ name, region, population } = c);
    } else {
      const d = random.pick(DEPARTEMENTS);
      do {
        name = random.chance(0.3)
          ? `${random.pick(FRENCH_NAME_PARTS.saints)}-${random.pick(FRENCH_NAME_PARTS.suffixes)}`
          : `${random.pick(FRENCH_NAME_PARTS.roots)}-${random.pick(FRENCH_NAME_PARTS.suffixes)}`;
        if (names.has(name)) name = `${name} (${d.name})`;
      } while (names.has(name));
      region = d.region;
      population = random.int(800, 30_000);
      near = { kind: 'departement', name: d.name };
    }
    names.add(name);
    french.push({ id: uniqueId(`fr-commune-${slug(name)}`), name: `Ville ${of(name)}`, short: name, country: 'FR', kind: 'commune', region, population, ...(near ? { near } : {}) });
  }
  for (const [name, short, code] of FRENCH_COMMUNAUTES_URBAINES) {
    const d = DEPARTEMENTS.find((x) => x.code === String(code).padStart(2, '0'))!;
    french.push({ id: uniqueId(`fr-communaute-urbaine-${slug(short)}`), name, short, country: 'FR', kind: 'communaute-urbaine', region: d.region, population: random.int(150, 1300) * 1000 });
  }
  for (const d of DEPARTEMENTS) {
    french.push({ id: uniqueId(`fr-departement-${slug(d.name)}`), name: `Conseil général ${of(d.name, true)}`, short: d.name, country: 'FR', kind: 'departement', region: d.region, population: random.int(80, 2500) * 1000 });
  }
  for (const r of FRENCH_REGIONS) {
    french.push({ id: uniqueId(`fr-region-${slug(r)}`), name: `Conseil régional ${of(r)}`, short: r, country: 'FR', kind: 'region', region: r, population: random.int(300, 11_000) * 1000 });
  }

  const moroccan: Collectivity[] = [];
  const moroccanCommunes = Math.max(40, Math.ceil(partnerships / 60));
  // the real towns (urban communes), then rural communes
  const urban = Math.min(MOROCCAN_COMMUNES.length, Math.ceil(moroccanCommunes * 0.6));
  const mNames = new Set<string>();
  for (let i = 0; i < moroccanCommunes; i += 1) {
    if (i < urban) {
      const c = MOROCCAN_COMMUNES[i]!;
      mNames.add(c.name);
      moroccan.push({ id: uniqueId(`ma-commune-${slug(c.name)}`), name: `Commune urbaine ${of(c.name)}`, short: c.name, country: 'MA', kind: 'commune-urbaine', region: c.region, population: c.population });
      continue;
    }
    const p = random.pick(PROVINCES);
    let name: string;
    do {
      name = `${random.pick(MOROCCAN_NAME_PARTS.prefixes)} ${random.pick(MOROCCAN_NAME_PARTS.roots)}`;
      if (mNames.has(name)) name = `${name} (${p.name})`;
    } while (mNames.has(name));
    mNames.add(name);
    moroccan.push({
      id: uniqueId(`ma-commune-${slug(name)}`),
      name: `Commune rurale ${of(name)}`,
      short: name,
      country: 'MA',
      kind: 'commune-rurale',
      region: p.region,
      population: random.int(3, 40) * 1000,
      near: { kind: p.kind, name: p.name },
    });
  }
  for (const p of PROVINCES) {
    const label = p.kind === 'prefecture' ? 'Préfecture' : 'Province';
    moroccan.push({ id: uniqueId(`ma-${p.kind}-${slug(p.name)}`), name: `${label} ${of(p.name)}`, short: p.name, country: 'MA', kind: p.kind, region: p.region, population: random.int(60, 3500) * 1000 });
  }
  for (const r of MOROCCAN_REGIONS) {
    moroccan.push({ id: uniqueId(`ma-region-${slug(r)}`), name: `Conseil régional ${of(r)}`, short: r, country: 'MA', kind: 'region-ma', region: r, population: random.int(100, 4000) * 1000 });
  }
  return { french, moroccan };
}

const SECTION: Record<string, string> = { commune: 'Villes', 'communaute-urbaine': 'Communautés urbaines', departement: 'Conseils généraux', region: 'Conseils régionaux' };
const EXECUTIVE: Record<string, string> = {
  commune: 'Maire',
  'communaute-urbaine': 'Président de la communauté urbaine',
  departement: 'Président du conseil général',
  region: 'Président du conseil régional',
  'commune-urbaine': 'Président du conseil communal',
  'commune-rurale': 'Président du conseil communal',
  province: 'Gouverneur',
  prefecture: 'Gouverneur',
  'region-ma': 'Président du conseil régional',
};

/** Generates the whole directory through `emit`; `onProgress` after each partnership. */
export function synthesize(options: SynthOptions, emit: Emit, onProgress?: (done: number, total: number) => void): { directoryId: string; counts: Record<string, number> } {
  const total = Math.max(1, Math.trunc(options.partnerships));
  const seed = options.seed ?? DEFAULT_SEED;
  const perPartnership = Math.max(0, options.projectsPerPartnership ?? DEFAULT_PROJECTS_PER_PARTNERSHIP);
  const random = new Random(seed);
  const directoryId = synthDirectoryId({ partnerships: total, seed });
  const counts: Record<string, number> = {};
  const out: Emit = (table, row) => {
    counts[table] = (counts[table] ?? 0) + 1;
    emit(table, row);
  };

  out('directories', {
    id: directoryId,
    explicit_id: 1,
    title: `Répertoire synthétique des partenariats franco-marocains (${total} partenariats, graine ${seed})`,
    countries: '["FR","MA"]',
    edition: '2008-07',
    publishers: '["Répertoire (données synthétiques)"]',
    language: 'fr',
    source: null,
  });
  DOMAINS.forEach((d, position) => out('domains', { directory_id: directoryId, code: d.code, label: d.label, parent: d.parent ?? null, position }));

  const { french, moroccan } = collectivities(random, total);
  [...french, ...moroccan].forEach((c, position) => {
    const at = synthLocation(c);
    const people = c.country === 'FR' ? [PEOPLE.frenchFirst, PEOPLE.frenchLast] : [PEOPLE.moroccanFirst, PEOPLE.moroccanLast];
    out('collectivities', {
      directory_id: directoryId,
      id: c.id,
      position,
      name: c.name,
      short_name: c.short,
      country: c.country,
      kind: c.kind,
      population: c.population,
      population_year: c.country === 'FR' ? 2006 : 2004,
      executive_name: `${random.pick(people[0]!)} ${random.pick(people[1]!)}`,
      executive_title: EXECUTIVE[c.kind] ?? null,
      address: c.kind === 'commune' || c.kind === 'commune-urbaine' ? `Hôtel de Ville, ${c.short}` : null,
      phones: null,
      faxes: null,
      emails: null,
      websites: c.kind === 'commune' && c.population > 50_000 ? `["http://www.ville-${slug(c.short)}.fr"]` : null,
      lat: at?.lat ?? null,
      lon: at?.lon ?? null,
      region: c.region,
      aliases: null,
    });
  });
  // French communes partner most; then départements, régions, communautés urbaines
  const byKind = (list: Collectivity[], kind: string) => list.filter((c) => c.kind === kind);
  const frenchPools: [number, Collectivity[]][] = [
    [0.7, byKind(french, 'commune')],
    [0.05, byKind(french, 'communaute-urbaine')],
    [0.15, byKind(french, 'departement')],
    [0.1, byKind(french, 'region')],
  ];
  const moroccanPools: [number, Collectivity[]][] = [
    [0.4, byKind(moroccan, 'commune-urbaine')],
    [0.3, byKind(moroccan, 'commune-rurale')],
    [0.15, [...byKind(moroccan, 'province'), ...byKind(moroccan, 'prefecture')]],
    [0.15, byKind(moroccan, 'region-ma')],
  ];
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
    const fr = choose(frenchPools);
    const ma = choose(moroccanPools);
    const third = random.chance(0.05) ? choose(moroccanPools) : undefined;
    let id = `${slug(fr.short)}-${slug(ma.short)}`;
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
      section: SECTION[fr.kind] ?? null,
      legal_framework: framework,
      framework_kind: frameworkKind,
      date_text: dateText,
      signed_date: signedDate,
      history: `${random.pick(HISTORIES)} ${random.chance(0.5) ? `Coopération entre ${fr.short} et ${ma.short} depuis ${year}.` : ''}`.trim(),
      domains_text: `${partnershipDomains.map((code) => domainLabel.get(code)).join(' ; ')}.`,
      human_resources: null,
      other_partnerships: null,
      notes: null,
      source_document: null,
      source_first_line: null,
      source_last_line: null,
      source_page: null,
    });
    [fr, ma, ...(third === undefined || third.id === ma.id ? [] : [third])].forEach((c, position) =>
      out('partnership_parties', { directory_id: directoryId, partnership_id: id, position, collectivity_id: c.id, country: c.country, executive_name: null, executive_title: null }),
    );
    partnershipDomains.forEach((code, position) => out('partnership_domains', { directory_id: directoryId, partnership_id: id, position, domain_code: code }));

    const projects = perPartnership === 0 ? 0 : Math.floor(perPartnership * (0.2 + 1.6 * random.next()) + 0.5);
    for (let k = 0; k < projects; k += 1) project(random, out, directoryId, id, k, year, fr, ma, partnershipDomains);
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

function project(random: Random, out: Emit, directoryId: string, partnershipId: string, k: number, signedYear: number, fr: Collectivity, ma: Collectivity, domains: readonly string[]): void {
  const related = THEMES.filter((t) => t.domains.some((d) => domains.includes(d) || domains.some((p) => d.startsWith(`${p}-`))));
  const theme: Theme = related.length > 0 && random.chance(0.7) ? random.pick(related) : random.pick(THEMES);
  const where = random.chance(0.35) ? ` ${of(ma.short)}` : ` ${random.pick(theme.places)}`;
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
  const pad = random.chance(0.05);
  const cost = random.int(5, 900) * 1000;
  const inMad = random.chance(0.4);
  const objective = `${random.pick(['Renforcer', 'Améliorer', 'Développer', 'Accompagner', 'Structurer'])} ${random.pick(theme.objects)} ${random.pick(theme.places)}`;
  const description =
    `Projet ${theme.subject} mené par ${ma.name} avec l'appui ${of(fr.short)}. ` +
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
    pad_cofinanced: pad ? 1 : random.chance(0.5) ? 0 : null,
    objectives: JSON.stringify([objective]),
    description: description.trim(),
    total_cost_amount: inMad ? cost * 11 : cost,
    total_cost_currency: inMad ? 'MAD' : 'EUR',
    total_cost_approximate: null,
    total_cost_text: null,
    funding_text: null,
    expected_results: JSON.stringify([random.pick(theme.results)]),
    obtained_results: status === 'completed' ? JSON.stringify([random.pick(theme.results)]) : null,
    beneficiaries: random.chance(0.3) ? JSON.stringify([`Population ${of(ma.short)}`]) : null,
    observations: null,
    source_document: null,
    source_first_line: null,
    source_last_line: null,
    source_page: null,
  });
  const codes = [random.pick(theme.domains), ...(random.chance(0.25) ? [random.pick(domains)] : [])];
  [...new Set(codes)].forEach((code, position) => out('project_domains', { directory_id: directoryId, project_id: id, position, domain_code: code }));
  out('project_partners', { directory_id: directoryId, project_id: id, position: 0, name: ma.name, role: 'maitre-ouvrage', country: 'MA', collectivity_id: ma.id, contact: null });
  out('project_partners', { directory_id: directoryId, project_id: id, position: 1, name: fr.name, role: 'assistant-maitre-ouvrage', country: 'FR', collectivity_id: fr.id, contact: null });
  const lines: Row[] = [];
  const frShare = random.int(30, 70) / 100;
  lines.push({ funder: fr.short, funder_collectivity_id: fr.id, amount: Math.round(cost * frShare), currency: 'EUR' });
  if (random.chance(0.6)) lines.push({ funder: ma.short, funder_collectivity_id: ma.id, amount: Math.round(cost * 0.2 * 11), currency: 'MAD' });
  if (pad) lines.push({ funder: random.pick(['Cofinancement PAD', 'PAD Maroc', 'Cofinancement du PAD Maroc']), funder_collectivity_id: null, amount: Math.round(cost * 0.3 * 11), currency: 'MAD' });
  if (random.chance(0.35)) lines.push({ funder: random.pick(OTHER_FUNDERS), funder_collectivity_id: null, amount: Math.round(cost * 0.15), currency: 'EUR' });
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
