/**
 * /catalogue.jsonld over real HTTP: a DCAT-AP catalogue with the mandatory properties of a
 * catalogue, its datasets and their distributions, one dataset per directory of the store, each
 * distribution a download that answers; every page links to it from its head.
 */
import { describe, expect, it } from 'vitest';
import { DIRECTORY_ID, servedTestSite } from '../testing.js';

const served = servedTestSite();

type Json = Record<string, unknown>;
const text = (value: unknown) => (value as { '@value': string })['@value'];
const id = (value: unknown) => (value as { '@id': string })['@id'];

describe('the DCAT catalogue', () => {
  it('describes each directory as a dataset with its downloads, in DCAT-AP JSON-LD', async () => {
    const response = await fetch(`${served.base}/catalogue.jsonld`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/ld+json; charset=utf-8');
    const catalogue = (await response.json()) as Json;
    expect((catalogue['@context'] as Json).dcat).toBe('http://www.w3.org/ns/dcat#');
    expect(catalogue['@type']).toBe('dcat:Catalog');
    // DCAT-AP's mandatory properties of a catalogue: title, description, publisher, and its datasets
    expect(text(catalogue['dct:title'])).toMatch(/catalogue/);
    expect(text(catalogue['dct:description']).length).toBeGreaterThan(20);
    expect(text((catalogue['dct:publisher'] as Json)['foaf:name'])).toBe('Répertoire');
    const datasets = catalogue['dcat:dataset'] as Json[];
    const stored = await served.site.store.db.selectFrom('directories').select('id').execute();
    expect(datasets.map((d) => d['dct:identifier']).sort()).toEqual(stored.map((r) => r.id).sort());

    const dataset = datasets.find((d) => d['dct:identifier'] === DIRECTORY_ID)!;
    expect(text(dataset['dct:title'])).toContain('franco-marocains');
    expect(text(dataset['dct:description'])).toContain('France, Maroc');
    expect((dataset['dct:spatial'] as Json[]).map(id)).toEqual([
      'http://publications.europa.eu/resource/authority/country/FRA',
      'http://publications.europa.eu/resource/authority/country/MAR',
    ]);
    expect(id(dataset['dct:license'])).toBe('https://www.etalab.gouv.fr/licence-ouverte-open-licence/');
    expect((dataset['dct:publisher'] as Json[]).map((p) => text(p['foaf:name']))).toContain('Cités Unies France');
    expect(id(dataset['dcat:landingPage'])).toBe(`${served.base}/r/${DIRECTORY_ID}/`);
    const distributions = dataset['dcat:distribution'] as Json[];
    expect(distributions.map((d) => id(d['dct:format']).split('/').pop())).toEqual(['ZIP', 'XLSX', 'JSON', 'XML']);
    for (const distribution of distributions) {
      const url = id(distribution['dcat:downloadURL']);
      expect(url.startsWith(served.base)).toBe(true);
      const download = await fetch(url);
      expect(download.status, url).toBe(200);
      expect(id(distribution['dcat:mediaType'])).toBe(`https://www.iana.org/assignments/media-types/${download.headers.get('content-type')!.split(';')[0]}`);
      await download.arrayBuffer();
    }
    const landing = await fetch(id(dataset['dcat:landingPage']));
    expect(landing.status).toBe(200);
  });

  it('is linked from the head of the home page (and every page)', async () => {
    for (const path of ['/', '/partenariats']) {
      const page = await (await fetch(`${served.base}${path}`)).text();
      const head = page.slice(0, page.indexOf('</head>'));
      expect(head, path).toMatch(/<link rel="alternate" type="application\/ld\+json" href="\/catalogue\.jsonld" title="[^"]+">/);
    }
  });
});
