import { loadConfig } from '../../config.js';
import { RepertoireError } from '../../errors.js';
import { searchIndexKeeper, siteIndexBuilder } from '../../web/search-index.js';
import { openStore } from '../../store/db.js';
import { defaultProfiles, type Profiles } from '../../profiles/profiles.js';
import { DEFAULT_COUNTRIES, DEFAULT_PROJECTS_PER_PARTNERSHIP, DEFAULT_SEED } from '../../synth/generate.js';
import { writeSynthetic } from '../../synth/write.js';
import type { Command, OptionValues } from '../context.js';
import { createProgress } from '../progress.js';

function integer(values: OptionValues, name: string, min: number, max: number, fallback?: number): number {
  const raw = values[name];
  if (raw === undefined) {
    if (fallback === undefined) throw new RepertoireError('usage', `synth: --${name} is required`);
    return fallback;
  }
  const n = Number(raw);
  if (typeof raw !== 'string' || !Number.isInteger(n) || n < min || n > max) {
    throw new RepertoireError('usage', `synth: --${name} must be an integer from ${min} to ${max}, got "${String(raw)}"`);
  }
  return n;
}

/** "FR,SN" → ['FR', 'SN']: the home country, then the partner countries, each one the profiles know. */
export function parseCountries(raw: unknown, profiles: Profiles): string[] {
  if (raw === undefined) return [...DEFAULT_COUNTRIES];
  if (typeof raw !== 'string') throw new RepertoireError('usage', 'synth: --countries takes a list like FR,SN');
  const codes = raw.split(',').map((c) => c.trim().toUpperCase());
  for (const code of codes) {
    if (!/^[A-Z]{2}$/.test(code)) throw new RepertoireError('usage', `synth: --countries: "${code}" is not a two-letter country code (ISO 3166-1 alpha-2), in "${raw}"`);
    if (!profiles.has(code)) throw new RepertoireError('usage', `synth: --countries: no country profile for "${code}" (neither curated in data/profiles/ nor in data/profiles/world.json)`);
  }
  if (codes.length < 2) throw new RepertoireError('usage', `synth: --countries needs a home country and at least one partner country, got "${raw}"`);
  const twice = codes.find((c, i) => codes.indexOf(c) !== i);
  if (twice !== undefined) throw new RepertoireError('usage', `synth: --countries names "${twice}" twice, in "${raw}"`);
  return codes;
}

export const synthCommand: Command = {
  name: 'synth',
  help: `Usage: repertoire synth --partnerships N [--seed S] [--countries FR,SN] [--projects-per-partnership M]

Writes a realistic synthetic directory of partnerships between the local authorities of a home
country and of one or more partner countries (real place names: curated lists for France and
Morocco, the gazetteer's places of any other country; each country's kinds of collectivities
and currency from its profile; partnerships signed 1980–2008, projects, funding lines in euros
and in the partner's currency) into the store named by DATABASE_URL, then builds its search
index. The same seed gives the same directory. A directory written before with the same
countries, N and seed is replaced; other directories are left alone. SQLite stores only.

Options:
  --partnerships N               how many partnerships (1 to 10 000 000)
  --seed S                       the random seed (default ${DEFAULT_SEED})
  --countries H,P[,P…]           the home country, then the partner countries (ISO 3166-1 alpha-2
                                 codes of data/profiles; default ${DEFAULT_COUNTRIES.join(',')})
  --projects-per-partnership M   mean projects per partnership (default ${DEFAULT_PROJECTS_PER_PARTNERSHIP}: 100 000 partnerships give about 1 000 000 projects)
  -h, --help                     show this help
`,
  options: { partnerships: { type: 'string' }, seed: { type: 'string' }, countries: { type: 'string' }, 'projects-per-partnership': { type: 'string' } },
  positionals: 0,
  async run(values, _positionals, context) {
    const partnerships = integer(values, 'partnerships', 1, 10_000_000);
    const seed = integer(values, 'seed', 0, 2 ** 31 - 1, DEFAULT_SEED);
    const projectsPerPartnership = integer(values, 'projects-per-partnership', 0, 1000, DEFAULT_PROJECTS_PER_PARTNERSHIP);
    const profiles = defaultProfiles();
    const countries = parseCountries(values.countries, profiles);
    const config = loadConfig(context.env);
    if (config.database.kind !== 'sqlite' || config.database.path === ':memory:') {
      throw new RepertoireError('not-supported', 'synth writes into a SQLite file: set DATABASE_URL to a file path');
    }
    // create the store, or bring its schema up to date, before writing into it directly
    await (await openStore(config)).close();

    const generating = createProgress(context.stderr, 'generating partnerships');
    let written;
    try {
      written = writeSynthetic(config.database.path, { partnerships, seed, projectsPerPartnership, countries, profiles }, generating.update);
    } finally {
      generating.finish();
    }
    const counts = Object.entries(written.counts)
      .map(([table, n]) => `  ${table.padEnd(22)}${String(n).padStart(10)}`)
      .join('\n');
    context.stdout.write(`Directory ${written.directoryId} written in ${(written.ms / 1000).toFixed(1)} s:\n${counts}\n`);

    const store = await openStore(config);
    const indexing = createProgress(context.stderr, 'indexing documents');
    const started = performance.now();
    try {
      // through the keeper, which records the store's version it was built from: `serve` then starts without rebuilding it
      await searchIndexKeeper(store.db, written.directoryId, siteIndexBuilder('sqlite', indexing.update)).ensureFresh();
    } finally {
      indexing.finish();
      await store.close();
    }
    context.stdout.write(`Search index built in ${((performance.now() - started) / 1000).toFixed(1)} s.\n`);
    return 0;
  },
};
