import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { RepertoireDocument } from './schema.js';
import { loadFixture } from './fixtures/index.js';

const jsonSchema: unknown = JSON.parse(readFileSync(new URL('../../schema/repertoire.schema.json', import.meta.url), 'utf8'));
const ajvValidate = new Ajv2020({ allErrors: true, strict: true }).compile(jsonSchema as object);

type Doc = ReturnType<typeof loadFixture>;
type Mutation = (doc: Doc) => void;

function agree(doc: unknown): { ajv: boolean; zod: boolean } {
  return { ajv: ajvValidate(doc), zod: RepertoireDocument.safeParse(doc).success };
}

/** Every object schema met while walking `value`, with the keys the value actually used. */
function keysUsed(schema: z.ZodType, value: unknown, seen = new Map<z.ZodObject, Set<string>>()) {
  if (schema instanceof z.ZodOptional) return keysUsed(schema.unwrap() as z.ZodType, value, seen);
  if (schema instanceof z.ZodArray && Array.isArray(value)) {
    for (const item of value) keysUsed(schema.element as z.ZodType, item, seen);
  }
  if (schema instanceof z.ZodObject && typeof value === 'object' && value !== null) {
    const used = seen.get(schema) ?? new Set<string>();
    seen.set(schema, used);
    for (const [key, item] of Object.entries(value)) {
      used.add(key);
      keysUsed(schema.shape[key] as z.ZodType, item, seen);
    }
  }
  return seen;
}

describe('the Zod model and schema/repertoire.schema.json', () => {
  it('both accept the complete fixture, and Zod returns it unchanged', () => {
    const doc = loadFixture();
    expect(ajvValidate(doc), JSON.stringify(ajvValidate.errors)).toBe(true);
    expect(JSON.stringify(RepertoireDocument.parse(doc))).toBe(JSON.stringify(doc));
  });

  it('the fixture uses every optional field at least once', () => {
    const unused = [...keysUsed(RepertoireDocument, loadFixture())].flatMap(([schema, used]) =>
      Object.keys(schema.shape).filter((key) => !used.has(key)),
    );
    expect(unused).toEqual([]);
  });

  it('both accept a minimal document', () => {
    const minimal = {
      format: 'repertoire',
      version: 1,
      directory: { title: 'T', countries: ['FR', 'MA'] },
      domains: [],
      collectivities: [],
      partnerships: [],
    };
    expect(agree(minimal)).toEqual({ ajv: true, zod: true });
  });

  const mutations: Record<string, Mutation> = {
    'missing format': (d) => delete (d as Partial<Doc>).format,
    'version 2': (d) => Object.assign(d, { version: 2 }),
    'unknown top-level field': (d) => Object.assign(d, { extra: true }),
    'upper-case id': (d) => (d.collectivities[0]!.id = 'Aix'),
    'id of 201 characters': (d) => (d.collectivities[0]!.id = 'a'.repeat(201)),
    'three-letter country': (d) => (d.collectivities[0]!.country = 'FRA'),
    'empty title': (d) => (d.directory.title = ''),
    'one country': (d) => (d.directory.countries = ['FR']),
    'negative amount': (d) => (d.partnerships[0]!.budgets![0]!.amount.amount = -1),
    'amount beyond 2^53': (d) => (d.partnerships[0]!.budgets![0]!.amount.amount = 2 ** 53),
    'population beyond 2^53': (d) => (d.collectivities[0]!.population = 2 ** 60),
    'lower-case currency': (d) => (d.partnerships[0]!.budgets![0]!.amount.currency = 'eur'),
    'three source lines': (d) => Object.assign(d.directory.source!, { lines: [1, 2, 3] }),
    'source line 0': (d) => (d.directory.source!.lines = [0, 2]),
    'unknown partnership field': (d) => Object.assign(d.partnerships[0]!, { remarks: 'x' }),
    'unknown project status': (d) => Object.assign(d.partnerships[0]!.projects![0]!, { status: 'done' }),
    'one party': (d) => d.partnerships[0]!.parties.splice(1),
    'share above 1': (d) => (d.partnerships[0]!.projects![0]!.funding![0]!.share = 1.5),
    'latitude 95': (d) => (d.collectivities[0]!.location!.lat = 95),
    'slashed date': (d) => (d.partnerships[0]!.projects![0]!.startDate = '2007/07'),
    'fractional population': (d) => (d.collectivities[0]!.population = 1.5),
    'negative population': (d) => (d.collectivities[0]!.population = -1),
    'unknown contact kind': (d) => Object.assign(d.partnerships[0]!.contacts![0]!, { kind: 'boss' }),
    'funding without funder': (d) => delete (d.partnerships[0]!.projects![0]!.funding![0] as Partial<Record<string, unknown>>).funder,
    'unknown partner role': (d) => Object.assign(d.partnerships[0]!.projects![0]!.partners![0]!, { role: 'sponsor' }),
    'party without country': (d) => delete (d.partnerships[0]!.parties[0] as Partial<Record<string, unknown>>).country,
    'executive without name': (d) => Object.assign(d.collectivities[0]!, { executive: { title: 'Maire' } }),
    'string approximate': (d) => Object.assign(d.partnerships[0]!.budgets![0]!.amount, { approximate: 'yes' }),
    'null optional field': (d) => Object.assign(d.collectivities[0]!, { region: null }),
    'unknown framework kind': (d) => Object.assign(d.partnerships[0]!, { frameworkKind: 'pacte' }),
  };

  it.each(Object.entries(mutations))('both reject: %s', (_name, mutate) => {
    const doc = loadFixture();
    mutate(doc);
    expect(agree(doc)).toEqual({ ajv: false, zod: false });
  });
});
