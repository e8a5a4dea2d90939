/**
 * The shape of a country profile's files (docs/profiles.md), checked when they are read: a
 * curated country is `data/profiles/<CODE>/profile.json`, `divisions.json` and `places.json`;
 * every other country is generated from `data/profiles/world.json` (scripts/build-world-profiles.ts).
 */
import { z } from 'zod';

const Code = z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 code (two capital letters)');
const Currency = z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code (three capital letters)');
const Box = z.tuple([z.tuple([z.number(), z.number()]), z.tuple([z.number(), z.number()])]);

function isRegExp(pattern: string): boolean {
  try {
    new RegExp(pattern, 'u');
    return true;
  } catch {
    return false;
  }
}

export const KindLevel = z.enum(['municipal', 'intermediate', 'regional', 'grouping']);
export type KindLevel = z.infer<typeof KindLevel>;

export const Kind = z.object({
  /** the code records carry: 'commune', 'region-ma' */
  code: z.string().regex(/^[a-z][a-z0-9-]*$/, 'a lower-case code'),
  level: KindLevel,
  labels: z.object({ fr: z.string().min(1), en: z.string().min(1), ar: z.string().min(1).optional() }),
  /** how a name of this kind starts in French when only the place is printed ("Ville", "Conseil régional") */
  namePrefix: z.string().min(1).optional(),
  /** the kind it is one with when telling collectivities apart (a commune urbaine is a commune) */
  group: z.string().optional(),
});
export type Kind = z.infer<typeof Kind>;

export const ProfileFile = z.object({
  $comment: z.string().optional(),
  code: Code,
  names: z.object({
    fr: z.string().min(1),
    en: z.string().min(1),
    ar: z.string().min(1),
    /** the French name with its article, as a sentence starts it (« Le Maroc », « La France »); the name alone otherwise */
    frDefinite: z.string().min(1).optional(),
  }),
  kinds: z.array(Kind).min(1),
  currency: z.object({
    code: Currency,
    /** units for one euro */
    perEur: z.number().positive().optional(),
    year: z.number().int().optional(),
    source: z.string().min(10).optional(),
  }),
  outline: z.object({
    /** the country's id in world-atlas (ISO 3166 numeric) */
    worldAtlasId: z.string().regex(/^\d{3}$/),
    /** only the parts of the outline inside this box ([[west, south], [east, north]]): metropolitan France */
    keep: Box.optional(),
    /** a territory of disputed status drawn hatched beside the country (the Western Sahara) */
    disputed: z
      .object({
        worldAtlasId: z.string().regex(/^\d{3}$/),
        /** the territory is everything of the country and of that outline south of this parallel… */
        southOf: z.number(),
        /** …west of this meridian, where the parallel meets the next country */
        eastLimit: z.number(),
        /** what a map's description says of it (French) */
        note: z.string().min(1),
      })
      .optional(),
    /** the key of its inner boundaries in data/geo/admin1.json (lines of its top level, `regions`, and of the next, `departements`) */
    innerBoundaries: z.string().optional(),
  }),
  /** the country codes GeoNames files the country's places under (Morocco: MA and EH) */
  gazetteerCountries: z.array(Code).min(1),
  /** how a printed telephone number says it is of this country: its calling code ("212") and, for numbers printed without it, their national form (a regular expression over the digits: "^0[1-9]\\d{8}$") */
  phone: z
    .object({
      callingCode: z.string().regex(/^\d{1,4}$/, 'digits only, without + or 00'),
      national: z.string().min(1).refine(isRegExp, 'a regular expression').optional(),
    })
    .optional(),
  /** the top-level domains of the country's websites and mail ("ma"); generated profiles: the code in small letters */
  webDomains: z.array(z.string().regex(/^[a-z]{2,}$/, 'a top-level domain in small letters, without the dot')).optional(),
  /** titles of office only this country uses, as a directory in French prints them ("pacha", "caïd") */
  offices: z.array(z.string().min(1)).optional(),
});
export type ProfileFile = z.infer<typeof ProfileFile>;

const Unit = z.object({
  code: z.string().min(1),
  name: z.string().min(1),
  /** the level's code, one of `levels` */
  level: z.string(),
  /** the city it is governed from, as GeoNames spells it (or through aliases.json) */
  seat: z.string().optional(),
  /** the code of the unit of the level above */
  parent: z.string().optional(),
  /** the GeoNames admin codes its places carry; `otherCountries`: also the places filed under the profile's other gazetteer countries */
  geonames: z.object({ admin1: z.array(z.string()).optional(), admin2: z.array(z.string()).optional(), otherCountries: z.boolean().optional() }).optional(),
});
export type DivisionUnit = z.infer<typeof Unit>;

export const DivisionsFile = z
  .object({
    $comment: z.string().optional(),
    /** the year the division dates from; null: as Natural Earth draws it today */
    year: z.number().int().nullable(),
    source: z.string().min(1),
    /** top level first: the first is a collectivity's "region" */
    levels: z.array(z.object({ code: z.string(), kind: z.string() })).min(1),
    units: z.array(Unit),
  })
  .superRefine((d, ctx) => {
    const levels = new Set(d.levels.map((l) => l.code));
    const codes = new Set(d.units.map((u) => u.code));
    d.units.forEach((u, i) => {
      if (!levels.has(u.level)) ctx.addIssue({ code: 'custom', path: ['units', i, 'level'], message: `"${u.level}" is not one of the levels` });
      if (u.parent !== undefined && !codes.has(u.parent)) ctx.addIssue({ code: 'custom', path: ['units', i, 'parent'], message: `no unit "${u.parent}"` });
    });
  });
export type DivisionsFile = z.infer<typeof DivisionsFile>;

export const PlacesFile = z.object({ $comment: z.string().optional(), places: z.record(z.string(), z.string()) });
export type PlacesFile = z.infer<typeof PlacesFile>;

export const WorldFile = z.object({
  $comment: z.string().optional(),
  countries: z.record(
    Code,
    z.object({
      /** the country's name in French, English and Arabic (from ICU, at build time) */
      names: z.object({ fr: z.string().min(1), en: z.string().min(1), ar: z.string().min(1) }),
      outline: z.string().optional(),
      currency: Currency.optional(),
      divisionType: z.string().optional(),
      /** [ISO 3166-2 code, name, GeoNames admin1 code] */
      divisions: z.array(z.tuple([z.string(), z.string(), z.string()])).optional(),
    }),
  ),
});
export type WorldFile = z.infer<typeof WorldFile>;

const Frame = z.object({
  extent: Box,
  parallels: z.tuple([z.number(), z.number()]),
  rotate: z.tuple([z.number(), z.number()]),
  legend: z.enum(['left', 'right']),
  labels: z.array(z.object({ text: z.string(), lat: z.number(), lon: z.number(), italic: z.boolean().optional() })),
});
export type MapFrame = z.infer<typeof Frame>;

export const MapsFile = z.object({ $comment: z.string().optional(), frames: z.record(z.string().regex(/^[A-Z]{2}(\+[A-Z]{2})*$/), Frame) });
export type MapsFile = z.infer<typeof MapsFile>;
