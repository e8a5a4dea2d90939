/**
 * The licence the site publishes its data under, named wherever the data is described: the CSV
 * zip's Data Package, the DCAT catalogue, the OpenAPI document. The Licence Ouverte 2.0 (Etalab)
 * is the licence of French public open data, compatible with CC BY 4.0 and the Open Government
 * Licence: reuse with attribution of the source (the directory's publishers, named beside it).
 */
export const DATA_LICENCE = {
  /** its SPDX identifier */
  id: 'etalab-2.0',
  title: 'Licence Ouverte / Open Licence version 2.0',
  url: 'https://www.etalab.gouv.fr/licence-ouverte-open-licence/',
} as const;
