/**
 * The site's datasets in DCAT-AP (the EU's application profile of W3C DCAT), as JSON-LD: what
 * open-data portals (data.gouv.fr, data.europa.eu, CKAN's DCAT harvester) read to list them. One
 * catalogue (the site), one dataset per directory of the store, and for each its distributions:
 * the site's exports of the whole directory (CSV zip with its Data Package, XLSX, JSON interchange,
 * IATI XML) and its pages. Every address is absolute (`base`: the site's origin).
 */
import countries from 'i18n-iso-countries';
import type { Directory } from '../../model/schema.js';
import { DATA_LICENCE } from '../../publish/licence.js';
import { PUBLISHERS } from '../../publish/formats.js';
import { EXPORT_FORMATS, EXPORT_PATH, type ExportFormat } from '../export/params.js';
import type { MessageKey } from '../i18n/index.js';
import { directoryPrefix } from '../paths.js';

export const CATALOGUE_PATH = '/catalogue.jsonld';
export const JSON_LD = 'application/ld+json';

type Json = Record<string, unknown>;

/** The EU's file-type vocabulary, for dct:format. */
const FILE_TYPES: Record<ExportFormat, string> = { csv: 'ZIP', xlsx: 'XLSX', json: 'JSON', iati: 'XML' };
const EU = 'http://publications.europa.eu/resource/authority';

const CONTEXT = {
  dcat: 'http://www.w3.org/ns/dcat#',
  dct: 'http://purl.org/dc/terms/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
};

export interface CatalogueDirectory {
  readonly id: string;
  readonly record: Directory;
}

const ref = (id: string): Json => ({ '@id': id });
const literal = (value: string, language = 'fr'): Json => ({ '@value': value, '@language': language });

/** A country code as the EU's country authority names it (FR → …/country/FRA), when it knows it. */
function countryUri(code: string): Json[] {
  const alpha3 = countries.alpha2ToAlpha3(code);
  return alpha3 === undefined ? [] : [ref(`${EU}/country/${alpha3}`)];
}

export function catalogueOf(base: string, directories: readonly CatalogueDirectory[], t: (key: MessageKey, params?: Record<string, string>) => string, countryName: (code: string) => string): Json {
  const licence = ref(DATA_LICENCE.url);
  const site = { '@id': `${base}/#publisher`, '@type': 'foaf:Agent', 'foaf:name': literal(t('site.name')) };
  return {
    '@context': CONTEXT,
    '@id': `${base}${CATALOGUE_PATH}`,
    '@type': 'dcat:Catalog',
    'dct:title': literal(t('catalogue.title')),
    'dct:description': literal(t('catalogue.description')),
    'dct:publisher': site,
    'dct:language': ref(`${EU}/language/FRA`),
    'dct:license': licence,
    'foaf:homepage': ref(`${base}/`),
    'dcat:dataset': directories.map(({ id, record }) => {
      const home = `${base}${directoryPrefix(id)}/`;
      const names = record.countries.map(countryName).join(', ');
      return {
        '@id': `${home}#dataset`,
        '@type': 'dcat:Dataset',
        'dct:identifier': id,
        'dct:title': literal(record.title),
        'dct:description': literal(t('catalogue.dataset.description', { title: record.title, countries: names })),
        'dct:publisher': (record.publishers ?? []).map((name) => ({ '@type': 'foaf:Agent', 'foaf:name': literal(name) })),
        'dct:spatial': record.countries.flatMap(countryUri),
        'dct:language': ref(`${EU}/language/FRA`),
        ...(record.edition ? { 'dct:issued': { '@value': record.edition, '@type': /^\d{4}$/.test(record.edition) ? 'xsd:gYear' : /^\d{4}-\d{2}$/.test(record.edition) ? 'xsd:gYearMonth' : 'xsd:date' } } : {}),
        'dct:license': licence,
        'dcat:keyword': [literal(t('catalogue.keyword.cooperation')), literal(t('catalogue.keyword.collectivities')), ...record.countries.map((code) => literal(countryName(code)))],
        'dcat:landingPage': ref(home),
        'dcat:distribution': EXPORT_FORMATS.map((format) => {
          const url = `${base}${directoryPrefix(id)}${EXPORT_PATH}?format=${format}&scope=all`;
          return {
            '@id': `${home}#${format}`,
            '@type': 'dcat:Distribution',
            'dct:title': literal(t(`export.format.${format}` as MessageKey)),
            'dcat:accessURL': ref(url),
            'dcat:downloadURL': ref(url),
            'dcat:mediaType': ref(`https://www.iana.org/assignments/media-types/${PUBLISHERS[format]!.mediaType}`),
            'dct:format': ref(`${EU}/file-type/${FILE_TYPES[format]}`),
            'dct:license': licence,
          };
        }),
      };
    }),
  };
}
