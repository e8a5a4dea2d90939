import { createWriteStream, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ENGINES, openEngineStore } from '../test-support/engines.js';
import { tempDir } from '../test-support/temp-store.js';
import { DAC_PURPOSE, endDay, startDay, writeIati } from './iati.js';
import { importBundled, xmllintSchema } from './testing/tools.js';

/** The schema copied into the project (from the IATI-Schemas repository, version 2.03). */
const SCHEMA = fileURLToPath(new URL('../../schema/iati/iati-activities-schema.xsd', import.meta.url));

describe.each(ENGINES)('IATI export on %s', (engine) => {
  it('writes one activity per project, valid against the IATI 2.03 schema', async () => {
    const { db } = await openEngineStore(engine);
    await importBundled(db);
    const path = join(tempDir(), 'activities.xml');
    const counts = await writeIati(db, createWriteStream(path), { generated: new Date('2026-01-02T03:04:05Z') });
    expect(counts).toEqual({ activities: 197 }); // 197 projects since issue 17 (two partners were read as projects)

    const validation = await xmllintSchema(SCHEMA, path);
    expect(validation.output).toContain('validates');
    expect(validation.ok).toBe(true);

    const xml = readFileSync(path, 'utf8');
    expect(xml.match(/<iati-activity /g)).toHaveLength(197);
    const first = xml.slice(xml.indexOf('<iati-activity '), xml.indexOf('</iati-activity>'));
    expect(first).toContain('default-currency="MAD"');
    expect(first).toContain('<activity-status code="2"/>');
    expect(first).toContain('<activity-date type="2" iso-date="2007-07-09"/>');
    expect(first).toContain('<recipient-country code="MA" percentage="100"/>');
    expect(first).toContain('<participating-org role="1"><narrative xml:lang="fr">Cofinancement PAD</narrative></participating-org>');
    expect(first).toContain('role="4"><narrative xml:lang="fr">Commune urbaine d\'Oujda</narrative>');
    expect(first).toContain('<sector vocabulary="1" code="43030" percentage="100">');
    expect(first).toContain('<sector vocabulary="99" vocabulary-uri="urn:repertoire:repertoire-franco-marocain-2008:domains" code="developpement-urbain" percentage="100">');
    expect(first).toContain('<value currency="MAD" value-date="2007-07-09">2032800</value></budget>');
    expect(first).toContain('<transaction><transaction-type code="11"/><transaction-date iso-date="2007-07-09"/><value currency="MAD" value-date="2007-07-09">994690</value>');
    // Budgets in euros stay in euros.
    expect(xml).toMatch(/<value currency="EUR" value-date="[0-9-]+">[0-9.]+<\/value><\/budget>/);
  });

  it('writes only the selected projects', async () => {
    const { db } = await openEngineStore(engine);
    await importBundled(db);
    const path = join(tempDir(), 'one.xml');
    const id = 'aix-en-provence-oujda-assistance-a-maitrise-d-ouvrage-pour-l-elaboration';
    expect(await writeIati(db, createWriteStream(path), { selection: { projects: [id] } })).toEqual({ activities: 1 });
    expect((await xmllintSchema(SCHEMA, path)).ok).toBe(true);
    expect(readFileSync(path, 'utf8')).toContain(`<iati-identifier>XX-REPERTOIRE-${id}</iati-identifier>`);
  });

  it('maps every domain of the 2008 Synthèse with a child to a DAC code, and reads partial dates', () => {
    for (const code of Object.values(DAC_PURPOSE).map((p) => p.code)) expect(code).toMatch(/^\d{5}$/);
    expect([startDay('2007'), startDay('2007-07'), endDay('2007'), endDay('2008-02'), endDay('2007-07-09')]).toEqual(['2007-01-01', '2007-07-01', '2007-12-31', '2008-02-29', '2007-07-09']);
  });
});
